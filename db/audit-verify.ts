/**
 * Everything `tsp audit verify` checks, and restore before it replaces anything: that the file
 * is sound, that its schema is the one its migrations make, that the audit chain holds, and
 * that the rows are what the chain says they are.
 *
 *   - integrity: `PRAGMA integrity_check` (and `PRAGMA cipher_integrity_check`, each page's
 *     HMAC, on an encrypted store);
 *   - schema: every table, index, trigger and view compared, by its exact SQL, with those of
 *     an empty store migrated in memory to the same user_version (so a dropped or rewritten
 *     append-only trigger, or an object added, is named);
 *   - chain: db/audit-repo.ts checkAuditChain, keyed entries under the audit key; from schema
 *     11 a chain with entries must be keyed from its seal (or first entry) on;
 *   - the seal (db/audit-seal.ts): its rows give the digest its entry vouches for;
 *   - entities: every entity's rows give the digest of its latest entry (or of the seal), an
 *     entity with rows but no such entry was written behind the app's back;
 *   - documents (schema 15): every document of assessment_snapshots is the text its sha256
 *     names (a case's digest names its assessments' documents by that hash);
 *   - anchors: each head recorded outside the file (db/audit-anchor.ts) is in the chain.
 */
import type Database from 'better-sqlite3';
import Driver from 'better-sqlite3-multiple-ciphers';
import { checkAuditChain, isKeyedChain, type BrokenLink } from './audit-repo.ts';
import type { AuditHead } from './audit-anchor.ts';
import { sealRoot, sealRows, SEAL_ACTION } from './audit-seal.ts';
import { sha256Hex } from './canonical-json.ts';
import { entityDigestMatches, hasDigest, listEntities } from './entity-digest.ts';
import { nativeBindingOf } from './connection.ts';
import { loadMigrations, migrate, schemaVersion } from './migrate.ts';
import { registerSearchFunctions } from './search-fold.ts';

export type FindingKind =
  | 'integrity'
  | 'cipher_integrity'
  | 'schema_version'
  | 'schema_missing'
  | 'schema_changed'
  | 'schema_extra'
  | 'chain_sequence'
  | 'chain_link'
  | 'chain_hash'
  | 'chain_unkeyed'
  | 'chain_no_key'
  | 'chain_not_keyed'
  | 'seal'
  | 'entity_changed'
  | 'entity_unaudited'
  | 'entity_missing'
  | 'document_changed'
  | 'anchor_ahead'
  | 'anchor_mismatch'
  | 'anchor_damaged';

export interface Finding {
  kind: FindingKind;
  message: string;
  seq?: number;
  entity?: string;
  entityId?: string;
  /** A schema object's name (schema_* findings). */
  name?: string;
  /** Where an anchor was found (anchor_* findings). */
  source?: string;
}

export interface Anchor {
  /** Where it was read: the anchor file, a backup's manifest. */
  source: string;
  head: AuditHead | 'damaged';
}

export interface StoreVerification {
  ok: boolean;
  findings: Finding[];
  schemaVersion: number;
  entries: number;
  lastHash: string;
  keyedFrom: number | null;
  /** Entities whose rows were compared with their latest digest. */
  entitiesChecked: number;
  /** Entities with no digest yet (a store before schema 13): their next write covers them. */
  entitiesNotCovered: number;
  anchorsChecked: number;
}

export interface VerifyOptions {
  anchors?: readonly Anchor[] | undefined;
  /** The store is encrypted: run PRAGMA cipher_integrity_check too. */
  encrypted?: boolean | undefined;
  /** The audit key to check keyed entries with (default: the connection's). */
  auditKey?: Buffer | undefined;
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const SCHEMA_SQL = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
const expectedSchemas = new Map<number, Map<string, SchemaObject>>();

/** The schema an empty store has at `version`, made by the migrations in memory (cached); with the driver build of the store checked. */
export function expectedSchema(version: number, nativeBinding?: string): Map<string, SchemaObject> {
  let schema = expectedSchemas.get(version);
  if (schema === undefined) {
    const db: Database.Database = new Driver(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      registerSearchFunctions(db);
      migrate(db, { to: version });
      schema = new Map((db.prepare(SCHEMA_SQL).all() as SchemaObject[]).map((o) => [`${o.type} ${o.name}`, o]));
    } finally {
      db.close();
    }
    expectedSchemas.set(version, schema);
  }
  return schema;
}

function checkIntegrity(db: Database.Database, encrypted: boolean, findings: Finding[]): void {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) findings.push({ kind: 'integrity', message: `PRAGMA integrity_check: ${problems.slice(0, 5).join('; ')}` });
  } catch (error) {
    findings.push({ kind: 'integrity', message: `PRAGMA integrity_check failed: ${(error as Error).message}` });
  }
  if (!encrypted) return;
  // SQLCipher's own check of every page's HMAC. SQLite3 Multiple Ciphers 2.x answers it with no
  // rows (measured with 12.11.1): there, a page whose HMAC fails is reported by integrity_check
  // above ("database disk image is malformed"), which reads every page of every table and index.
  try {
    const rows = db.pragma('cipher_integrity_check') as Record<string, unknown>[];
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((r) => r !== 'ok');
    if (problems.length > 0) findings.push({ kind: 'cipher_integrity', message: `PRAGMA cipher_integrity_check: ${problems.slice(0, 5).join('; ')}` });
  } catch (error) {
    findings.push({ kind: 'cipher_integrity', message: `PRAGMA cipher_integrity_check failed: ${(error as Error).message}` });
  }
}

