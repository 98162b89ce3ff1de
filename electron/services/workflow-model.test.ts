/**
 * Transfer tracking, model-based: random sequences of what users do to two cases (every
 * workflow transition, the older cases.setStatus and cases.close channels, reopening,
 * document statuses, assessments, a clock that moves on, stale versions, bad payloads and
 * the wrong role), each sent through the router as a user of that role (one user per role, so
 * the four-eyes rule of the approval reads as "another role"), with a coded reason or none, a
 * handover plan or none; and imports of closed cases, with their closure or without it (an
 * older export). After every step
 * the store is held to a small model written from docs/workflow.md and docs/domain.md (on
 * purpose not from shared/workflow/lifecycle.ts, so that it can disagree with it) and to the
 * store's own invariants: the status, version and timeline the model expects; a refusal
 * that changed nothing; an accepted write with exactly one audit entry of the right action;
 * an intact audit chain; no row removed; steps dated in the order they happened; the case
 * list and the workflow panel agreeing with the case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAuditEntries, listAuditEntries, verifyAuditChain } from '../../db/audit-repo.ts';
import { verifyStore } from '../../db/audit-verify.ts';
import { caseEventsOf } from '../../db/case-events-repo.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { storeDigest, tableCounts } from '../../db/testing.ts';
import type { ApiResponse } from '../../shared/api.ts';
import type { CaseList, CaseRecord } from '../../shared/api-schemas.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { CLOSE_OUTCOMES, CLOSURE_REASONS, OPEN_STATUSES, REFUSAL_REASONS, WITHDRAWAL_REASONS, caseStatuses, type CaseStatus, type CloseOutcome, type OpenStatus, type Role } from '../../shared/vocabularies.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import type { WorkflowState } from '../../shared/workflow-schemas.ts';
import { mayRecord } from '../../shared/workflow/roles.ts';
import { DOCUMENT_STATUSES, requirementsFor, type DocumentStatus } from '../../shared/workflow/documents.ts';
import { TRANSITION_IDS, type TransitionId } from '../../shared/workflow/lifecycle.ts';
import { currentStep, stepIndex, STEPS, type Step } from '../../shared/workflow/steps.ts';
import { createRouter, type Router } from '../router.ts';
import { runAssessment } from './assessments.ts';
import { createCase, reopenCase } from './cases.ts';
import { setDocumentStatus } from './documents.ts';
import { expectRefused, serviceHarness, type ServiceHarness } from './testing.ts';
import { createUser } from './users.ts';
import { transitionCase, workflowState } from './workflow.ts';

// ---------------------------------------------------------------- the model's rules (docs/workflow.md)

interface Spec {
  /** Open steps it starts from, any open step, or a transferred case. */
  from: readonly OpenStatus[] | 'open' | 'transferred';
  to: { status: OpenStatus } | { outcome: CloseOutcome } | { enforcement: string } | { record: string };
  /** Refusing, withdrawing and closing take a coded reason of their kind. */
  reasons?: readonly string[];
  /** Our State's decision must be recorded at this visit of the step (the approval). */
  decided?: true;
  /** ...and approved by another person than its author (the request). */
  approved?: true;
  /** The handover's plan: a planned date on or after the day, before the release. */
  plan?: true;
  /** O3 / I2: screened before the dossier. */
  assessed?: true;
  /** An ineligible verdict stops the dossier and the request. */
  notIneligible?: true;
  /** The required documents of every step up to the target are in hand. */
  documents?: true;
}

const SPECS: Record<TransitionId, Spec> = {
  'start-screening': { from: ['draft'], to: { status: 'screening' } },
  'prepare-dossier': { from: ['screening'], to: { status: 'dossier' }, assessed: true, notIneligible: true },
  'submit-for-decision': { from: ['dossier'], to: { status: 'decision' }, documents: true },
  'record-decision': { from: ['decision'], to: { record: 'decision-recorded' }, notIneligible: true },
  'approve-decision': { from: ['decision'], to: { record: 'decision-approved' }, decided: true },
  'send-request': { from: ['decision'], to: { status: 'requested' }, notIneligible: true, documents: true, approved: true },
  'await-reply': { from: ['requested'], to: { status: 'awaiting-other-state' }, documents: true },
  'record-agreement': { from: ['requested', 'awaiting-other-state'], to: { status: 'agreed' }, documents: true },
  'start-consent-verification': { from: ['agreed'], to: { status: 'consent-verification' }, documents: true },
  'schedule-handover': { from: ['agreed', 'consent-verification'], to: { status: 'handover-scheduled' }, documents: true, plan: true },
  'reschedule-handover': { from: ['handover-scheduled'], to: { record: 'handover-rescheduled' }, plan: true },
  'return-to-dossier': { from: ['decision', 'requested', 'awaiting-other-state'], to: { status: 'dossier' } },
  transfer: { from: ['handover-scheduled'], to: { outcome: 'transferred' }, documents: true },
  'refuse-by-sentencing-state': { from: 'open', to: { outcome: 'refused_by_sentencing_state' }, reasons: REFUSAL_REASONS },
  'refuse-by-administering-state': { from: 'open', to: { outcome: 'refused_by_administering_state' }, reasons: REFUSAL_REASONS },
  'close-ineligible': { from: 'open', to: { outcome: 'ineligible_closed' }, reasons: CLOSURE_REASONS },
  'withdraw-consent': { from: 'open', to: { outcome: 'consent_withdrawn' }, reasons: WITHDRAWAL_REASONS },
  'consent-not-verified': { from: ['agreed', 'consent-verification', 'handover-scheduled'], to: { outcome: 'consent_not_verified' }, reasons: CLOSURE_REASONS },
  'release-before-transfer': { from: 'open', to: { outcome: 'released_before_transfer' }, reasons: CLOSURE_REASONS },
  'extinguish-sentence': { from: 'open', to: { outcome: 'sentence_extinguished' }, reasons: CLOSURE_REASONS },
  'withdraw-by-state': { from: 'open', to: { outcome: 'withdrawn_by_state' }, reasons: WITHDRAWAL_REASONS },
  'record-death': { from: 'open', to: { outcome: 'deceased' }, reasons: CLOSURE_REASONS },
  'record-escape': { from: 'open', to: { outcome: 'escaped' }, reasons: CLOSURE_REASONS },
  'close-unviable': { from: 'open', to: { outcome: 'closed_unviable' }, reasons: CLOSURE_REASONS },
  'report-completion': { from: 'transferred', to: { enforcement: 'completion' } },
  'report-escape': { from: 'transferred', to: { enforcement: 'escape' } },
  'report-pardon': { from: 'transferred', to: { enforcement: 'pardon' } },
  'report-amnesty': { from: 'transferred', to: { enforcement: 'amnesty' } },
  'report-commutation': { from: 'transferred', to: { enforcement: 'commutation' } },
};

