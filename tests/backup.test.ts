/**
 * Backups and restore on real files: a backup is a verified, audited copy (encrypted with the
 * same key when the store is); dangerous targets and unsound sources are refused with nothing
 * changed; a restore replaces the store only after verifying the copy, keeps the old file and
 * records itself in the audit log; the daily scheduler keeps what the retention rule says.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countAuditEntries, listAuditEntries, verifyAuditChain } from '../db/audit-repo.ts';
import { FileRefused } from '../db/backup.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { openFile } from '../db/connection.ts';
import { fileKind, rawKey, type StoreKey } from '../db/encryption.ts';
import { tempDir } from '../db/testing.ts';
import { openApp, type OpenedApp } from '../electron/app.ts';
import { backupsToKeep, type BackupEntry } from '../electron/backups-retention.ts';
import { actorOf, backupFailure, backupFileName, backupStore, backupStoreInWorker, listBackups, restoreStore, startBackupScheduler, type Timers } from '../electron/backups.ts';
import { keyFileOf } from '../electron/keystore.ts';
import { createCase, listCases } from '../electron/services/cases.ts';
import { attachDocument, readAttachment } from '../electron/services/documents.ts';
import { parsed } from '../electron/services/testing.ts';

const dirs: string[] = [];
const apps: OpenedApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) if (app.db.open) app.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function store(key?: StoreKey) {
  const dir = tempDir();
  dirs.push(dir);
  const live = path.join(dir, 'tsp-desk.sqlite');
  const app = openApp({ file: live, osUser: 'ada', key });
  apps.push(app);
  const named = (familyName: string) => createCase(app.context, { case: { ...(CASE_FIXTURES.minimal as object), person: { familyName } } });
  return { dir, live, app, named, files: { live, key } };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const names = (app: OpenedApp) => listCases(app.context, parsed('cases.list', { includeClosed: true, offset: 0, limit: 100 })).items.map((c) => c.familyName).sort();

function refusal(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof FileRefused) return error.problems;
    throw error;
  }
  return [];
}

describe('backupStore', () => {
  it('writes a verified copy of every case and audits the backup in the live store', () => {
    const s = store();
    s.named('ALPHA');
    s.named('BRAVO');
    const before = countAuditEntries(s.app.db);
    const out = path.join(s.dir, 'copy.sqlite');
    const result = backupStore(actorOf(s.app.context), out, s.files);
    expect(result).toMatchObject({ file: out, encrypted: false, auditEntries: before });
    const copy = openApp({ file: out, osUser: 'ada' });
    apps.push(copy);
    expect(names(copy)).toStrictEqual(['ALPHA', 'BRAVO']);
    const [last] = listAuditEntries(s.app.db, { limit: 1 });
    expect(last).toMatchObject({ action: 'store.backup', entity: 'store', entityId: 'tsp-desk.sqlite' });
    expect(last?.after).toMatchObject({ file: out, lastAuditHash: result.lastAuditHash });
    expect(verifyAuditChain(s.app.db).ok).toBe(true);
  });

  it('keeps an encrypted store encrypted: same key, no readable name, key file beside', () => {
    const key = rawKey(randomBytes(32));
    const s = store(key);
    s.named('ZYXWVUTSRQ');
    fs.writeFileSync(keyFileOf(s.live), '{"format":"tsp-keys/1"}');
    const out = path.join(s.dir, 'copy.sqlite');
    expect(backupStore(actorOf(s.app.context), out, s.files).encrypted).toBe(true);
    expect(fileKind(out)).toBe('other');
    expect(fs.readFileSync(out).includes('ZYXWVUTSRQ')).toBe(false);
    expect(() => openFile(out)).toThrow(/encrypted/);
    const copy = openApp({ file: out, osUser: 'ada', key });
    apps.push(copy);
    expect(names(copy)).toStrictEqual(['ZYXWVUTSRQ']);
    expect(fs.readFileSync(keyFileOf(out), 'utf8')).toBe('{"format":"tsp-keys/1"}');
  });

  it.each([
    ['the live database', (live: string) => live, /live database/],
    ['its -wal', (live: string) => `${live}-wal`, /live database/],
    ['its -shm', (live: string) => `${live}-shm`, /live database/],
    ['an existing file', (live: string) => path.join(path.dirname(live), 'exists.sqlite'), /already exists/],
    ['a directory', (live: string) => path.dirname(live), /is a directory/],
    ['a missing folder', (live: string) => path.join(path.dirname(live), 'nowhere', 'b.sqlite'), /does not exist/],
    ['the attachments folder', (live: string) => path.join(path.dirname(live), 'attachments', 'b.sqlite'), /attachments folder/],
  ])('refuses %s as a target and changes nothing', (_what, target, reason) => {
    const s = store();
    s.named('ALPHA');
    fs.writeFileSync(path.join(s.dir, 'exists.sqlite'), 'keep me');
    fs.mkdirSync(path.join(s.dir, 'attachments'));
    const listing = fs.readdirSync(s.dir).sort();
    const audit = countAuditEntries(s.app.db);
    expect(refusal(() => backupStore(actorOf(s.app.context), target(s.live), s.files)).join('\n')).toMatch(reason);
    expect(countAuditEntries(s.app.db)).toBe(audit);
    expect(fs.readdirSync(s.dir).sort()).toStrictEqual(listing);
    expect(fs.readFileSync(path.join(s.dir, 'exists.sqlite'), 'utf8')).toBe('keep me');
  });
});

describe('restoreStore', () => {
  it('puts the backup in place, keeps the replaced store and audits the restore in the restored store', () => {
    const s = store();
    s.named('ALPHA');
    const out = path.join(s.dir, 'monday.sqlite');
    backupStore(actorOf(s.app.context), out, s.files);
    s.named('LATER');
    s.app.close();

    const { app, result } = restoreStore(out, s.files, { osUser: 'ada', clock: () => new Date('2026-11-30T08:00:00Z') });
    apps.push(app);
    expect(names(app)).toStrictEqual(['ALPHA']);
    expect(result.safetyCopy).toBe(`${s.live}.before-restore-20261130T080000Z`);
    const [last] = listAuditEntries(app.db, { limit: 1 });
    expect(last).toMatchObject({ action: 'store.restore', entity: 'store' });
    expect(last?.after).toMatchObject({ from: out, safetyCopy: result.safetyCopy });
    expect(verifyAuditChain(app.db).ok).toBe(true);

    const safety = openApp({ file: result.safetyCopy, osUser: 'ada' });
    apps.push(safety);
    expect(names(safety)).toStrictEqual(['ALPHA', 'LATER']);
  });

  it('backs up the attached files beside the backups and brings back those the live folder lost', () => {
    const s = store();
    const caseId = createCase(s.app.context, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112', direction: 'outgoing' } }).id;
    const attach = (fileName: string, text: string) =>
      attachDocument(s.app.context, parsed('documents.attach', { caseId, kind: 'certified-judgment', fileName, contentBase64: Buffer.from(text).toString('base64') }))
        .find((d) => d.kind === 'certified-judgment')!.attachments.at(-1)!;
    const judgment = attach('judgment.pdf', '%PDF-1.4 judgment');
    fs.mkdirSync(path.join(s.dir, 'backups'));
    const monday = path.join(s.dir, 'backups', 'monday.sqlite');
    expect(backupStore(actorOf(s.app.context), monday, s.files).attachments).toEqual({ copied: 1, present: 0 });
    attach('appeal.pdf', '%PDF-1.4 appeal ruling');
    // Shared by the backups of the folder: only the new file is copied.
    expect(backupStore(actorOf(s.app.context), path.join(s.dir, 'backups', 'tuesday.sqlite'), s.files).attachments).toEqual({ copied: 1, present: 1 });
    s.app.close();

    // The disk lost the attachments folder; the Monday backup brings back what it knew.
    fs.rmSync(path.join(s.dir, 'attachments'), { recursive: true });
    const { app, result } = restoreStore(monday, s.files, { osUser: 'ada' });
    apps.push(app);
    expect(result.attachments).toEqual({ copied: 2, present: 0 });
    expect(Buffer.from(readAttachment(app.context, { caseId, attachmentId: judgment.id }).contentBase64, 'base64').toString()).toBe('%PDF-1.4 judgment');
    expect(listAuditEntries(app.db, { limit: 1 })[0]?.after).toMatchObject({ attachmentsRestored: 2 });
  });

  it('replaces a damaged store that no longer opens, keeping the damaged file', () => {
    const s = store();
    s.named('ALPHA');
    const out = path.join(s.dir, 'monday.sqlite');
    backupStore(actorOf(s.app.context), out, s.files);
    s.app.close();
    fs.writeFileSync(s.live, randomBytes(8192));
    const damaged = sha(s.live);
    const { app, result } = restoreStore(out, s.files, { osUser: 'ada' });
    apps.push(app);
    expect(names(app)).toStrictEqual(['ALPHA']);
    expect(sha(result.safetyCopy)).toBe(damaged);
  });

  it('refuses while the store is open elsewhere (the app), and changes nothing', () => {
    const s = store();
    s.named('ALPHA');
    const out = path.join(s.dir, 'monday.sqlite');
    backupStore(actorOf(s.app.context), out, s.files);
    const audit = countAuditEntries(s.app.db);
    expect(refusal(() => restoreStore(out, s.files, { osUser: 'ada' })).join('\n')).toMatch(/open in another process/);
    expect(countAuditEntries(s.app.db)).toBe(audit);
    expect(fs.readdirSync(s.dir).filter((f) => f.includes('before-restore') || f.endsWith('.restoring'))).toStrictEqual([]);
  });

  /** Each source is made from a sound backup, then spoiled; the live store must stay byte for byte. */
  const spoilers: [string, (s: ReturnType<typeof store>, backup: string) => string, RegExp][] = [
    ['the live file itself', (s) => s.live, /live database itself/],
    ['a directory', (s) => s.dir, /is a directory/],
    ['a missing file', (s) => path.join(s.dir, 'none.sqlite'), /does not exist/],
    ['a text file', (s) => { const f = path.join(s.dir, 'notes.txt'); fs.writeFileSync(f, 'hello'.repeat(500)); return f; }, /cannot be opened/],
    ['an SQLite file of another app', (s) => { const f = path.join(s.dir, 'other.sqlite'); const db = openFile(f); db.exec('CREATE TABLE t (x)'); db.close(); return f; }, /not a TSP Desk store/],
    ['a copy from a newer app', (_s, backup) => { const db = openFile(backup); db.pragma('user_version = 999'); db.close(); return backup; }, /newer than this app's/],
    ['a copy whose audit log was edited', (_s, backup) => {
      const db = openFile(backup);
      db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'edited' WHERE seq = 1");
      db.close();
      return backup;
    }, /audit chain is broken at entry 1/],
    ['a corrupted copy', (_s, backup) => {
      const bytes = fs.readFileSync(backup);
      // Page 2 onwards overwritten: the header still says SQLite, the b-trees are garbage.
      randomBytes(bytes.length - 4096).copy(bytes, 4096);
      fs.writeFileSync(backup, bytes);
      return backup;
    }, /integrity check failed|cannot be opened/],
    ['a copy encrypted with another key', (s) => {
      const other = store(rawKey(randomBytes(32)));
      const f = path.join(s.dir, 'foreign.sqlite');
      backupStore(actorOf(other.app.context), f, other.files);
      return f;
    }, /cannot be opened.*encrypted/],
    ['a file in the attachments folder', (s, backup) => {
      fs.mkdirSync(path.join(s.dir, 'attachments'));
      const f = path.join(s.dir, 'attachments', 'b.sqlite');
      fs.copyFileSync(backup, f);
      return f;
    }, /attachments folder/],
  ];

  it.each(spoilers)('refuses %s and changes nothing', (_what, spoil, reason) => {
    const s = store();
    s.named('ALPHA');
    const backup = path.join(s.dir, 'backup.sqlite');
    backupStore(actorOf(s.app.context), backup, s.files);
    s.app.close();
    const from = spoil(s, backup);
    const liveHash = sha(s.live);
    const listing = fs.readdirSync(s.dir).sort();
    expect(refusal(() => restoreStore(from, s.files, { osUser: 'ada' })).join('\n')).toMatch(reason);
    expect(sha(s.live)).toBe(liveHash);
    expect(fs.readdirSync(s.dir).sort()).toStrictEqual(listing);
  });
});