function checkSchema(db: Database.Database, version: number, findings: Finding[]): void {
  const latest = loadMigrations().length;
  if (version > latest) {
    findings.push({ kind: 'schema_version', message: `the schema version ${version} is newer than this app's (${latest}): use a newer TSP Desk` });
    return;
  }
  const expected = expectedSchema(version, nativeBindingOf(db));
  const actual = new Map((db.prepare(SCHEMA_SQL).all() as SchemaObject[]).map((o) => [`${o.type} ${o.name}`, o]));
  for (const [key, object] of expected) {
    const found = actual.get(key);
    if (found === undefined) findings.push({ kind: 'schema_missing', name: object.name, message: `the ${object.type} ${object.name} is missing (dropped behind the app's back)` });
    else if (found.sql !== object.sql || found.tbl_name !== object.tbl_name) findings.push({ kind: 'schema_changed', name: object.name, message: `the ${object.type} ${object.name} is not as schema ${version} makes it: ${found.sql ?? ''}` });
  }
  for (const [key, object] of actual) {
    if (!expected.has(key)) findings.push({ kind: 'schema_extra', name: object.name, message: `the ${object.type} ${object.name} is not part of schema ${version}: ${object.sql ?? ''}` });
  }
}

function describeLink(link: BrokenLink): Finding {
  switch (link.problem) {
    case 'hash':
      return { kind: 'chain_hash', seq: link.seq, message: `entry #${link.seq} was changed after it was written, or hashed without the audit key: its content gives ${link.computed}, it records ${link.stored}` };
    case 'link':
      return { kind: 'chain_link', seq: link.seq, message: `entry #${link.seq} names ${link.stored} as the previous hash, but that entry's hash is ${link.expected} (an entry was removed, inserted or reordered)` };
    case 'sequence':
      return { kind: 'chain_sequence', seq: link.seq, message: `entry #${link.seq} stands where entry #${link.expected} should be (an entry was removed or renumbered)` };
    case 'unkeyed':
      return { kind: 'chain_unkeyed', seq: link.seq, message: `entry #${link.seq} is not keyed, after keyed entries: the chain was recomputed or continued without the audit key` };
    case 'no_key':
      return { kind: 'chain_no_key', seq: link.seq, message: `entry #${link.seq} is keyed and the store's audit key is missing (a plain store's .audit-key file beside it): the chain cannot be checked` };
  }
}

interface Expected {
  seq: number;
  digest: string;
  from: 'entry' | 'seal';
}

