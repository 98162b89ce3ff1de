/**
 * Backups and restore as the app and the CLI run them (docs/storage-security.md):
 *   - backupStore (CLI) and backupStoreInWorker (the app): refuse a dangerous target, then
 *     backup-copy.ts writes the copy, verifies it (and that an encrypted store's copy is
 *     encrypted) and copies the attached files it does not have yet into `attachments/`
 *     beside it — in a worker thread for the app, so that it goes on answering; then the key
 *     file beside it, retention, and the audit entry;
 *   - restoreStore: db/backup.ts restoreFile (verified before anything is replaced, the old
 *     file kept), bring back the attached files the live folder lacks from `attachments/`
 *     beside the backup, then open the restored store and audit the restore in it;
 *   - startBackupScheduler: a daily backup into a folder with retention (backups-retention.ts),
 *     driven by an injected clock and timer; it also takes the backups asked for in Settings
 *     and says what it is doing (services/backups.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { inWrite } from '../db/handles.ts';
import { anchorHead } from '../db/audit-anchor.ts';
import { appendAudit } from '../db/audit-repo.ts';
import { auditKeyFileOf } from '../db/audit-key.ts';
import { manifestFileOf } from '../db/backup-manifest.ts';
import { attachmentsOf, backupTargetProblems, FileRefused, restoreFile, restoringOf, type RestoreResult } from '../db/backup.ts';
import type { StoreKey } from '../db/encryption.ts';
import { writeFileDurably } from '../db/store-files.ts';
import type { BackupFailure, BackupFailureReason, BackupsState } from '../shared/backups-schemas.ts';
import { openApp, type AppOptions, type OpenedApp } from './app.ts';
import { BACKUP_NOT_VERIFIED, copyAndVerify, copyAttachments, type AttachmentsCopied, type CopyJob, type CopyOutcome } from './backup-copy.ts';
import { backupsToKeep, DEFAULT_RETENTION, type BackupEntry, type RetentionPolicy } from './backups-retention.ts';
import { keyFileOf } from './keystore.ts';
import { runInWorker } from './worker-thread.ts';
import type { ServiceContext } from './services/context.ts';

export interface StoreFiles {
  /** The live store. */
  live: string;
  key?: StoreKey | undefined;
  nativeBinding?: string | undefined;
  attachmentsDir?: string | undefined;
}

export interface BackupResult extends CopyOutcome {
  file: string;
  /** Older backups deleted by retention once this one verified. */
  removed: string[];
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
      appendAudit(inWrite(actor.db), { at: actor.clock().toISOString(), userId: actor.userId, action, entity: 'store', entityId: path.basename(live), reason, before: null, after });
    })
    .immediate();
  anchorHead(actor.db);
}

/** The attached files that go with a backup file: in `attachments/` beside it, shared by the backups of that folder. */
export const backupAttachmentsOf = (backup: string): string => path.join(path.dirname(path.resolve(backup)), 'attachments');

export interface BackupOptions {
  reason?: string | undefined;
  /** Older backups to delete once this one is verified (retention). */
  removeAfter?: string[] | undefined;
}

/** The copy job for `out`, or FileRefused (nothing written) for the live file or its -wal/-shm, an existing file or directory, a missing folder, the attachments folder. */
function copyJob(out: string, files: StoreFiles): CopyJob {
  const problems = backupTargetProblems(out, files);
  if (problems.length > 0) throw new FileRefused(problems);
  return { live: files.live, out, key: files.key, nativeBinding: files.nativeBinding, attachments: { from: attachmentsOf(files), to: backupAttachmentsOf(out) } };
}

/** After a verified copy: the key file beside it, retention, the audit entry in the live store. */
function completeBackup(actor: StoreActor, job: CopyJob, copied: CopyOutcome, files: StoreFiles, options: BackupOptions): BackupResult {
  // The target's checks (backupTargetProblems) refused a key file already beside it: this never replaces one.
  if (fs.existsSync(keyFileOf(files.live))) writeFileDurably(keyFileOf(job.out), fs.readFileSync(keyFileOf(files.live)));
  const removed: string[] = [];
  for (const old of options.removeAfter ?? []) {
    for (const f of [old, keyFileOf(old), manifestFileOf(old), auditKeyFileOf(old)]) fs.rmSync(f, { force: true });
    removed.push(path.basename(old));
  }
  const result: BackupResult = { file: job.out, ...copied, removed };
  auditStoreEvent(actor, 'store.backup', files.live, options.reason ?? null, result);
  return result;
}

