/**
 * One way into the engine: every golden fixture assessed through the app's router and through
 * `tsp assess --db` on the same store — with a stored jurisdiction profile (Hong Kong without
 * remission, England and Wales without remand credit) and a stored rule-set version of ETS 112 —
 * gives the same result, field by field. (Before, `tsp assess --db` dropped the stored profile
 * and fell back to the built-in one: release dates 60 days apart.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../electron/app.ts';
import { BUILT_IN_RULESETS } from '../shared/treaties/library.ts';
import { BUILT_IN_PROFILES } from '../shared/treaties/profile-schema.ts';
import { runTsp } from './cli-io.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const ids = new Set(BUILT_IN_RULESETS.map((r) => r.id));

interface Fixture {
  ruleSetId: string;
  casePath: string;
  on: string;
}

const fixtures: Fixture[] = fs
  .readdirSync(FIXTURES)
  .filter((folder) => ids.has(folder))
  .flatMap((folder) =>
    fs
      .readdirSync(path.join(FIXTURES, folder))
      .filter((f) => f.endsWith('.case.json'))
      .flatMap((f) => {
        const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, folder, f.replace('.case.json', '.expected.json')), 'utf8')) as {
          ruleSetPatch?: unknown;
          expect: { referenceDate: string };
        };
        // A fixture that replaces rule-set parameters is not a stored version of its rule-set: left to tests/golden.test.ts.
        return expected.ruleSetPatch === undefined ? [{ ruleSetId: folder, casePath: path.join(FIXTURES, folder, f), on: expected.expect.referenceDate }] : [];
      }),
  );

let dir: string;
let db: string;
const viaRouter = new Map<string, unknown>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-parity-'));
  db = path.join(dir, 'store.sqlite');
  const app = openApp({ file: db, osUser: os.userInfo().username });
  try {
    const dispatch = (channel: Parameters<typeof app.router.dispatch>[0], payload: unknown) => {
      const r = app.router.dispatch(channel, payload as never);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.data as { id: string; result: unknown };
    };
    const profile = (code: string, patch: Record<string, unknown>) => ({ ...structuredClone(BUILT_IN_PROFILES.find((p) => p.code === code)!), version: 'parity', effectiveFrom: '1990-01-01', ...patch });
    dispatch('profiles.save', { profile: profile('HK', { remission: { value: null, source: 'entered for the parity test', confidence: 'U' } }), reason: 'parity' });
    dispatch('profiles.save', { profile: profile('GB', { remandCredit: { value: 'none', source: 'entered for the parity test', confidence: 'U' } }), reason: 'parity' });
    const ets112 = BUILT_IN_RULESETS.find((r) => r.id === 'coe-ets-112')!;
    dispatch('rulesets.save', { ruleSet: { ...structuredClone(ets112), version: 'parity', effectiveFrom: '1990-01-01', notes: 'stored for the parity test' }, reason: 'parity' });
    for (const f of fixtures) {
      const c = { ...JSON.parse(fs.readFileSync(f.casePath, 'utf8')), ruleSetId: f.ruleSetId };
      const { id } = dispatch('cases.create', { case: c });
      viaRouter.set(f.casePath, dispatch('assessments.run', { caseId: id, on: f.on }).result);
    }
  } finally {
    app.close();
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CLI and the router assess the same way', () => {
  it('covers the fixtures', () => expect(fixtures.length).toBeGreaterThan(40));

  for (const f of fixtures) {
    it(`${path.basename(path.dirname(f.casePath))}/${path.basename(f.casePath)}`, async () => {
      const r = await runTsp('assess', '--db', db, '--case', f.casePath, '--treaty', f.ruleSetId, '--on', f.on, '--json');
      expect(r.code, r.err).toBe(0);
      const { conditions, arithmetic, referenceProvisional, ...cli } = JSON.parse(r.out) as Record<string, unknown> & {
        conditions: Record<string, unknown>[];
        arithmetic: { messageKey: string; params: unknown }[];
        referenceProvisional: boolean;
      };
      void referenceProvisional;
      const stored = viaRouter.get(f.casePath) as Record<string, unknown> & { conditions: unknown[]; steps: unknown[] };
      const { conditions: storedConditions, steps, ...rest } = stored;
      expect(cli).toEqual(rest);
      expect(conditions.map(({ explanation, ...c }) => (void explanation, c))).toEqual(storedConditions);
      expect(arithmetic.map((s) => ({ key: s.messageKey, params: s.params }))).toEqual(steps);
    });
  }
});
