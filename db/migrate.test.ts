import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findAssessment } from './assessments-repo.ts';
import { auditHash, GENESIS_HASH, verifyAuditChain } from './audit-repo.ts';
import { verifyStore } from './audit-verify.ts';
import { findCase } from './cases-repo.ts';
import { openDatabase } from './connection.ts';
import { loadMigrations, migrate, schemaVersion } from './migrate.ts';
import { registerSearchFunctions } from './search-fold.ts';
import { searchCases } from './case-search.ts';
import { listCasesInput } from '../shared/contracts/cases.ts';
import { tempDir } from './testing.ts';

const LATEST = loadMigrations().length;

/**
 * Data written at each earlier schema version, in that version's own SQL. Adding migration
 * N+1 needs one more entry here, for version N; the checks below are generic. Each fixture
 * writes the case FIXTURE_CASE_ID of a person named FIXTURE_FAMILY_NAME and a valid audit chain.
 */
const FIXTURE_CASE_ID = '0b9f1c52-8a4e-4c1e-9a57-3f2d6c1e7a10';
const FIXTURE_FAMILY_NAME = 'Кузнецов';
/** The fixture's assessment, as written up to version 14 (its snapshot and result in the row). */
const ASSESSMENT_UP_TO_14 = `INSERT INTO assessments (id, case_id, case_version, verdict, reference_date, on_date, rule_set_id, rule_set_version, rule_set_hash,
          rule_set_source, user_id, created_at, reason, case_snapshot, result)
        VALUES ('a1', '${FIXTURE_CASE_ID}', 2, 'eligible', '2024-01-02', NULL, 'hk-ru-2021', '2021', '${'a'.repeat(64)}', 'built-in', 'u1',
          '2024-01-03T00:00:00.000Z', NULL, '{}', '{}');`;
/** From version 15: its snapshot and result are one document ('{}', stored once under its sha256), named by the row (db/migrations/0015). */
const ASSESSMENT_FROM_15 = `INSERT INTO assessment_snapshots (id, hash, content) VALUES (1, '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', '{}');
      INSERT INTO assessments (id, case_id, case_version, verdict, reference_date, on_date, rule_set_id, rule_set_version, rule_set_hash,
          rule_set_source, user_id, created_at, reason, case_snapshot_id, result_id, texts_id)
        VALUES ('a1', '${FIXTURE_CASE_ID}', 2, 'eligible', '2024-01-02', NULL, 'hk-ru-2021', '2021', '${'a'.repeat(64)}', 'built-in', 'u1',
          '2024-01-03T00:00:00.000Z', NULL, 1, 1, NULL);`;
