/**
 * Roles hold on every path that creates a case (issue 24): `cases.create` refuses an ended case
 * (it comes only with a closure), `cases.import` and `tsp cases import` take one only with a
 * closure the importer's role records (issue 19: an older export, ended without its closure,
 * gets one "imported closed, reason not recorded"), and every path refuses a case at a step
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
  it('cases.import refuses a closure that contradicts the status or comes on an open case, and one the role does not record, writing nothing', () => {
    const officer = as('officer');
    const before = storeDigest(app.db);
    const closed = (status: string, outcome: string) => ({ ...at(status), closure: { outcome, date: '2024-05-01', reasonCode: 'deceased', reason: 'died in custody' } });
    expect(app.router.dispatch('cases.import', [at('draft'), closed('transferred', 'deceased')])).toMatchObject({
      ok: false, error: { code: 'invalid_input', problems: [{ field: 'cases[1].status' }] },
    });
    expect(app.router.dispatch('cases.import', [closed('screening', 'deceased')])).toMatchObject({ ok: false, error: { code: 'invalid_input', problems: [{ field: 'cases[0].closure' }] } });
    // Closing as deceased is a supervisor's (roles.ts): an officer does not record it by importing a case so closed.
    expect(officer.dispatch('cases.import', [closed('closed', 'deceased')])).toMatchObject({ ok: false, error: { code: 'forbidden', problems: [{ field: 'cases[0].status' }] } });
    expect(app.router.dispatch('cases.create', { case: closed('closed', 'deceased') })).toMatchObject({ ok: false, error: { problems: [{ field: 'case.closure' }] } });
    expect(storeDigest(app.db)).toBe(before);
  });

  it('an older export (an ended status without its closure) is imported closed, "reason not recorded", and the closure audited', () => {
    const { ids } = (app.router.dispatch('cases.import', [at('refused')]) as { ok: true; data: { ids: string[] } }).data;
    const record = (app.router.dispatch('cases.get', { id: ids[0] }) as { ok: true; data: { closeOutcome: string; closeReason: string; case: { status: string } } }).data;
    expect(record).toMatchObject({ closeOutcome: 'refused_by_administering_state', closeReason: 'imported closed, reason not recorded (status "refused")', case: { status: 'refused' } });
    const events = (app.router.dispatch('cases.events', { caseId: ids[0] }) as { ok: true; data: { kind: string; reasonCode: string | null }[] }).data;
    expect(events.map((e) => [e.kind, e.reasonCode])).toEqual([['imported', null], ['closed:refused_by_administering_state', 'imported-unrecorded']]);
    const audit = (app.router.dispatch('audit.forCase', { caseId: ids[0] }) as { ok: true; data: { action: string }[] }).data;
    expect(audit.map((a) => a.action)).toEqual(['case.import']);
    // Exported again, it carries its closure, and imports back the same.
    const [file] = (app.router.dispatch('cases.export', { ids }) as { ok: true; data: Record<string, unknown>[] }).data;
    expect(file?.closure).toEqual({ outcome: 'refused_by_administering_state', date: expect.any(String), reasonCode: 'imported-unrecorded', reason: 'imported closed, reason not recorded (status "refused")' });
    const again = (app.router.dispatch('cases.import', [file]) as { ok: true; data: { ids: string[] } }).data.ids[0];
    expect((app.router.dispatch('cases.get', { id: again }) as { ok: true; data: { closeOutcome: string } }).data.closeOutcome).toBe('refused_by_administering_state');
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

  it('tsp cases import refuses a closure that contradicts the status (exit 2, nothing written)', async () => {
    app.close();
    const input = path.join(dir, 'cases.json');
    fs.writeFileSync(input, JSON.stringify([at('draft'), { ...at('transferred'), closure: { outcome: 'escaped' } }]));
    const before = fs.readFileSync(file);
    const io = memoryIo();
    io.readFile = (p) => fs.readFileSync(p, 'utf8');
    expect(await main(['cases', 'import', '--db', file, input], io)).toBe(2);
    expect(io.stderr()).toContain('cases[1].status');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
