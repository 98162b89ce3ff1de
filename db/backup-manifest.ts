/**
 * A backup's manifest, `<backup>.manifest.json` beside it: what the copy is (its size and
 * sha256, its schema) and the head of its audit chain at the copy (db/audit-anchor.ts), an
 * anchor outside the file. A restore refuses a backup whose file or chain head does not
 * match its manifest; `tsp audit verify` on a backup checks its head.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditHead } from './audit-anchor.ts';

export const MANIFEST_FORMAT = 'tsp-backup-manifest/1';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  file: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  schemaVersion: number;
  auditHead: AuditHead;
}

export const manifestFileOf = (backup: string): string => `${backup}.manifest.json`;

export function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export function writeManifest(backup: string, info: { createdAt: string; schemaVersion: number; auditHead: AuditHead }): BackupManifest {
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    file: path.basename(backup),
    createdAt: info.createdAt,
    bytes: fs.statSync(backup).size,
    sha256: fileSha256(backup),
    schemaVersion: info.schemaVersion,
    auditHead: info.auditHead,
  };
  fs.writeFileSync(manifestFileOf(backup), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** The manifest beside a backup; undefined when there is none, 'damaged' when it is not one. */
export function readManifest(backup: string): BackupManifest | 'damaged' | undefined {
  let text: string;
  try {
    text = fs.readFileSync(manifestFileOf(backup), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const m = JSON.parse(text) as Partial<BackupManifest>;
    const head = m.auditHead;
    if (m.format !== MANIFEST_FORMAT || typeof m.sha256 !== 'string' || typeof m.bytes !== 'number' || head === undefined || !Number.isInteger(head.seq) || typeof head.hash !== 'string') return 'damaged';
    return m as BackupManifest;
  } catch {
    return 'damaged';
  }
}

/** Why a backup file does not match its manifest; empty when it does (or has none). */
export function manifestProblems(backup: string): string[] {
  const manifest = readManifest(backup);
  if (manifest === undefined) return [];
  if (manifest === 'damaged') return [`its manifest ${manifestFileOf(backup)} cannot be read`];
  const problems: string[] = [];
  if (fs.statSync(backup).size !== manifest.bytes || fileSha256(backup) !== manifest.sha256) problems.push(`it is not the file its manifest describes (size or sha256 differ): it was changed after the backup`);
  return problems;
}
