/**
 * SQL for "what is due": the open cases that may have something dated within a horizon,
 * found through indexes (migration 0004) instead of reading every case — a rescreen date
 * or a release date of the latest assessment before a limit (table case_due_dates, written
 * with each assessment by insertAssessment), or a rule-set with deadlines — with the dates
 * the deadlines are anchored on.
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export interface DueCandidate {
  id: string;
  reference: string | null;
  familyName: string;
  givenNames: string | null;
  status: string | null;
  ruleSetId: string | null;
  direction: string | null;
  events: { application: string | null; request: string | null; requestReceived: string | null; judgmentReceived: string | null; statesAgreed: string | null };
  rescreenOn: string | null;
  releaseDate: string | null;
  dischargeDate: string | null;
}

interface CandidateRow {
  id: string;
  reference: string | null;
  family_name: string;
  given_names: string | null;
  status: string | null;
  rule_set_id: string | null;
  direction: string | null;
  event_application: string | null;
  event_request: string | null;
  event_request_received: string | null;
  event_judgment_received: string | null;
  event_states_agreed: string | null;
  rescreen_on: string | null;
  release_date: string | null;
  discharge_date: string | null;
}

const SQL = {
  // Each branch of the union runs on its own index; the case's columns are read only for the candidates.
  candidates: `WITH candidates(id) AS (
      SELECT case_id FROM case_due_dates WHERE rescreen_on <= @rescreenUntil
      UNION SELECT case_id FROM case_due_dates WHERE release_date <= @releaseUntil
      UNION SELECT case_id FROM case_due_dates WHERE discharge_date <= @releaseUntil
      UNION SELECT id FROM cases WHERE closed_at IS NULL AND rule_set_id IN (SELECT value FROM json_each(@deadlineRuleSets))
    )
    SELECT c.id, c.reference, p.family_name, p.given_names, c.status, c.rule_set_id, c.direction,
      c.event_application, c.event_request, c.event_request_received, c.event_judgment_received, c.event_states_agreed,
      d.rescreen_on, d.release_date, d.discharge_date
    FROM candidates k JOIN cases c ON c.id = k.id JOIN persons p ON p.id = c.person_id
    LEFT JOIN case_due_dates d ON d.case_id = c.id
    WHERE c.closed_at IS NULL`,
  latestEvents: `SELECT case_id, kind, max(date) AS date FROM case_events
    WHERE kind IN (SELECT value FROM json_each(@kinds)) AND case_id IN (SELECT value FROM json_each(@ids))
    GROUP BY case_id, kind`,
} as const;

export interface DueQuery {
  /** Rescreen dates on or before this date. */
  rescreenUntil: string;
  /** Release (or discharge) dates on or before this date. */
  releaseUntil: string;
  /** Rule-sets whose cases may have deadlines running. */
  deadlineRuleSets: readonly string[];
}

export function dueCandidates(db: Database.Database, q: DueQuery): DueCandidate[] {
  const rows = statement(db, SQL.candidates).all({ ...q, deadlineRuleSets: JSON.stringify(q.deadlineRuleSets) }) as CandidateRow[];
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    familyName: r.family_name,
    givenNames: r.given_names,
    status: r.status,
    ruleSetId: r.rule_set_id,
    direction: r.direction,
    events: {
      application: r.event_application,
      request: r.event_request,
      requestReceived: r.event_request_received,
      judgmentReceived: r.event_judgment_received,
      statesAgreed: r.event_states_agreed,
    },
    rescreenOn: r.rescreen_on,
    releaseDate: r.release_date,
    dischargeDate: r.discharge_date,
  }));
}

/** The latest date of each of `kinds` on the timelines of `ids`: case id -> kind -> date. */
export function latestEventsOf(db: Database.Database, ids: readonly string[], kinds: readonly string[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  if (ids.length === 0 || kinds.length === 0) return out;
  const rows = statement(db, SQL.latestEvents).all({ ids: JSON.stringify(ids), kinds: JSON.stringify(kinds) }) as { case_id: string; kind: string; date: string }[];
  for (const r of rows) {
    let byKind = out.get(r.case_id);
    if (byKind === undefined) out.set(r.case_id, (byKind = new Map()));
    byKind.set(r.kind, r.date);
  }
  return out;
}
