/**
 * Backups and restore as the app and the CLI run them (docs/storage-security.md):
 *   - backupStore: refuse a dangerous target, write the copy (db/backup.ts), verify it (and
 *     that an encrypted store's copy is encrypted), put the key file beside it, copy the
 *     attached files it does not have yet into `attachments/` beside it, audit it;
 *   - restoreStore: db/backup.ts restoreFile (verified before anything is replaced, the old
 *     file kept), bring back the attached files the live folder lacks from `attachments/`
 *     beside the backup, then open the restored store and audit the restore in it;
 *   - startBackupScheduler: a daily backup into a folder with retention (backups-retention.ts),
 *     driven by an injected clock and timer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../db/audit-repo.ts';
import { attachmentsOf, backupTargetProblems, FileRefused, restoreFile, verifyStoreFile, writeBackup, type RestoreResult } from '../db/backup.ts';
import { fileKind, type StoreKey } from '../db/encryption.ts';
import { openApp, type AppOptions, type OpenedApp } from './app.ts';
import { backupsToKeep, DEFAULT_RETENTION, type BackupEntry, type RetentionPolicy } from './backups-retention.ts';
import { keyFileOf } from './keystore.ts';
import type { ServiceContext } from './services/context.ts';

export interface StoreFiles {
  /** The live store. */
  live: string;
  key?: StoreKey | undefined;
  nativeBinding?: string | undefined;
  attachmentsDir?: string | undefined;
}

export interface BackupResult {
  file: string;
  bytes: number;
  encrypted: boolean;
  auditEntries: number;
  lastAuditHash: string | null;
  removed: string[];
  attachments: AttachmentsCopied;
}

/** Attached files copied from one folder to another: those copied now, and those already there. */
export interface AttachmentsCopied {
  copied: number;
  present: number;
}

/** The attached files that go with a backup file: in `attachments/` beside it, shared by the backups of that folder. */
export const backupAttachmentsOf = (backup: string): string => path.join(path.dirname(path.resolve(backup)), 'attachments');

/**
 * Copies every attached file of `from` that `to` lacks. Attached files are content-addressed
 * and never changed (attachment-files.ts), so a file of the same name is the same file: an
 * incremental copy is a complete one. Each lands under a temporary name and is renamed once
 * its size is checked; nothing in `to` is ever replaced or removed.
 */
