/**
 * The seal (schema 13): a store that already has audit entries when it is brought to schema 13
 * gets one keyed entry, `audit.seal` by the system, vouching for the digest of every entity
 * as it is at that moment (db/entity-digest.ts), so the whole store is covered from the upgrade
 * on rather than entity by entity as each is next written. The digests are the rows of
 * `audit_seal`, all named by that entry's seq; the entry's own digest is the sha256 of them all,
 * so a seal row changed later breaks the entry. A new store needs no seal: its first entry is
 * keyed, and every entity it will have is written with a digest.
 *
 * The seal vouches for the rows as they are at the upgrade: an edit made before it is not seen
 * by the digests (the unkeyed chain before it is still checked entry by entry).
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { inWrite } from './handles.ts';
import { appendAudit, isKeyedChain } from './audit-repo.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { entityDigest, listEntities } from './entity-digest.ts';
import { statement } from './statements.ts';

export const SEAL_ACTION = 'audit.seal';
/** Who the seal, like the other things the app does by itself, is attributed to. */
export const SYSTEM_USER = 'system';

interface SealRow {
  entity: string;
  entity_id: string;
  seq: number;
  digest: string;
}

/** The sha256 of a seal's rows, in (entity, entity_id) order. */
export function sealRoot(rows: readonly SealRow[]): string {
  const sorted = [...rows].sort((a, b) => (a.entity === b.entity ? (a.entity_id < b.entity_id ? -1 : 1) : a.entity < b.entity ? -1 : 1));
  return sha256Hex(canonicalJson(sorted.map((r) => [r.entity, r.entity_id, r.seq, r.digest])));
}

export function sealRows(db: Database.Database): SealRow[] {
  return statement(db, 'SELECT entity, entity_id, seq, digest FROM audit_seal ORDER BY entity, entity_id').all() as SealRow[];
}

/** Whether the store's chain needs its seal: schema 13, entries, and the newest of them unkeyed. */
export function needsSeal(db: Database.Database): boolean {
  if (!isKeyedChain(db)) return false;
  const last = statement(db, 'SELECT keyed FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as number | undefined;
  return last === 0;
}

/** Writes the seal when the store needs one (in one transaction); returns how many entities it covers, or null. */
export function sealIfNeeded(db: Database.Database, clock: () => Date = () => new Date()): number | null {
  // Read first: a store that needs no seal is opened without the write lock (a read goes on while another process writes).
  if (!needsSeal(db)) return null;
  return db
    .transaction(() => {
      if (!needsSeal(db)) return null;
      const seq = ((statement(db, 'SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0) + 1;
      const rows: SealRow[] = [];
      const insert = statement(db, 'INSERT INTO audit_seal (entity, entity_id, seq, digest) VALUES (@entity, @entity_id, @seq, @digest)');
      for (const [entity, id] of listEntities(db)) {
        const row = { entity, entity_id: id, seq, digest: entityDigest(db, entity, id) as string };
        insert.run(row);
        rows.push(row);
      }
      const counts: Record<string, number> = {};
      for (const r of rows) counts[r.entity] = (counts[r.entity] ?? 0) + 1;
      appendAudit(inWrite(db), {
        at: clock().toISOString(), userId: SYSTEM_USER, action: SEAL_ACTION, entity: 'store', entityId: path.basename(db.name),
        reason: 'schema 13: from here on the audit log vouches for the rows of every entity', before: null, after: { entities: counts },
        digest: sealRoot(rows),
      });
      return rows.length;
    })
    .immediate();
}
