/**
 * Golden fixtures of the enforcement computation (fixtures/enforcement): one
 * `<name>.case.json` (tsp-case/1, an incoming case) with its `<name>.expected.json` per scenario.
 *
 * Every expected date and count was derived by hand, with its article (the arithmetic is
 * written out in each file's `derivation`), not copied from the engine. An expected file gives
 * the handover date and may replace top-level keys of the administering State's built-in
 * profile (`profilePatch`, e.g. how a transferred sentence earns remission). `expect` lists the
 * fields checked: `flags` exactly, the rest as a subset of `tsp enforce --json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../shared/domain/case.ts';
import { computeEnforcement } from '../shared/enforcement/compute.ts';
import { toStoredEnforcement } from '../shared/enforcement/report.ts';
import type { EnforcementStatus } from '../shared/enforcement/types.ts';
import { parseIsoDate } from '../shared/sentence/calendar.ts';
import type { JurisdictionProfile } from '../shared/sentence/profile.ts';
import { profileFor } from '../shared/treaties/jurisdictions.ts';

const DIR = fileURLToPath(new URL('../fixtures/enforcement', import.meta.url));
const TODAY = parseIsoDate('2026-11-29');

interface Expected {
  scenario: string;
  title: string;
  article: string;
  derivation: string[];
  handover: string;
  procedure?: 'continued' | 'conversion';
  profilePatch?: Partial<JurisdictionProfile>;
  expect: { status: EnforcementStatus; flags: string[] } & Record<string, unknown>;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.case.json'))
  .map((f) => f.slice(0, -'.case.json'.length))
  .sort();

describe('golden fixtures: the sentence enforced after an incoming transfer', () => {
  it('cover the scenarios of the issue, each derived by hand with its article', () => {
    const loaded = names.map((n) => readJson(join(DIR, `${n}.expected.json`)) as Expected);
    expect(loaded.map((e) => e.scenario)).toEqual(expect.arrayContaining(['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07']));
    for (const e of loaded) {
      expect(e.article, e.scenario).not.toBe('');
      expect(e.derivation.length, e.scenario).toBeGreaterThan(2);
    }
  });

  for (const name of names) {
    const e = readJson(join(DIR, `${name}.expected.json`)) as Expected;
    it(`${e.scenario} ${e.title} (${e.article}) -> ${e.expect.status}`, () => {
      const parsed = parseCase(readJson(join(DIR, `${name}.case.json`)));
      if (!parsed.ok) expect.fail(`${name}.case.json is not valid tsp-case/1: ${JSON.stringify(parsed.errors)}`);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.value.direction).toBe('incoming');
      const c = parsed.value;
      const administering = { ...profileFor(c.administeringState), ...e.profilePatch };
      const result = toStoredEnforcement(
        computeEnforcement(c, { today: TODAY, handover: parseIsoDate(e.handover), procedure: e.procedure ?? null, administeringProfile: administering }),
      );
      const { flags, ...rest } = e.expect;
      // One comparison, so a failure shows every field that differs at once.
      expect({ ...result, flags: [...result.flags].sort() }).toMatchObject({ ...rest, flags: [...flags].sort() });
    });
  }
});
