/**
 * Backups of the store and the checks a restore makes before it replaces anything.
 *
 * A backup is written with `VACUUM INTO` through the live connection: one read transaction,
 * so writers go on (WAL) and the copy is a consistent snapshot, self-contained (no -wal).
 * better-sqlite3's `.backup()` cannot be used for an encrypted store: it opens the
 * destination without a key and SQLite3 Multiple Ciphers refuses ("backup is not supported
 * with incompatible source and target databases"); `VACUUM INTO` writes through the
 * source's cipher, so an encrypted store's copy is encrypted with the same key, and a plain
 * store's copy plain.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AuditVerification } from '../shared/api-schemas.ts';
import { anchorFileOf, writeAnchorFile, type AuditHead } from './audit-anchor.ts';
import { auditKeyFileOf, auditKeyFor, AuditKeyError } from './audit-key.ts';
import { verifyStore, type Anchor, type StoreVerification } from './audit-verify.ts';
import { manifestFileOf, manifestProblems, readManifest } from './backup-manifest.ts';
import { openFile, type OpenOptions } from './connection.ts';
import { loadMigrations, schemaVersion } from './migrate.ts';
import { FileRefused, realOrResolved, storeCompanionProblem, syncDirectory, syncFile } from './store-files.ts';

export { FileRefused };

/** Tables every TSP Desk store has since schema 1. */
const TSP_TABLES = ['audit_log', 'cases', 'persons', 'users'] as const;

export interface StoreInspection {
  /** `PRAGMA integrity_check`: ['ok'] when sound. */
  integrity: string[];
  schemaVersion: number;
  tspStore: boolean;
  audit: AuditVerification | null;
  lastAuditHash: string | null;
  rowCounts: Record<string, number>;
  /** Everything tsp audit verify checks (db/audit-verify.ts); null for a file that is not a TSP Desk store. */
  verification: StoreVerification | null;
}

export interface InspectOptions {
  /** Chain heads recorded outside the file (a backup's manifest). */
  anchors?: readonly Anchor[] | undefined;
  encrypted?: boolean | undefined;
  auditKey?: Buffer | undefined;
}

export function inspectStore(db: Database.Database, options: InspectOptions = {}): StoreInspection {
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const tspStore = TSP_TABLES.every((t) => tables.includes(t));
  const verification = tspStore ? verifyStore(db, options) : null;
  const chainBroken = verification?.findings.find((f) => f.kind.startsWith('chain_'));
  return {
    integrity: integrity.map((r) => r.integrity_check),
    schemaVersion: schemaVersion(db),
    tspStore,
    audit: verification === null ? null : { ok: chainBroken === undefined, entries: verification.entries, firstBadSeq: chainBroken?.seq ?? null },
    lastAuditHash: tspStore ? ((db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? null) : null,
    rowCounts: Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number])),
    verification,
  };
}

/** Why a copy must not replace the store; empty when it may. */
export function inspectionProblems(inspection: StoreInspection, latestVersion: number = loadMigrations().length): string[] {
  const problems: string[] = [];
  if (inspection.integrity.length !== 1 || inspection.integrity[0] !== 'ok') problems.push(`integrity check failed: ${inspection.integrity.slice(0, 3).join('; ')}`);
  if (!inspection.tspStore) problems.push('it is not a TSP Desk store (no cases, persons, users and audit_log tables)');
  if (inspection.schemaVersion > latestVersion) problems.push(`its schema version ${inspection.schemaVersion} is newer than this app's (${latestVersion}): use a newer TSP Desk`);
  if (inspection.audit !== null && !inspection.audit.ok) problems.push(`its audit chain is broken at entry ${inspection.audit.firstBadSeq}`);
  for (const f of inspection.verification?.findings ?? []) {
    if (f.kind === 'integrity' || f.kind === 'schema_version') continue; // said above
    problems.push(`${f.kind}: ${f.message}`);
  }
  return problems;
}

/** The chain head in a backup's manifest, as an anchor to check it against. */
export function manifestAnchors(file: string): Anchor[] {
  const manifest = readManifest(file);
  if (manifest === undefined) return [];
  return [{ source: manifestFileOf(file), head: manifest === 'damaged' ? 'damaged' : manifest.auditHead }];
}

