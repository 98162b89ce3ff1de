/**
 * The digest of an audited entity's rows as they are now: what an audit entry vouches for
 * (db/audit-repo.ts stores it with the entry, in the same transaction as the write) and what
 * `tsp audit verify` recomputes to find rows edited behind the app's back (db/audit-verify.ts).
 *
 * An entity is what an audit entry names (entity, entity_id):
 *   - case: the case row, its person, sentences, offences and their links, consent, financial
 *     obligations, timeline (case_events), documents and attachments, its assessments and the due
 *     dates copied from the latest one; from schema 14 its handover plans, correspondence, notes
 *     and the packages it was imported from (each only once it has rows: the digest of a case
 *     without any is the one an earlier schema wrote, so its earlier entries still verify).
 *     An assessment enters by reference (from schema 15, when its content is in documents of
 *     assessment_snapshots): its row with the sha256 of each document it names, not the
 *     documents themselves. A document is content-addressed (its hash is of its text), so the
 *     hash stands for the text, and `tsp audit verify` checks every document against its hash
 *     (db/audit-verify.ts). Before, the digest held every assessment as it reads back, so each
 *     write to a case read and hashed all its past assessments in full (a re-assessment of
 *     10,000 cases spent most of its time there); entries written that way still verify
 *     (`entityDigestMatches` accepts either form);
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

/** What the tables and columns the digest depends on are, per connection; read again when the schema changes. */
interface Shape {
  schemaVersion: number;
  tables: Set<string>;
  /** Schema 15 or later: an assessment names its documents (a store sealed before 15 was digested with them in its rows). */
  hasDocuments: boolean;
}

const shapes = new WeakMap<Database.Database, Shape>();

function shapeOf(db: Database.Database): Shape {
  const schemaVersion = statement(db, 'PRAGMA schema_version').pluck().get() as number;
  let shape = shapes.get(db);
  if (shape === undefined || shape.schemaVersion !== schemaVersion) {
    shape = {
      schemaVersion,
      tables: new Set(statement(db, "SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]),
      hasDocuments: statement(db, "SELECT 1 FROM pragma_table_info('assessments') WHERE name = 'case_snapshot_id'").get() !== undefined,
    };
    shapes.set(db, shape);
  }
  return shape;
}

/** Tables of a case from schema 14 on: part of its digest only when they hold rows of it (see above). */
const LATER_CASE_CHILDREN: readonly [string, string, string][] = [
  ['handoverPlans', 'case_handover_plans', 'SELECT * FROM case_handover_plans WHERE case_id = ? ORDER BY id'],
  ['correspondence', 'case_correspondence', 'SELECT * FROM case_correspondence WHERE case_id = ? ORDER BY id'],
  ['notes', 'case_notes', 'SELECT * FROM case_notes WHERE case_id = ? ORDER BY id'],
  ['packages', 'case_packages', 'SELECT * FROM case_packages WHERE case_id = ? ORDER BY id'],
];

/** A case's assessments by reference: each row with the sha256 of the documents it names. */
const ASSESSMENTS_BY_HASH = `SELECT a.*, c.hash AS case_snapshot_hash, r.hash AS result_hash, t.hash AS texts_hash
  FROM assessments a JOIN assessment_snapshots c ON c.id = a.case_snapshot_id JOIN assessment_snapshots r ON r.id = a.result_id
  LEFT JOIN assessment_snapshots t ON t.id = a.texts_id WHERE a.case_id = ? ORDER BY a.id`;

/**
 * Every read of a case's digest by its id, as written from now on (the `by-hash` form): each is
 * made at every audited write to a case and for every case by `tsp audit verify`, so each must
 * be an index search, never a scan of its table or a sort (tested on the query plans).
 */
export const CASE_DIGEST_READS: readonly string[] = [
  'SELECT * FROM cases WHERE id = ?',
  ...CASE_CHILDREN.map(([, sql]) => sql),
  ASSESSMENTS_BY_HASH,
  ...LATER_CASE_CHILDREN.map(([, , sql]) => sql),
];

/**
 * How a case's assessments enter its digest: `by-hash`, by reference to their documents (what
 * is written from now on, schema 15 or later), or `read-back`, each assessment as it reads back
 * in full (what entries written before this change, or before schema 15, vouch for).
 */
type CaseForm = 'by-hash' | 'read-back';

function caseContent(db: Database.Database, id: string, shape: Shape, form: CaseForm): unknown {
  const row = one(db, CASE_DIGEST_READS[0]!, id);
  if (row === null) return null;
  const content: Row = { case: row, person: one(db, 'SELECT * FROM persons WHERE id = ?', row.person_id) };
  for (const [name, sql] of CASE_CHILDREN) content[name] = name === 'consent' || name === 'dueDates' ? one(db, sql, id) : all(db, sql, id);
  content.assessments =
    form === 'by-hash' ? all(db, ASSESSMENTS_BY_HASH, id)
    // Each assessment as it reads back (from schema 15 its content is in shared documents, db/assessments-repo.ts): the same row,
    // hence the same digest, as before its content moved.
    : shape.hasDocuments ? assessmentsOfCase(db, id).sort((x, y) => (x.id < y.id ? -1 : 1)).map((a) => clean(a as unknown as Row))
    : all(db, 'SELECT * FROM assessments WHERE case_id = ? ORDER BY id', id);
  for (const [name, table, sql] of LATER_CASE_CHILDREN) {
    if (!shape.tables.has(table)) continue;
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
  case: (db, id) => {
    const shape = shapeOf(db);
    return caseContent(db, id, shape, shape.hasDocuments ? 'by-hash' : 'read-back');
  },
  user: userContent,
  rule_set: (db, id) => versioned(db, 'rule_sets', 'id', id),
  jurisdiction_profile: (db, id) => versioned(db, 'jurisdiction_profiles', 'code', id),
  treaty_map: (db, id) => one(db, 'SELECT * FROM treaty_maps WHERE version = ?', id),
  setting: (db, id) => (shapeOf(db).tables.has('store_settings') ? one(db, 'SELECT * FROM store_settings WHERE name = ?', id) : null),
};

/** The entity kinds that have rows, hence a digest. */
export const DIGESTED_ENTITIES = Object.keys(CONTENT);

export const hasDigest = (entity: string): boolean => Object.hasOwn(CONTENT, entity);

const digestOf = (entity: string, entityId: string, content: unknown): string => sha256Hex(canonicalJson({ entity, id: entityId, content }));

/**
 * sha256 of the canonical content of the entity's rows now, as an audit entry written now
 * vouches for them; null for an entity kind without rows, and the digest of `null` for an
 * entity whose rows are gone.
 */
export function entityDigest(db: Database.Database, entity: string, entityId: string): string | null {
  const content = CONTENT[entity];
  if (content === undefined) return null;
  return digestOf(entity, entityId, content(db, entityId));
}

/**
 * Whether the entity's rows now give `digest`, as written now or, for a case, as an entry
 * written before its assessments entered by reference (each in full as it reads back). Either
 * form holds every row; the by-reference one relies on each document matching its hash, which
 * `tsp audit verify` checks on its own.
 */
export function entityDigestMatches(db: Database.Database, entity: string, entityId: string, digest: string): boolean {
  if (entityDigest(db, entity, entityId) === digest) return true;
  if (entity !== 'case') return false;
  const shape = shapeOf(db);
  return shape.hasDocuments && digestOf(entity, entityId, caseContent(db, entityId, shape, 'read-back')) === digest;
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
