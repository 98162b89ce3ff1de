/**
 * SQL for assessments: frozen snapshots, inserted once and never changed (triggers). From
 * schema 15 (migration 0015) an assessment names its content by reference: the case as assessed,
 * the outcome and the law's texts are documents of `assessment_snapshots`, each stored once under
 * its sha256 and shared by every assessment whose content is the same
 * (shared/eligibility/stored-result.ts). Read back, an assessment is the JSON it was frozen as,
 * byte for byte: the case snapshot as written, and the result as written (the outcome and the
 * texts joined again, or the whole result of an assessment made before schema 15).
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { joinStoredResult } from '../shared/eligibility/stored-result.ts';
import { statement } from './statements.ts';

/** What an assessment row says besides its content. */
export interface AssessmentFacts {
  id: string;
  case_id: string;
  case_version: number;
  rule_set_id: string;
  rule_set_version: string;
  rule_set_hash: string;
  rule_set_source: 'built-in' | 'stored';
  verdict: string;
  reference_date: string;
  on_date: string | null;
  user_id: string;
  created_at: string;
  reason: string | null;
}

/** An assessment as read: the case snapshot and the result as the JSON they were frozen as. */
export interface AssessmentRow extends AssessmentFacts {
  case_snapshot: string;
  result: string;
}

/** An assessment as written: its documents by id (storeSnapshot); `texts_id` null: `result_id` is the whole result. */
export interface NewAssessmentRow extends AssessmentFacts {
  case_snapshot_id: number;
  result_id: number;
  texts_id: number | null;
}

/** A document and its sha256 (hex of the UTF-8 text). */
export interface SnapshotDocument {
  hash: string;
  content: string;
}

/** A case's latest assessment's documents, by id and hash: a re-assessment that finds the same content stores nothing new. */
export interface LatestDocuments {
  assessmentId: string;
  caseSnapshot: { id: number; hash: string };
  result: { id: number; hash: string };
  /** null: the result document is the whole result (an assessment made before schema 15). */
  texts: { id: number; hash: string } | null;
}

const READ = `SELECT a.*, c.content AS case_snapshot, r.content AS result_document, t.content AS texts_document
  FROM assessments a JOIN assessment_snapshots c ON c.id = a.case_snapshot_id JOIN assessment_snapshots r ON r.id = a.result_id
  LEFT JOIN assessment_snapshots t ON t.id = a.texts_id`;

const SQL = {
  insert: `INSERT INTO assessments (id, case_id, case_version, rule_set_id, rule_set_version, rule_set_hash, rule_set_source,
      case_snapshot_id, result_id, texts_id, verdict, reference_date, on_date, user_id, created_at, reason)
    VALUES (@id, @case_id, @case_version, @rule_set_id, @rule_set_version, @rule_set_hash, @rule_set_source,
      @case_snapshot_id, @result_id, @texts_id, @verdict, @reference_date, @on_date, @user_id, @created_at, @reason)`,
  snapshotId: 'SELECT id FROM assessment_snapshots WHERE hash = ?',
  insertSnapshot: 'INSERT INTO assessment_snapshots (hash, content) VALUES (?, ?)',
  snapshot: 'SELECT content FROM assessment_snapshots WHERE id = ?',
  verdict: 'SELECT verdict FROM assessments WHERE id = ?',
  dueDates: `INSERT INTO case_due_dates (case_id, rescreen_on, release_date, discharge_date)
    VALUES (@case_id, @rescreen_on, @release_date, @discharge_date)
    ON CONFLICT (case_id) DO UPDATE SET rescreen_on = excluded.rescreen_on, release_date = excluded.release_date,
      discharge_date = excluded.discharge_date
    -- Unchanged dates are not rewritten: their indexes stay untouched (a re-assessment mostly finds the same dates).
    WHERE rescreen_on IS NOT excluded.rescreen_on OR release_date IS NOT excluded.release_date
      OR discharge_date IS NOT excluded.discharge_date`,
  byId: `${READ} WHERE a.id = ?`,
  byCase: `${READ} WHERE a.case_id = ? ORDER BY a.created_at DESC, a.rowid DESC`,
  latest: `SELECT c.id AS case_id, a.id AS assessment_id, a.case_snapshot_id, cs.hash AS case_hash, a.result_id, r.hash AS result_hash,
      a.texts_id, t.hash AS texts_hash
    FROM cases c JOIN assessments a ON a.id = c.latest_assessment_id
    JOIN assessment_snapshots cs ON cs.id = a.case_snapshot_id JOIN assessment_snapshots r ON r.id = a.result_id
    LEFT JOIN assessment_snapshots t ON t.id = a.texts_id
    WHERE c.id IN (SELECT value FROM json_each(?))`,
} as const;

