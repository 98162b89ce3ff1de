/**
 * The long part of a backup, on a connection of its own so that it can run in a worker
 * thread (backup-worker.ts) while the app goes on answering: the copy (`VACUUM INTO`, one
 * read transaction: writers go on, the copy is a consistent snapshot), its verification
 * (integrity, schema, audit chain, and that an encrypted store's copy is encrypted), and the
 * attached files it does not have yet. The CLI runs it on its own thread. It writes nothing
 * to the store: the audit entry is the caller's (backups.ts), once this has succeeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { auditKeyFileOf, auditKeyOf } from '../db/audit-key.ts';
import { verifyStoreFile, writeBackup } from '../db/backup.ts';
import { writeManifest } from '../db/backup-manifest.ts';
import { openFile } from '../db/connection.ts';
import { fileKind, keyAfterTransfer, type StoreKey } from '../db/encryption.ts';
import { syncDirectory, syncFile } from '../db/store-files.ts';

/** The `code` of the error thrown when a copy did not verify (it has been removed). */
export const BACKUP_NOT_VERIFIED = 'TSP_BACKUP_NOT_VERIFIED';

export interface CopyJob {
  /** The live store. */
  live: string;
  /** The backup file to write; it must not exist (backups.ts checks the target first). */
  out: string;
  key?: StoreKey | undefined;
  nativeBinding?: string | undefined;
  /** The live attachments folder, and the one beside the backup. */
  attachments: { from: string; to: string };
}

/** Attached files copied from one folder to another: those copied now, and those already there. */
export interface AttachmentsCopied {
  copied: number;
  present: number;
}

export interface CopyOutcome {
  bytes: number;
  encrypted: boolean;
  auditEntries: number;
  lastAuditHash: string | null;
  attachments: AttachmentsCopied;
}

/**
 * Copies every attached file of `from` that `to` lacks. Attached files are content-addressed
 * and never changed (services/attachment-files.ts), so a file of the same name is the same
 * file: an incremental copy is a complete one. Each lands under a temporary name and is
 * renamed once its size is checked; nothing in `to` is ever replaced or removed.
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
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.${process.pid}.part`;
      fs.copyFileSync(path.join(source, name), temp);
      if (fs.statSync(temp).size !== fs.statSync(path.join(source, name)).size) {
        fs.rmSync(temp, { force: true });
        throw new Error(`copying the attached file ${name} to ${to} did not complete`);
      }
      syncFile(temp);
      fs.renameSync(temp, target);
      syncDirectory(path.dirname(target));
      result.copied += 1;
    }
  }
  return result;
}


/**
 * Writes, verifies and completes one backup. The copy is written as `<out>.part` and takes its
 * name only once verified and flushed to the disk (then the folder is flushed, so the new name
 * survives a power cut too), so an interrupted copy (the app closed, the machine stopped) is
 * never taken for a backup; one that does not verify is removed and the error says why.
 */
export function copyAndVerify(job: CopyJob): CopyOutcome {
  const key = keyAfterTransfer(job.key);
  const temp = `${job.out}.part`;
  // Left by an interrupted copy to this very name: incomplete by construction.
  fs.rmSync(temp, { force: true });
  fs.rmSync(`${temp}-journal`, { force: true });
  let db: Database.Database | undefined;
  let auditKey: Buffer | undefined;
  try {
    db = openFile(job.live, { key, nativeBinding: job.nativeBinding, fileMustExist: true });
    auditKey = auditKeyOf(db);
    // The app writes meanwhile (WAL): wait for a lock rather than fail at once.
    db.pragma('busy_timeout = 5000');
    writeBackup(db, temp);
    fs.chmodSync(temp, 0o600);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    db?.close();
  }
  const encrypted = fileKind(temp) === 'other';
  const { inspection, problems } = verifyStoreFile(temp, { key, nativeBinding: job.nativeBinding, auditKey });
  if (problems.length > 0 || inspection === null || encrypted !== (key !== undefined)) {
    fs.rmSync(temp, { force: true });
    const error = new Error(`the backup ${job.out} did not verify and was removed: ${problems.join('; ') || 'its encryption differs from the store'}`);
    throw Object.assign(error, { code: BACKUP_NOT_VERIFIED });
  }
  syncFile(temp);
  fs.renameSync(temp, job.out);
  syncDirectory(path.dirname(path.resolve(job.out)));
  // A store's audit key file, when it has one, goes with its backup (an encrypted store's is otherwise derived from its key).
  if (fs.existsSync(auditKeyFileOf(job.live))) fs.copyFileSync(auditKeyFileOf(job.live), auditKeyFileOf(job.out));
  // The chain head at the copy, outside the file: a restore compares the backup with it.
  writeManifest(job.out, { createdAt: new Date().toISOString(), schemaVersion: inspection.schemaVersion, auditHead: { seq: inspection.verification?.entries ?? 0, hash: inspection.lastAuditHash ?? '0'.repeat(64) } });
  return {
    bytes: fs.statSync(job.out).size,
    encrypted,
    auditEntries: inspection.audit?.entries ?? 0,
    lastAuditHash: inspection.lastAuditHash,
    attachments: copyAttachments(job.attachments.from, job.attachments.to),
  };
}
