/**
 * The digest of an audited entity's rows as they are now: what an audit entry vouches for
 * (db/audit-repo.ts stores it with the entry, in the same transaction as the write) and what
 * `tsp audit verify` recomputes to find rows edited behind the app's back (db/audit-verify.ts).
 *
 * An entity is what an audit entry names (entity, entity_id):
 *   - case: the case row, its person, sentences, offences and their links, consent, financial
 *     obligations, timeline (case_events), documents and attachments, assessments as they read
 *     back (their documents in assessment_snapshots joined in, schema 15: the case as assessed,
 *     the result) and the due dates copied from the latest one; from schema 14 its handover
 *     plans, correspondence, notes and the packages it was imported from (each only once it has
 *     rows: the digest of a case without any is the one an earlier schema wrote, so its earlier
 *     entries still verify);
 *   - user: the user row (name, role) and its credentials (password hash, failed sign-ins, lockout);
 *   - rule_set `<id>@<version>` and jurisdiction_profile `<code>@<version>`: the stored version;
 *   - treaty_map `<version>`: the stored version of the treaty map;
 *   - setting `<name>`: a store setting (schema 14: the covering letter of the request).
 * Other entities (store events) have no rows of their own and no digest.
 *
 * Each row enters as an object of its non-null columns (canonical JSON, keys sorted), so a
 * migration that adds a nullable column leaves every digest as it was; one that adds a column
 * with a non-null default, or rewrites rows, must seal again (sealEntities).
 */
import type Database from 'better-sqlite3';
import { assessmentsOfCase } from './assessments-repo.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { statement } from './statements.ts';

type Row = Record<string, unknown>;

const clean = (row: Row | undefined): Row | null => {
  if (row === undefined) return null;
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined) continue;
    out[k] = Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v;
  }
  return out;
};

const one = (db: Database.Database, sql: string, ...params: unknown[]): Row | null => clean(statement(db, sql).get(...params) as Row | undefined);
const all = (db: Database.Database, sql: string, ...params: unknown[]): Row[] => (statement(db, sql).all(...params) as Row[]).map((r) => clean(r) as Row);

const CASE_CHILDREN: readonly [string, string][] = [
  ['sentences', 'SELECT * FROM sentences WHERE case_id = ? ORDER BY sentence_key'],
  ['offences', 'SELECT * FROM offences WHERE case_id = ? ORDER BY offence_key'],
  ['sentenceOffences', 'SELECT * FROM sentence_offences WHERE case_id = ? ORDER BY sentence_key, position'],
  ['consent', 'SELECT * FROM consents WHERE case_id = ?'],
  ['obligations', 'SELECT * FROM financial_obligations WHERE case_id = ? ORDER BY position'],
  ['events', 'SELECT * FROM case_events WHERE case_id = ? ORDER BY id'],
  ['documents', 'SELECT * FROM case_documents WHERE case_id = ? ORDER BY kind'],
  ['attachments', 'SELECT * FROM attachments WHERE case_id = ? ORDER BY id'],
  ['dueDates', 'SELECT * FROM case_due_dates WHERE case_id = ?'],
];

/** Schema 15 or later: an assessment names its documents (a store sealed before 15 was digested with them in its rows). */
const hasDocuments = (db: Database.Database): boolean =>
  statement(db, "SELECT 1 FROM pragma_table_info('assessments') WHERE name = 'case_snapshot_id'").get() !== undefined;

/** Tables of a case from schema 14 on: part of its digest only when they hold rows of it (see above). */
const LATER_CASE_CHILDREN: readonly [string, string, string][] = [
  ['handoverPlans', 'case_handover_plans', 'SELECT * FROM case_handover_plans WHERE case_id = ? ORDER BY id'],
  ['correspondence', 'case_correspondence', 'SELECT * FROM case_correspondence WHERE case_id = ? ORDER BY id'],
  ['notes', 'case_notes', 'SELECT * FROM case_notes WHERE case_id = ? ORDER BY id'],
  ['packages', 'case_packages', 'SELECT * FROM case_packages WHERE case_id = ? ORDER BY id'],
];