/** The data of version 1, with the assessment as the version being written stores it. */
function fixtureData(db: Database.Database, assessment: string): void {
    db.exec(`
      INSERT INTO users (id, name, role, created_at) VALUES ('u1', 'Officer Lam', 'officer', '2024-01-01T00:00:00.000Z');
      INSERT INTO persons (id, family_name, given_names, native_name, aliases, date_of_birth, nationalities, permanent_residence, lives_in, representative_needed, prison_number)
        VALUES (1, '${FIXTURE_FAMILY_NAME}', 'Иван', NULL, '["Vanya"]', '1980-05-05', '["RU"]', '[]', 'RU', NULL, 'ИК-7/000123');
      INSERT INTO cases (id, reference, person_id, sentencing_state, administering_state, direction, rule_set_id, status, version, created_at, updated_at,
          judgment_date, judgment_final, remand_days, financial_obligations_known, event_request_received, omitted_fields)
        VALUES ('${FIXTURE_CASE_ID}', 'CSD-2020-0001', 1, 'HK', 'RU', 'outgoing', 'hk-ru-2021', 'screening', 2, '2024-01-01T00:00:00.000Z',
          '2024-01-02T00:00:00.000Z', '2020-01-01', 1, 30, 1, '2024-01-02', '[["expulsion"]]');
      INSERT INTO sentences (case_id, sentence_key, position, start, term_kind, term_years, term_months, term_days, consecutive_to)
        VALUES ('${FIXTURE_CASE_ID}', 'S1', 0, '2020-01-01', 'fixed', 8, 0, 0, NULL),
               ('${FIXTURE_CASE_ID}', 'S2', 1, NULL, 'life', NULL, NULL, NULL, 'S1');
      INSERT INTO offences (case_id, offence_key, position, description, categories, max_penalty_months, dual_criminality)
        VALUES ('${FIXTURE_CASE_ID}', 'O1', 0, 'Robbery', '["eu:organised-armed-robbery"]', 1200, 'yes');
      INSERT INTO sentence_offences (case_id, sentence_key, position, offence_key) VALUES ('${FIXTURE_CASE_ID}', 'S1', 0, 'O1');
      INSERT INTO consents (case_id, status, given_by, date, withdrawn_on, verified, opinion_recorded)
        VALUES ('${FIXTURE_CASE_ID}', 'given', 'person', '2023-12-01', NULL, 1, NULL);
      INSERT INTO financial_obligations (case_id, position, kind, amount, currency, paid, incapacity_to_pay)
        VALUES ('${FIXTURE_CASE_ID}', 0, 'fine', 5000.5, 'HKD', 0, NULL);
      INSERT INTO case_events (case_id, kind, date, note, user_id, created_at)
        VALUES ('${FIXTURE_CASE_ID}', 'created', '2024-01-01', NULL, 'u1', '2024-01-01T00:00:00.000Z');
      ${assessment}
      INSERT INTO rule_sets (id, version, effective_from, content, hash, created_at, created_by)
        VALUES ('hk-ru-2021', '2021-rev1', '2024-01-01', '{}', '${'b'.repeat(64)}', '2024-01-01T00:00:00.000Z', 'u1');
    `);
    let prev = GENESIS_HASH;
    for (const [seq, action] of [[1, 'case.create'], [2, 'case.status']] as const) {
      const row = {
        seq, at: `2024-01-0${seq}T00:00:00.000Z`, user_id: 'u1', action, entity: 'case', entity_id: FIXTURE_CASE_ID,
        reason: null, before: null, after: '{"version":1}', prev_hash: prev,
      };
      const hash = auditHash(row);
      db.prepare(`INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash)
        VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @reason, @before, @after, @prev_hash, @hash)`).run({ ...row, hash });
      prev = hash;
    }
}
const FIXTURES: Record<number, (db: Database.Database) => void> = { 1: (db) => fixtureData(db, ASSESSMENT_UP_TO_14) };

// Version 2 added only the search index (filled from persons by its migration).
FIXTURES[2] = (db) => FIXTURES[1]?.(db);
// Version 3 renamed roles (the fixture's officer keeps hers) and added user_credentials, which may stay empty.
FIXTURES[3] = (db) => FIXTURES[1]?.(db);
// Version 4 added transfer tracking: new columns NULL, new tables empty.
FIXTURES[4] = (db) => FIXTURES[1]?.(db);
// Version 5: the same data (version 6 only adds search indexes, filled by its migration).
FIXTURES[5] = (db) => FIXTURES[1]?.(db);
// Version 7 rebuilt audit_log (no index on hash): the same rows, the same chain.
FIXTURES[6] = (db) => FIXTURES[1]?.(db);
// Version 8 adds the attachments key (made by its migration).
FIXTURES[7] = (db) => FIXTURES[1]?.(db);
// Version 9 adds reassess_reports.subject (existing reports: rule-set).
FIXTURES[8] = (db) => FIXTURES[1]?.(db);
// Version 10 adds person_bigrams (filled from persons by its migration).
FIXTURES[9] = (db) => FIXTURES[1]?.(db);
// Version 11 adds our maximum per offence and the enforcement decision: NULL, read as not recorded.
FIXTURES[10] = (db) => FIXTURES[1]?.(db);
// Version 12 adds treaty_maps (empty: the built-in map is used) and cases.event_transfer_planned (NULL: not planned).
FIXTURES[11] = (db) => FIXTURES[1]?.(db);
// Version 13 keys the audit chain and adds audit_seal and cli_tokens: the opening seals the store.
FIXTURES[12] = (db) => FIXTURES[1]?.(db);
// Version 14 adds cases.assigned_to (NULL: nobody) and the tables of the transfer as it runs (empty): the digests stay as they were.
FIXTURES[13] = (db) => FIXTURES[1]?.(db);
// Version 15 moves each assessment's snapshot and result into assessment_snapshots: they read back as they were (contents, below).
FIXTURES[14] = (db) => FIXTURES[1]?.(db);
// Version 16 adds person_keys (a row with a NULL key per prison number, filled on opening) and an index on dates of birth.
FIXTURES[15] = (db) => fixtureData(db, ASSESSMENT_FROM_15);
// Version 17 adds the route index (case_route_screens, case_routes: empty, filled when the list asks for open routes).
FIXTURES[16] = (db) => FIXTURES[15]?.(db);
// Version 18 folds the Chinese characters of the name indexes (tsp_han): the stored rows stay as they were.
FIXTURES[17] = (db) => FIXTURES[15]?.(db);
// Version 19 adds cases.sentencing_court and cases.prison (NULL: not recorded): the digests stay as they were.
FIXTURES[18] = (db) => FIXTURES[15]?.(db);
// Version 20 adds two indexes (a case’s attachments by id, its packages): no row changes.
FIXTURES[19] = (db) => FIXTURES[15]?.(db);

