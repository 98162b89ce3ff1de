/**
 * Roles hold on every path that creates a case (issue 24): `cases.create`, `cases.import` and
 * `tsp cases import` refuse an ended case (it comes only with a closure) and a case at a step
 * beyond what the creator's role records (shared/workflow/roles.ts); the store is then unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { storeDigest, tempDir } from '../db/testing.ts';
import { openApp, type OpenedApp } from '../electron/app.ts';
import { main } from '../electron/cli.ts';
import { createRouter } from '../electron/router.ts';
import { createUser } from '../electron/services/users.ts';
import { memoryIo } from './cli-io.ts';

const at = (status: string | null) => ({ ...(CASE_FIXTURES.formatExample as object), status });
let dir: string;
let file: string;
let app: OpenedApp;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'store.sqlite');
  app = openApp({ file, osUser: os.userInfo().username });
});
afterEach(() => {
  if (app.db.open) app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function as(role: 'officer' | 'legal') {
  const user = createUser(app.context, { name: `A ${role}`, role });
  return createRouter({ ...app.context, user: { id: user.id, name: user.name, role } }, () => {});
}

describe('creating and importing cases', () => {
  it('cases.import refuses an ended case without a closure, whoever imports it, writing nothing', () => {
    const before = storeDigest(app.db);
    for (const status of ['transferred', 'refused', 'closed']) {
      const response = app.router.dispatch('cases.import', [at('draft'), at(status)]);
      expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input', problems: [{ field: 'cases[1].status' }] } });
    }
    expect(storeDigest(app.db)).toBe(before);
  });

  it('an officer cannot record a decision or a handover by creating or importing a case already there', () => {
    const officer = as('officer');
    const before = storeDigest(app.db);
    for (const status of ['dossier', 'decision', 'handover-scheduled']) {
      expect(officer.dispatch('cases.create', { case: at(status) })).toMatchObject({ ok: false, error: { code: 'forbidden', problems: [{ field: 'case.status' }] } });
      expect(officer.dispatch('cases.import', [at('screening'), at(status)])).toMatchObject({ ok: false, error: { code: 'forbidden', problems: [{ field: 'cases[1].status' }] } });
    }
    expect(storeDigest(app.db)).toBe(before);
    expect(officer.dispatch('cases.import', [at('draft'), at('screening'), at(null)])).toMatchObject({ ok: true });
  });

  it('a legal officer may enter a case up to the decision, not a request sent (a supervisor\'s approval); a supervisor anywhere open', () => {
    const legal = as('legal');
    expect(legal.dispatch('cases.create', { case: at('decision') })).toMatchObject({ ok: true });
    expect(legal.dispatch('cases.import', [at('requested')])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(app.router.dispatch('cases.import', [at('requested'), at('handover-scheduled')])).toMatchObject({ ok: true });
  });

  it('tsp cases import refuses an ended case without a closure (exit 2, nothing written)', async () => {
    app.close();
    const input = path.join(dir, 'cases.json');
    fs.writeFileSync(input, JSON.stringify([at('draft'), at('transferred')]));
    const before = fs.readFileSync(file);
    const io = memoryIo();
    io.readFile = (p) => fs.readFileSync(p, 'utf8');
    expect(await main(['cases', 'import', '--db', file, input], io)).toBe(2);
    expect(io.stderr()).toContain('cases[1].status');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
