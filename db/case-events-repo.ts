/** SQL for a case's timeline (append-only: triggers refuse UPDATE and DELETE). */
import type Database from 'better-sqlite3';
import type { CaseEvent } from '../shared/api-schemas.ts';
import { statement } from './statements.ts';

interface CaseEventRow {
  id: number;
  case_id: string;
  kind: string;
  date: string;
  note: string | null;
  user_id: string;
  created_at: string;
}

const SQL = {
  insert: `INSERT INTO case_events (case_id, kind, date, note, user_id, created_at)
    VALUES (@caseId, @kind, @date, @note, @userId, @createdAt)`,
  ofCase: 'SELECT * FROM case_events WHERE case_id = ? ORDER BY id',
} as const;

export function appendCaseEvent(db: Database.Database, event: Omit<CaseEvent, 'id'>): void {
  statement(db, SQL.insert).run(event);
}

/** Oldest first, as a timeline reads. */
export function caseEventsOf(db: Database.Database, caseId: string): CaseEvent[] {
  return (statement(db, SQL.ofCase).all(caseId) as CaseEventRow[]).map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    date: r.date,
    note: r.note,
    userId: r.user_id,
    createdAt: r.created_at,
  }));
}