/** Opens a copy (with the store's key), inspects it and closes it; a file that cannot be opened is a problem too. */
export function verifyStoreFile(file: string, options: OpenOptions & { anchors?: readonly Anchor[] | undefined } = {}): { inspection: StoreInspection | null; problems: string[] } {
  let db: Database.Database | undefined;
  try {
    const { anchors, ...open } = options;
    db = openFile(file, { ...open, fileMustExist: true });
    const inspection = inspectStore(db, { anchors, encrypted: options.key !== undefined, auditKey: options.auditKey });
    return { inspection, problems: inspectionProblems(inspection) };
  } catch (error) {
    return { inspection: null, problems: [`it cannot be opened: ${(error as Error).message}`] };
  } finally {
    db?.close();
  }
}

/** Writes a consistent copy of the open store to `out` (which must not exist). */
export function writeBackup(db: Database.Database, out: string): void {
  db.prepare('VACUUM INTO ?').run(out);
}

/** The live file and the files SQLite keeps beside it. */
function liveFiles(live: string): string[] {
  const base = path.resolve(live);
  return [base, `${base}-wal`, `${base}-shm`, `${base}-journal`];
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(realOrResolved(dir), realOrResolved(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export interface TargetRules {
  /** The live store. */
  live: string;
  /** Documents attached to cases: never a place for a backup, never a backup source. Default: `attachments` beside the store. */
  attachmentsDir?: string | undefined;
}

/** The live attachments folder. */
export function attachmentsOf(rules: TargetRules): string {
  return rules.attachmentsDir ?? path.join(path.dirname(path.resolve(rules.live)), 'attachments');
}

function isLiveFile(file: string, live: string): boolean {
  const target = realOrResolved(file);
  return liveFiles(realOrResolved(live)).includes(target);
}

/** The key file a backup's copy of the store's key file would take (electron/keystore.ts keyFileOf). */
const keyFileBeside = (file: string) => `${file}.keys.json`;

/** Why `out` must not receive a backup of `live`; empty when it may. */
export function backupTargetProblems(out: string, rules: TargetRules): string[] {
  const problems: string[] = [];
  const companion = isLiveFile(out, rules.live) ? `${out} is the live database or one of its -wal/-shm/-journal files` : storeCompanionProblem(out, rules.live, { allowBackups: true });
  if (companion !== null) problems.push(companion);
  else if (fs.existsSync(out)) problems.push(fs.statSync(out).isDirectory() ? `${out} is a directory: give a file name` : `${out} already exists: a backup never overwrites a file`);
  else if (fs.existsSync(keyFileBeside(out))) problems.push(`${keyFileBeside(out)} already exists: the backup's key file would replace it`);
  if (!fs.existsSync(path.dirname(path.resolve(out)))) problems.push(`the folder ${path.dirname(path.resolve(out))} does not exist`);
  if (isInside(out, attachmentsOf(rules))) problems.push(`${out} is inside the attachments folder`);
  return problems;
}

/** Why `from` must not be restored over `live`, before its content is even opened; empty when it may. */
export function restoreSourceProblems(from: string, rules: TargetRules): string[] {
  if (!fs.existsSync(from)) return [`${from} does not exist`];
  if (fs.statSync(from).isDirectory()) return [`${from} is a directory, not a backup file`];
  const problems: string[] = [];
  if (isLiveFile(from, rules.live)) problems.push(`${from} is the live database itself (or its -wal/-shm/-journal)`);
  if (isInside(from, attachmentsOf(rules))) problems.push(`${from} is inside the attachments folder`);
  return problems;
}

/**
 * Checkpoints the live store into its main file and proves no other connection has it open
 * (an exclusive lock is refused while the app or another CLI holds it). A store that cannot
 * be opened at all (damaged: the reason for many a restore) is 'unreadable'.
 */
function liveState(live: string, options: OpenOptions): 'alone' | 'busy' | 'unreadable' {
  let db: Database.Database;
  try {
    db = openFile(live, { ...options, fileMustExist: true });
  } catch {
    return 'unreadable';
  }
  try {
    db.pragma('busy_timeout = 200');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return 'alone';
  } catch (error) {
    return (error as { code?: string }).code?.startsWith('SQLITE_BUSY') ? 'busy' : 'unreadable';
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** The store as it was before the restore, kept beside it. */
  safetyCopy: string;
  inspection: StoreInspection;
}

/** Keeps `file` under the name `copy` as well, without moving it: a hard link, else a flushed copy. */
function keepAs(file: string, copy: string): void {
  try {
    fs.linkSync(file, copy);
  } catch {
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
    syncFile(copy);
  }
}

/** The staged copy of a restore, beside the store: a leftover of one cut short is removed by the next restore or start. */
export const restoringOf = (live: string): string => `${path.resolve(live)}.restoring`;

/**
 * Replaces the live store (closed by the caller) with a backup: the backup is checked, copied
 * beside the store, flushed to the disk and the copy checked again; only then is the live file
 * (checkpointed, so no -wal is left behind; a damaged one with its -wal) kept as a safety copy
 * and the copy renamed over it in one step, then the folder flushed. A crash at any point leaves
 * a store in place — the old one or the restored one — and at worst the staged copy beside it.
 * Any refusal leaves every file as it was.
 */
export function restoreFile(from: string, rules: TargetRules, options: OpenOptions & { stamp: string }): RestoreResult {
  const live = path.resolve(rules.live);
  const sourceProblems = restoreSourceProblems(from, rules);
  if (sourceProblems.length > 0) throw new FileRefused(sourceProblems);
  const { stamp, ...opening } = options;
  // The backup is checked with the store's audit key (a plain store's file beside it; else the
  // one beside the backup, when the store is lost) and against the chain head in its manifest.
  const open: OpenOptions = { ...opening, auditKey: opening.auditKey ?? restoreAuditKey(live, from, opening) };
  const fileProblems = manifestProblems(from);
  const checked = verifyStoreFile(from, { ...open, anchors: manifestAnchors(from) });
  if (fileProblems.length > 0 || checked.problems.length > 0) throw new FileRefused([...fileProblems, ...checked.problems].map((p) => `${from}: ${p}`));

  const staged = restoringOf(live);
  fs.rmSync(staged, { force: true });
  fs.rmSync(`${staged}-journal`, { force: true });
  fs.copyFileSync(from, staged);
  syncFile(staged);
  const restaged = verifyStoreFile(staged, { ...open, anchors: manifestAnchors(from) });
  if (restaged.problems.length > 0 || restaged.inspection === null) {
    fs.rmSync(staged, { force: true });
    throw new FileRefused(restaged.problems.map((p) => `the copy of ${from}: ${p}`));
  }

  const safetyCopy = `${live}.before-restore-${stamp}`;
  if (fs.existsSync(safetyCopy)) {
    fs.rmSync(staged, { force: true });
    throw new FileRefused([`${safetyCopy} exists (a restore in the same second): try again`]);
  }
  if (fs.existsSync(live)) {
    if (liveState(live, open) === 'busy') {
      fs.rmSync(staged, { force: true });
      throw new FileRefused([`${live} is open in another process (the app?): close it first`]);
    }
    // The store stays in place until the restored copy replaces it in one rename; a -wal left by a
    // damaged store travels with the safety copy, so the safety copy is all of it.
    keepAs(live, safetyCopy);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(`${live}${suffix}`)) fs.renameSync(`${live}${suffix}`, `${safetyCopy}${suffix}`);
    // The safety copy keeps its chain head and audit key, so that it verifies as it was.
    for (const [a, b] of [[anchorFileOf(live), anchorFileOf(safetyCopy)], [auditKeyFileOf(live), auditKeyFileOf(safetyCopy)]] as const) if (fs.existsSync(a)) fs.copyFileSync(a, b);
  }
  fs.renameSync(staged, live);
  syncDirectory(path.dirname(live));
  if (!fs.existsSync(auditKeyFileOf(live)) && fs.existsSync(auditKeyFileOf(from))) fs.copyFileSync(auditKeyFileOf(from), auditKeyFileOf(live));
  // The store's chain is now the backup's: its head is the anchor (the one place it moves back).
  writeAnchorFile(live, { seq: restaged.inspection.verification?.entries ?? 0, hash: restaged.inspection.lastAuditHash ?? '0'.repeat(64) } satisfies AuditHead);
  return { safetyCopy, inspection: restaged.inspection };
}

/** The audit key a backup is checked with before it replaces `live`. */
function restoreAuditKey(live: string, from: string, options: OpenOptions): Buffer | undefined {
  try {
    return auditKeyFor(live, options.key, false) ?? auditKeyFor(from, options.key, false);
  } catch (error) {
    if (error instanceof AuditKeyError) return undefined;
    throw error;
  }
}