/** The case status a closure leaves (docs/domain.md "How a case ends", grouped as the case list shows them). */
function statusAfter(outcome: CloseOutcome): CaseStatus {
  if (outcome === 'transferred') return 'transferred';
  if (outcome.startsWith('refused_')) return 'refused';
  if (outcome === 'consent_withdrawn' || outcome === 'withdrawn_by_state') return 'withdrawn';
  return 'closed';
}

const CASEWORK: readonly Role[] = ['officer', 'legal', 'supervisor'];
const DONE: readonly DocumentStatus[] = ['received', 'verified', 'sent', 'not_applicable'];

// ---------------------------------------------------------------- model and real system

interface CaseModel {
  id: string;
  ruleSetId: string;
  version: number;
  status: CaseStatus | null;
  closeOutcome: CloseOutcome | null;
  verdict: string | null;
  documents: Map<string, DocumentStatus>;
  /** The date of the latest entry of each kind on the timeline, latest as written (not the greatest date). */
  latest: Map<string, string>;
  events: number;
  /** The entries since the case reached its step (our decision and its approval), with the role of who recorded each. */
  sinceStep: { kind: string; by: Role }[];
  /** The open steps the case stood at: where it may be reopened. */
  reached: Set<string>;
}

interface Model {
  now: number;
  audit: number;
  cases: CaseModel[];
}

interface Real {
  h: ServiceHarness;
  as: Record<Role, Router>;
  /** Row counts of every table after the previous step: they never go down. */
  counts: Record<string, number>;
}

const today = (m: Model): string => formatIsoDate(todayFrom(new Date(m.now)));
const dayOffset = (m: Model, days: number): string => formatIsoDate(todayFrom(new Date(m.now)) + days);
const stepOf = (c: CaseModel): OpenStatus | null => (c.closeOutcome === null ? currentStep(c.status) : null);

function listedDocuments(c: CaseModel) {
  const ruleSet = builtInRuleSet(c.ruleSetId);
  if (ruleSet === undefined) throw new Error(`no built-in rule-set ${c.ruleSetId}`);
  return requirementsFor(ruleSet, 'outgoing');
}

function missingDocuments(c: CaseModel, target: Step): string[] {
  return listedDocuments(c)
    .filter((d) => d.required && stepIndex(d.step) <= stepIndex(target) && !DONE.includes(c.documents.get(d.kind) ?? 'required'))
    .map((d) => d.kind);
}

/** Domain.md §7.5: SR 0.344.294 makes consent irrevocable once the States agreed; ETS 112 never. */
function consentIrrevocable(c: CaseModel): boolean {
  const after = builtInRuleSet(c.ruleSetId)?.consent.value.irrevocableAfter;
  const step = stepOf(c);
  if (after === 'not-specified') return false;
  if (after === 'states-agreement') return step !== null && stepIndex(step) >= stepIndex('agreed');
  throw new Error(`the model does not know irrevocableAfter ${after}`);
}

// ---------------------------------------------------------------- expectations

interface Reason {
  key: string;
  /** For error.workflow_refused: the guards that refuse, in any order. */
  guards?: string[];
}

type Expectation =
  | { ok: false; code: string; reasons: Reason[] }
  | { ok: true; audit: string; event?: { kind: string; date: string; fromStatus: string | null }; apply: (c: CaseModel) => void };

const refusal = (code: string, key: string): Expectation => ({ ok: false, code, reasons: [{ key }] });

/** What the form gives with a transition besides its date: who records it, a coded reason, a handover planned for a date. */
interface Given {
  by: Role;
  reasonCode?: string | undefined;
  plannedOn?: string | undefined;
}

/**
 * The fixture's sentence (6 years from 2021-11-02, then 1 year, less 190 days on remand) is over in
 * 2028 under both rule-sets: a handover planned in 2031 comes after it; one planned within weeks,
 * before it, with every condition the rule-sets test at the transfer still met.
 */
const AFTER_RELEASE = '2031-06-01';

/** What a transition does to a case, as the model sees it: each reason it is refused for, else its effect. */
function expectTransition(m: Model, c: CaseModel, id: TransitionId, date: string | undefined, expectedVersion: number, given: Given): Expectation {
  const spec = SPECS[id];
  const reasons: Reason[] = [];
  if (expectedVersion !== c.version) reasons.push({ key: 'error.version_conflict' });
  if (stepOf(c) === null && spec.from !== 'transferred') reasons.push({ key: 'error.case_closed' });
  else {
    const guards = guardsOf(m, c, id, date, given);
    if (guards.length > 0) reasons.push({ key: 'error.workflow_refused', guards });
  }
  if (reasons.length > 0) return { ok: false, code: 'conflict', reasons };

  const on = date ?? today(m);
  const fromStatus = c.status;
  const to = spec.to;
  // The step it stood at, and a new step, are steps it reached; a new step starts afresh (no decision yet).
  const entered = (k: CaseModel, status: string | null) => {
    if (fromStatus !== null && (OPEN_STATUSES as readonly string[]).includes(fromStatus)) k.reached.add(fromStatus);
    if (status !== null) k.reached.add(status);
    k.sinceStep = [];
  };
  if ('status' in to) {
    return {
      ok: true, audit: 'case.status', event: { kind: `status:${to.status}`, date: on, fromStatus },
      apply: (k) => {
        entered(k, to.status);
        k.status = to.status;
      },
    };
  }
  if ('record' in to) {
    return {
      ok: true, audit: 'case.record', event: { kind: to.record, date: on, fromStatus },
      apply: (k) => {
        if (fromStatus !== null && (OPEN_STATUSES as readonly string[]).includes(fromStatus)) k.reached.add(fromStatus);
        k.sinceStep.push({ kind: to.record, by: given.by });
      },
    };
  }
  if ('enforcement' in to) return { ok: true, audit: 'case.record', event: { kind: `enforcement:${to.enforcement}`, date: on, fromStatus }, apply: () => undefined };
  if (to.outcome === 'consent_withdrawn' && consentIrrevocable(c)) {
    return {
      ok: true, audit: 'case.record', event: { kind: 'consent-withdrawal-ineffective', date: on, fromStatus },
      apply: (k) => void (fromStatus !== null && k.reached.add(fromStatus)),
    };
  }
  return {
    ok: true, audit: 'case.close', event: { kind: `closed:${to.outcome}`, date: on, fromStatus },
    apply: (k) => {
      entered(k, null);
      k.status = statusAfter(to.outcome);
      k.closeOutcome = to.outcome;
    },
  };
}

