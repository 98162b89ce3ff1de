/** `tsp routes` and `tsp treaties table`: the route finder and the treaty map from the command line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsp } from './cli-io.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-cli-routes-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const r02 = path.join(import.meta.dirname, '../fixtures/routes/R02-route-that-opens-later.case.json');

describe('tsp routes --case FILE', () => {
  it('lists the routes in rank order: Albania to be found out (consent and dual criminality are on file for India only), India from 2018-05-01', async () => {
    const r = await runTsp('routes', '--case', r02, '--on', '2018-03-01', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { on: string; routes: { ruleSetId: string; administeringState: string; opensOn: string; result: { verdict: string } }[] };
    expect(json.on).toBe('2018-03-01');
    expect(json.routes.map((x) => [x.administeringState, x.result.verdict, x.opensOn])).toEqual([
      ['AL', 'needs_information', null],
      ['IN', 'ineligible', '2018-05-01'],
    ]);
  });

  it('says so in words without --json', async () => {
    const r = await runTsp('routes', '--case', r02, '--on', '2018-03-01');
    expect(r.out).toContain('+ AL under coe-ets-112: Needs information\n');
    expect(r.out).toContain("+ IN under coe-ets-112 (the case's own): Not eligible, from 2018-05-01");
  });

  it('refuses a bad date or a missing case with exit 2', async () => {
    expect((await runTsp('routes', '--case', r02, '--on', '2018-02-30')).code).toBe(2);
    expect((await runTsp('routes')).code).toBe(2);
    expect((await runTsp('routes', '--case', r02, '--all')).code).toBe(2);
  });
});

describe('tsp routes on a store', () => {
  it('gives a stored case its routes, and screens every open case with --all', async () => {
    const db = path.join(dir, 'store.sqlite');
    const file = path.join(dir, 'cases.json');
    fs.writeFileSync(file, JSON.stringify([JSON.parse(fs.readFileSync(r02, 'utf8'))]));
    expect((await runTsp('cases', 'import', '--db', db, file)).code).toBe(0);
    const [stored] = JSON.parse((await runTsp('cases', 'search', '--db', db, '--json')).out) as { id: string }[];
    const one = JSON.parse((await runTsp('routes', '--db', db, '--case', stored!.id, '--on', '2018-03-01', '--json')).out) as { routes: unknown[] };
    expect(one.routes).toHaveLength(2);
    const all = await runTsp('routes', '--db', db, '--all', '--on', '2018-03-01', '--json');
    expect(all.code).toBe(0);
    const lines = all.out.trim().split('\n').map((l) => JSON.parse(l) as { caseId: string; openRoutes: number; best: { administeringState: string } });
    expect(lines).toEqual([expect.objectContaining({ caseId: stored!.id, openRoutes: 2, best: expect.objectContaining({ administeringState: 'AL' }) })]);
    expect(all.err).toContain('1 open case screened on 2018-03-01: 1 with at least one open route.');
  });
});

describe('tsp treaties table', () => {
  it('between two Member States: 2008/909 applies, ETS 112 is replaced', async () => {
    const json = JSON.parse((await runTsp('treaties', 'table', 'NL', 'PL', '--on', '2023-03-01', '--json')).out) as { rows: { instrumentId: string; status: string; other: string | null }[] };
    expect(json.rows.find((r) => r.instrumentId === 'eu-fd-2008-909')?.status).toBe('applies');
    expect(json.rows.find((r) => r.instrumentId === 'coe-ets-112')).toMatchObject({ status: 'not-applies', other: 'eu-fd-2008-909' });
  });

  it('names the State a reason concerns: ETS 112 not yet in force for India on 1 March 2018, from 1 May 2018', async () => {
    const json = JSON.parse((await runTsp('treaties', 'table', 'CH', 'IN', '--on', '2018-03-01', '--json')).out) as { rows: { instrumentId: string }[] };
    expect(json.rows.find((r) => r.instrumentId === 'coe-ets-112')).toMatchObject({ status: 'not-applies', reason: 'not-yet', state: 'IN', opensOn: '2018-05-01' });
  });

  it('Hong Kong and the Mainland: no arrangement, with its source', async () => {
    const json = JSON.parse((await runTsp('treaties', 'table', 'HK', 'CN', '--json')).out) as { rows: unknown[]; noArrangement: { source: string } | null };
    expect(json.rows).toEqual([]);
    expect(json.noArrangement?.source).toContain('Cap. 513 s. 2');
  });
});
