/** SQL for assessments: frozen snapshots, inserted once and never changed (triggers). */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export interface AssessmentRow {
  id: string;
  case_id: string;
  case_version: number;
  rule_set_id: string;
  rule_set_version: string;
  rule_set_hash: string;
  rule_set_source: 'built-in' | 'stored';
  case_snapshot: string;
  result: string;
  verdict: string;
  reference_date: string;
  on_date: string | null;
  user_id: string;
  created_at: string;
  reason: string | null;
}

const SQL = {
  insert: `INSERT INTO assessments (id, case_id, case_version, rule_set_id, rule_set_version, rule_set_hash, rule_set_source,
      case_snapshot, result, verdict, reference_date, on_date, user_id, created_at, reason)
    VALUES (@id, @case_id, @case_version, @rule_set_id, @rule_set_version, @rule_set_hash, @rule_set_source,
      @case_snapshot, @result, @verdict, @reference_date, @on_date, @user_id, @created_at, @reason)`,
  dueDates: `INSERT INTO case_due_dates (case_id, rescreen_on, release_date, discharge_date)
    VALUES (@case_id, @rescreen_on, @release_date, @discharge_date)
    ON CONFLICT (case_id) DO UPDATE SET rescreen_on = excluded.rescreen_on, release_date = excluded.release_date,
      discharge_date = excluded.discharge_date
    -- Unchanged dates are not rewritten: their indexes stay untouched (a re-assessment mostly finds the same dates).
    WHERE rescreen_on IS NOT excluded.rescreen_on OR release_date IS NOT excluded.release_date
      OR discharge_date IS NOT excluded.discharge_date`,
  byId: 'SELECT * FROM assessments WHERE id = ?',
  byCase: 'SELECT * FROM assessments WHERE case_id = ? ORDER BY created_at DESC, rowid DESC',
} as const;

/** The dates of an assessment that "what is due" looks up (db/workflow-due.ts), ISO or null. */
export interface AssessmentDueDates {
  rescreen_on: string | null;
  release_date: string | null;
  discharge_date: string | null;
}

/**
 * Inserting an assessment under the case's own rule-set (or any, for a case that names none)
 * also makes it the case's latest assessment (trigger assessments_track_latest), so its due
 * dates replace the case's; one under another rule-set is exploration (`due` null) and changes
 * neither.
 */
export function insertAssessment(db: Database.Database, row: AssessmentRow, due: AssessmentDueDates | null): void {
  statement(db, SQL.insert).run(row);
  if (due !== null) statement(db, SQL.dueDates).run({ case_id: row.case_id, ...due });
}

export function findAssessment(db: Database.Database, id: string): AssessmentRow | undefined {
  return statement(db, SQL.byId).get(id) as AssessmentRow | undefined;
}

/** Newest first. */
export function assessmentsOfCase(db: Database.Database, caseId: string): AssessmentRow[] {
  return statement(db, SQL.byCase).all(caseId) as AssessmentRow[];
}