describe('backupsToKeep (7 daily, 4 weekly, 12 monthly)', () => {
  /** One backup a day at 02:00 UTC from `first` for `days` days. */
  const daily = (first: string, days: number): BackupEntry[] =>
    Array.from({ length: days }, (_, i) => {
      const at = new Date(Date.parse(`${first}T02:00:00.000Z`) + i * 86_400_000).toISOString();
      return { name: backupFileName(new Date(at)), at };
    });
  const days = (kept: string[]) => kept.map((n) => n.slice(9, 19));

  it('keeps everything while there are fewer than 7 backups', () => {
    expect(backupsToKeep(daily('2026-11-01', 5))).toHaveLength(5);
  });

  it('after 60 daily backups ending Sunday 2026-11-29 keeps 7 days, 4 week-ends and 3 month-ends', () => {
    // 2026-10-01 .. 2026-11-29 (60 days). Daily: 11-23 .. 11-29 (Mon..Sun).
    // Weekly (newest of each ISO week): 11-29 (week of Mon 11-23), 11-22, 11-15, 11-08.
    // Monthly (newest of each month): 11-29, 10-31; the 12-month allowance finds only 2 months.
    const kept = days(backupsToKeep(daily('2026-10-01', 60)));
    expect(kept).toStrictEqual([
      '2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23',
      '2026-11-22', '2026-11-15', '2026-11-08', '2026-10-31',
    ]);
  });

  it('keeps the newest backup of a day taken several times that day', () => {
    const morning = { name: 'tsp-desk-2026-11-29T080000Z.sqlite', at: '2026-11-29T08:00:00.000Z' };
    const evening = { name: 'tsp-desk-2026-11-29T200000Z.sqlite', at: '2026-11-29T20:00:00.000Z' };
    expect(backupsToKeep([morning, evening], { daily: 1, weekly: 0, monthly: 0 })).toStrictEqual([evening.name]);
  });

  it('counts days that have a backup: after a year unused, the old backups stay', () => {
    // 2025-01-01 .. 2025-01-10, then nothing until 2026-01-15. Daily: 2026-01-15 and 2025-01-10 .. 01-05.
    // Weekly: 2026-01-15, 2025-01-10 (week of Mon 01-06), 2025-01-05 (week of Mon 2024-12-30): all kept already.
    // Monthly: 2026-01-15, 2025-01-10. So 2025-01-01 .. 01-04 go.
    const kept = days(backupsToKeep([...daily('2025-01-01', 10), ...daily('2026-01-15', 1)]));
    expect(kept).toStrictEqual(['2026-01-15', '2025-01-10', '2025-01-09', '2025-01-08', '2025-01-07', '2025-01-06', '2025-01-05']);
  });
});

