/**
 * Encrypting an existing plain store (once, when the app first runs with encryption):
 * a consistent copy is written beside it, encrypted in place, opened with the key and
 * compared with the original (integrity check, schema version, row counts, last audit
 * hash). Only then does the encrypted copy take the store's name; the plain file is
 * overwritten with zeros and removed. A crash at any point leaves either the plain store
 * untouched or the encrypted store in place plus a plain leftover that the next run shreds.
 */
import fs from 'node:fs';
import { auditKeyOf } from './audit-key.ts';
import { inspectStore, inspectionProblems, writeBackup, type StoreInspection } from './backup.ts';
import { openFile } from './connection.ts';
import { encryptInPlace, fileKind, type StoreKey } from './encryption.ts';

/** Overwrites a file with zeros, flushes it to disk and removes it. SSDs may keep old blocks: see docs/storage-security.md. */
export function shredFile(file: string): void {
  if (!fs.existsSync(file)) return;
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file);
}

export const plainLeftoverOf = (file: string): string => `${file}.plain-old`;

/** Removes what an interrupted encryption left behind; call before opening the store. */
export function shredPlainLeftovers(file: string): void {
  shredFile(`${file}.encrypting`);
  const leftover = plainLeftoverOf(file);
  shredFile(`${leftover}-wal`);
  shredFile(leftover);
}

const comparable = (i: StoreInspection) => JSON.stringify({ v: i.schemaVersion, rows: i.rowCounts, last: i.lastAuditHash });

export interface EncryptionReport {
  before: StoreInspection;
  after: StoreInspection;
}

/** Encrypts the plain store `file` (closed by the caller) with `key`. */
export function encryptStoreFile(file: string, key: StoreKey, options: { nativeBinding?: string | undefined } = {}): EncryptionReport {
  if (fileKind(file) !== 'plain') throw new Error(`${file} is not a plain SQLite file: nothing to encrypt`);
  shredPlainLeftovers(file);
  const staged = `${file}.encrypting`;
  const source = openFile(file, { ...options, fileMustExist: true });
  // The chain stays keyed under the key it has (a plain store's .audit-key file stays beside it).
  const auditKey = auditKeyOf(source);
  let before: StoreInspection;
  try {
    before = inspectStore(source);
    const problems = inspectionProblems(before);
    if (problems.length > 0) throw new Error(`${file} is not sound, so it is left as it is: ${problems.join('; ')}`);
    writeBackup(source, staged);
  } finally {
    source.close();
  }

  const copy = openFile(staged, options);
  try {
    encryptInPlace(copy, key);
  } finally {
    copy.close();
  }
  const check = openFile(staged, { ...options, key, auditKey });
  let after: StoreInspection;
  try {
    after = inspectStore(check);
  } finally {
    check.close();
  }
  const problems = inspectionProblems(after);
  if (problems.length > 0 || comparable(after) !== comparable(before) || fileKind(staged) !== 'other') {
    shredFile(staged);
    throw new Error(`the encrypted copy of ${file} did not match it, so the store was left plain: ${problems.join('; ') || 'contents differ'}`);
  }
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) {
    shredFile(staged);
    throw new Error(`${file} is open in another process (its -wal is not empty): close it and try again`);
  }
  for (const side of [`${file}-wal`, `${file}-shm`]) fs.rmSync(side, { force: true });
  fs.renameSync(file, plainLeftoverOf(file));
  fs.renameSync(staged, file);
  shredPlainLeftovers(file);
  return { before, after };
}
