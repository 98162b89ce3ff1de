/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained, so an
 * entry changed behind the app's back — with the triggers dropped — breaks the chain.
 *
 * Entries written before schema 13 (keyed = 0):
 *   hash = sha256(prev_hash + canonical JSON of { seq, at, userId, action, entity, entityId, reason, before, after })
 * From schema 13 on (keyed = 1), under the store's audit key (db/audit-key.ts), with the digest
 * of the entity's rows right after the write (db/entity-digest.ts):
 *   hash = HMAC-SHA256(auditKey, prev_hash + canonical JSON of { …the same, digest })
 *
 * `before` and `after` enter the hash as the exact JSON text stored, so any byte changed
 * in them is detected.
 */
import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import type { AuditEntry, AuditVerification } from '../shared/api-schemas.ts';
import { auditKeyOf } from './audit-key.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { entityDigest } from './entity-digest.ts';
import { statement } from './statements.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewAuditEntry {
  at: string;
  userId: string;
  action: string;
  entity: string;
  entityId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  /** The digest the entry vouches for; default: that of the entity's rows now (db/entity-digest.ts). */
  digest?: string | null | undefined;
}

export interface AuditRow {
  seq: number;
  at: string;
  user_id: string;
  action: string;
  entity: string;
  entity_id: string;
  reason: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
  /** From schema 13: the digest of the entity's rows after the write (null: no rows, or an older entry). */
  digest?: string | null | undefined;
  /** From schema 13: 1 for an entry hashed under the audit key. */
  keyed?: number | undefined;
}

/** The hash of an entry: the keyed formula for a keyed entry (which needs the key), the sha256 one otherwise. */
export function auditHash(row: Omit<AuditRow, 'hash'>, key?: Buffer): string {
  const fields: Record<string, unknown> = {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    reason: row.reason,
    before: row.before,
    after: row.after,
  };
  if (row.keyed !== 1) return sha256Hex(row.prev_hash + canonicalJson(fields));
  if (key === undefined) throw new Error('a keyed audit entry needs the audit key');
  fields.digest = row.digest ?? null;
  return createHmac('sha256', key).update(row.prev_hash + canonicalJson(fields), 'utf8').digest('hex');
}

const keyedTables = new WeakMap<Database.Database, boolean>();

/** Whether this store's audit log has the columns of schema 13 (digest, keyed). */
export function isKeyedChain(db: Database.Database): boolean {
  let keyed = keyedTables.get(db);
  if (keyed === undefined) {
    keyed = (db.pragma('table_info(audit_log)') as { name: string }[]).some((c) => c.name === 'keyed');
    // Known once the table has the column; before that, a migration may still add it.
    if (keyed) keyedTables.set(db, keyed);
  }
  return keyed;
}

const SQL = {
  last: 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  insert: `INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash)
    VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @reason, @before, @after, @prev_hash, @hash)`,
  insertKeyed: `INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash, digest, keyed)
    VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @reason, @before, @after, @prev_hash, @hash, @digest, 1)`,
  all: 'SELECT * FROM audit_log ORDER BY seq',
  count: 'SELECT count(*) FROM audit_log',
} as const;

const json = (value: unknown): string | null => (value === null || value === undefined ? null : canonicalJson(value));

/** Where the chain ends: the last entry's seq and hash. */
export interface ChainEnd {
  seq: number;
  hash: string;
}

export type AuditAppend = (entry: NewAuditEntry) => ChainEnd;

/** Appends one entry after the last; call inside the transaction of the write it records. */
export function appendAudit(db: WriteDb, entry: NewAuditEntry): ChainEnd {
  return appendAfter(db, statement(db, SQL.last).get() as ChainEnd | undefined, entry);
}

/**
 * appendAudit for many entries in one transaction (a batch re-assessment): reads the end of
 * the chain once, then chains each entry from the one it appended before. Use it within one
 * transaction only; an entry appended meanwhile by other means is refused by the trigger
 * audit_log_chained, never silently forked.
 */
export function auditAppender(db: WriteDb): AuditAppend {
  let last: ChainEnd | undefined | null = null;
  return (entry) => {
    last = appendAfter(db, last === null ? (statement(db, SQL.last).get() as ChainEnd | undefined) : last, entry);
    return last;
  };
}

function appendAfter(db: Database.Database, last: ChainEnd | undefined, entry: NewAuditEntry): ChainEnd {
  if (!isKeyedChain(db)) {
    const row = rowAfter(last, entry);
    const hash = auditHash(row);
    statement(db, SQL.insert).run({ ...row, hash });
    return { seq: row.seq, hash };
  }
  const key = auditKeyOf(db);
  if (key === undefined) throw new Error('this connection has no audit key: open the store with openDatabase');
  // The one place every write's entry is made: the digest of the rows it wrote, in its transaction.
  const row = keyedRowAfter(last, entry, entry.digest !== undefined ? entry.digest : entityDigest(db, entry.entity, entry.entityId), key);
  statement(db, SQL.insertKeyed).run(row);
  return { seq: row.seq, hash: row.hash };
}

