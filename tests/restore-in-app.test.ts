/**
 * Restoring a backup from Settings (issue 20) on real store files: what a backup holds, a restore
 * asked for by a supervisor (the backup verified, the request audited in the store it replaces)
 * and done at the next start before the store is opened (the replaced store kept, the restore
 * audited in the restored one); refused with nothing changed when the backup does not verify, is
 * not in the folder, or has gone by the next start.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../db/audit-repo.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { tempDir } from '../db/testing.ts';
import { openApp, type OpenedApp } from '../electron/app.ts';
import { backupFileName, backupStore, actorOf } from '../electron/backups.ts';
import { applyPendingRestore, auditAppliedRestore, pendingRestoreFileOf, restoreControl } from '../electron/pending-restore.ts';
import { inspectBackup, provideRestore, requestRestore } from '../electron/services/backups.ts';
import { createCase, listCases } from '../electron/services/cases.ts';
import { ServiceError } from '../electron/services/errors.ts';
import { parsed, refusedPayload } from '../electron/services/testing.ts';

const dirs: string[] = [];
const apps: OpenedApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) if (app.db.open) app.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function open(live: string): OpenedApp {
  const app = openApp({ file: live, osUser: 'ada' });
  apps.push(app);
  return app;
}

/** A store with ALPHA backed up at 09:00 into `backups/`, then BRAVO entered; its restores provided as the app provides them. */
function storeWithBackup() {
  const dir = tempDir();
  dirs.push(dir);
  const live = path.join(dir, 'tsp-desk.sqlite');
  const backups = path.join(dir, 'backups');
  fs.mkdirSync(backups);
  const app = open(live);
  const named = (familyName: string) => createCase(app.context, { case: { ...(CASE_FIXTURES.minimal as object), person: { familyName } } });
  named('ALPHA');
  const name = backupFileName(new Date('2026-12-07T09:00:00.000Z'));
  backupStore(actorOf(app.context), path.join(backups, name), { live });
  named('BRAVO');
  provideRestore(app.db, restoreControl({ live }, backups));
  return { dir, live, backups, app, name };
}

const names = (app: OpenedApp) => listCases(app.context, parsed('cases.list', { includeClosed: true, limit: 100 })).items.map((c) => c.familyName).sort();

function refusedWith(work: () => unknown): ServiceError {
  try {
    work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('restore from Settings', () => {
  it('shows what a backup holds, verified as a restore verifies it', () => {
    const s = storeWithBackup();
    expect(inspectBackup(s.app.context, { name: s.name })).toMatchObject({ name: s.name, at: '2026-12-07T09:00:00.000Z', cases: 1, problems: [] });
    expect(refusedWith(() => inspectBackup(s.app.context, { name: 'tsp-desk-2026-12-06T090000Z.sqlite' })).code).toBe('not_found');
  });

  it('asks for the restore (audited in the store it replaces), and the next start restores it before opening, keeping the replaced store', () => {
    const s = storeWithBackup();
    const requested = requestRestore(s.app.context, { name: s.name, reason: 'BRAVO entered in the wrong store', confirm: true });
    expect(requested).toMatchObject({ name: s.name, restarting: false });
    expect(listAuditEntries(s.app.db, { entity: 'store', limit: 1 })[0]).toMatchObject({ action: 'store.restore.requested', reason: 'BRAVO entered in the wrong store' });
    const requester = s.app.context.user.id;
    s.app.close();
    const replaced = sha(s.live);

    // The next start.
    const applied = applyPendingRestore({ live: s.live }, new Date('2026-12-07T10:00:00.000Z'));
    expect(applied !== null && 'done' in applied).toBe(true);
    if (applied === null || !('done' in applied)) return;
    expect(fs.existsSync(pendingRestoreFileOf(s.live))).toBe(false);
    expect(sha(applied.done.safetyCopy)).toBe(replaced);
    const restored = open(s.live);
    auditAppliedRestore(actorOf(restored.context), s.live, applied);
    expect(names(restored)).toEqual(['ALPHA']);
    expect(listAuditEntries(restored.db, { entity: 'store', limit: 1 })[0]).toMatchObject({ action: 'store.restore', userId: requester, reason: 'BRAVO entered in the wrong store' });
    // A second start has nothing to do.
    restored.close();
    expect(applyPendingRestore({ live: s.live }, new Date('2026-12-07T11:00:00.000Z'))).toBeNull();
  });

  it('refuses a backup that does not verify, writing nothing', () => {
    const s = storeWithBackup();
    const file = path.join(s.backups, s.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 4096 * 2);
    fs.writeFileSync(file, bytes);
    expect(inspectBackup(s.app.context, { name: s.name }).problems.length).toBeGreaterThan(0);
    const before = listAuditEntries(s.app.db, { limit: 1 })[0];
    const refused = refusedWith(() => requestRestore(s.app.context, { name: s.name, reason: 'r', confirm: true }));
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'error.backup_not_verified' });
    expect(refused.problems.length).toBeGreaterThan(0);
    expect(fs.existsSync(pendingRestoreFileOf(s.live))).toBe(false);
    expect(listAuditEntries(s.app.db, { limit: 1 })[0]).toEqual(before);
  });

  it('at the start, a backup gone since the request is refused: the store is left as it was, and the request is not tried again', () => {
    const s = storeWithBackup();
    requestRestore(s.app.context, { name: s.name, reason: 'r', confirm: true });
    s.app.close();
    const live = sha(s.live);
    fs.rmSync(path.join(s.backups, s.name));
    const applied = applyPendingRestore({ live: s.live }, new Date('2026-12-07T10:00:00.000Z'));
    expect(applied).toMatchObject({ refused: [expect.stringContaining('does not exist')] });
    expect(sha(s.live)).toBe(live);
    expect(applyPendingRestore({ live: s.live }, new Date('2026-12-07T10:00:01.000Z'))).toBeNull();
  });

  it('refuses a name that is not a backup of the folder, and a restore not confirmed', () => {
    const s = storeWithBackup();
    expect(refusedPayload(s.app.context, 'backups.inspect', { name: '../tsp-desk.sqlite' }).problems).toMatchObject([{ field: 'name' }]);
    expect(refusedPayload(s.app.context, 'backups.restore', { name: s.name, reason: 'r' }).problems).toMatchObject([{ field: 'confirm' }]);
  });
});