/** The dates of an assessment that "what is due" looks up (db/workflow-due.ts), ISO or null. */
export interface AssessmentDueDates {
  rescreen_on: string | null;
  release_date: string | null;
  discharge_date: string | null;
}

/** The id of the document with `doc.hash`, storing the document when the store has none with that hash. */
export function storeSnapshot(db: WriteDb, doc: SnapshotDocument): number {
  const found = statement(db, SQL.snapshotId).pluck().get(doc.hash) as number | undefined;
  return found ?? Number(statement(db, SQL.insertSnapshot).run(doc.hash, doc.content).lastInsertRowid);
}

/** A document's text by id. */
export function snapshotContent(db: Database.Database, id: number): string | undefined {
  return statement(db, SQL.snapshot).pluck().get(id) as string | undefined;
}

/**
 * Inserting an assessment under the case's own rule-set (or any, for a case that names none)
 * also makes it the case's latest assessment (trigger assessments_track_latest), so its due
 * dates replace the case's; one under another rule-set is exploration (`due` null) and changes
 * neither.
 */
export function insertAssessment(db: WriteDb, row: NewAssessmentRow, due: AssessmentDueDates | null): void {
  statement(db, SQL.insert).run(row);
  if (due !== null) statement(db, SQL.dueDates).run({ case_id: row.case_id, ...due });
}

type StoredRow = AssessmentFacts & { case_snapshot: string; result_document: string; texts_document: string | null; case_snapshot_id?: number; result_id?: number; texts_id?: number | null };

function asRead(row: StoredRow): AssessmentRow {
  const { result_document, texts_document, case_snapshot_id: _c, result_id: _r, texts_id: _t, ...facts } = row;
  return { ...facts, result: texts_document === null ? result_document : joinStoredResult(result_document, texts_document) };
}

export function assessmentVerdict(db: Database.Database, id: string): string | undefined {
  return statement(db, SQL.verdict).pluck().get(id) as string | undefined;
}

export function findAssessment(db: Database.Database, id: string): AssessmentRow | undefined {
  const row = statement(db, SQL.byId).get(id) as StoredRow | undefined;
  return row === undefined ? undefined : asRead(row);
}

/** Newest first. */
export function assessmentsOfCase(db: Database.Database, caseId: string): AssessmentRow[] {
  return (statement(db, SQL.byCase).all(caseId) as StoredRow[]).map(asRead);
}

/** The documents of the latest assessment of each case of `ids` that has one. */
export function latestDocumentsOf(db: Database.Database, ids: readonly string[]): Map<string, LatestDocuments> {
  const rows = statement(db, SQL.latest).all(JSON.stringify(ids)) as {
    case_id: string; assessment_id: string; case_snapshot_id: number; case_hash: string; result_id: number; result_hash: string;
    texts_id: number | null; texts_hash: string | null;
  }[];
  return new Map(rows.map((r) => [r.case_id, {
    assessmentId: r.assessment_id,
    caseSnapshot: { id: r.case_snapshot_id, hash: r.case_hash },
    result: { id: r.result_id, hash: r.result_hash },
    texts: r.texts_id === null || r.texts_hash === null ? null : { id: r.texts_id, hash: r.texts_hash },
  }]));
}
