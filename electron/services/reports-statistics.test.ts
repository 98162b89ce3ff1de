/**
 * The statistics of a known store (electron/services/reports.ts over db/reports-statistics.ts)
 * equal direct SQL queries on it, and the figures worked out by hand below. Eight cases, the period 2024-01-01 to 2024-12-31 (2024 is a leap year):
 *
 *   A  HK -> TH outgoing, applied 2023-03-01; screening 2023-03-10, dossier 2023-05-09,
 *      requested 2023-09-01, handed over 2024-02-15: 351 days (2023-03-01 + 366 = 2024-03-01, less 15).
 *   B  HK -> TH outgoing, applied 2024-01-10; screening 2024-01-15, dossier 2024-03-01,
 *      handed over 2024-07-10: 182 days. Screening 46 days, dossier 131 days.
 *   C  US -> HK incoming, applied 2022-06-01; agreed 2024-01-20, handed over 2024-03-31: 669 days.
 *   D  HK -> US refused by the administering State 2024-05-05, reason code public_interest.
 *   E  HK -> TH consent withdrawn 2024-08-01, no reason code.
 *   F  HK -> PH open (awaiting the other State), applied 2023-12-01: pending 396 days at 2024-12-31.
 *   G  HK -> PH open, applied 2024-10-01: pending 91 days.
 *   H  HK -> TH applied 2024-02-01, handed over 2025-01-05 (after the period): pending 334 days.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAssessment } from '../../db/assessments-repo.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import type { StoredAssessment } from '../../shared/api-schemas.ts';
import type { StatisticsRequest } from '../../shared/contracts/reports.ts';
import { runAssessment } from './assessments.ts';
import { createCase } from './cases.ts';
import { statistics } from './reports.ts';
import { serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
const PERIOD = { from: '2024-01-01', to: '2024-12-31' };

interface Spec {
  sentencing: string;
  administering: string;
  direction: 'outgoing' | 'incoming';
  ruleSet: string;
  application: string;
  status: string;
  events: [kind: string, date: string, reasonCode?: string][];
  closed?: { outcome: string; on: string };
}

function addCase(spec: Spec): string {
  const base = CASE_FIXTURES.formatExample as Record<string, unknown>;
  const record = createCase(h.admin, {
    case: {
      ...base,
      sentencingState: spec.sentencing,
      administeringState: spec.administering,
      direction: spec.direction,
      ruleSetId: spec.ruleSet,
      events: { ...(base.events as object), application: spec.application },
    },
  });
  const db = h.store.db;
  for (const [kind, date, reasonCode] of spec.events) {
    db.prepare(`INSERT INTO case_events (case_id, kind, date, note, user_id, created_at, reason_code) VALUES (?, ?, ?, NULL, ?, ?, ?)`).run(
      record.id, kind, date, h.admin.user.id, `${date}T09:00:00.000Z`, reasonCode ?? null,
    );
  }
  db.prepare('UPDATE cases SET status = ?, closed_at = ?, close_outcome = ?, close_reason = ? WHERE id = ?').run(
    spec.status,
    spec.closed ? `${spec.closed.on}T17:00:00.000Z` : null,
    spec.closed?.outcome ?? null,
    spec.closed ? 'recorded' : null,
    record.id,
  );
  return record.id;
}

beforeEach(() => {
  h = serviceHarness('2024-06-01T08:00:00.000Z');
  const outTH = { sentencing: 'HK', administering: 'TH', direction: 'outgoing', ruleSet: 'hk-th' } as const;
  const outPH = { sentencing: 'HK', administering: 'PH', direction: 'outgoing', ruleSet: 'coe-ets-112' } as const;
  addCase({
    ...outTH, application: '2023-03-01', status: 'transferred', closed: { outcome: 'transferred', on: '2024-02-15' },
    events: [['status:screening', '2023-03-10'], ['status:dossier', '2023-05-09'], ['status:requested', '2023-09-01'], ['closed:transferred', '2024-02-15']],
  });
  addCase({
    ...outTH, application: '2024-01-10', status: 'transferred', closed: { outcome: 'transferred', on: '2024-07-10' },
    events: [['status:screening', '2024-01-15'], ['status:dossier', '2024-03-01'], ['closed:transferred', '2024-07-10']],
  });
  addCase({
    sentencing: 'US', administering: 'HK', direction: 'incoming', ruleSet: 'hk-us-1997', application: '2022-06-01', status: 'transferred',
    closed: { outcome: 'transferred', on: '2024-03-31' }, events: [['status:agreed', '2024-01-20'], ['closed:transferred', '2024-03-31']],
  });
  addCase({
    sentencing: 'HK', administering: 'US', direction: 'outgoing', ruleSet: 'hk-us-1997', application: '2023-11-11', status: 'refused',
    closed: { outcome: 'refused_by_administering_state', on: '2024-05-05' }, events: [['closed:refused_by_administering_state', '2024-05-05', 'public_interest']],
  });
  addCase({ ...outTH, application: '2024-02-02', status: 'withdrawn', closed: { outcome: 'consent_withdrawn', on: '2024-08-01' }, events: [['closed:consent_withdrawn', '2024-08-01']] });
  addCase({ ...outPH, application: '2023-12-01', status: 'awaiting-other-state', events: [['status:awaiting-other-state', '2025-01-02']] });
  const g = addCase({ ...outPH, application: '2024-10-01', status: 'screening', events: [] });
  addCase({ ...outTH, application: '2024-02-01', status: 'transferred', closed: { outcome: 'transferred', on: '2025-01-05' }, events: [['closed:transferred', '2025-01-05']] });
  runAssessment(h.admin, { caseId: g, ruleSetId: 'coe-ets-112', on: '2024-10-01' });
});
afterEach(() => h.dispose());

const stats = (query: StatisticsRequest = PERIOD) => statistics(h.admin, query);

describe('statistics of a known store', () => {
  it('counts transfers per year, jurisdiction and direction as a direct query does', () => {
    const direct = h.store.db
      .prepare(
        `SELECT CAST(substr(e.date, 1, 4) AS INTEGER) AS year,
                CASE c.direction WHEN 'incoming' THEN c.sentencing_state ELSE c.administering_state END AS jurisdiction,
                c.direction AS direction, count(*) AS count
         FROM cases c JOIN (SELECT case_id, max(date) AS date FROM case_events WHERE kind IN ('status:transferred', 'closed:transferred') GROUP BY case_id) e
           ON e.case_id = c.id
         WHERE e.date BETWEEN ? AND ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all(PERIOD.from, PERIOD.to);
    expect(stats().transfers).toStrictEqual(direct);
    // By hand: A and B to Thailand, C from the US; H (2025-01-05) is after the period.
    expect(stats().transfers).toStrictEqual([
      { year: 2024, jurisdiction: 'TH', direction: 'outgoing', count: 2 },
      { year: 2024, jurisdiction: 'US', direction: 'incoming', count: 1 },
    ]);
  });

  it('measures processing time from application to handover: 351, 182 and 669 days', () => {
    const direct = h.store.db
      .prepare(
        `SELECT count(*) AS count, round(avg(d), 1) AS average, min(d) AS shortest, max(d) AS longest FROM (
           SELECT CAST(julianday(e.date) - julianday(c.event_application) AS INTEGER) AS d
           FROM cases c JOIN case_events e ON e.case_id = c.id AND e.kind = 'closed:transferred'
           WHERE e.date BETWEEN ? AND ?)`,
      )
      .get(PERIOD.from, PERIOD.to);
    const { processing } = stats();
    expect({ count: processing.count, average: processing.average, shortest: processing.shortest, longest: processing.longest }).toStrictEqual(direct);
    // (351 + 182 + 669) / 3 = 400.67; sorted 182, 351, 669: the median is 351; ceil(0.9 × 3) = 3rd = 669.
    expect(processing).toStrictEqual({ count: 3, average: 400.7, median: 351, p90: 669, shortest: 182, longest: 669 });
  });

  it('lists refusals and withdrawals by jurisdiction, outcome and reason code', () => {
    const direct = h.store.db
      .prepare(
        `SELECT c.administering_state AS jurisdiction, c.close_outcome AS outcome, e.reason_code AS reason, count(*) AS count
         FROM cases c JOIN case_events e ON e.case_id = c.id AND e.kind = 'closed:' || c.close_outcome
         WHERE c.close_outcome IN ('refused_by_sentencing_state', 'refused_by_administering_state', 'consent_withdrawn', 'consent_not_verified', 'withdrawn_by_state')
           AND e.date BETWEEN ? AND ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all(PERIOD.from, PERIOD.to);
    expect(stats().refusals).toStrictEqual(direct);
    expect(stats().refusals).toStrictEqual([
      { jurisdiction: 'TH', outcome: 'consent_withdrawn', reason: null, count: 1 },
      { jurisdiction: 'US', outcome: 'refused_by_administering_state', reason: 'public_interest', count: 1 },
    ]);
  });

  it('counts the cases pending at the end of the period and how long they have waited', () => {
    const direct = h.store.db
      .prepare(
        `SELECT count(*) AS n FROM cases c
         WHERE coalesce(c.event_application, substr(c.created_at, 1, 10)) <= :to
           AND (c.closed_at IS NULL OR (SELECT max(date) FROM case_events e WHERE e.case_id = c.id AND e.kind GLOB 'closed:*') > :to)`,
      )
      .get({ to: PERIOD.to }) as { n: number };
    const { pending } = stats();
    expect(pending.count).toBe(direct.n);
    // F 396, G 91, H 334 days: average 273.7, median 334, p90 the 3rd of 3 = 396.
    expect(pending).toMatchObject({ count: 3, average: 273.7, median: 334, p90: 396, shortest: 91, longest: 396 });
    expect(pending.buckets).toStrictEqual([
      { bucket: 'under_6_months', count: 1 },
      { bucket: '6_to_12_months', count: 1 },
      { bucket: '1_to_2_years', count: 1 },
      { bucket: 'over_2_years', count: 0 },
    ]);
  });

  it('times each step that ended in the period', () => {
    // A requested 2023-09-01 -> 2024-02-15 = 167; B screening 46, dossier 131; C agreed 71.
    // A's screening and dossier ended in 2023; F's step has not ended.
    expect(stats().stepDays.map((s) => [s.step, s.count, s.median, s.p90])).toStrictEqual([
      ['agreed', 1, 71, 71],
      ['dossier', 1, 131, 131],
      ['requested', 1, 167, 167],
      ['screening', 1, 46, 46],
    ]);
  });

  it('counts verdicts and failing conditions of the latest assessments as a direct query does', () => {
    const verdicts = h.store.db
      .prepare(
        `SELECT a.verdict AS verdict, count(*) AS count FROM cases c JOIN assessments a ON a.id = c.latest_assessment_id
         WHERE substr(a.created_at, 1, 10) BETWEEN ? AND ? GROUP BY 1`,
      )
      .all(PERIOD.from, PERIOD.to);
    // Each latest result as the repository reads it back (whole, its law's texts joined again).
    const latest = h.store.db
      .prepare('SELECT a.id FROM cases c JOIN assessments a ON a.id = c.latest_assessment_id WHERE substr(a.created_at, 1, 10) BETWEEN ? AND ?')
      .pluck()
      .all(PERIOD.from, PERIOD.to) as string[];
    const counts = new Map<string, number>();
    for (const id of latest) {
      const result = JSON.parse(findAssessment(h.store.db, id)!.result) as StoredAssessment;
      for (const c of result.conditions) if (c.status === 'not_met') counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    }
    const failing = [...counts].map(([condition, count]) => ({ condition, count })).sort((x, y) => y.count - x.count || (x.condition < y.condition ? -1 : 1));
    const s = stats();
    expect(s.verdicts.filter((v) => v.verdict !== 'not_assessed')).toStrictEqual(verdicts);
    expect(s.failingConditions).toStrictEqual(failing);
    expect(failing.length).toBeGreaterThan(0);
    // An assessment made after the period is not counted.
    expect(stats({ from: '2023-01-01', to: '2023-12-31' }).failingConditions).toStrictEqual([]);
    // The other seven were active in 2024 (or, like H, pending) and never assessed.
    expect(s.verdicts.find((v) => v.verdict === 'not_assessed')?.count).toBe(7);
  });

  it('filters by direction, rule-set and State', () => {
    expect(stats({ ...PERIOD, direction: 'incoming' }).transfers).toStrictEqual([{ year: 2024, jurisdiction: 'US', direction: 'incoming', count: 1 }]);
    expect(stats({ ...PERIOD, ruleSetId: 'coe-ets-112' }).cases).toBe(2);
    expect(stats({ ...PERIOD, state: 'US' }).cases).toBe(2);
    // 2023 alone: no handover, A-F and H were pending at 2023-12-31 only if applied by then (A, C, D, F).
    expect(stats({ from: '2023-01-01', to: '2023-12-31' }).pending.count).toBe(4);
  });

  it('counts cases by status and rule-set as a direct query does', () => {
    const direct = h.store.db
      .prepare(
        `SELECT status, rule_set_id AS ruleSetId, count(*) AS count FROM cases
         WHERE coalesce(event_application, substr(created_at, 1, 10)) <= :to
           AND (closed_at IS NULL OR (SELECT max(date) FROM case_events e WHERE e.case_id = cases.id AND e.kind GLOB 'closed:*') >= :from)
         GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all(PERIOD);
    expect(stats().byStatus).toStrictEqual(direct);
  });
});