/** Our decision at this visit of the decision step: who recorded the latest, and whether another approved it since. */
function decisionOf(c: CaseModel): { by: Role; approved: boolean } | null {
  let found: { by: Role; approved: boolean } | null = null;
  for (const e of c.sinceStep) {
    if (e.kind === 'decision-recorded') found = { by: e.by, approved: false };
    if (e.kind === 'decision-approved' && found !== null && e.by !== found.by) found.approved = true;
  }
  return found;
}

/** When the case reached where it stands: the latest entry for its open step, or the handover; unknown for a case entered at its step. */
function reachedOn(c: CaseModel): string | undefined {
  const step = stepOf(c);
  return step !== null ? c.latest.get(`status:${step}`) : c.closeOutcome === 'transferred' ? c.latest.get('closed:transferred') : undefined;
}

function startsHere(c: CaseModel, id: TransitionId): boolean {
  const { from } = SPECS[id];
  const step = stepOf(c);
  if (from === 'transferred') return c.closeOutcome === 'transferred';
  return step !== null && (from === 'open' || from.includes(step));
}

/** The guards that refuse; `preview`: as the case page lists them before the form is filled in (no reason or plan asked yet). */
function guardsOf(m: Model, c: CaseModel, id: TransitionId, date: string | undefined, given: Given, preview = false): string[] {
  const spec = SPECS[id];
  if (!startsHere(c, id)) return [spec.from === 'transferred' ? 'not_transferred' : 'wrong_step'];
  const guards: string[] = [];
  if (date !== undefined && date > today(m)) guards.push('date_in_future');
  if (spec.assessed === true && c.verdict === null) guards.push('assessment_required');
  if (spec.notIneligible === true && c.verdict === 'ineligible') guards.push('verdict_ineligible');
  const target = 'status' in spec.to ? spec.to.status : id === 'transfer' ? 'transferred' : null;
  if (spec.documents === true && target !== null && missingDocuments(c, target).length > 0) guards.push('documents_missing');
  if (id === 'transfer' && date === undefined) guards.push('handover_date_required');
  const decision = decisionOf(c);
  if (spec.decided === true && decision === null) guards.push('decision_required');
  // Four eyes: the decision is approved by another person than the one who recorded it.
  if (spec.decided === true && decision !== null && decision.by === given.by) guards.push('approver_prepared');
  if (spec.approved === true && decision?.approved !== true) guards.push('approval_required');
  if (!preview && spec.reasons !== undefined && (given.reasonCode === undefined || !spec.reasons.includes(given.reasonCode))) guards.push('reason_code_required');
  if (!preview && spec.plan === true) {
    if (given.plannedOn === undefined) guards.push('handover_plan_required');
    else {
      if (given.plannedOn < (date ?? today(m))) guards.push('planned_before_date');
      if (given.plannedOn >= AFTER_RELEASE) guards.push('handover_after_release');
    }
  }
  // Steps follow each other in time: nothing is dated before the case reached the step it starts from.
  const reached = reachedOn(c);
  if (date !== undefined && reached !== undefined && date < reached) guards.push('date_before_step');
  return guards;
}

// ---------------------------------------------------------------- running one step

function errorOf(response: ApiResponse) {
  if (response.ok) throw new Error('expected a refusal');
  return response.error;
}

function dataOf<T>(response: ApiResponse): T {
  if (!response.ok) throw new Error(`refused: ${response.error.messageKey} ${JSON.stringify(response.error.problems)}`);
  return response.data as T;
}

/** Sends one request and holds the store to the expectation: a refusal changes nothing; an acceptance writes one audit entry (and its timeline entry). */
function attempt(m: Model, r: Real, c: CaseModel, role: Role, channel: string, payload: unknown, expected: Expectation): ApiResponse {
  const db = r.h.store.db;
  const digest = expected.ok ? null : storeDigest(db);
  const response = r.as[role].dispatch(channel, payload);
  if (!expected.ok) {
    const error = errorOf(response);
    expect(error.code, error.messageKey).toBe(expected.code);
    const matched = expected.reasons.find((reason) => reason.key === error.messageKey);
    expect(matched, `${error.messageKey} is not one of ${JSON.stringify(expected.reasons)}`).toBeDefined();
    if (matched?.guards !== undefined) expect(error.problems.map((p) => p.params?.guard).sort()).toEqual([...matched.guards].sort());
    expect(storeDigest(db), 'a refused request changed the store').toBe(digest);
    return response;
  }
  dataOf(response);
  m.audit += 1;
  expect(countAuditEntries(db)).toBe(m.audit);
  expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: expected.audit, entityId: c.id });
  if (expected.event !== undefined) {
    c.events += 1;
    c.latest.set(expected.event.kind, expected.event.date);
    expect(caseEventsOf(db, c.id).at(-1)).toMatchObject(expected.event);
  }
  if (expected.audit.startsWith('case.')) c.version += 1;
  expected.apply(c);
  return response;
}

