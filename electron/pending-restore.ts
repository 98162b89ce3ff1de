/**
 * Restoring a backup from Settings (issue 20), for the installed app, which ships no `tsp restore`.
 *
 * A store cannot be replaced while the app has it open, so a restore is asked for in one run and
 * done at the start of the next, before the store is opened — by the same code as `tsp restore`
 * (db/backup.ts restoreFile: the backup verified before anything is replaced, the replaced store
 * kept beside it as a safety copy):
 *   1. Settings shows what a backup holds (inspectBackup: verified as a restore would verify it);
 *   2. a supervisor asks for it with a reason (requestRestore): verified again, the request written
 *      beside the store (`<store>.restore-pending.json`) and audited in the store being replaced;
 *      the app restarts;
 *   3. at the start (applyPendingRestore) the request is taken away first (a restore that fails
 *      is not tried at every start), the backup restored, its attached files brought back, and once
 *      the restored store is open the restore is audited in it (auditAppliedRestore).
 * A refusal at any step leaves the store as it was, and says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { manifestProblems } from '../db/backup-manifest.ts';
import { attachmentsOf, FileRefused, manifestAnchors, restoreFile, verifyStoreFile, type RestoreResult } from '../db/backup.ts';
import { writeFileDurably } from '../db/store-files.ts';
import type { BackupInspection } from '../shared/backups-schemas.ts';
import type { RestoreControl } from './services/backups.ts';
import { actorOf, auditStoreEvent, backupAttachmentsOf, listBackups, type StoreActor, type StoreFiles } from './backups.ts';
import { copyAttachments, type AttachmentsCopied } from './backup-copy.ts';
import type { ServiceContext } from './services/context.ts';

interface RestoreRequest {
  /** The backup file, absolute. */
  backup: string;
  requestedBy: string;
  requestedAt: string;
  reason: string;
}

export const pendingRestoreFileOf = (live: string): string => `${path.resolve(live)}.restore-pending.json`;

/** A backup of `dir` by its listed name (never a path: a name from elsewhere is refused). */
function backupNamed(dir: string, name: string): { file: string; at: string } {
  const entry = listBackups(dir).find((b) => b.name === name);
  if (entry === undefined) throw new FileRefused([`${name} is not a backup in ${dir}`]);
  return { file: path.join(dir, name), at: entry.at };
}

/** What a backup holds, checked as a restore checks it (integrity, schema, the audit chain against its manifest). */
function inspectBackup(files: StoreFiles, dir: string, name: string): BackupInspection {
  const { file, at } = backupNamed(dir, name);
  const checked = verifyStoreFile(file, { key: files.key, nativeBinding: files.nativeBinding, anchors: manifestAnchors(file) });
  const inspection = checked.inspection;
  return {
    name,
    at,
    bytes: fs.statSync(file).size,
    schemaVersion: inspection?.schemaVersion ?? null,
    cases: inspection?.rowCounts.cases ?? null,
    auditEntries: inspection?.audit?.entries ?? null,
    problems: [...manifestProblems(file), ...checked.problems],
  };
}

/** Asks for `name` to be restored at the next start: refused (nothing written) unless it verifies; audited in the live store. */
function requestRestore(ctx: ServiceContext, files: StoreFiles, dir: string, name: string, reason: string): RestoreRequest {
  const inspection = inspectBackup(files, dir, name);
  if (inspection.problems.length > 0) throw new FileRefused(inspection.problems.map((p) => `${name}: ${p}`));
  const request: RestoreRequest = { backup: path.join(path.resolve(dir), name), requestedBy: ctx.user.id, requestedAt: ctx.clock().toISOString(), reason };
  writeFileDurably(pendingRestoreFileOf(files.live), `${JSON.stringify(request, null, 1)}\n`);
  auditStoreEvent(actorOf(ctx), 'store.restore.requested', files.live, reason, { backup: name, cases: inspection.cases, schemaVersion: inspection.schemaVersion, auditEntries: inspection.auditEntries });
  return request;
}

export type AppliedRestore =
  | { request: RestoreRequest; done: RestoreResult & { attachments: AttachmentsCopied } }
  | { request: RestoreRequest | null; refused: string[] };

/**
 * At the start, before the store is opened: restores the backup asked for, if any. The request is
 * removed first, whatever follows. Null when none was asked for.
 */
export function applyPendingRestore(files: StoreFiles, now: Date): AppliedRestore | null {
  const marker = pendingRestoreFileOf(files.live);
  if (!fs.existsSync(marker)) return null;
  let request: RestoreRequest | null = null;
  try {
    const parsed = JSON.parse(fs.readFileSync(marker, 'utf8')) as Partial<RestoreRequest>;
    if (typeof parsed.backup === 'string' && typeof parsed.requestedBy === 'string' && typeof parsed.requestedAt === 'string' && typeof parsed.reason === 'string') {
      request = { backup: parsed.backup, requestedBy: parsed.requestedBy, requestedAt: parsed.requestedAt, reason: parsed.reason };
    }
  } catch {
    request = null;
  } finally {
    fs.rmSync(marker, { force: true });
  }
  if (request === null) return { request: null, refused: [`${marker} could not be read: no restore was done`] };
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  try {
    const result = restoreFile(request.backup, files, { key: files.key, nativeBinding: files.nativeBinding, stamp });
    const attachments = copyAttachments(backupAttachmentsOf(request.backup), attachmentsOf(files));
    return { request, done: { ...result, attachments } };
  } catch (error) {
    if (error instanceof FileRefused) return { request, refused: error.problems };
    throw error;
  }
}

/** Once the restored store is open: the restore in its audit log, under the supervisor who asked for it. */
export function auditAppliedRestore(actor: StoreActor, live: string, applied: Extract<AppliedRestore, { done: unknown }>): void {
  const { request, done } = applied;
  auditStoreEvent({ ...actor, userId: request.requestedBy }, 'store.restore', live, request.reason, {
    from: request.backup, requestedAt: request.requestedAt, safetyCopy: done.safetyCopy, restoredAuditEntries: done.inspection.audit?.entries ?? 0,
    restoredLastAuditHash: done.inspection.lastAuditHash, attachmentsRestored: done.attachments.copied,
  });
}

/**
 * The restores of the app's store for Settings: `restart` (the Electron shell: relaunch, then quit)
 * runs shortly after a request is answered, so that the page hears that the app restarts.
 */
export function restoreControl(files: StoreFiles, dir: string, restart?: () => void): RestoreControl {
  const known = (name: string) => listBackups(dir).some((b) => b.name === name);
  return {
    inspect: (name) => (known(name) ? inspectBackup(files, dir, name) : null),
    request: (ctx, name, reason) => {
      try {
        const request = requestRestore(ctx, files, dir, name, reason);
        if (restart !== undefined) setTimeout(restart, 500);
        return { name, requestedAt: request.requestedAt, restarting: restart !== undefined };
      } catch (error) {
        if (error instanceof FileRefused) return { problems: error.problems };
        throw error;
      }
    },
  };
}
