/**
 * The treaty table's words: every reason the treaty map gives for an instrument applying or not,
 * every kind of declaration and of instrument, and every link of a route has a wording in both
 * languages (the screens build these keys from data, so a missing one would show as a key).
 */
import { describe, expect, it } from 'vitest';
import type { RouteLink } from '../eligibility/routes.ts';
import type { DeclarationKind } from '../treaties/map/schema.ts';
import { INSTRUMENT_KINDS } from '../treaties/map/schema.ts';
import type { Relation } from '../treaties/map/relations.ts';
import { hasMessage, LOCALES } from './index.ts';

type Reason = Exclude<Relation, { status: 'applies' }>['reason'];
const REASONS = [
  'not-party', 'not-yet', 'ceased', 'replaced', 'no-scheme-party', 'no-basis',
  'no-map-entry', 'party-unconfirmed', 'pattern', 'transitional-unconfirmed', 'judgment-date-unknown',
] as const satisfies readonly Reason[];
const DECLARATION_KINDS = ['national-definition', 'excludes-procedure', 'consent-route-opt-out', 'dual-criminality-opt-out', 'transitional', 'unread'] as const satisfies readonly DeclarationKind[];
const LINKS = ['nationality', 'permanent-residence', 'lives-in'] as const satisfies readonly RouteLink[];

// Every value of the unions is listed ('other' declarations are shown without a kind).
const allReasons: [Exclude<Reason, (typeof REASONS)[number]>] extends [never] ? true : false = true;
const allKinds: [Exclude<DeclarationKind, (typeof DECLARATION_KINDS)[number] | 'other'>] extends [never] ? true : false = true;
const allLinks: [Exclude<RouteLink, (typeof LINKS)[number]>] extends [never] ? true : false = true;

describe('the treaty table and route finder in words', () => {
  it('has a wording for every reason, declaration kind, instrument kind and tie, in both languages', () => {
    expect([allReasons, allKinds, allLinks]).toEqual([true, true, true]);
    const keys = [
      ...REASONS.map((r) => `ui.treatyTable.reason.${r}`),
      ...DECLARATION_KINDS.map((k) => `ui.treatyTable.declaration.${k}`),
      ...INSTRUMENT_KINDS.map((k) => `treaties.kind.${k}`),
      ...LINKS.map((l) => `ui.routes.tie.${l}`),
    ];
    for (const locale of LOCALES) expect(keys.filter((key) => !hasMessage(locale, key)), locale).toEqual([]);
  });
});