/** The store's invariants, checked after every step; the case a step touched (else both) in full, the other through the case list. */
function checkInvariants(m: Model, r: Real, touched: number | null): void {
  const db = r.h.store.db;
  expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: m.audit });
  // Every write's entry holds the digest of the rows it wrote: the rows verify against the log.
  expect(verifyStore(db).findings).toEqual([]);
  const counts = tableCounts(db);
  for (const [table, n] of Object.entries(r.counts)) expect(counts[table] ?? 0, `rows of ${table} went down`).toBeGreaterThanOrEqual(n);
  r.counts = counts;
  const list = dataOf<CaseList>(r.as.viewer.dispatch('cases.list', { includeClosed: true }));
  for (const c of m.cases) {
    const item = list.items.find((i) => i.id === c.id);
    expect({ status: item?.status, version: item?.version, closed: item?.closedAt !== null }).toEqual({ status: c.status, version: c.version, closed: c.closeOutcome !== null });
    if (touched !== null && m.cases[touched] !== c) continue;
    const record = dataOf<CaseRecord>(r.as.viewer.dispatch('cases.get', { id: c.id }));
    expect({ version: record.version, status: record.case.status ?? null, closeOutcome: record.closeOutcome, closed: record.closedAt !== null }).toEqual({
      version: c.version, status: c.status, closeOutcome: c.closeOutcome, closed: c.closeOutcome !== null,
    });
    // Seen by a supervisor, who records every transition; to a viewer each is refused for the role first (shared/workflow/roles.ts).
    const state = dataOf<WorkflowState>(r.as.supervisor.dispatch('workflow.state', { caseId: c.id }));
    expect(dataOf<WorkflowState>(r.as.viewer.dispatch('workflow.state', { caseId: c.id })).transitions.every((t) => t.refusals[0]?.guard === 'role_forbidden')).toBe(true);
    expect({ step: state.step, version: state.version, closeOutcome: state.closeOutcome }).toEqual({ step: stepOf(c), version: c.version, closeOutcome: c.closeOutcome });
    // The case page offers what starts from here, each with what would refuse it if recorded today.
    expect(state.transitions.map((t) => ({ transition: t.transition, guards: t.refusals.map((x) => x.guard).sort(), needsDate: t.needsDate }))).toEqual(
      TRANSITION_IDS.filter((id) => startsHere(c, id)).map((id) => ({ transition: id, guards: guardsOf(m, c, id, today(m), { by: 'supervisor' }, true).sort(), needsDate: id === 'transfer' })),
    );
    expect(item?.closedAt).toBe(record.closedAt);
    checkTimeline(caseEventsOf(db, c.id), c);
  }
}

/** Steps and closures are dated in the order they were recorded (a reopening starts afresh); enforcement news follows the handover. */
function checkTimeline(events: readonly { kind: string; date: string }[], c: CaseModel): void {
  expect(events).toHaveLength(c.events);
  let previous: string | null = null;
  let handover: string | null = null;
  for (const e of events) {
    if (e.kind === 'reopened') previous = null;
    else if (e.kind.startsWith('status:') || e.kind.startsWith('closed:') || e.kind === 'consent-withdrawal-ineffective') {
      if (previous !== null) expect(e.date >= previous, `${e.kind} on ${e.date} is dated before ${previous}`).toBe(true);
      previous = e.date;
      if (e.kind === 'closed:transferred') handover = e.date;
    } else if (e.kind.startsWith('enforcement:')) {
      expect(handover !== null && e.date >= handover, `${e.kind} on ${e.date} is not after the handover (${handover})`).toBe(true);
    }
  }
}

// ---------------------------------------------------------------- commands

class UserStep implements fc.Command<Model, Real> {
  constructor(
    private readonly label: string,
    /** The case it acts on, or null for a step that concerns both (the clock). */
    private readonly touches: number | null,
    private readonly act: (m: Model, r: Real) => void,
  ) {}

  check(): boolean {
    return true;
  }

  run(m: Model, r: Real): void {
    this.act(m, r);
    checkInvariants(m, r, this.touches);
  }

  toString(): string {
    return this.label;
  }
}

/** Mostly the first case, so that one case gets far. */
const caseIndex = fc.constantFrom(0, 0, 0, 1);
const role = fc.constantFrom<Role>('officer', 'officer', 'officer', 'legal', 'legal', 'supervisor', 'viewer');
/** A date relative to today, or none (today is then meant). */
const offset = fc.option(fc.integer({ min: -12, max: 1 }), { nil: undefined });

/** A coded reason: one of the transition's own list, one of another list, or none. */
const reasonPick = fc.oneof(
  { arbitrary: fc.constant<string | undefined>(undefined), weight: 1 },
  { arbitrary: fc.constantFrom<string | undefined>(...REFUSAL_REASONS, ...WITHDRAWAL_REASONS, ...CLOSURE_REASONS), weight: 2 },
);
/** A handover planned this many days from the day it is recorded (before it, even), after the release, or none. */
const planPick = fc.oneof(
  { arbitrary: fc.constant<number | 'after-release' | undefined>(undefined), weight: 1 },
  { arbitrary: fc.integer({ min: -3, max: 60 }), weight: 3 },
  { arbitrary: fc.constant<'after-release'>('after-release'), weight: 1 },
);

const plannedFrom = (m: Model, plan: number | 'after-release' | undefined): string | undefined =>
  plan === undefined ? undefined : plan === 'after-release' ? AFTER_RELEASE : dayOffset(m, plan);

const transitionCommand = fc
  .record({ c: caseIndex, role, id: fc.constantFrom(...TRANSITION_IDS), offset, stale: fc.constantFrom(false, false, false, false, true), reason: reasonPick, plan: planPick })
  .map(({ c, role, id, offset, stale, reason, plan }) => new UserStep(`transition(${c}, ${id}, ${offset ?? 'today'}, ${role}${stale ? ', stale' : ''}, ${reason ?? '-'}, ${plan ?? '-'})`, c, (m, r) => {
    const k = m.cases[c]!;
    transition(m, r, k, role, id, offset === undefined ? undefined : dayOffset(m, offset), stale ? k.version + 1 : k.version, { reasonCode: reason, plannedOn: plannedFrom(m, plan) });
  }));

function transition(m: Model, r: Real, k: CaseModel, who: Role, id: TransitionId, date: string | undefined, expectedVersion: number, extra: Omit<Given, 'by'> = {}): void {
  const payload = {
    id: k.id, expectedVersion, transition: id, reason: `${id} noted`, ...(date === undefined ? {} : { date }),
    ...(extra.reasonCode === undefined ? {} : { reasonCode: extra.reasonCode }),
    ...(extra.plannedOn === undefined ? {} : { handover: { plannedOn: extra.plannedOn, place: 'Hong Kong International Airport', escort: 'CSD Escort Unit' } }),
  };
  // Each transition is recorded by the roles shared/workflow/roles.ts names, checked before the case is read.
  const expected = CASEWORK.includes(who) && mayRecord(who, id) ? expectTransition(m, k, id, date, expectedVersion, { by: who, ...extra }) : refusal('forbidden', 'error.role_forbidden');
  attempt(m, r, k, who, 'workflow.transition', payload, expected);
}

