/**
 * SQL for cases and everything a case file holds (person, sentences, offences, consent,
 * financial obligations). No transactions here: the service that calls these owns one.
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import type { CaseFile } from '../shared/domain/case.ts';
import {
  caseToRows,
  rowsToCase,
  type CaseFactsRow,
  type CaseRows,
  type ConsentRow,
  type FinancialObligationRow,
  type OffenceRow,
  type PersonRow,
  type SentenceOffenceRow,
  type SentenceRow,
} from './case-mapping.ts';
import { writePersonKey } from './person-keys.ts';
import { statement } from './statements.ts';

export interface CaseMeta {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closeOutcome: string | null;
  closeReason: string | null;
  latestAssessmentId: string | null;
}

export interface StoredCase {
  meta: CaseMeta;
  case: CaseFile;
}

/** Set a closure, clear it (null: reopened), or leave it as it is (undefined). */
export type Closure = { closedAt: string; outcome: string; reason: string } | null | undefined;

const PERSON_COLUMNS = [
  'family_name', 'given_names', 'native_name', 'aliases', 'date_of_birth', 'nationalities', 'permanent_residence',
  'lives_in', 'representative_needed', 'prison_number',
] as const satisfies readonly (keyof PersonRow)[];

const FACT_COLUMNS = [
  'reference', 'sentencing_state', 'administering_state', 'direction', 'rule_set_id', 'status', 'judgment_date',
  'judgment_final', 'appeal_pending', 'appeal_period_ends', 'other_proceedings_pending', 'death_sentence',
  'death_sentence_commuted', 'remand_days', 'financial_obligations_known', 'expulsion_kind', 'expulsion_date',
  'left_sentencing_state', 'left_date', 'left_when', 'left_to', 'event_application', 'event_request',
  'event_request_received', 'event_judgment_received', 'event_states_agreed', 'event_transfer_planned', 'omitted_fields',
  'domiciliary', 'judgment_jurisdiction', 'sentencing_court', 'prison', 'custody_status', 'custody_since',
  'enforcement_recorded', 'enforcement_procedure', 'decision_authority', 'decision_date',
  'decision_term_kind', 'decision_term_years', 'decision_term_months', 'decision_term_days',
] as const satisfies readonly (keyof CaseFactsRow)[];

/** A case row with its person's columns: what findCase and the batch loader (case-batch-loader.ts) read. */
const CASE_SELECT = `SELECT c.*, ${PERSON_COLUMNS.map((col) => `p.${col}`).join(', ')} FROM cases c JOIN persons p ON p.id = c.person_id`;

const META_COLUMNS = ['id', 'version', 'created_at', 'updated_at', 'closed_at', 'close_outcome', 'close_reason', 'latest_assessment_id'] as const;

/**
 * The same case rows as CASE_SELECT, as values in a fixed order (meta, facts, person) for a
 * statement in raw mode: what the batch loader reads (storedCaseOfValues), without a 60-key
 * object made by the driver for every row.
 */
export const CASE_VALUES_SELECT = `SELECT ${[...META_COLUMNS, ...FACT_COLUMNS].map((col) => `c.${col}`).join(', ')}, ${PERSON_COLUMNS.map((col) => `p.${col}`).join(', ')}
  FROM cases c JOIN persons p ON p.id = c.person_id`;