describe('startBackupScheduler', () => {
  /** Timers that run only when the test says so. */
  function fakeTimers(): Timers & { pending: { run: () => void; ms: number; handle: number }[] } {
    const pending: { run: () => void; ms: number; handle: number }[] = [];
    const add = (run: () => void, ms: number) => pending.push({ run, ms, handle: pending.length + 1 });
    return {
      pending,
      setTimeout: add,
      setInterval: add,
      clear: (handle) => {
        const at = pending.findIndex((t) => t.handle === handle);
        if (at >= 0) pending.splice(at, 1);
      },
    };
  }

  it('backs up once a day with an injected clock and timer, and prunes by the retention rule', async () => {
    const s = store();
    s.named('ALPHA');
    let now = new Date('2026-11-01T09:00:00.000Z');
    const timers = fakeTimers();
    const dir = path.join(s.dir, 'backups');
    const errors: Error[] = [];
    const scheduler = startBackupScheduler({ ...s.files, actor: actorOf(s.app.context), dir, clock: () => now, timers, onError: (e) => errors.push(e) });
    expect(listBackups(dir)).toStrictEqual([]); // nothing during the start itself
    expect(timers.pending.map((t) => t.ms)).toStrictEqual([60_000, 3_600_000]);
    timers.pending[0]!.run(); // a minute after the start: the backup is written in a worker thread
    await vi.waitFor(() => expect(listBackups(dir).map((b) => b.name)).toStrictEqual(['tsp-desk-2026-11-01T090000Z.sqlite']), { timeout: 30_000 });
    await vi.waitFor(() => expect(scheduler.state().running).toBeNull());
    now = new Date('2026-11-01T15:00:00.000Z');
    expect(await scheduler.check()).toBeNull(); // same day: nothing new
    for (let day = 2; day <= 12; day += 1) {
      now = new Date(`2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`);
      expect(await scheduler.check()).not.toBeNull();
    }
    // 12 daily backups, 2026-11-01 (Sun) .. 11-12 (Thu): 7 days 11-06..11-12, week-ends 11-08 and 11-01, month 11-12.
    expect(listBackups(dir).map((b) => b.name.slice(9, 19)).sort()).toStrictEqual([
      '2026-11-01', '2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12',
    ]);
    expect(errors).toStrictEqual([]);
    const audits = listAuditEntries(s.app.db, { entity: 'store', limit: 100 });
    expect(audits).toHaveLength(12);
    expect(audits[0]?.after).toMatchObject({ removed: ['tsp-desk-2026-11-05T090000Z.sqlite'] });
    // What Settings shows: newest first, with sizes, and the policy.
    const state = scheduler.state();
    expect(state.backups.map((b) => b.at.slice(0, 10))).toStrictEqual(['2026-11-12', '2026-11-11', '2026-11-10', '2026-11-09', '2026-11-08', '2026-11-07', '2026-11-06', '2026-11-01']);
    expect(state.backups[0]!.bytes).toBe(fs.statSync(path.join(dir, state.backups[0]!.name)).size);
    expect(state).toMatchObject({ dir, running: null, lastFailure: null, policy: { daily: 7, weekly: 4, monthly: 12 } });
    scheduler.stop();
    expect(timers.pending).toHaveLength(0);
  });

  it('writes the copy in a worker thread: the main thread keeps running meanwhile, and a second backup waits its turn', async () => {
    const s = store();
    for (let i = 0; i < 200; i += 1) s.named(`PERSON${i}`);
    const dir = path.join(s.dir, 'backups');
    const scheduler = startBackupScheduler({ ...s.files, actor: actorOf(s.app.context), dir, clock: () => new Date(), timers: fakeTimers() });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    const pending = scheduler.backUpNow(actorOf(s.app.context), 'before the upgrade');
    // On this thread a backup would have run to its end before anything else: here it is still running.
    expect(scheduler.state().running).toMatchObject({ by: 'user' });
    await expect(scheduler.backUpNow(actorOf(s.app.context), 'again')).rejects.toThrow(/a backup is being written/);
    const result = await pending;
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(0);
    expect(scheduler.state()).toMatchObject({ running: null, lastFailure: null });
    expect(listBackups(dir).map((b) => b.name)).toStrictEqual([path.basename(result.file)]);
    const copy = openFile(result.file, { fileMustExist: true });
    expect(copy.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(200);
    copy.close();
    expect(listAuditEntries(s.app.db, { entity: 'store', limit: 10 })[0]).toMatchObject({ action: 'store.backup', reason: 'before the upgrade', userId: s.app.context.user.id });
  });

  it('never lists an interrupted copy as a backup: a later copy to its name replaces it, the next start removes it', async () => {
    const s = store();
    s.named('ALPHA');
    const dir = path.join(s.dir, 'backups');
    fs.mkdirSync(dir);
    const at = new Date('2026-11-29T08:00:00.000Z');
    // What a copy cut short by a power cut leaves: a part file, here under the name the next backup takes.
    const part = path.join(dir, `${backupFileName(at)}.part`);
    const scheduler = startBackupScheduler({ ...s.files, actor: actorOf(s.app.context), dir, clock: () => at, timers: fakeTimers() });
    fs.writeFileSync(part, 'SQLite format 3\0 cut short');
    expect(scheduler.state().backups).toStrictEqual([]);
    expect((await scheduler.check())?.file).toBe(path.join(dir, backupFileName(at)));
    expect(fs.existsSync(part)).toBe(false);
    expect(scheduler.state().backups.map((b) => b.name)).toStrictEqual([backupFileName(at)]);
    // One left under another name goes at the next start; other files of the folder stay.
    const older = path.join(dir, `${backupFileName(new Date('2026-11-28T08:00:00.000Z'))}.part`);
    fs.writeFileSync(older, 'SQLite format 3\0 cut short');
    fs.writeFileSync(path.join(dir, 'notes.part'), 'not a backup');
    startBackupScheduler({ ...s.files, actor: actorOf(s.app.context), dir, clock: () => at, timers: fakeTimers() });
    // Each backup has its manifest (db/backup-manifest.ts) and, from a plain store, its audit key beside it.
    expect(fs.readdirSync(dir).sort()).toStrictEqual([backupFileName(at), `${backupFileName(at)}.audit-key`, `${backupFileName(at)}.manifest.json`, 'notes.part'].sort());
  });

  it('says why a backup failed from the error code, the worker thread passing the code on', async () => {
    const at = new Date('2026-11-29T08:00:00.000Z');
    const coded = (code: string) => Object.assign(new Error(`${code}: what the system said`), { code });
    const reasons = Object.fromEntries(
      ['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'ENOENT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'SQLITE_CANTOPEN', 'TSP_BACKUP_NOT_VERIFIED', 'EIO'].map((code) => [code, backupFailure(coded(code), at).reason]),
    );
    expect(reasons).toStrictEqual({
      ENOSPC: 'no_space', EDQUOT: 'no_space', SQLITE_FULL: 'no_space',
      EACCES: 'no_permission', EPERM: 'no_permission', EROFS: 'no_permission', SQLITE_READONLY: 'no_permission',
      ENOENT: 'folder_unusable', ENOTDIR: 'folder_unusable', EEXIST: 'folder_unusable', EISDIR: 'folder_unusable', SQLITE_CANTOPEN: 'folder_unusable',
      TSP_BACKUP_NOT_VERIFIED: 'not_verified',
      EIO: 'other',
    });
    expect(backupFailure(coded('ENOSPC'), at)).toStrictEqual({ at: '2026-11-29T08:00:00.000Z', reason: 'no_space', detail: 'ENOSPC: what the system said' });
    expect(backupFailure(new FileRefused(['the folder is missing', 'it is a file']), at)).toStrictEqual({ at: '2026-11-29T08:00:00.000Z', reason: 'folder_unusable', detail: 'the folder is missing; it is a file' });
    expect(backupFailure('thrown text', at)).toStrictEqual({ at: '2026-11-29T08:00:00.000Z', reason: 'other', detail: 'thrown text' });

    // In the worker: the store file is gone, so SQLite cannot open it there (SQLITE_CANTOPEN).
    const s = store();
    const out = path.join(s.dir, 'out.sqlite');
    const missing = { ...s.files, live: path.join(s.dir, 'gone.sqlite') };
    const failure = await backupStoreInWorker(actorOf(s.app.context), out, missing).then(() => null, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SQLITE_CANTOPEN' });
    expect(backupFailure(failure, at).reason).toBe('folder_unusable');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('reports a failed backup to onError and to Settings instead of throwing from the timer, until one succeeds', async () => {
    const s = store();
    const dir = path.join(s.dir, 'backups');
    fs.writeFileSync(dir, 'a file where the folder should be');
    const errors: Error[] = [];
    const timers = fakeTimers();
    const scheduler = startBackupScheduler({ ...s.files, actor: actorOf(s.app.context), dir, clock: () => new Date('2026-11-29T08:00:00.000Z'), timers, onError: (e) => errors.push(e) });
    expect(() => timers.pending[0]!.run()).not.toThrow();
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(scheduler.state().lastFailure).toStrictEqual({ at: '2026-11-29T08:00:00.000Z', reason: 'folder_unusable', detail: expect.stringMatching(/EEXIST|ENOTDIR|exists/) });
    fs.rmSync(dir);
    await scheduler.check();
    expect(scheduler.state().lastFailure).toBeNull();
  });
});
