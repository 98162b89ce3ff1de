/**
 * Golden fixtures of the route finder (fixtures/routes/): for a case, every (instrument,
 * administering State) pair open for the person, assessed and ranked, each list derived by hand
 * in the fixture's `derivation`. Assessed through the same law resolution as the app
 * (built-in rule-sets, profiles and treaty map).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routeLaw } from '../electron/services/routes.ts';
import { lawResolver } from '../electron/services/ruleset-resolution.ts';
import { parseCase } from '../shared/domain/case.ts';
import { findRoutes } from '../shared/eligibility/routes.ts';
import { formatIsoDate, parseIsoDate, type DayNumber } from '../shared/sentence/calendar.ts';
import { builtInTreatyMap } from '../shared/treaties/map/built-in/index.ts';

const DIR = fileURLToPath(new URL('../fixtures/routes', import.meta.url));
const TODAY = parseIsoDate('2026-11-29');
const iso = (day: DayNumber | null) => (day === null ? null : formatIsoDate(day));

interface ExpectedRoute {
  ruleSetId: string;
  administeringState: string;
  current: boolean;
  verdict: string;
  treatyBasis: string;
  opensOn: string | null;
  closesOn: string | null;
  open: boolean;
}

const names = readdirSync(DIR).filter((f) => f.endsWith('.case.json')).map((f) => f.slice(0, -'.case.json'.length)).sort();

describe('route finder golden fixtures', () => {
  it('there are fixtures', () => expect(names.length).toBeGreaterThan(0));

  for (const name of names) {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as { title: string; on: string; routes: ExpectedRoute[] };
    it(`${name}: ${expected.title}`, () => {
      const parsed = parseCase(JSON.parse(readFileSync(join(DIR, `${name}.case.json`), 'utf8')));
      if (!parsed.ok) expect.fail(JSON.stringify(parsed.errors));
      const routes = findRoutes(parsed.value, { map: builtInTreatyMap(), law: routeLaw(lawResolver(null), TODAY), today: TODAY, on: parseIsoDate(expected.on) });
      expect(
        routes.map((r) => ({
          ruleSetId: r.ruleSetId,
          administeringState: r.administeringState,
          current: r.current,
          verdict: r.assessment.verdict,
          treatyBasis: r.assessment.conditions.find((c) => c.id === 'treaty-basis')?.status,
          opensOn: iso(r.opensOn),
          closesOn: iso(r.closesOn),
          open: r.open,
        })),
      ).toEqual(expected.routes);
    });
  }
});