const SQL = {
  insertPerson: `INSERT INTO persons (${PERSON_COLUMNS.join(', ')}) VALUES (${PERSON_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  updatePerson: `UPDATE persons SET ${PERSON_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @person_id`,
  insertCase: `INSERT INTO cases (id, person_id, version, created_at, updated_at, ${FACT_COLUMNS.join(', ')})
    VALUES (@id, @person_id, 1, @at, @at, ${FACT_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  updateCase: `UPDATE cases SET ${FACT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @at
    WHERE id = @id AND version = @expected_version`,
  setClosure: `UPDATE cases SET closed_at = @closed_at, close_outcome = @close_outcome, close_reason = @close_reason WHERE id = @id`,
  insertSentence: `INSERT INTO sentences (case_id, sentence_key, position, start, term_kind, term_years, term_months, term_days, consecutive_to)
    VALUES (@case_id, @sentence_key, @position, @start, @term_kind, @term_years, @term_months, @term_days, @consecutive_to)`,
  insertOffence: `INSERT INTO offences (case_id, offence_key, position, description, categories, max_penalty_months, dual_criminality,
      administering_max_penalty_months, administering_max_penalty_life)
    VALUES (@case_id, @offence_key, @position, @description, @categories, @max_penalty_months, @dual_criminality,
      @administering_max_penalty_months, @administering_max_penalty_life)`,
  insertLink: `INSERT INTO sentence_offences (case_id, sentence_key, position, offence_key) VALUES (@case_id, @sentence_key, @position, @offence_key)`,
  insertConsent: `INSERT INTO consents (case_id, status, given_by, date, withdrawn_on, verified, opinion_recorded, state_authority)
    VALUES (@case_id, @status, @given_by, @date, @withdrawn_on, @verified, @opinion_recorded, @state_authority)`,
  insertObligation: `INSERT INTO financial_obligations (case_id, position, kind, amount, currency, paid, incapacity_to_pay)
    VALUES (@case_id, @position, @kind, @amount, @currency, @paid, @incapacity_to_pay)`,
  // Child rows are replaced as a whole on update; links go with their sentences (ON DELETE CASCADE).
  deleteSentences: 'DELETE FROM sentences WHERE case_id = ?',
  deleteOffences: 'DELETE FROM offences WHERE case_id = ?',
  deleteConsent: 'DELETE FROM consents WHERE case_id = ?',
  deleteObligations: 'DELETE FROM financial_obligations WHERE case_id = ?',
  selectCase: `${CASE_SELECT} WHERE c.id = ?`,
  selectMeta: `SELECT id, version, created_at, updated_at, closed_at, close_outcome, close_reason, latest_assessment_id, person_id
    FROM cases WHERE id = ?`,
  selectSentences: 'SELECT * FROM sentences WHERE case_id = ? ORDER BY position',
  selectLinks: 'SELECT sentence_key, position, offence_key FROM sentence_offences WHERE case_id = ? ORDER BY sentence_key, position',
  selectOffences: 'SELECT * FROM offences WHERE case_id = ? ORDER BY position',
  selectConsent: 'SELECT * FROM consents WHERE case_id = ?',
  selectObligations: 'SELECT * FROM financial_obligations WHERE case_id = ? ORDER BY position',
  // Insertion order within an instant, so an import exports back in the order it came.
  selectAllIds: 'SELECT id FROM cases ORDER BY created_at, rowid',
  selectOpenIds: 'SELECT id FROM cases WHERE closed_at IS NULL ORDER BY created_at, rowid',
  selectVersions: 'SELECT id, version, latest_assessment_id FROM cases WHERE id IN (SELECT value FROM json_each(?))',
} as const;

export interface MetaRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  close_outcome: string | null;
  close_reason: string | null;
  latest_assessment_id: string | null;
  person_id: number;
}

const metaOf = (row: MetaRow): CaseMeta => ({
  id: row.id,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  closedAt: row.closed_at,
  closeOutcome: row.close_outcome,
  closeReason: row.close_reason,
  latestAssessmentId: row.latest_assessment_id,
});

function pick<K extends string>(row: Record<string, unknown>, keys: readonly K[]): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const key of keys) out[key] = row[key];
  return out;
}

function insertChildren(db: Database.Database, caseId: string, rows: CaseRows): void {
  for (const s of rows.sentences) statement(db, SQL.insertSentence).run({ case_id: caseId, ...s });
  for (const o of rows.offences) statement(db, SQL.insertOffence).run({ case_id: caseId, ...o });
  for (const l of rows.sentenceOffences) statement(db, SQL.insertLink).run({ case_id: caseId, ...l });
  if (rows.consent !== null) statement(db, SQL.insertConsent).run({ case_id: caseId, ...rows.consent });
  for (const f of rows.financialObligations) statement(db, SQL.insertObligation).run({ case_id: caseId, ...f });
}

export function insertCase(db: WriteDb, id: string, c: CaseFile, at: string): void {
  const rows = caseToRows(c);
  const personId = statement(db, SQL.insertPerson).run(rows.person).lastInsertRowid;
  writePersonKey(db, personId, rows.person.prison_number);
  statement(db, SQL.insertCase).run({ id, person_id: personId, at, ...rows.facts });
  insertChildren(db, id, rows);
}

/**
 * Writes a new state of the case if it is still at `expectedVersion` (optimistic
 * concurrency); returns false, writing nothing, when another write came first.
 */
