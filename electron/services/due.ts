/**
 * "What is due" across every open case, by urgency (overdue, this week, later within a
 * horizon): running deadlines, rescreen dates reached, releases drawing near, and
 * transfers that would come too late to leave the treaty's minimum (shared/workflow/alerts.ts).
 * The candidates come from indexed SQL (db/workflow-due.ts); only they are computed here.
 * A case whose stored values cannot be computed (a date beyond 9999 written by an older version
 * or by hand, a stored rule-set outside today's bounds) is left out and named in `unreadable`:
 * one such case never hides what is due on the others.
 */
import type Database from 'better-sqlite3';
import { findAssessment } from '../../db/assessments-repo.ts';
import { latestEventDates } from '../../db/case-events-repo.ts';
import { allStoredRuleSets } from '../../db/rulesets-repo.ts';
import { dueCandidates, latestEventsOf } from '../../db/workflow-due.ts';
import { caseHeads, chaseOfCase, dueChases, handoverPlansOf, plannedHandovers } from '../../db/transfer-records-repo.ts';
import { storedAssessmentSchema, type CaseRecord } from '../../shared/api-schemas.ts';
import { formatIsoDate, parseIsoDate } from '../../shared/sentence/calendar.ts';
import { BUILT_IN_RULESETS } from '../../shared/treaties/library.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import { type AlertOut, type DueItem, type DueList, type UnreadableCase } from '../../shared/workflow-schemas.ts';
import { alertsFor, RELEASE_NEAR_DAYS, URGENCIES, urgencyOf, type Alert } from '../../shared/workflow/alerts.ts';
import { runningDeadlines, type DeadlineAnchors } from '../../shared/workflow/deadlines.ts';
import type { dueContract } from '../../shared/contracts/due.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { storedRuleSet } from './ruleset-resolution.ts';
import type { Handlers, Input } from './handlers.ts';

interface AlertFacts {
  anchors: DeadlineAnchors;
  rescreenOn: string | null;
  releaseDate: string | null;
  dischargeDate: string | null;
}

/** Every alert of one case: its rule-set's deadlines and what its latest assessment dates. */
export function alertsFrom(ruleSet: RuleSet | null, f: AlertFacts, today: string): Alert[] {
  const deadlines = ruleSet === null ? [] : runningDeadlines(ruleSet.deadlines.value, f.anchors);
  const release = ruleSet?.remainingBasis.value === 'release-with-remission' ? f.dischargeDate : f.releaseDate;
  return alertsFor({
    today,
    deadlines,
    rescreenOn: f.rescreenOn,
    releaseDate: release,
    minRemaining: ruleSet?.minRemaining.value?.duration ?? null,
    transferDueOn: deadlines.find((d) => ruleSet?.deadlines.value.find((x) => x.id === d.id)?.until === 'transferred')?.dueOn ?? null,
  });
}