/** The next step forward from where the case stands (our decision and its approval included), dated a few days back but not before the step was reached, with what its form asks: the walk that gets far. */
const forwardCommand = fc
  .record({ c: caseIndex, role, pick: fc.nat(), back: fc.integer({ min: 0, max: 3 }), ahead: fc.integer({ min: 0, max: 30 }) })
  .map(({ c, role, pick, back, ahead }) => new UserStep(`forward(${c}, ${pick}, -${back}, +${ahead}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const forward = TRANSITION_IDS.filter((id) => {
      const { from, to } = SPECS[id];
      return startsHere(k, id) && (from === 'transferred' || id === 'transfer' || ('status' in to && id !== 'return-to-dossier') || id === 'record-decision' || id === 'approve-decision');
    });
    const id = forward.length === 0 ? 'start-screening' : forward[pick % forward.length]!;
    const reached = reachedOn(k);
    const wanted = dayOffset(m, -back);
    transition(m, r, k, role, id, reached !== undefined && reached > wanted ? reached : wanted, k.version, {
      reasonCode: SPECS[id].reasons?.[pick % (SPECS[id].reasons?.length ?? 1)],
      plannedOn: SPECS[id].plan === true ? dayOffset(m, ahead) : undefined,
    });
  }));

const setStatusCommand = fc
  .record({ c: caseIndex, role, status: fc.constantFrom(...OPEN_STATUSES) })
  .map(({ c, role, status }) => new UserStep(`setStatus(${c}, ${status}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const payload = { id: k.id, expectedVersion: k.version, status, reason: 'moved on' };
    const step = stepOf(k);
    const id = TRANSITION_IDS.find((t) => { const { to } = SPECS[t]; return 'status' in to && to.status === status && startsHere(k, t); });
    let expected: Expectation;
    if (!CASEWORK.includes(role)) expected = refusal('forbidden', 'error.role_forbidden');
    else if (step === null) expected = refusal('conflict', 'error.case_closed');
    else if (id === undefined) expected = { ok: false, code: 'conflict', reasons: [{ key: 'error.workflow_refused', guards: ['wrong_step'] }] };
    else if (!mayRecord(role, id)) expected = refusal('forbidden', 'error.role_forbidden');
    else expected = expectTransition(m, k, id, undefined, k.version, { by: role });
    attempt(m, r, k, role, 'cases.setStatus', payload, expected);
  }));

const closeCommand = fc
  .record({ c: caseIndex, role, outcome: fc.constantFrom(...CLOSE_OUTCOMES), offset, reason: reasonPick })
  .map(({ c, role, outcome, offset, reason }) => new UserStep(`close(${c}, ${outcome}, ${offset ?? 'today'}, ${role}, ${reason ?? '-'})`, c, (m, r) => {
    const k = m.cases[c]!;
    const date = offset === undefined ? undefined : dayOffset(m, offset);
    const payload = { id: k.id, expectedVersion: k.version, outcome, reason: 'closing', ...(date === undefined ? {} : { date }), ...(reason === undefined ? {} : { reasonCode: reason }) };
    const id = TRANSITION_IDS.find((t) => { const { to } = SPECS[t]; return 'outcome' in to && to.outcome === outcome; })!;
    const expected = CASEWORK.includes(role) && mayRecord(role, id) ? expectTransition(m, k, id, date, k.version, { by: role, reasonCode: reason }) : refusal('forbidden', 'error.role_forbidden');
    attempt(m, r, k, role, 'cases.close', payload, expected);
  }));

const reopenCommand = fc
  .record({ c: caseIndex, role, status: fc.constantFrom(...OPEN_STATUSES) })
  .map(({ c, role, status }) => new UserStep(`reopen(${c}, ${status}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const payload = { id: k.id, expectedVersion: k.version, status, reason: 'closed in error' };
    let expected: Expectation;
    if (role !== 'supervisor') expected = refusal('forbidden', 'error.role_forbidden');
    else if (k.closeOutcome === null) expected = refusal('conflict', 'error.case_open');
    // Only at a step the case had stood at: a closure undone does not skip the steps it never went through.
    else if (!k.reached.has(status)) expected = refusal('conflict', 'error.reopen_unreached');
    else {
      expected = {
        ok: true, audit: 'case.reopen', event: { kind: 'reopened', date: today(m), fromStatus: null },
        apply: (x) => {
          x.status = status;
          x.closeOutcome = null;
          x.sinceStep = [];
        },
      };
    }
    attempt(m, r, k, role, 'cases.reopen', payload, expected);
  }));

/** An edit of the case file that also writes another status: the edit is kept, the status is not (it moves only through the workflow). */
const updateCommand = fc
  .record({ c: caseIndex, role, status: fc.constantFrom(...caseStatuses) })
  .map(({ c, role, status }) => new UserStep(`update(${c}, status ${status}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const { case: current } = dataOf<CaseRecord>(r.as.viewer.dispatch('cases.get', { id: k.id }));
    const payload = { id: k.id, expectedVersion: k.version, case: { ...current, reference: `CSD-2024-${k.version}`, status }, reason: 'reference corrected' };
    let expected: Expectation;
    if (!CASEWORK.includes(role)) expected = refusal('forbidden', 'error.role_forbidden');
    else if (k.closeOutcome !== null) expected = refusal('conflict', 'error.case_closed');
    else expected = { ok: true, audit: 'case.update', apply: () => undefined };
    attempt(m, r, k, role, 'cases.update', payload, expected);
  }));