export function copyAttachments(from: string, to: string): AttachmentsCopied {
  const result: AttachmentsCopied = { copied: 0, present: 0 };
  if (!fs.existsSync(from) || path.resolve(from) === path.resolve(to)) return result;
  for (const shard of fs.readdirSync(from)) {
    const source = path.join(from, shard);
    if (!fs.statSync(source).isDirectory()) continue;
    for (const name of fs.readdirSync(source)) {
      if (name.endsWith('.part')) continue;
      const target = path.join(to, shard, name);
      if (fs.existsSync(target)) {
        result.present += 1;
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.part`;
      fs.copyFileSync(path.join(source, name), temp);
      if (fs.statSync(temp).size !== fs.statSync(path.join(source, name)).size) {
        fs.rmSync(temp, { force: true });
        throw new Error(`copying the attached file ${name} to ${to} did not complete`);
      }
      fs.renameSync(temp, target);
      result.copied += 1;
    }
  }
  return result;
}

/**
 * Who a store event is attributed to in the audit log: the signed-in user (CLI, a restore) or,
 * for what the app does by itself (the scheduled backup, encryption at first start), `system`.
 */
export interface StoreActor {
  db: ServiceContext['db'];
  clock: () => Date;
  userId: string;
}

export const SYSTEM_USER_ID = 'system';

export const actorOf = (ctx: ServiceContext): StoreActor => ({ db: ctx.db, clock: ctx.clock, userId: ctx.user.id });

/** One audit entry for a store event, in its own transaction. */
export function auditStoreEvent(actor: StoreActor, action: string, live: string, reason: string | null, after: object): void {
  actor.db
    .transaction(() => {
      appendAudit(actor.db, { at: actor.clock().toISOString(), userId: actor.userId, action, entity: 'store', entityId: path.basename(live), reason, before: null, after });
    })
    .immediate();
}

/**
 * Backs up the open store to `out`. Refuses (FileRefused, nothing written) the live file or
 * its -wal/-shm, an existing file or directory, a missing folder, the attachments folder.
 * `removeAfter`: older backups to delete once this one is verified (retention).
 */
export function backupStore(actor: StoreActor, out: string, files: StoreFiles, options: { reason?: string; removeAfter?: string[] } = {}): BackupResult {
  const problems = backupTargetProblems(out, files);
  if (problems.length > 0) throw new FileRefused(problems);
  writeBackup(actor.db, out);
  const encrypted = fileKind(out) === 'other';
  const { inspection, problems: bad } = verifyStoreFile(out, { key: files.key, nativeBinding: files.nativeBinding });
  if (bad.length > 0 || inspection === null || encrypted !== (files.key !== undefined)) {
    fs.rmSync(out, { force: true });
    throw new Error(`the backup ${out} did not verify and was removed: ${bad.join('; ') || 'its encryption differs from the store'}`);
  }
  if (fs.existsSync(keyFileOf(files.live))) fs.copyFileSync(keyFileOf(files.live), keyFileOf(out));
  const attachments = copyAttachments(attachmentsOf(files), backupAttachmentsOf(out));
  const removed: string[] = [];
  for (const old of options.removeAfter ?? []) {
    for (const f of [old, keyFileOf(old)]) fs.rmSync(f, { force: true });
    removed.push(path.basename(old));
  }
  const result: BackupResult = {
    file: out, bytes: fs.statSync(out).size, encrypted, auditEntries: inspection.audit?.entries ?? 0, lastAuditHash: inspection.lastAuditHash, removed, attachments,
  };
  auditStoreEvent(actor, 'store.backup', files.live, options.reason ?? null, result);
  return result;
}

/**
 * Restores `from` over the live store (which must be closed), then opens the restored store
 * and records the restore in its audit log. FileRefused (nothing changed) when the source is
 * dangerous or does not verify.
 */
export function restoreStore(
  from: string,
  files: StoreFiles,
  app: Omit<AppOptions, 'file' | 'key' | 'nativeBinding'>,
): { app: OpenedApp; result: RestoreResult & { attachments: AttachmentsCopied } } {
  const clock = app.clock ?? (() => new Date());
  const stamp = clock().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const result = restoreFile(from, files, { key: files.key, nativeBinding: files.nativeBinding, stamp });
  // The live folder keeps every file it has (they are never changed); it gains those it lost.
  const attachments = copyAttachments(backupAttachmentsOf(from), attachmentsOf(files));
  const opened = openApp({ ...app, file: files.live, key: files.key, nativeBinding: files.nativeBinding });
  auditStoreEvent(actorOf(opened.context), 'store.restore', files.live, null, {
    from: path.resolve(from), safetyCopy: result.safetyCopy, restoredAuditEntries: result.inspection.audit?.entries ?? 0, restoredLastAuditHash: result.inspection.lastAuditHash,
    attachmentsRestored: attachments.copied,
  });
  return { app: opened, result: { ...result, attachments } };
}

const BACKUP_FILE = /^tsp-desk-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z\.sqlite$/;

/** `tsp-desk-2026-11-29T101500Z.sqlite`: sorts by time, and says when it was taken. */
export function backupFileName(at: Date): string {
  return `tsp-desk-${at.toISOString().slice(0, 19).replace(/:/g, '')}Z.sqlite`;
}

export function listBackups(dir: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const m = BACKUP_FILE.exec(name);
    return m ? [{ name, at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z` }] : [];
  });
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  setInterval(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SchedulerOptions extends StoreFiles {
  actor: StoreActor;
  /** Where the scheduled backups go: `backups` beside the store in the app. */
  dir: string;
  clock: () => Date;
  timers?: Timers | undefined;
  /** How often to look whether today's backup exists; default one hour. */
  checkEveryMs?: number | undefined;
  /** The first look, after the start (the window is up by then); default one minute. */
  firstCheckAfterMs?: number | undefined;
  policy?: RetentionPolicy | undefined;
  onBackup?: ((result: BackupResult) => void) | undefined;
  onError?: ((error: Error) => void) | undefined;
}

export interface BackupScheduler {
  /** One check now: backs up when no backup was taken today (UTC); returns it, or null. */
  check(): BackupResult | null;
  stop(): void;
}

/**
 * Checks a minute after the start and then every hour; one backup a day, then retention.
 * Failures go to onError, never thrown from the timer. The backup runs on the calling thread
 * (the main process): a store of 10,000 cases takes a few seconds (docs/storage-security.md).
 */
export function startBackupScheduler(options: SchedulerOptions): BackupScheduler {
  const timers: Timers = options.timers ?? {
    setTimeout: (run, ms) => setTimeout(run, ms).unref(),
    setInterval: (run, ms) => setInterval(run, ms).unref(),
    clear: (h) => clearTimeout(h as NodeJS.Timeout),
  };
  const check = (): BackupResult | null => {
    const now = options.clock();
    const today = now.toISOString().slice(0, 10);
    const existing = listBackups(options.dir);
    if (existing.some((b) => b.at.slice(0, 10) === today)) return null;
    fs.mkdirSync(options.dir, { recursive: true });
    const name = backupFileName(now);
    const keep = new Set(backupsToKeep([...existing, { name, at: now.toISOString() }], options.policy ?? DEFAULT_RETENTION));
    const removeAfter = existing.filter((b) => !keep.has(b.name)).map((b) => path.join(options.dir, b.name));
    const result = backupStore(options.actor, path.join(options.dir, name), options, { reason: 'scheduled daily backup', removeAfter });
    options.onBackup?.(result);
    return result;
  };
  const guarded = () => {
    try {
      check();
    } catch (error) {
      options.onError?.(error as Error);
    }
  };
  const first = timers.setTimeout(guarded, options.firstCheckAfterMs ?? 60 * 1000);
  const every = timers.setInterval(guarded, options.checkEveryMs ?? 60 * 60 * 1000);
  return {
    check,
    stop: () => {
      timers.clear(first);
      timers.clear(every);
    },
  };
}