function checkEntities(db: Database.Database, findings: Finding[]): { checked: number } {
  const expected = new Map<string, Expected>();
  const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;
  for (const r of sealRows(db)) expected.set(keyOf(r.entity, r.entity_id), { seq: r.seq, digest: r.digest, from: 'seal' });
  const latest = db
    .prepare('SELECT entity, entity_id, digest, max(seq) AS seq FROM audit_log WHERE keyed = 1 AND digest IS NOT NULL GROUP BY entity, entity_id')
    .all() as { entity: string; entity_id: string; digest: string; seq: number }[];
  for (const r of latest) {
    if (!hasDigest(r.entity)) continue; // the seal's own digest is of its rows (checkSeal)
    const k = keyOf(r.entity, r.entity_id);
    const before = expected.get(k);
    if (before === undefined || before.seq < r.seq) expected.set(k, { seq: r.seq, digest: r.digest, from: 'entry' });
  }
  let checked = 0;
  const seen = new Set<string>();
  for (const [entity, id] of listEntities(db)) {
    const k = keyOf(entity, id);
    seen.add(k);
    const want = expected.get(k);
    if (want === undefined) {
      findings.push({ kind: 'entity_unaudited', entity, entityId: id, message: `${entity} ${id} has rows but no audit entry vouches for them (written behind the app's back)` });
      continue;
    }
    checked += 1;
    if (!entityDigestMatches(db, entity, id, want.digest)) {
      findings.push({
        kind: 'entity_changed', entity, entityId: id, seq: want.seq,
        message: `the rows of ${entity} ${id} no longer match ${want.from === 'seal' ? `the seal (entry #${want.seq})` : `its latest audit entry #${want.seq}`}: they were edited behind the app's back`,
      });
    }
  }
  for (const [k, want] of expected) {
    if (seen.has(k)) continue;
    const [entity = '', id = ''] = k.split('\u0000');
    if (!entityDigestMatches(db, entity, id, want.digest)) {
      findings.push({ kind: 'entity_missing', entity, entityId: id, seq: want.seq, message: `${entity} ${id}, vouched for by entry #${want.seq}, has no rows any more: they were deleted behind the app's back` });
    }
  }
  return { checked };
}

function checkSeal(db: Database.Database, findings: Finding[]): void {
  const rows = sealRows(db);
  const seal = db.prepare('SELECT seq, digest FROM audit_log WHERE action = ? AND keyed = 1 ORDER BY seq LIMIT 1').get(SEAL_ACTION) as { seq: number; digest: string | null } | undefined;
  if (seal === undefined) {
    if (rows.length > 0) findings.push({ kind: 'seal', message: `audit_seal holds ${rows.length} rows but the log has no seal entry` });
    return;
  }
  const foreign = rows.filter((r) => r.seq !== seal.seq);
  if (foreign.length > 0 || sealRoot(rows) !== seal.digest) {
    findings.push({ kind: 'seal', seq: seal.seq, message: `the rows of audit_seal do not give the digest its entry #${seal.seq} vouches for: they were changed` });
  }
}

/** Each document of assessment_snapshots against its hash; a changed one is named with the cases whose assessments name it. */
function checkDocuments(db: Database.Database, findings: Finding[]): void {
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'assessment_snapshots'").get() === undefined) return;
  const changed: { id: number; hash: string }[] = [];
  for (const doc of db.prepare('SELECT id, hash, content FROM assessment_snapshots ORDER BY id').iterate() as IterableIterator<{ id: number; hash: string; content: string }>) {
    if (sha256Hex(doc.content) !== doc.hash) changed.push({ id: doc.id, hash: doc.hash });
  }
  // After the iteration: the connection runs one statement at a time.
  const naming = db.prepare('SELECT DISTINCT case_id FROM assessments WHERE case_snapshot_id = @id OR result_id = @id OR texts_id = @id ORDER BY case_id LIMIT 6').pluck();
  for (const { id, hash } of changed) {
    const cases = naming.all({ id }) as string[];
    const named = cases.length === 0 ? 'no assessment names it' : `assessments of case ${cases.slice(0, 5).join(', ')}${cases.length > 5 ? ' and others' : ''} name it`;
    findings.push({
      kind: 'document_changed', entity: 'assessment_snapshot', entityId: hash,
      message: `assessment document #${id} is no longer the text its sha256 ${hash} was computed from: it was edited behind the app's back (${named})`,
    });
  }
}

function checkAnchors(db: Database.Database, anchors: readonly Anchor[], entries: number, findings: Finding[]): void {
  for (const { source, head } of anchors) {
    if (head === 'damaged') {
      findings.push({ kind: 'anchor_damaged', source, message: `${source} does not hold a chain head` });
      continue;
    }
    if (head.seq > entries) {
      findings.push({ kind: 'anchor_ahead', source, seq: head.seq, message: `${source} records entry #${head.seq}, but the chain has only ${entries}: entries were cut from its end` });
      continue;
    }
    if (head.seq === 0) continue;
    const hash = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(head.seq) as string | undefined;
    if (hash !== head.hash) {
      findings.push({ kind: 'anchor_mismatch', source, seq: head.seq, message: `${source} records hash ${head.hash} for entry #${head.seq}, the chain has ${hash ?? 'none'}: the chain was replaced or recomputed` });
    }
  }
}

/** Verifies an open store (read only: nothing is written). A check that cannot read what it needs (a damaged page) is a finding too. */
export function verifyStore(db: Database.Database, options: VerifyOptions = {}): StoreVerification {
  const findings: Finding[] = [];
  const step = <T>(what: string, work: () => T, fallback: T): T => {
    try {
      return work();
    } catch (error) {
      findings.push({ kind: 'integrity', message: `${what} could not read the store: ${(error as Error).message}` });
      return fallback;
    }
  };
  checkIntegrity(db, options.encrypted ?? false, findings);
  const version = step('reading the schema version', () => schemaVersion(db), 0);
  step('the schema check', () => checkSchema(db, version, findings), undefined);
  const chain = step('the chain check', () => checkAuditChain(db, options.auditKey), { entries: 0, lastHash: '', broken: null, keyedFrom: null });
  if (chain.broken !== null) findings.push(describeLink(chain.broken));
  let checked = 0;
  let notCovered = 0;
  if (step('reading the audit log', () => isKeyedChain(db), false)) {
    if (chain.entries > 0 && chain.keyedFrom === null) {
      findings.push({ kind: 'chain_not_keyed', message: `the store is at schema ${version} but none of its ${chain.entries} entries is keyed: the chain was recomputed without the audit key` });
    }
    step('the seal check', () => checkSeal(db, findings), undefined);
    checked = step('the entity check', () => checkEntities(db, findings).checked, 0);
    step('the document check', () => checkDocuments(db, findings), undefined);
  } else {
    notCovered = step('listing the entities', () => listEntities(db).length, 0);
  }
  step('the anchor check', () => checkAnchors(db, options.anchors ?? [], chain.entries, findings), undefined);
  return {
    ok: findings.length === 0,
    findings,
    schemaVersion: version,
    entries: chain.entries,
    lastHash: chain.lastHash,
    keyedFrom: chain.keyedFrom,
    entitiesChecked: checked,
    entitiesNotCovered: notCovered,
    anchorsChecked: (options.anchors ?? []).length,
  };
}
