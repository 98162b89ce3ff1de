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
  byId: 'SELECT * FROM assessments WHERE id = ?',
  byCase: 'SELECT * FROM assessments WHERE case_id = ? ORDER BY created_at DESC, rowid DESC',
} as const;

/** Inserting also makes it the case's latest assessment (trigger assessments_track_latest). */
export function insertAssessment(db: Database.Database, row: AssessmentRow): void {
  statement(db, SQL.insert).run(row);
}

export function findAssessment(db: Database.Database, id: string): AssessmentRow | undefined {
  return statement(db, SQL.byId).get(id) as AssessmentRow | undefined;
}

/** Newest first. */
export function assessmentsOfCase(db: Database.Database, caseId: string): AssessmentRow[] {
  return statement(db, SQL.byCase).all(caseId) as AssessmentRow[];
}