/** A document status: each required one the next step needs (one write each), another listed one, or a kind the rule-set does not list. */
const documentCommand = fc
  .record({ c: caseIndex, role, which: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }), status: fc.constantFrom(...DOCUMENT_STATUSES, 'received', 'received') })
  .map(({ c, role, which, status }) => new UserStep(`document(${c}, ${which ?? 'next'}, ${status}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const listed = listedDocuments(k);
    const step = stepOf(k) ?? 'transferred';
    const nextStep = STEPS[Math.min(stepIndex(step) + 1, STEPS.length - 1)]!;
    const needed = listed.filter((d) => d.required && stepIndex(d.step) <= stepIndex(nextStep) && !DONE.includes(k.documents.get(d.kind) ?? 'required'));
    const kinds = [...listed.map((d) => d.kind), 'not-a-document'];
    for (const kind of which === undefined ? needed.map((d) => d.kind) : [kinds[which % kinds.length]!]) {
      let expected: Expectation;
      if (!CASEWORK.includes(role)) expected = refusal('forbidden', 'error.role_forbidden');
      else if (!listed.some((d) => d.kind === kind)) expected = refusal('invalid_input', 'error.document_unknown');
      // Read-only on a closed case; after a transfer, only what follows it (enforcement reports, clemency notices).
      else if (k.closeOutcome !== null && !(k.closeOutcome === 'transferred' && listed.find((d) => d.kind === kind)?.step === 'post-transfer')) {
        expected = refusal('conflict', 'error.case_closed');
      } else expected = { ok: true, audit: 'document.status', apply: (x) => void x.documents.set(kind, status) };
      attempt(m, r, k, role, 'documents.setStatus', { caseId: k.id, kind, status }, expected);
    }
  }));

/**
 * An import of a closed case: with its closure; ended without one, as an older export wrote it (a
 * closure "imported closed, reason not recorded" is then recorded, its outcome inferred from the
 * status); with a closure its status contradicts; a closure on an open case. An ended case comes
 * only with a closure, which only a role that records that closure imports.
 */
const IMPORTS = {
  olderRefused: { status: 'refused', closure: undefined, outcome: 'refused_by_administering_state', by: 'refuse-by-administering-state' },
  olderTransferred: { status: 'transferred', closure: undefined, outcome: 'transferred', by: 'transfer' },
  withClosure: { status: 'closed', closure: { outcome: 'deceased', reasonCode: 'deceased', reason: 'died in custody' }, outcome: 'deceased', by: 'record-death' },
  contradicting: { status: 'transferred', closure: { outcome: 'deceased' }, outcome: null, by: null },
  openWithClosure: { status: 'screening', closure: { outcome: 'deceased' }, outcome: null, by: null },
} as const;

const importCommand = fc
  .record({ role, variant: fc.constantFrom(...(Object.keys(IMPORTS) as (keyof typeof IMPORTS)[])), back: fc.integer({ min: 0, max: 5 }) })
  .map(({ role, variant, back }) => new UserStep(`import(${variant}, -${back}, ${role})`, null, (m, r) => {
    const db = r.h.store.db;
    const v = IMPORTS[variant];
    const closedOn = dayOffset(m, -back);
    const closure = v.closure === undefined ? undefined : { ...v.closure, date: closedOn };
    // A reference no stored case has: a file matching a stored case updates it (issue 20), which is not this step.
    const file = { ...(CASE_FIXTURES.formatExample as object), reference: `IMP-${m.audit}`, sentencingState: 'CH', ruleSetId: 'coe-ets-112', status: v.status, ...(closure === undefined ? {} : { closure }) };
    const digest = storeDigest(db);
    const response = r.as[role].dispatch('cases.import', [file]);
    let refusedWith: string | null = null;
    if (!CASEWORK.includes(role)) refusedWith = 'error.role_forbidden';
    else if (v.outcome === null) refusedWith = 'error.invalid_case';
    else if (!mayRecord(role, v.by as TransitionId)) refusedWith = 'error.role_forbidden';
    if (refusedWith !== null) {
      expect(errorOf(response).messageKey).toBe(refusedWith);
      expect(storeDigest(db), 'a refused import changed the store').toBe(digest);
      return;
    }
    const [id] = dataOf<{ ids: string[] }>(response).ids;
    m.audit += 1;
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'case.import', entityId: id });
    const closedAt = closure === undefined ? today(m) : closedOn;
    expect(caseEventsOf(db, id!).map((e) => [e.kind, e.date, e.reasonCode])).toEqual([
      ['imported', today(m), null], [`closed:${v.outcome}`, closedAt, closure === undefined ? 'imported-unrecorded' : 'deceased'],
    ]);
    m.cases.push({
      id: id!, ruleSetId: 'coe-ets-112', version: 1, status: v.status, closeOutcome: v.outcome, verdict: null, documents: new Map(),
      latest: new Map([['imported', today(m)], [`closed:${v.outcome}`, closedAt]]), events: 2, sinceStep: [], reached: new Set(['draft']),
    });
  }));

/** An assessment as if on a date when the case is eligible (2024) or when too little of the sentence is left (2028). */
const assessCommand = fc
  .record({ c: caseIndex, role, on: fc.constantFrom('2024-03-01', '2024-03-01', '2024-03-01', '2028-09-01') })
  .map(({ c, role, on }) => new UserStep(`assess(${c}, ${on}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const db = r.h.store.db;
    const digest = storeDigest(db);
    const response = r.as[role].dispatch('assessments.run', { caseId: k.id, on });
    if (!CASEWORK.includes(role)) {
      expect(errorOf(response).code).toBe('forbidden');
      expect(storeDigest(db)).toBe(digest);
      return;
    }
    const { verdict } = dataOf<{ verdict: string }>(response);
    m.audit += 1;
    k.verdict = verdict;
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'assessment.run', entityId: k.id });
  }));

const clockCommand = fc.integer({ min: 1, max: 3 }).map((days) => new UserStep(`clock(+${days})`, null, (m, r) => {
  m.now += days * 86_400_000;
  r.h.setNow(new Date(m.now).toISOString());
}));

