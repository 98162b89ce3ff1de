/**
 * Loads what the statistics need of every case (shared/reports/statistics.ts `CaseFacts`) in
 * three read-only scans: the cases with their latest verdict, the timeline's status and
 * closing events, and the conditions the latest assessments found not met.
 *
 * Dates: the timeline's `date` is the civil date an event happened; the closing date is the
 * closing event's date, else the date part of `closed_at`.
 */
import type Database from 'better-sqlite3';
import type { CaseStatus, CloseOutcome, Direction, StoredVerdict } from '../shared/vocabularies.ts';
import type { CaseFacts } from '../shared/reports/statistics.ts';
import { statement } from './statements.ts';

interface CaseRow {
  id: string;
  sentencing_state: string;
  administering_state: string;
  direction: Direction | null;
  rule_set_id: string | null;
  status: CaseStatus | null;
  opened: string;
  event_application: string | null;
  closed: string | null;
  close_outcome: CloseOutcome | null;
  verdict: StoredVerdict | null;
  assessed: string | null;
}

interface EventRow {
  case_id: string;
  kind: string;
  date: string;
  reason_code: string | null;
}

const SQL = {
  cases: `SELECT c.id, c.sentencing_state, c.administering_state, c.direction, c.rule_set_id, c.status,
      substr(c.created_at, 1, 10) AS opened, c.event_application, substr(c.closed_at, 1, 10) AS closed, c.close_outcome,
      a.verdict, substr(a.created_at, 1, 10) AS assessed
    FROM cases c LEFT JOIN assessments a ON a.id = c.latest_assessment_id`,
  events: `SELECT case_id, kind, date, reason_code FROM case_events
    WHERE kind GLOB 'status:*' OR kind GLOB 'closed:*' ORDER BY case_id, id`,
  // Only results that hold "not_met" at all (a plain text search, much cheaper than parsing
  // every result), of assessments made in the period (the only ones the statistics count).
  // The result document is its outcome (schema 15) or the whole result: both list every condition with its status.
  failing: `SELECT c.id AS case_id, j.value ->> 'id' AS condition
    FROM cases c JOIN assessments a ON a.id = c.latest_assessment_id JOIN assessment_snapshots r ON r.id = a.result_id,
      json_each(r.content, '$.conditions') j
    WHERE substr(a.created_at, 1, 10) BETWEEN @from AND @to AND instr(r.content, '"not_met"') > 0 AND j.value ->> 'status' = 'not_met'`,
} as const;

/**
 * Every case, with the conditions not met by its latest assessment when that was made in the
 * period. `overdue`: deadlines past due per case id, when the store computes deadlines (else
 * every case reads null).
 */
export function loadCaseFacts(db: Database.Database, period: { from: string; to: string }, overdue?: ReadonlyMap<string, number>): CaseFacts[] {
  const byId = new Map<string, CaseFacts>();
  const facts: CaseFacts[] = [];
  for (const r of statement(db, SQL.cases).iterate() as IterableIterator<CaseRow>) {
    const c: CaseFacts = {
      id: r.id,
      sentencingState: r.sentencing_state,
      administeringState: r.administering_state,
      direction: r.direction,
      ruleSetId: r.rule_set_id,
      status: r.status,
      opened: r.opened,
      application: r.event_application,
      closed: r.closed,
      closeOutcome: r.close_outcome,
      closeReasonCode: null,
      steps: [],
      verdict: r.verdict,
      assessed: r.assessed,
      failedConditions: [],
      overdueDeadlines: overdue === undefined ? null : (overdue.get(r.id) ?? 0),
    };
    byId.set(r.id, c);
    facts.push(c);
  }
  for (const e of statement(db, SQL.events).iterate() as IterableIterator<EventRow>) {
    const c = byId.get(e.case_id);
    if (c === undefined) continue;
    c.steps.push({ kind: e.kind, date: e.date });
    // The last closing event of a case that is still closed says when and why it closed.
    if (c.closed !== null && e.kind.startsWith('closed:')) {
      c.closed = e.date;
      c.closeReasonCode = e.reason_code;
    }
  }
  for (const f of statement(db, SQL.failing).iterate({ from: period.from, to: period.to }) as IterableIterator<{ case_id: string; condition: string }>) {
    byId.get(f.case_id)?.failedConditions.push(f.condition);
  }
  return facts;
}