/** Backs up the open store to `out` on this thread (the CLI). */
export function backupStore(actor: StoreActor, out: string, files: StoreFiles, options: BackupOptions = {}): BackupResult {
  const job = copyJob(out, files);
  return completeBackup(actor, job, copyAndVerify(job), files, options);
}

/** backupStore with the copy, its verification and the attached files in a worker thread (the app). */
export async function backupStoreInWorker(actor: StoreActor, out: string, files: StoreFiles, options: BackupOptions = {}): Promise<BackupResult> {
  const job = copyJob(out, files);
  return completeBackup(actor, job, await runInWorker<CopyOutcome>('backup-worker', job), files, options);
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

const isFolder = (dir: string) => fs.existsSync(dir) && fs.statSync(dir).isDirectory();

/** An attached file's part file (attachment-files.ts, copyAttachments): `<name>.<pid>[.<uuid>].part`. */
const ATTACHMENT_PART = /^(s-)?[0-9a-f]{64}\.\d+(\.[0-9a-f-]{36})?\.part$/;

/** The part files of an attachments folder (its shards: `ab/<name>`). */
function attachmentParts(dir: string): string[] {
  if (!isFolder(dir)) return [];
  return fs.readdirSync(dir).flatMap((shard) => {
    const folder = path.join(dir, shard);
    return isFolder(folder) ? fs.readdirSync(folder).filter((name) => ATTACHMENT_PART.test(name)).map((name) => path.join(folder, name)) : [];
  });
}

/**
 * What runs cut short (the app closed, the machine stopped, a kill) left beside the store, removed
 * at the app's start, when none of them is being written (one instance of the app; a restore needs
 * the app closed): the part files of backups and SQLite's journal of them (`.part`,
 * `.part-journal`), the staged copy of a restore (`.restoring`, verified again by any restore that
 * would use it), and the part files of attached files in the store's and the backups' attachments
 * folders. None of them is data: each is a copy of something still in place. Returns what it removed.
 */
export function removeLeftovers(live: string, backupsDir: string): string[] {
  const found: string[] = [];
  if (isFolder(backupsDir)) {
    for (const name of fs.readdirSync(backupsDir)) {
      const stem = name.replace(/\.part(-journal)?$/, '');
      if (stem !== name && BACKUP_FILE.test(stem)) found.push(path.join(backupsDir, name));
    }
  }
  for (const staged of [restoringOf(live), `${restoringOf(live)}-journal`]) if (fs.existsSync(staged)) found.push(staged);
  found.push(...attachmentParts(attachmentsOf({ live })), ...attachmentParts(backupAttachmentsOf(path.join(backupsDir, 'x'))));
  for (const file of found) fs.rmSync(file, { force: true });
  return found;
}

/** The backups of a folder with their sizes, newest first; none when the folder cannot be read (the failure is the backup's to report). */
function readableBackups(dir: string): BackupsState['backups'] {
  try {
    return listBackups(dir)
      .map((b) => ({ ...b, bytes: fs.statSync(path.join(dir, b.name)).size }))
      .sort((x, y) => y.at.localeCompare(x.at));
  } catch {
    return [];
  }
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  setInterval(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unref'd: the app's scheduled work never keeps the process alive by itself. */
export const NODE_TIMERS: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

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
  /** One check now: backs up when no backup was taken today (UTC) and none is running; resolves with it, or null. */
  check(): Promise<BackupResult | null>;
  /** A backup now, asked for by a user (Settings); FileRefused while another one runs. */
  backUpNow(actor: StoreActor, reason: string): Promise<BackupResult>;
  state(): BackupsState;
  stop(): void;
  /** The leftovers of runs cut short that this start removed (removeLeftovers). */
  removedAtStart: readonly string[];
}

/** The reason of each error code a backup meets (Node's file system, SQLite's VACUUM INTO, the verification). */
const FAILURE_REASONS: Readonly<Record<string, BackupFailureReason>> = {
  ENOSPC: 'no_space',
  EDQUOT: 'no_space',
  SQLITE_FULL: 'no_space',
  EACCES: 'no_permission',
  EPERM: 'no_permission',
  EROFS: 'no_permission',
  SQLITE_READONLY: 'no_permission',
  ENOENT: 'folder_unusable',
  ENOTDIR: 'folder_unusable',
  EEXIST: 'folder_unusable',
  EISDIR: 'folder_unusable',
  SQLITE_CANTOPEN: 'folder_unusable',
  [BACKUP_NOT_VERIFIED]: 'not_verified',
};

/** What Settings shows of a failed backup: why, in words it can translate, and the system's own text. */
export function backupFailure(error: unknown, at: Date): BackupFailure {
  if (error instanceof FileRefused) return { at: at.toISOString(), reason: 'folder_unusable', detail: error.problems.join('; ') };
  const code = (error as { code?: unknown } | null)?.code;
  return {
    at: at.toISOString(),
    reason: (typeof code === 'string' ? FAILURE_REASONS[code] : undefined) ?? 'other',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Checks a minute after the start and then every hour; one backup a day, then retention.
 * Each backup is written and verified in a worker thread (backupStoreInWorker), one at a time.
 * Failures go to onError and to the state Settings shows, never thrown from the timer.
 */
export function startBackupScheduler(options: SchedulerOptions): BackupScheduler {
  const timers = options.timers ?? NODE_TIMERS;
  const policy = options.policy ?? DEFAULT_RETENTION;
  const removedAtStart = removeLeftovers(options.live, options.dir);
  let running: BackupsState['running'] = null;
  let lastFailure: BackupsState['lastFailure'] = null;

  const run = async (actor: StoreActor, reason: string, by: 'schedule' | 'user'): Promise<BackupResult> => {
    const now = options.clock();
    running = { startedAt: now.toISOString(), by };
    try {
      const existing = listBackups(options.dir);
      fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      const name = backupFileName(now);
      const keep = new Set(backupsToKeep([...existing, { name, at: now.toISOString() }], policy));
      const removeAfter = existing.filter((b) => !keep.has(b.name)).map((b) => path.join(options.dir, b.name));
      const result = await backupStoreInWorker(actor, path.join(options.dir, name), options, { reason, removeAfter });
      lastFailure = null;
      options.onBackup?.(result);
      return result;
    } catch (error) {
      throw failed(error);
    } finally {
      running = null;
    }
  };
  const failed = (error: unknown): unknown => {
    lastFailure = backupFailure(error, options.clock());
    return error;
  };

  const check = async (): Promise<BackupResult | null> => {
    if (running !== null) return null;
    const today = options.clock().toISOString().slice(0, 10);
    let taken: boolean;
    try {
      taken = listBackups(options.dir).some((b) => b.at.slice(0, 10) === today);
    } catch (error) {
      throw failed(error);
    }
    return taken ? null : run(options.actor, 'scheduled daily backup', 'schedule');
  };
  const guarded = () => {
    check().catch((error: Error) => options.onError?.(error));
  };
  const first = timers.setTimeout(guarded, options.firstCheckAfterMs ?? 60 * 1000);
  const every = timers.setInterval(guarded, options.checkEveryMs ?? 60 * 60 * 1000);
  return {
    check,
    backUpNow: (actor, reason) => {
      if (running !== null) return Promise.reject(new FileRefused([`a backup is being written since ${running.startedAt}: wait until it is done`]));
      return run(actor, reason, 'user');
    },
    state: () => ({
      dir: options.dir,
      backups: readableBackups(options.dir),
      running,
      lastFailure,
      policy: { ...policy },
    }),
    stop: () => {
      timers.clear(first);
      timers.clear(every);
    },
    removedAtStart,
  };
}