/** Payloads every channel must refuse before any service runs, and a case that does not exist. */
const BAD_PAYLOADS: Record<string, (k: CaseModel) => { channel: string; payload: unknown; roles: readonly Role[] }> = {
  blankReason: (k) => ({ channel: 'workflow.transition', payload: { id: k.id, expectedVersion: k.version, transition: 'start-screening', reason: '   ' }, roles: CASEWORK }),
  impossibleDate: (k) => ({ channel: 'workflow.transition', payload: { id: k.id, expectedVersion: k.version, transition: 'start-screening', reason: 'r', date: '2025-02-30' }, roles: CASEWORK }),
  unknownTransition: (k) => ({ channel: 'workflow.transition', payload: { id: k.id, expectedVersion: k.version, transition: 'teleport', reason: 'r' }, roles: CASEWORK }),
  versionZero: (k) => ({ channel: 'workflow.transition', payload: { id: k.id, expectedVersion: 0, transition: 'start-screening', reason: 'r' }, roles: CASEWORK }),
  extraKey: (k) => ({ channel: 'workflow.transition', payload: { id: k.id, expectedVersion: k.version, transition: 'start-screening', reason: 'r', status: 'agreed' }, roles: CASEWORK }),
  terminalStatus: (k) => ({ channel: 'cases.setStatus', payload: { id: k.id, expectedVersion: k.version, status: 'transferred', reason: 'r' }, roles: CASEWORK }),
  unknownOutcome: (k) => ({ channel: 'cases.close', payload: { id: k.id, expectedVersion: k.version, outcome: 'vanished', reason: 'r' }, roles: CASEWORK }),
  reopenToClosed: (k) => ({ channel: 'cases.reopen', payload: { id: k.id, expectedVersion: k.version, status: 'closed', reason: 'r' }, roles: ['supervisor'] }),
  unknownDocumentStatus: (k) => ({ channel: 'documents.setStatus', payload: { caseId: k.id, kind: 'information-notice', status: 'lost' }, roles: CASEWORK }),
};

