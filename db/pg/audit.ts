/**
 * The audit log of an office store on PostgreSQL: the desk store's chain (db/audit-repo.ts,
 * the same rows and hashes, keyed under the office's audit key) written by many officers at
 * once. Each append takes a transaction-level advisory lock before it reads the end of the
 * chain, so concurrent writers queue and the chain stays one: no fork, and no writer refused
 * because another appended between its read and its insert (the schema's trigger and primary
 * key would refuse it, db/pg/migrations/0001_audit_log.sql).
 */
import type pg from 'pg';
import { auditChainWalker, keyedRowAfter, type AuditChainReport, type AuditRow, type ChainEnd, type NewAuditEntry } from '../audit-repo.ts';

/** The advisory lock key of the chain's end (any fixed 64-bit number; migrations have their own). */
const CHAIN_LOCK = 7_305_002;

const COLUMNS = 'seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash, digest, keyed';

/**
 * Appends one keyed entry after the last; call inside the transaction of the write it records
 * (the lock is held until that transaction ends). `digest` is that of the entity's rows after
 * the write, as the desk store's entries carry.
 */
export async function appendAuditPg(client: pg.ClientBase, entry: NewAuditEntry, digest: string | null, key: Buffer): Promise<ChainEnd> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const last = await client.query<ChainEnd>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row = keyedRowAfter(last.rows[0], entry, digest, key);
  await client.query(`INSERT INTO audit_log (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
    row.seq, row.at, row.user_id, row.action, row.entity, row.entity_id, row.reason, row.before, row.after, row.prev_hash, row.hash, row.digest, row.keyed,
  ]);
  return { seq: row.seq, hash: row.hash };
}

/** The chain check of `tsp audit verify` over an office store's log, read in pages of `page` entries. */
export async function checkAuditChainPg(client: pg.ClientBase, key: Buffer | undefined, page = 10_000): Promise<AuditChainReport> {
  const walker = auditChainWalker(key);
  for (let after = 0; ; ) {
    const result = await client.query<AuditRow>(`SELECT ${COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, page]);
    for (const row of result.rows) walker.add(row);
    const last = result.rows.at(-1);
    if (last === undefined || result.rows.length < page) return walker.report();
    after = last.seq;
  }
}