/** The case page's alerts. */
export function alertsOfCase(db: Database.Database, record: CaseRecord, ruleSet: RuleSet | null, today: string): AlertOut[] {
  const latest = record.latestAssessment === null ? undefined : findAssessment(db, record.latestAssessment.id);
  const result = latest === undefined ? null : storedAssessmentSchema.parse(JSON.parse(latest.result));
  return [...workAlerts(db, record, today), ...alertsOf(db, record, ruleSet, today, result)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The handover planned (at the handover step) and the answer to chase: dated by the officers, not by the law. */
function workAlerts(db: Database.Database, record: CaseRecord, today: string): Alert[] {
  const out: Alert[] = [];
  const plan = record.case.status === 'handover-scheduled' ? handoverPlansOf(db, record.id).at(-1) : undefined;
  if (plan !== undefined) out.push({ kind: 'handover-planned', id: null, date: plan.plannedOn, urgency: urgencyOf(plan.plannedOn, today) });
  const chase = chaseOfCase(db, record.id);
  if (chase !== null) out.push({ kind: 'chase', id: null, date: chase, urgency: urgencyOf(chase, today) });
  return out;
}

function alertsOf(db: Database.Database, record: CaseRecord, ruleSet: RuleSet | null, today: string, result: ReturnType<typeof storedAssessmentSchema.parse> | null): Alert[] {
  return alertsFrom(
    ruleSet,
    {
      anchors: { events: record.case.events, timeline: latestEventDates(db, record.id) },
      rescreenOn: result?.rescreenOn ?? null,
      releaseDate: result?.dates.releaseDate ?? null,
      dischargeDate: result?.dates.expectedDischargeDate ?? null,
    },
    today,
  );
}

/** A rule-set in force, or why its stored content cannot be used (it no longer matches its hash or today's schema). */
type InForceRuleSet = { ruleSet: RuleSet } | { unusable: string };

interface InForce {
  /** Each rule-set id: the latest stored version effective by then, else the built-in. */
  general: Map<string, InForceRuleSet>;
  /** Ad hoc arrangements bound to one case, by `<case id> <rule-set id>`: they govern that case alone. */
  bound: Map<string, InForceRuleSet>;
}

const boundKey = (caseId: string, ruleSetId: string) => `${caseId} ${ruleSetId}`;

function readStored(row: Parameters<typeof storedRuleSet>[0]): InForceRuleSet {
  try {
    return { ruleSet: storedRuleSet(row) };
  } catch (error) {
    return { unusable: `${row.id} ${row.version}: ${(error as Error).message}` };
  }
}

/** The rule-sets in force on `on` (rows come latest effective date first: the first seen of a key wins). */
function ruleSetsInForce(db: Database.Database, on: string): InForce {
  const general = new Map<string, InForceRuleSet>(BUILT_IN_RULESETS.map((r) => [r.id, { ruleSet: r }]));
  const bound = new Map<string, InForceRuleSet>();
  const storedIds = new Set<string>();
  for (const row of allStoredRuleSets(db)) {
    if (row.effective_from > on) continue;
    if (row.case_id !== null) {
      const key = boundKey(row.case_id, row.id);
      if (!bound.has(key)) bound.set(key, readStored(row));
    } else if (!storedIds.has(row.id)) {
      storedIds.add(row.id);
      general.set(row.id, readStored(row));
    }
  }
  return { general, bound };
}

/** The rule-set of a case, null for none; throws when the one in force cannot be used (the case is then unreadable). */
function ruleSetOf(inForce: InForce, caseId: string, ruleSetId: string | null): RuleSet | null {
  if (ruleSetId === null) return null;
  const found = inForce.bound.get(boundKey(caseId, ruleSetId)) ?? inForce.general.get(ruleSetId);
  if (found === undefined) return null;
  if ('unusable' in found) throw new Error(`its rule-set cannot be used: ${found.unusable}`);
  return found.ruleSet;
}

/** The timeline kinds deadlines may be anchored on (deadlines.ts), which the listing reads for its candidates. */
function timelineKinds(ruleSets: Iterable<RuleSet>): string[] {
  const kinds = new Set<string>();
  for (const r of ruleSets) {
    for (const d of r.deadlines.value) {
      for (const anchor of [d.after, d.until]) {
        if (anchor === undefined) continue;
        if (anchor === 'final-decision' || anchor === 'agreement') kinds.add('status:agreed');
        else if (anchor === 'transferred') kinds.add('closed:transferred').add('status:transferred');
        else if (anchor.includes(':')) kinds.add(anchor);
      }
    }
  }
  return [...kinds];
}

/** How far ahead the case list's "due" filter looks (as the Due page by default). */
export const DUE_FILTER_HORIZON_DAYS = 90;

const approxDays = (d: { years: number; months: number; days: number }) => d.years * 366 + d.months * 31 + d.days;

/** What is due on open cases, sorted by date, and the cases left out because their stored values cannot be computed. */
export interface DueComputation {
  items: DueItem[];
  unreadable: UnreadableCase[];
}

/** Everything due on open cases as of `on`, up to `horizonDays` ahead, sorted by date. */
export function computeDue(db: Database.Database, on: string, horizonDays: number): DueComputation {
  const inForce = ruleSetsInForce(db, on);
  const every = [...inForce.general.values(), ...inForce.bound.values()];
  const usable = every.flatMap((r) => ('ruleSet' in r ? [r.ruleSet] : []));
  const until = parseIsoDate(on) + horizonDays;
  const maxMinimum = Math.max(0, ...usable.map((r) => (r.minRemaining.value === null ? 0 : approxDays(r.minRemaining.value.duration))));
  const withDeadlines = usable.filter((r) => r.deadlines.value.length > 0);
  // The cases under a rule-set that cannot be used are candidates too: each is reported.
  const unusableIds = [...inForce.general].flatMap(([id, r]) => ('unusable' in r ? [id] : []));
  const candidates = dueCandidates(db, {
    rescreenUntil: formatIsoDate(until),
    // A release after the horizon can still make the last day to transfer fall within it.
    releaseUntil: formatIsoDate(until + Math.max(maxMinimum, RELEASE_NEAR_DAYS)),
    deadlineRuleSets: [...new Set([...withDeadlines.map((r) => r.id), ...unusableIds])],
  });
  const deadlineIds = new Set(withDeadlines.map((r) => r.id));
  const timelines = latestEventsOf(db, candidates.filter((c) => c.ruleSetId !== null && deadlineIds.has(c.ruleSetId)).map((c) => c.id), timelineKinds(withDeadlines));
  const items: DueItem[] = [];
  const unreadable: UnreadableCase[] = [];
  for (const c of candidates) {
    try {
      const alerts = alertsFrom(
        ruleSetOf(inForce, c.id, c.ruleSetId),
        { anchors: { events: c.events, timeline: timelines.get(c.id) ?? new Map() }, rescreenOn: c.rescreenOn, releaseDate: c.releaseDate, dischargeDate: c.dischargeDate },
        on,
      );
      const due = alerts.filter((a) => parseIsoDate(a.date) <= until);
      for (const a of due) items.push({ caseId: c.id, reference: c.reference, familyName: c.familyName, givenNames: c.givenNames, status: c.status, ruleSetId: c.ruleSetId, ...a });
    } catch {
      unreadable.push({ caseId: c.id, reference: c.reference, familyName: c.familyName, givenNames: c.givenNames });
    }
  }
  // What the officers dated: the handovers planned and the answers to chase, through their own indexes (migration 0014).
  const horizon = formatIsoDate(until);
  const planned = plannedHandovers(db, horizon);
  const chases = dueChases(db, horizon);
  const heads = new Map(caseHeads(db, [...new Set([...planned.keys(), ...chases.keys()])]).map((h) => [h.id, h]));
  const add = (kind: 'handover-planned' | 'chase', dates: Map<string, string>) => {
    for (const [caseId, date] of dates) {
      const head = heads.get(caseId);
      if (head === undefined) continue;
      items.push({ caseId, reference: head.reference, familyName: head.familyName, givenNames: head.givenNames, status: head.status, ruleSetId: head.ruleSetId, kind, id: null, date, urgency: urgencyOf(date, on) });
    }
  };
  add('handover-planned', planned);
  add('chase', chases);
  // ISO dates and ids compare as plain strings (localeCompare would be most of the time here).
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return {
    items: items.sort((a, b) => order(a.date, b.date) || order(a.familyName, b.familyName) || order(a.caseId, b.caseId)),
    unreadable: unreadable.sort((a, b) => order(a.familyName, b.familyName) || order(a.caseId, b.caseId)),
  };
}

export function listDue(ctx: ServiceContext, { on, horizonDays, urgency, limit, offset }: Input<'due.list'>): DueList {
  const day = on ?? todayOf(ctx);
  const { items: all, unreadable } = computeDue(ctx.db, day, horizonDays);
  // Grouped over everything, then a page within each group: thousands overdue never hide what is due this week.
  const groups = new Map(URGENCIES.map((u) => [u, all.filter((i) => i.urgency === u)]));
  const counts = Object.fromEntries(URGENCIES.map((u) => [u, groups.get(u)?.length ?? 0])) as DueList['counts'];
  const asked = urgency === undefined ? URGENCIES : [urgency];
  const items = asked.flatMap((u) => groups.get(u)?.slice(offset, offset + limit) ?? []);
  const truncated = asked.some((u) => counts[u] > offset + limit);
  return { on: day, horizonDays, counts, items, truncated, unreadable };
}

export const dueHandlers: Handlers<keyof typeof dueContract> = {
  'due.list': listDue,
};