const badPayloadCommand = fc
  .record({ c: caseIndex, role, variant: fc.constantFrom(...Object.keys(BAD_PAYLOADS), 'noSuchCase') })
  .map(({ c, role, variant }) => new UserStep(`bad(${c}, ${variant}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    if (variant === 'noSuchCase') {
      const payload = { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, transition: 'start-screening', reason: 'r' };
      const expected = CASEWORK.includes(role) ? refusal('not_found', 'error.case_not_found') : refusal('forbidden', 'error.role_forbidden');
      attempt(m, r, k, role, 'workflow.transition', payload, expected);
      return;
    }
    const { channel, payload, roles } = BAD_PAYLOADS[variant]!(k);
    attempt(m, r, k, role, channel, payload, roles.includes(role) ? refusal('invalid_input', 'error.invalid_input') : refusal('forbidden', 'error.role_forbidden'));
  }));

/** Weighted by repetition: mostly moving forward with what each step needs, now and then anything else. */
const COMMANDS = [
  ...Array<typeof forwardCommand>(8).fill(forwardCommand), ...Array<typeof documentCommand>(3).fill(documentCommand), assessCommand, assessCommand, assessCommand,
  transitionCommand, setStatusCommand, closeCommand, reopenCommand, updateCommand, clockCommand, badPayloadCommand, importCommand,
];

// ---------------------------------------------------------------- the property

const START = '2025-01-15T10:00:00.000Z';
/** Two cases of the same person under ETS 112 (consent revocable throughout) and SR 0.344.294 (irrevocable once the States agreed). */
const RULE_SETS = ['coe-ets-112', 'ch-0-344-294'];

/** Each case starts as entered at a step of its own choosing (no timeline entry for it), as a case taken over from paper would. */
function setUp(starts: readonly OpenStatus[]): { model: Model; real: Real } {
  const h = serviceHarness(START);
  const context = (name: string, r: Role) => {
    const user = createUser(h.admin, { name, role: r });
    return { ...h.admin, user: { id: user.id, name: user.name, role: user.role } };
  };
  const as: Record<Role, Router> = {
    officer: createRouter(h.officer), supervisor: createRouter(h.admin), legal: createRouter(context('Lee Legal', 'legal')), viewer: createRouter(context('Vic Viewer', 'viewer')),
  };
  const cases = RULE_SETS.map((ruleSetId, i): CaseModel => {
    const status = starts[i] ?? 'draft';
    // Entered by a supervisor: an officer creates cases only at the steps of their own role (roles.ts).
    const { id } = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), sentencingState: 'CH', ruleSetId, status } });
    return {
      id, ruleSetId, version: 1, status, closeOutcome: null, verdict: null, documents: new Map(), latest: new Map([['created', START.slice(0, 10)]]), events: 1,
      sinceStep: [], reached: new Set(['draft']),
    };
  });
  const db = h.store.db;
  return { model: { now: Date.parse(START), audit: countAuditEntries(db), cases }, real: { h, as, counts: tableCounts(db) } };
}

/** Where a case starts: at the beginning half of the time, else anywhere. */
const start = fc.oneof(fc.constant<OpenStatus>('draft'), fc.constantFrom(...OPEN_STATUSES));

describe('transfer tracking against its model', () => {
  it('the model knows every transition the service offers', () => {
    expect(Object.keys(SPECS).sort()).toEqual([...TRANSITION_IDS].sort());
  });

  it('keeps status, timeline, audit and refusals in step with the model over random sequences of user actions', () => {
    fc.assert(
      fc.property(fc.tuple(start, start), fc.commands(COMMANDS, { maxCommands: 25, size: 'max' }), (starts, commands) => {
        const { model, real } = setUp(starts);
        try {
          fc.modelRun(() => ({ model, real }), commands);
        } finally {
          real.h.dispose();
        }
      }),
      { numRuns: 100 },
    );
  }, 300_000);
});

describe('sequences the model found, as examples', () => {
  it('after a reopening, a step counts from its latest entry on the timeline, not from the greatest date it ever had', () => {
    const h = serviceHarness(START); // today: 2025-01-15
    try {
      const officer = h.officer;
      const legal = { ...h.admin, user: (({ id, name, role }) => ({ id, name, role }))(createUser(h.admin, { name: 'Lee Legal', role: 'legal' })) };
      const supervisor = h.admin;
      const { id } = createCase(officer, { case: { ...(CASE_FIXTURES.formatExample as object), sentencingState: 'CH', ruleSetId: 'coe-ets-112', status: 'screening' } });
      runAssessment(officer, { caseId: id, on: '2024-03-01' });
      let version = transitionCase(legal, { id, expectedVersion: 1, transition: 'prepare-dossier', date: '2025-01-10', reason: 'dossier opened' }).version;
      version = transitionCase(supervisor, { id, expectedVersion: version, transition: 'close-unviable', date: '2025-01-10', reason: 'closed by mistake', reasonCode: 'not-viable' }).version;
      version = reopenCase(supervisor, { id, expectedVersion: version, status: 'screening', reason: 'closed in error' }).version;
      // Re-recorded after the reopening: the dossier was in fact opened on 2025-01-05 ...
      version = transitionCase(legal, { id, expectedVersion: version, transition: 'prepare-dossier', date: '2025-01-05', reason: 'dossier opened' }).version;
      setDocumentStatus(officer, { caseId: id, kind: 'information-notice', status: 'received' });
      // ... so a decision on 2025-01-07 (2 days after the latest entry for the dossier step) follows it; the dossier entry of 2025-01-10 was undone.
      expect(workflowState(legal, { caseId: id }).transitions.find((t) => t.transition === 'submit-for-decision')?.refusals).toEqual([]);
      // The officer sees it refused for the role alone (shared/workflow/roles.ts).
      expect(workflowState(officer, { caseId: id }).transitions.find((t) => t.transition === 'submit-for-decision')?.refusals).toEqual([{ guard: 'role_forbidden', missing: [] }]);
      const after = transitionCase(legal, { id, expectedVersion: version, transition: 'submit-for-decision', date: '2025-01-07', reason: 'to the decision-maker' });
      expect(after.case.status).toBe('decision');
      expect(caseEventsOf(h.store.db, id).map((e) => [e.kind, e.date])).toEqual([
        ['created', '2025-01-15'], ['status:dossier', '2025-01-10'], ['closed:closed_unviable', '2025-01-10'], ['reopened', '2025-01-15'],
        ['status:dossier', '2025-01-05'], ['status:decision', '2025-01-07'],
      ]);
    } finally {
      h.dispose();
    }
  });

  it('a supervisor who recorded the decision does not approve it; a planned handover is checked on its date; a closed case keeps its documents and reopens where it stood', () => {
    const h = serviceHarness(START); // today: 2025-01-15
    try {
      const supervisor = h.admin;
      const other = { ...h.admin, user: (({ id, name, role }) => ({ id, name, role }))(createUser(h.admin, { name: 'Sue Supervisor', role: 'supervisor' })) };
      const { id } = createCase(supervisor, { case: { ...(CASE_FIXTURES.formatExample as object), sentencingState: 'CH', ruleSetId: 'coe-ets-112', status: 'decision' } });
      runAssessment(supervisor, { caseId: id, on: '2024-03-01' });
      let version = transitionCase(supervisor, { id, expectedVersion: 1, transition: 'record-decision', reason: 'transfer in the person’s interest' }).version;
      expect(expectRefused(supervisor, 'conflict', () => transitionCase(supervisor, { id, expectedVersion: version, transition: 'approve-decision', reason: 'ok' })).problems)
        .toMatchObject([{ params: { guard: 'approver_prepared' } }]);
      version = transitionCase(other, { id, expectedVersion: version, transition: 'approve-decision', reason: 'approved' }).version;
      for (const kind of ['notification-to-administering-state', 'certified-judgment', 'time-served-statement', 'consent-declaration', 'information-notice']) {
        setDocumentStatus(supervisor, { caseId: id, kind, status: 'received' });
      }
      version = transitionCase(supervisor, { id, expectedVersion: version, transition: 'send-request', reason: 'sent' }).version;
      version = transitionCase(supervisor, { id, expectedVersion: version, transition: 'record-agreement', reason: 'agreed' }).version;
      setDocumentStatus(supervisor, { caseId: id, kind: 'consent-verification-record', status: 'verified' });
      // Planned after the sentence ends (2028): refused, naming the release; planned next month: scheduled, the plan in the case file.
      const late = expectRefused(supervisor, 'conflict', () => transitionCase(supervisor, {
        id, expectedVersion: version, transition: 'schedule-handover', reason: 'r', handover: { plannedOn: AFTER_RELEASE, place: 'HKIA' },
      }));
      expect(late.problems).toMatchObject([{ params: { guard: 'handover_after_release' } }]);
      const scheduled = transitionCase(supervisor, { id, expectedVersion: version, transition: 'schedule-handover', reason: 'escort booked', handover: { plannedOn: '2025-02-20', place: 'HKIA', escort: 'CSD Escort Unit' } });
      expect(scheduled.case.events.transferPlanned).toBe('2025-02-20');
      expect(workflowState(supervisor, { caseId: id }).handover).toMatchObject({ plannedOn: '2025-02-20', place: 'HKIA', escort: 'CSD Escort Unit', checks: { warnings: [] } });
      const closed = transitionCase(supervisor, { id, expectedVersion: scheduled.version, transition: 'record-death', reason: 'died', reasonCode: 'deceased' });
      expect(expectRefused(supervisor, 'conflict', () => setDocumentStatus(supervisor, { caseId: id, kind: 'certified-judgment', status: 'required' })).messageKey).toBe('error.case_closed');
      // It stood at the decision, requested, agreed and handover steps, never at the dossier or screening.
      expect(expectRefused(supervisor, 'conflict', () => reopenCase(supervisor, { id, expectedVersion: closed.version, status: 'dossier', reason: 'r' })).messageKey).toBe('error.reopen_unreached');
      expect(reopenCase(supervisor, { id, expectedVersion: closed.version, status: 'agreed', reason: 'death notice withdrawn' }).case.status).toBe('agreed');
    } finally {
      h.dispose();
    }
  });

  it('a new case starts at an open step: an ended status comes only with a closure, else the list says "transferred" of a case the workflow holds at its start', () => {
    const h = serviceHarness(START);
    try {
      for (const status of ['transferred', 'closed', 'refused', 'withdrawn']) {
        const error = expectRefused(h.officer, 'invalid_input', () => createCase(h.officer, { case: { ...(CASE_FIXTURES.formatExample as object), status } }));
        expect(error.problems).toMatchObject([{ field: 'case.status' }]);
      }
      // An open step, and one the role could have brought the case to itself (shared/workflow/roles.ts): a supervisor may enter one at the handover, an officer not.
      expect(createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), status: 'handover-scheduled' } }).case.status).toBe('handover-scheduled');
      expect(expectRefused(h.officer, 'forbidden', () => createCase(h.officer, { case: { ...(CASE_FIXTURES.formatExample as object), status: 'handover-scheduled' } })).problems).toMatchObject([{ field: 'case.status' }]);
    } finally {
      h.dispose();
    }
  });
});