type Rows = Record<string, string[]>;

/** Every row of every ordinary table, each as JSON of its columns, sorted. */
function contents(db: Database.Database, columnsOf?: Record<string, string[]>): { rows: Rows; columns: Record<string, string[]> } {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
       AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL%' AND sqlite_schema.name LIKE v.name || '\\_%' ESCAPE '\\')`,
    )
    .pluck()
    .all() as string[];
  const rows: Rows = {};
  const columns: Record<string, string[]> = {};
  for (const table of columnsOf ? Object.keys(columnsOf) : tables) {
    const cols = columnsOf?.[table] ?? (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    columns[table] = cols;
    // From version 15 an assessment's snapshot and result are documents it names: read as the repository reads them.
    const documents = table === 'assessments' && tables.includes('assessment_snapshots');
    const raw = documents
      ? (db.prepare('SELECT id FROM assessments').pluck().all() as string[]).map((id) => {
          const row = findAssessment(db, id) as unknown as Record<string, unknown>;
          return cols.map((c) => row[c]);
        })
      : (db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][]);
    rows[table] = raw.map((r) => JSON.stringify(r)).sort();
  }
  return { rows, columns };
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function tempFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'store.sqlite');
}

describe('migrations', () => {
  it('are numbered from 1 without gaps, and there are at least two', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST).toBeGreaterThanOrEqual(2);
  });

  it('bring an empty file to the latest version, and reopening changes nothing', () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    for (const t of ['users', 'persons', 'cases', 'sentences', 'offences', 'sentence_offences', 'consents', 'financial_obligations',
      'case_events', 'assessments', 'rule_sets', 'audit_log', 'person_search']) expect(tables).toContain(t);
    db.close();
    const again = new Database(file);
    expect(migrate(again)).toEqual({ from: LATEST, to: LATEST });
    again.close();
  });

  it('work on an in-memory database', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(LATEST);
    db.close();
  });

  it('have a data fixture for every earlier version', () => {
    for (let v = 1; v < LATEST; v++) expect(FIXTURES[v], `FIXTURES[${v}]`).toBeTypeOf('function');
  });

  it('version 12: a case whose latest assessment was under another rule-set takes back its own, with its due dates', () => {
    const file = tempFile();
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, { to: 11 });
    FIXTURES[11]?.(old);
    // An exploration under ETS 112 after the case's own hk-ru-2021 assessment: the old trigger made it the latest.
    old.prepare(`INSERT INTO assessments (id, case_id, case_version, verdict, reference_date, on_date, rule_set_id, rule_set_version, rule_set_hash,
        rule_set_source, user_id, created_at, reason, case_snapshot, result)
      VALUES ('a2', ?, 2, 'ineligible', '2024-01-02', NULL, 'coe-ets-112', '1983', ?, 'built-in', 'u1', '2024-01-04T00:00:00.000Z', NULL, '{}',
        '{"rescreenOn":"2030-01-01","dates":{"releaseDate":"2031-01-01","expectedDischargeDate":null}}')`).run(FIXTURE_CASE_ID, 'c'.repeat(64));
    expect(old.prepare('SELECT latest_assessment_id FROM cases').pluck().get()).toBe('a2');
    // ... and the old app wrote its due dates for the case.
    old.prepare("UPDATE case_due_dates SET rescreen_on = '2030-01-01', release_date = '2031-01-01' WHERE case_id = ?").run(FIXTURE_CASE_ID);
    old.close();
    const db = new Database(file);
    migrate(db);
    expect(db.prepare('SELECT latest_assessment_id FROM cases').pluck().get()).toBe('a1');
    expect(db.prepare('SELECT rescreen_on, release_date FROM case_due_dates WHERE case_id = ?').get(FIXTURE_CASE_ID)).toEqual({ rescreen_on: null, release_date: null });
    db.close();
  });

  for (let version = 1; version < LATEST; version++) {
    it(`upgrade a file at version ${version} with data in it, keeping the data`, () => {
      const file = tempFile();
      const old = new Database(file);
      old.pragma('foreign_keys = ON');
      migrate(old, { to: version });
      expect(schemaVersion(old)).toBe(version);
      FIXTURES[version]?.(old);
      const before = contents(old);
      old.close();

      const db = openDatabase(file);
      expect(schemaVersion(db)).toBe(LATEST);
      const after = contents(db, before.columns).rows;
      // The upgrade to schema 13 appends one entry: the seal, by the system (db/audit-seal.ts).
      expect(after.audit_log?.filter((r) => r.includes('"audit.seal"'))).toHaveLength(1);
      // ... and its rows (audit_seal, a table from schema 13 on): the rest is kept as it was.
      expect({ ...after, audit_log: after.audit_log?.filter((r) => !r.includes('"audit.seal"')), audit_seal: undefined }).toEqual({ ...before.rows, audit_seal: undefined });
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 3, firstBadSeq: null });
      const verified = verifyStore(db);
      expect(verified.findings).toEqual([]);
      expect(verified.entitiesChecked).toBe(3); // the case, its user, its rule-set version
      expect(db.prepare('SELECT user_id, action, keyed FROM audit_log WHERE seq = 3').raw().get()).toEqual(['system', 'audit.seal', 1]);
      const stored = findCase(db, FIXTURE_CASE_ID);
      expect(stored?.case.person.familyName).toBe(FIXTURE_FAMILY_NAME);
      expect(stored?.case).not.toHaveProperty('expulsion');
      // Search indexes what was there before it existed.
      const found = searchCases(db, listCasesInput.parse({ text: 'кузнец' }));
      expect(found.items.map((i) => i.id)).toEqual([FIXTURE_CASE_ID]);
      // So do the indexes of short words (the given name Иван, the alias Vanya) and of references (CSD-2020-0001).
      for (const text of ['ив', 'va', '2020-00']) expect(searchCases(db, listCasesInput.parse({ text })).items.map((i) => i.id)).toEqual([FIXTURE_CASE_ID]);
      // Every store has its own attachments key from version 8 on.
      expect(db.prepare("SELECT length(value) FROM store_secrets WHERE name = 'attachments'").pluck().get()).toBe(32);
      db.close();
    });
  }

  it('rename the stored roles at version 3 (admin -> supervisor, ministry -> viewer), keeping every user and reference', () => {
    const file = tempFile();
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    registerSearchFunctions(old);
    migrate(old, { to: 2 });
    FIXTURES[2]?.(old);
    old.exec(`
      INSERT INTO users (id, name, role, created_at) VALUES
        ('u2', 'Ada Admin', 'admin', '2024-01-01T00:00:00.000Z'),
        ('u3', 'Mo Ministry', 'ministry', '2024-01-01T00:00:00.000Z'),
        ('u4', 'Lee Legal', 'legal', '2024-01-01T00:00:00.000Z');
      INSERT INTO case_events (case_id, kind, date, note, user_id, created_at)
        VALUES ('${FIXTURE_CASE_ID}', 'status', '2024-01-02', NULL, 'u2', '2024-01-02T00:00:00.000Z');
    `);
    const references = old.prepare('SELECT user_id FROM case_events UNION ALL SELECT user_id FROM assessments UNION ALL SELECT created_by FROM rule_sets').pluck().all();
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT id, name, role FROM users ORDER BY id').raw().all()).toEqual([
      ['u1', 'Officer Lam', 'officer'],
      ['u2', 'Ada Admin', 'supervisor'],
      ['u3', 'Mo Ministry', 'viewer'],
      ['u4', 'Lee Legal', 'legal'],
    ]);
    expect(db.prepare('SELECT user_id FROM case_events UNION ALL SELECT user_id FROM assessments UNION ALL SELECT created_by FROM rule_sets').pluck().all()).toEqual(references);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The rebuilt table keeps its guarantees: the new roles only, no deletion, references enforced.
    expect(() => db.prepare("INSERT INTO users VALUES ('u5', 'Old Admin', 'admin', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("DELETE FROM users WHERE id = 'u3'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO case_events (case_id, kind, date, user_id, created_at) VALUES (?, 'x', '2024-01-03', 'ghost', 't')").run(FIXTURE_CASE_ID)).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('rebuild the audit log at version 7 without an index on its hashes, keeping its rows and guarantees', () => {
    const file = tempFile();
    const old = new Database(file);
    registerSearchFunctions(old);
    migrate(old, { to: 6 });
    FIXTURES[6]?.(old);
    const hashIndexed = (db: Database.Database) =>
      db.prepare("SELECT count(*) FROM pragma_index_list('audit_log') l, pragma_index_info(l.name) i WHERE i.name = 'hash'").pluck().get();
    expect(hashIndexed(old)).toBe(1);
    old.close();

    const db = openDatabase(file);
    expect(hashIndexed(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'audit_log' ORDER BY name").pluck().all()).toEqual([
      'audit_log', 'audit_log_chained', 'audit_log_entity', 'audit_log_no_delete', 'audit_log_no_update', 'audit_log_stays_keyed',
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 3, firstBadSeq: null });
    expect(() => db.prepare("UPDATE audit_log SET reason = 'edited' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    // An entry that does not continue the chain (a replayed hash) is still refused.
    const last = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    expect(() => db.prepare(`INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash)
      VALUES (3, @at, @user_id, @action, @entity, @entity_id, @reason, @before, @after, @prev_hash, @hash)`).run(last)).toThrow(/continue the chain|keyed/);
    db.close();
  });

  it('seal a store brought to schema 13: covered from the upgrade on, a row or a seal row changed later is named', () => {
    const file = tempFile();
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    registerSearchFunctions(old);
    migrate(old, { to: 10 });
    FIXTURES[10]?.(old);
    // Before the upgrade (tsp audit verify does not migrate): sound, and nothing covered yet.
    expect(verifyStore(old)).toMatchObject({ ok: true, entitiesChecked: 0, entitiesNotCovered: 3 });
    old.close();

    const db = openDatabase(file);
    expect(verifyStore(db)).toMatchObject({ ok: true, entitiesChecked: 3, entitiesNotCovered: 0, keyedFrom: 3 });
    db.prepare("UPDATE cases SET reference = 'CSD-2020-9999'").run();
    expect(verifyStore(db).findings).toMatchObject([{ kind: 'entity_changed', entity: 'case', entityId: FIXTURE_CASE_ID, seq: 3 }]);
    expect(verifyStore(db).findings[0]?.message).toContain('the seal (entry #3)');
    db.exec(`DROP TRIGGER audit_seal_no_update; UPDATE audit_seal SET digest = '${'0'.repeat(64)}' WHERE entity = 'user';`);
    expect(verifyStore(db).findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['schema_missing', 'seal', 'entity_changed']));
    db.close();
  });

  it('refuse a file written by a newer version of the app', () => {
    const file = tempFile();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this app knows/);
  });

  it('roll a failed migration back entirely, leaving the previous version', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    const migrations = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, { migrations })).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(['a']);
  });

  it('refuse a folder with a gap in the numbering', () => {
    const dir = tempDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(pathToFileURL(`${dir}/`))).toThrow(/without gaps/);
  });
});