function hasTable(db: Database.Database, table: string): boolean {
  return statement(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function caseContent(db: Database.Database, id: string): unknown {
  const row = one(db, 'SELECT * FROM cases WHERE id = ?', id);
  if (row === null) return null;
  const content: Row = { case: row, person: one(db, 'SELECT * FROM persons WHERE id = ?', row.person_id) };
  for (const [name, sql] of CASE_CHILDREN) content[name] = name === 'consent' || name === 'dueDates' ? one(db, sql, id) : all(db, sql, id);
  // Each assessment as it reads back (from schema 15 its content is in shared documents, db/assessments-repo.ts): the same row,
  // hence the same digest, as before its content moved; a byte changed in a document changes the digest of every case naming it.
  content.assessments = hasDocuments(db)
    ? assessmentsOfCase(db, id).sort((x, y) => (x.id < y.id ? -1 : 1)).map((a) => clean(a as unknown as Row))
    : all(db, 'SELECT * FROM assessments WHERE case_id = ? ORDER BY id', id);
  for (const [name, table, sql] of LATER_CASE_CHILDREN) {
    if (!hasTable(db, table)) continue;
    const rows = all(db, sql, id);
    if (rows.length > 0) content[name] = rows;
  }
  return content;
}

function userContent(db: Database.Database, id: string): unknown {
  const user = one(db, 'SELECT * FROM users WHERE id = ?', id);
  if (user === null) return null;
  return { user, credentials: one(db, 'SELECT * FROM user_credentials WHERE user_id = ?', id) };
}

/** `<id>@<version>`: the id may hold an `@`, the version is after the last one. */
function versioned(db: Database.Database, table: string, keyColumn: string, entityId: string): unknown {
  const at = entityId.lastIndexOf('@');
  if (at <= 0) return null;
  return one(db, `SELECT * FROM ${table} WHERE ${keyColumn} = ? AND version = ?`, entityId.slice(0, at), entityId.slice(at + 1));
}

const CONTENT: Record<string, (db: Database.Database, id: string) => unknown> = {
  case: caseContent,
  user: userContent,
  rule_set: (db, id) => versioned(db, 'rule_sets', 'id', id),
  jurisdiction_profile: (db, id) => versioned(db, 'jurisdiction_profiles', 'code', id),
  treaty_map: (db, id) => one(db, 'SELECT * FROM treaty_maps WHERE version = ?', id),
  setting: (db, id) => (hasTable(db, 'store_settings') ? one(db, 'SELECT * FROM store_settings WHERE name = ?', id) : null),
};

/** The entity kinds that have rows, hence a digest. */
export const DIGESTED_ENTITIES = Object.keys(CONTENT);

export const hasDigest = (entity: string): boolean => Object.hasOwn(CONTENT, entity);

/**
 * sha256 of the canonical content of the entity's rows now; null for an entity kind without
 * rows, and the digest of `null` for an entity whose rows are gone.
 */
export function entityDigest(db: Database.Database, entity: string, entityId: string): string | null {
  const content = CONTENT[entity];
  if (content === undefined) return null;
  return sha256Hex(canonicalJson({ entity, id: entityId, content: content(db, entityId) }));
}

/** Every entity that has rows now, as [entity, id]. */
export function listEntities(db: Database.Database): [string, string][] {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  const out: [string, string][] = [];
  const add = (entity: string, table: string, sql: string) => {
    if (tables.has(table)) for (const id of db.prepare(sql).pluck().all() as string[]) out.push([entity, id]);
  };
  add('case', 'cases', 'SELECT id FROM cases ORDER BY id');
  add('user', 'users', 'SELECT id FROM users ORDER BY id');
  add('rule_set', 'rule_sets', "SELECT id || '@' || version FROM rule_sets ORDER BY id, version");
  add('jurisdiction_profile', 'jurisdiction_profiles', "SELECT code || '@' || version FROM jurisdiction_profiles ORDER BY code, version");
  add('treaty_map', 'treaty_maps', 'SELECT version FROM treaty_maps ORDER BY version');
  add('setting', 'store_settings', 'SELECT name FROM store_settings ORDER BY name');
  return out;
}
