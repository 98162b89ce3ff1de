/**
 * Statistics of a period, as legislators and ministries ask for them (LegCo questions to the
 * Security Bureau): transfers per year by jurisdiction and direction, refusals and withdrawals
 * by jurisdiction and reason, processing time from application to handover, pending cases and
 * their age, cases by status and rule-set, days spent in each step, eligibility outcomes and
 * the conditions that fail most, overdue deadlines.
 *
 * Pure: computed over plain `CaseFacts` (db/reports-statistics.ts loads them), so the same
 * figures come out of the app, the CLI and the tests. Every date is a civil `YYYY-MM-DD`
 * turned into a day number (shared/sentence/calendar.ts); a period includes both ends.
 * The definitions are written out in docs/reports.md.
 */
import type { CaseStatus, CloseOutcome, Direction, StoredVerdict } from '../vocabularies.ts';
import { isIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import { directionOf } from '../workflow/steps.ts';
import { summarise, type DaysSummary } from './summary.ts';

/** One step of a case's timeline: `status:<status>` or `closed:<outcome>`, with its civil date. */
export interface StepEvent {
  kind: string;
  date: string;
}

/** What the statistics need of one case. */
export interface CaseFacts {
  id: string;
  sentencingState: string;
  administeringState: string;
  direction: Direction | null;
  ruleSetId: string | null;
  status: CaseStatus | null;
  /** Civil date the case was entered in the store. */
  opened: string;
  /** `cases.event_application`: the person's application. */
  application: string | null;
  /** Civil date the case was closed, or null while open. */
  closed: string | null;
  closeOutcome: CloseOutcome | null;
  /** The coded reason of the closing event, when the workflow recorded one. */
  closeReasonCode: string | null;
  /** Status and closing events, oldest first. */
  steps: StepEvent[];
  /** The latest assessment: verdict, civil date, the conditions it found not met. */
  verdict: StoredVerdict | null;
  assessed: string | null;
  failedConditions: string[];
  /** Deadlines past due at the end of the period; null when deadlines are not computed. */
  overdueDeadlines: number | null;
}

export interface StatisticsQuery {
  from: string;
  to: string;
  direction?: Direction | undefined;
  ruleSetId?: string | undefined;
  /** Either State of the case. */
  state?: string | undefined;
}

export const REFUSAL_OUTCOMES = [
  'refused_by_sentencing_state',
  'refused_by_administering_state',
  'consent_withdrawn',
  'consent_not_verified',
  'withdrawn_by_state',
] as const satisfies readonly CloseOutcome[];

export const PENDING_BUCKETS = ['under_6_months', '6_to_12_months', '1_to_2_years', 'over_2_years'] as const;
export type PendingBucket = (typeof PENDING_BUCKETS)[number];

export interface Statistics {
  query: StatisticsQuery;
  /** Cases matching the filters that were open at some time in the period (begun by its end, not closed before its start). */
  cases: number;
  transfers: { year: number; jurisdiction: string; direction: Direction; count: number }[];
  refusals: { jurisdiction: string; outcome: CloseOutcome; reason: string | null; count: number }[];
  /** Days from application to handover of the cases handed over in the period. */
  processing: DaysSummary;
  /** Cases still open at the end of the period, and days since their application (or entry). */
  pending: DaysSummary & { buckets: { bucket: PendingBucket; count: number }[] };
  byStatus: { status: CaseStatus | null; ruleSetId: string | null; count: number }[];
  /** Days spent in each step that ended in the period. */
  stepDays: ({ step: string } & DaysSummary)[];
  verdicts: { verdict: StoredVerdict | 'not_assessed'; count: number }[];
  failingConditions: { condition: string; count: number }[];
  /** Null when the store computes no deadlines. */
  overdueDeadlines: number | null;
  /** Cases matching the filters but left out of every figure: a stored date of theirs cannot be read (ids). */
  unreadable: string[];
}

/** Whether every date of a case's facts can be counted with (one written by hand or by an older version may not). */
function datesReadable(c: CaseFacts): boolean {
  const dates = [c.opened, c.application, c.closed, c.assessed, ...c.steps.map((s) => s.date)];
  return dates.every((d) => d === null || isIsoDate(d));
}

/** The other State: where an outgoing person goes, where an incoming person comes from. */
export function jurisdictionOf(c: Pick<CaseFacts, 'direction' | 'sentencingState' | 'administeringState'>): string {
  return directionOf(c.direction) === 'outgoing' ? c.administeringState : c.sentencingState;
}

/** The date of the physical handover: the last transfer event, else the closing date of a transferred case. */
export function handoverDate(c: Pick<CaseFacts, 'steps' | 'closed' | 'closeOutcome'>): string | null {
  for (let i = c.steps.length - 1; i >= 0; i--) {
    const step = c.steps[i]!;
    if (step.kind === 'status:transferred' || step.kind === 'closed:transferred') return step.date;
  }
  return c.closeOutcome === 'transferred' ? c.closed : null;
}

function matches(c: CaseFacts, q: StatisticsQuery): boolean {
  if (q.direction !== undefined && directionOf(c.direction) !== q.direction) return false;
  if (q.ruleSetId !== undefined && c.ruleSetId !== q.ruleSetId) return false;
  if (q.state !== undefined && c.sentencingState !== q.state && c.administeringState !== q.state) return false;
  return true;
}

/** Counts by a composite key, kept in first-seen order until sorted. */
class Tally<K extends object | string> {
  private readonly counts = new Map<string, { key: K; count: number }>();
  add(key: K): void {
    const id = typeof key === 'string' ? key : Object.values(key).join('\u0000');
    const entry = this.counts.get(id);
    if (entry) entry.count += 1;
    else this.counts.set(id, { key, count: 1 });
  }
  entries(): { key: K; count: number }[] {
    return [...this.counts.values()];
  }
}

function bucketOf(days: number): PendingBucket {
  // Day counts stand in for months here: 183 days ≈ 6 months, 365 a year, 730 two years.
  if (days < 183) return 'under_6_months';
  if (days < 365) return '6_to_12_months';
  if (days < 730) return '1_to_2_years';
  return 'over_2_years';
}

const byText = (a: string | null, b: string | null): number => (a ?? '').localeCompare(b ?? '');

export function computeStatistics(all: readonly CaseFacts[], query: StatisticsQuery): Statistics {
  const to = parseIsoDate(query.to);
  // ISO dates compare as text in calendar order.
  const within = (iso: string | null): boolean => iso !== null && iso >= query.from && iso <= query.to;
  // The same dates recur across thousands of cases: parse each once.
  const days = new Map<string, number>();
  const day = (iso: string): number => {
    let d = days.get(iso);
    if (d === undefined) {
      d = parseIsoDate(iso);
      days.set(iso, d);
    }
    return d;
  };
  const from = day(query.from);

  const transfers = new Tally<{ year: number; jurisdiction: string; direction: Direction }>();
  const refusals = new Tally<{ jurisdiction: string; outcome: CloseOutcome; reason: string | null }>();
  const byStatus = new Tally<{ status: CaseStatus | null; ruleSetId: string | null }>();
  const verdicts = new Tally<StoredVerdict | 'not_assessed'>();
  const failing = new Tally<string>();
  const stepDays = new Map<string, number[]>();
  const processing: number[] = [];
  const pending: number[] = [];
  let cases = 0;
  let overdue: number | null = null;
  const unreadable: string[] = [];

  for (const c of all) {
    if (!matches(c, query)) continue;
    if (!datesReadable(c)) {
      unreadable.push(c.id);
      continue;
    }
    const jurisdiction = jurisdictionOf(c);
    const start = day(c.application ?? c.opened);
    const closed = c.closed === null ? null : day(c.closed);
    const activeInPeriod = start <= to && (closed === null || closed >= from);
    if (activeInPeriod) cases += 1;

    const handover = handoverDate(c);
    if (handover !== null && within(handover)) {
      transfers.add({ year: Number(handover.slice(0, 4)), jurisdiction, direction: directionOf(c.direction) });
      if (c.application !== null) processing.push(day(handover) - day(c.application));
    }
    if (c.closeOutcome !== null && (REFUSAL_OUTCOMES as readonly string[]).includes(c.closeOutcome) && within(c.closed)) {
      refusals.add({ jurisdiction, outcome: c.closeOutcome, reason: c.closeReasonCode });
    }
    // Pending at the end of the period: begun by then, not closed by then.
    if (start <= to && (closed === null || closed > to)) pending.push(to - start);
    if (activeInPeriod) byStatus.add({ status: c.status, ruleSetId: c.ruleSetId });

    for (let i = 0; i + 1 < c.steps.length; i++) {
      const step = c.steps[i]!;
      const next = c.steps[i + 1]!;
      if (!step.kind.startsWith('status:') || !within(next.date)) continue;
      const name = step.kind.slice('status:'.length);
      const spent = day(next.date) - day(step.date);
      const list = stepDays.get(name);
      if (list) list.push(spent);
      else stepDays.set(name, [spent]);
    }

    if (within(c.assessed) && c.verdict !== null) {
      verdicts.add(c.verdict);
      for (const condition of c.failedConditions) failing.add(condition);
    } else if (c.verdict === null && activeInPeriod) {
      verdicts.add('not_assessed');
    }
    if (c.overdueDeadlines !== null) overdue = (overdue ?? 0) + c.overdueDeadlines;
  }

  const pendingSummary = summarise(pending);
  const bucketCounts = new Map<PendingBucket, number>(PENDING_BUCKETS.map((b) => [b, 0]));
  for (const waited of pending) bucketCounts.set(bucketOf(waited), bucketCounts.get(bucketOf(waited))! + 1);

  return {
    query,
    cases,
    transfers: transfers
      .entries()
      .map(({ key, count }) => ({ ...key, count }))
      .sort((a, b) => a.year - b.year || a.jurisdiction.localeCompare(b.jurisdiction) || a.direction.localeCompare(b.direction)),
    refusals: refusals
      .entries()
      .map(({ key, count }) => ({ ...key, count }))
      .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.outcome.localeCompare(b.outcome) || byText(a.reason, b.reason)),
    processing: summarise(processing),
    pending: { ...pendingSummary, buckets: PENDING_BUCKETS.map((bucket) => ({ bucket, count: bucketCounts.get(bucket)! })) },
    byStatus: byStatus
      .entries()
      .map(({ key, count }) => ({ ...key, count }))
      .sort((a, b) => byText(a.status, b.status) || byText(a.ruleSetId, b.ruleSetId)),
    stepDays: [...stepDays.entries()].map(([step, spent]) => ({ step, ...summarise(spent) })).sort((a, b) => a.step.localeCompare(b.step)),
    verdicts: verdicts
      .entries()
      .map(({ key, count }) => ({ verdict: key, count }))
      .sort((a, b) => b.count - a.count || a.verdict.localeCompare(b.verdict)),
    failingConditions: failing
      .entries()
      .map(({ key, count }) => ({ condition: key, count }))
      .sort((a, b) => b.count - a.count || a.condition.localeCompare(b.condition)),
    overdueDeadlines: overdue,
    unreadable,
  };
}
