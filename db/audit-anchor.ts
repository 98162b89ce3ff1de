/**
 * The chain head kept outside the store, so that entries cut from the end are seen: the newest
 * entry's seq and hash, in `<store>.audit-head` beside the store (mode 0600), written after a
 * write transaction commits and when the store is closed (never moved back, but by a restore),
 * in each backup's manifest, and printed on dossiers and statistics reports. `tsp audit verify`
 * compares the chain with the anchors it finds (db/audit-verify.ts).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { GENESIS_HASH } from './audit-repo.ts';
import { statement } from './statements.ts';

export interface AuditHead {
  seq: number;
  hash: string;
}

export const anchorFileOf = (store: string): string => `${store}.audit-head`;

const isFileStore = (file: string): boolean => file !== '' && file !== ':memory:' && !file.startsWith('file::memory:');

/** The newest entry of the chain ({ seq: 0, genesis hash } for an empty log). */
export function chainHead(db: Database.Database): AuditHead {
  const last = statement(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

const isHead = (value: unknown): value is AuditHead =>
  typeof value === 'object' && value !== null && Number.isInteger((value as AuditHead).seq) && typeof (value as AuditHead).hash === 'string' && /^[0-9a-f]{64}$/.test((value as AuditHead).hash);

/** The head recorded beside a store; undefined when there is none, 'damaged' when it cannot be read as one. */
export function readAnchor(store: string): AuditHead | 'damaged' | undefined {
  let text: string;
  try {
    text = fs.readFileSync(anchorFileOf(store), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as unknown;
    return isHead(value) ? { seq: value.seq, hash: value.hash } : 'damaged';
  } catch {
    return 'damaged';
  }
}

/** Writes a head beside a store (through a temporary file and a rename: never half written). */
export function writeAnchorFile(store: string, head: AuditHead): void {
  const file = anchorFileOf(store);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify({ seq: head.seq, hash: head.hash })}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/**
 * Records the store's chain head beside it, after a commit. It only moves forward: a head at
 * or past this one (another process wrote after us) is left; `force` (a restore) sets it back.
 * Best effort: a folder that cannot be written does not fail the write that was committed.
 */
export function anchorHead(db: Database.Database, options: { force?: boolean } = {}): void {
  if (!isFileStore(db.name) || !db.open || db.inTransaction) return;
  try {
    const head = chainHead(db);
    if (!options.force) {
      const current = readAnchor(db.name);
      if (current !== undefined && current !== 'damaged' && current.seq >= head.seq) return;
    }
    writeAnchorFile(db.name, head);
  } catch {
    // The anchor is extra evidence; the committed write stands without it.
  }
}

/** "audit head: seq 42, hash 3f9a1c2b…": the line printed on dossiers and reports. */
export const formatHead = (head: AuditHead): string => `audit head: seq ${head.seq}, hash ${head.hash.slice(0, 16)}…`;