export function updateCase(
  db: WriteDb,
  update: { id: string; expectedVersion: number; case: CaseFile; at: string; closure?: Closure },
): boolean {
  const meta = statement(db, SQL.selectMeta).get(update.id) as MetaRow | undefined;
  if (meta === undefined) return false;
  const rows = caseToRows(update.case);
  const changed = statement(db, SQL.updateCase).run({ id: update.id, expected_version: update.expectedVersion, at: update.at, ...rows.facts });
  if (changed.changes !== 1) return false;
  statement(db, SQL.updatePerson).run({ person_id: meta.person_id, ...rows.person });
  writePersonKey(db, meta.person_id, rows.person.prison_number);
  if (update.closure !== undefined) {
    statement(db, SQL.setClosure).run({
      id: update.id,
      closed_at: update.closure?.closedAt ?? null,
      close_outcome: update.closure?.outcome ?? null,
      close_reason: update.closure?.reason ?? null,
    });
  }
  for (const sql of [SQL.deleteSentences, SQL.deleteOffences, SQL.deleteConsent, SQL.deleteObligations]) statement(db, sql).run(update.id);
  insertChildren(db, update.id, rows);
  return true;
}

export function findCaseMeta(db: Database.Database, id: string): CaseMeta | undefined {
  const row = statement(db, SQL.selectMeta).get(id) as MetaRow | undefined;
  return row === undefined ? undefined : metaOf(row);
}

/** A row of CASE_SELECT. */
type CaseRow = MetaRow & Record<string, unknown>;

/** The rows of a case other than its own and its person's, each list in position order. */
export type CaseChildRows = Omit<CaseRows, 'person' | 'facts'>;

/** The stored case that a row of CASE_SELECT and its child rows hold. */
function storedCaseOf(row: CaseRow, children: CaseChildRows): StoredCase {
  const rows: CaseRows = {
    person: pick(row, PERSON_COLUMNS) as unknown as PersonRow,
    facts: pick(row, FACT_COLUMNS) as unknown as CaseFactsRow,
    ...children,
  };
  return { meta: metaOf(row), case: rowsToCase(rows) };
}

function objectOf<K extends string>(values: readonly unknown[], from: number, keys: readonly K[]): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (let i = 0; i < keys.length; i++) out[keys[i] as K] = values[from + i];
  return out;
}

/** The stored case that a row of CASE_VALUES_SELECT (raw) and its child rows hold: the same as storedCaseOf gives. */
export function storedCaseOfValues(values: readonly unknown[], children: CaseChildRows): StoredCase {
  const meta = objectOf(values, 0, META_COLUMNS) as unknown as MetaRow;
  const rows: CaseRows = {
    person: objectOf(values, META_COLUMNS.length + FACT_COLUMNS.length, PERSON_COLUMNS) as unknown as PersonRow,
    facts: objectOf(values, META_COLUMNS.length, FACT_COLUMNS) as unknown as CaseFactsRow,
    ...children,
  };
  return { meta: metaOf(meta), case: rowsToCase(rows) };
}

export function findCase(db: Database.Database, id: string): StoredCase | undefined {
  const row = statement(db, SQL.selectCase).get(id) as CaseRow | undefined;
  if (row === undefined) return undefined;
  return storedCaseOf(row, {
    sentences: statement(db, SQL.selectSentences).all(id) as SentenceRow[],
    sentenceOffences: statement(db, SQL.selectLinks).all(id) as SentenceOffenceRow[],
    offences: statement(db, SQL.selectOffences).all(id) as OffenceRow[],
    consent: (statement(db, SQL.selectConsent).get(id) as ConsentRow | undefined) ?? null,
    financialObligations: statement(db, SQL.selectObligations).all(id) as FinancialObligationRow[],
  });
}

/** Every case id, oldest first (export of the whole store). */
export function allCaseIds(db: Database.Database): string[] {
  return (statement(db, SQL.selectAllIds).pluck().all() as string[]);
}

/** The ids of the cases not closed, oldest first. */
export function openCaseIds(db: Database.Database): string[] {
  return (statement(db, SQL.selectOpenIds).pluck().all() as string[]);
}

/** The version and latest assessment of each case of `ids` that exists (what a batch prepared elsewhere is checked against). */
export function caseVersionsOf(db: Database.Database, ids: readonly string[]): Map<string, { version: number; latestAssessmentId: string | null }> {
  const rows = statement(db, SQL.selectVersions).all(JSON.stringify(ids)) as { id: string; version: number; latest_assessment_id: string | null }[];
  return new Map(rows.map((r) => [r.id, { version: r.version, latestAssessmentId: r.latest_assessment_id }]));
}

/** Records the closure of a case just inserted (an import of a closed case), leaving its version as it is. */
export function setCaseClosure(db: WriteDb, id: string, closure: NonNullable<Closure>): void {
  statement(db, SQL.setClosure).run({ id, closed_at: closure.closedAt, close_outcome: closure.outcome, close_reason: closure.reason });
}
