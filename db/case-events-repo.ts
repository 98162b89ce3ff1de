/** SQL for a case's timeline (append-only: triggers refuse UPDATE and DELETE). */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import type { CaseEvent } from '../shared/api-schemas.ts';
import { statement } from './statements.ts';

interface CaseEventRow {
  id: number;
  case_id: string;
  kind: string;
  date: string;
  note: string | null;
  user_id: string;
  user_name: string | null;
  created_at: string;
  from_status: string | null;
  legal_basis: string | null;
  reason_code: string | null;
  documents: string | null;
}

/** What a write appends; the transition details are left out by entries that are not transitions. */
export type NewCaseEvent = Omit<CaseEvent, 'id' | 'userName' | 'fromStatus' | 'legalBasis' | 'reasonCode' | 'documents'> &
  Partial<Pick<CaseEvent, 'fromStatus' | 'legalBasis' | 'reasonCode' | 'documents'>>;

const SQL = {
  insert: `INSERT INTO case_events (case_id, kind, date, note, user_id, created_at, from_status, legal_basis, reason_code, documents)
    VALUES (@caseId, @kind, @date, @note, @userId, @createdAt, @fromStatus, @legalBasis, @reasonCode, @documents)`,
  ofCase: `SELECT e.*, u.name AS user_name FROM case_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE e.case_id = ? ORDER BY e.id`,
  // The latest entry as written (the greatest id), not the greatest date: after a reopening a step may be
  // recorded again with an earlier date, and the case reached it then.
  latestByKind: 'SELECT kind, date FROM case_events WHERE id IN (SELECT max(id) FROM case_events WHERE case_id = ? GROUP BY kind)',
  sinceStep: `SELECT kind, user_id AS userId, date FROM case_events WHERE case_id = @caseId AND id > (
      SELECT coalesce(max(id), 0) FROM case_events WHERE case_id = @caseId
      AND (kind LIKE 'status:%' OR kind LIKE 'closed:%' OR kind IN ('created', 'imported', 'reopened'))
    ) ORDER BY id`,
} as const;

export function appendCaseEvent(db: WriteDb, event: NewCaseEvent): void {
  statement(db, SQL.insert).run({
    ...event,
    fromStatus: event.fromStatus ?? null,
    legalBasis: event.legalBasis ?? null,
    reasonCode: event.reasonCode ?? null,
    documents: event.documents == null ? null : JSON.stringify(event.documents),
  });
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
    userName: r.user_name,
    createdAt: r.created_at,
    fromStatus: r.from_status,
    legalBasis: r.legal_basis,
    reasonCode: r.reason_code,
    documents: r.documents === null ? null : (JSON.parse(r.documents) as string[]),
  }));
}

/** Each kind of entry on a case's timeline with the date of its latest entry (workflow guards, deadline anchors). */
export function latestEventDates(db: Database.Database, caseId: string): Map<string, string> {
  const rows = statement(db, SQL.latestByKind).all(caseId) as { kind: string; date: string }[];
  return new Map(rows.map((r) => [r.kind, r.date]));
}

/**
 * The entries recorded since the case reached the step it stands at, oldest first: after the
 * latest entry that moved it (a status, a closure, a reopening) or created it. Our decision and
 * its approval count only at the visit of the decision step they were recorded at.
 */
export function eventsSinceStep(db: Database.Database, caseId: string): { kind: string; userId: string; date: string }[] {
  return statement(db, SQL.sinceStep).all({ caseId }) as { kind: string; userId: string; date: string }[];
}

/** The latest entry of one kind on a case's timeline (the closing entry of a closed case), if any. */
export function latestEventOfKind(db: Database.Database, caseId: string, kind: string): { date: string; reasonCode: string | null } | undefined {
  return statement(db, 'SELECT date, reason_code AS reasonCode FROM case_events WHERE case_id = ? AND kind = ? ORDER BY id DESC LIMIT 1').get(caseId, kind) as
    | { date: string; reasonCode: string | null }
    | undefined;
}