/** The entry as the row that follows `last` (undefined: the first), before its hash. */
function rowAfter(last: ChainEnd | undefined, entry: NewAuditEntry): Omit<AuditRow, 'hash'> {
  return {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    reason: entry.reason,
    before: json(entry.before),
    after: json(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
}

/**
 * The keyed row that follows `last`, with the digest it vouches for and its HMAC under `key`:
 * what either store (SQLite here, PostgreSQL in db/pg/audit.ts) inserts.
 */
export function keyedRowAfter(last: ChainEnd | undefined, entry: NewAuditEntry, digest: string | null, key: Buffer): AuditRow & { digest: string | null; keyed: 1 } {
  const row = { ...rowAfter(last, entry), digest, keyed: 1 as const };
  return { ...row, hash: auditHash(row, key) };
}

export function entryOf(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    reason: row.reason,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest first. */
export function listAuditEntries(db: Database.Database, query: AuditQuery): AuditEntry[] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.entity !== undefined) {
    parts.push('entity = ?');
    params.push(query.entity);
  }
  if (query.entityId !== undefined) {
    parts.push('entity_id = ?');
    params.push(query.entityId);
  }
  if (query.beforeSeq !== undefined) {
    parts.push('seq < ?');
    params.push(query.beforeSeq);
  }
  const where = parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`;
  const rows = statement(db, `SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ?`).all(...params, query.limit) as AuditRow[];
  return rows.map(entryOf);
}

export function countAuditEntries(db: Database.Database): number {
  return statement(db, SQL.count).pluck().get() as number;
}

/**
 * Recomputes the chain from the first entry. Finds a changed entry (its hash no longer
 * matches), a removed one (a gap in seq or a broken prev_hash link) and a reordering.
 * Removing entries from the end leaves a shorter valid chain: detecting that needs the
 * last hash kept elsewhere (an export, a printed report), which `hash` of the newest
 * entry is for.
 */
export function verifyAuditChain(db: Database.Database): AuditVerification {
  const { entries, broken } = checkAuditChain(db);
  return { ok: broken === null, entries, firstBadSeq: broken?.seq ?? null };
}

/** Why a link of the chain is broken. */
export type BrokenLink =
  /** The entry's content no longer gives its hash: it was changed after it was written (or, keyed, hashed without the key). */
  | { seq: number; problem: 'hash'; stored: string; computed: string }
  /** The entry does not name the hash of the one before: an entry was removed, inserted or reordered. */
  | { seq: number; problem: 'link'; stored: string; expected: string }
  /** A sequence number is missing or repeated. */
  | { seq: number; problem: 'sequence'; expected: number }
  /** An unkeyed entry after a keyed one: the chain was recomputed or continued without the audit key. */
  | { seq: number; problem: 'unkeyed' }
  /** A keyed entry, and no audit key to check it with (a plain store without its `.audit-key` file). */
  | { seq: number; problem: 'no_key' };

export interface AuditChainReport {
  entries: number;
  /** The hash of the newest entry (the genesis hash for an empty log): keep it to detect entries cut from the end. */
  lastHash: string;
  /** The first broken link, or null when the chain is intact. */
  broken: BrokenLink | null;
  /** The seq of the first keyed entry (null: none). */
  keyedFrom: number | null;
}

/**
 * Walks the whole chain from the first entry and names the first broken link: unkeyed entries
 * by their sha256 formula, keyed ones by their HMAC under `key` (default: the connection's).
 */
export function checkAuditChain(db: Database.Database, key: Buffer | undefined = auditKeyOf(db)): AuditChainReport {
  const walker = auditChainWalker(key);
  for (const row of statement(db, SQL.all).iterate() as IterableIterator<AuditRow>) walker.add(row);
  return walker.report();
}

/** The chain check fed one row at a time, in seq order: the rows of either store (db/pg/audit.ts reads PostgreSQL's a page at a time). */
export function auditChainWalker(key: Buffer | undefined): { add(row: AuditRow): void; report(): AuditChainReport } {
  let entries = 0;
  let prevHash = GENESIS_HASH;
  let broken: BrokenLink | null = null;
  let keyedFrom: number | null = null;
  return {
    add(row) {
      entries += 1;
      const { hash, ...rest } = row;
      if (row.keyed === 1 && keyedFrom === null) keyedFrom = row.seq;
      if (broken === null) {
        if (row.seq !== entries) broken = { seq: row.seq, problem: 'sequence', expected: entries };
        else if (row.prev_hash !== prevHash) broken = { seq: row.seq, problem: 'link', stored: row.prev_hash, expected: prevHash };
        else if (row.keyed !== 1 && keyedFrom !== null) broken = { seq: row.seq, problem: 'unkeyed' };
        else if (row.keyed === 1 && key === undefined) broken = { seq: row.seq, problem: 'no_key' };
        else {
          const computed = auditHash(rest, key);
          if (computed !== hash) broken = { seq: row.seq, problem: 'hash', stored: hash, computed };
        }
      }
      prevHash = hash;
    },
    report: () => ({ entries, lastHash: prevHash, broken, keyedFrom }),
  };
}
