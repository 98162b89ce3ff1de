/**
 * Transfer tracking, model-based: random sequences of what users do to two cases (every
 * workflow transition, the older cases.setStatus and cases.close channels, reopening,
 * document statuses, assessments, a clock that moves on, stale versions, bad payloads and
 * the wrong role), each sent through the router as a user of that role. After every step
 * the store is held to a small model written from docs/workflow.md and domain.md §7 (on
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
import { CLOSE_OUTCOMES, OPEN_STATUSES, caseStatuses, type CaseStatus, type CloseOutcome, type OpenStatus, type Role } from '../../shared/vocabularies.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
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
  to: { status: OpenStatus } | { outcome: CloseOutcome } | { enforcement: string };
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
  'send-request': { from: ['decision'], to: { status: 'requested' }, notIneligible: true, documents: true },
  'await-reply': { from: ['requested'], to: { status: 'awaiting-other-state' }, documents: true },
  'record-agreement': { from: ['requested', 'awaiting-other-state'], to: { status: 'agreed' }, documents: true },
  'start-consent-verification': { from: ['agreed'], to: { status: 'consent-verification' }, documents: true },
  'schedule-handover': { from: ['agreed', 'consent-verification'], to: { status: 'handover-scheduled' }, documents: true },
  'return-to-dossier': { from: ['decision', 'requested', 'awaiting-other-state'], to: { status: 'dossier' } },
  transfer: { from: ['handover-scheduled'], to: { outcome: 'transferred' }, documents: true },
  'refuse-by-sentencing-state': { from: 'open', to: { outcome: 'refused_by_sentencing_state' } },
  'refuse-by-administering-state': { from: 'open', to: { outcome: 'refused_by_administering_state' } },
  'close-ineligible': { from: 'open', to: { outcome: 'ineligible_closed' } },
  'withdraw-consent': { from: 'open', to: { outcome: 'consent_withdrawn' } },
  'consent-not-verified': { from: ['agreed', 'consent-verification', 'handover-scheduled'], to: { outcome: 'consent_not_verified' } },
  'release-before-transfer': { from: 'open', to: { outcome: 'released_before_transfer' } },
  'extinguish-sentence': { from: 'open', to: { outcome: 'sentence_extinguished' } },
  'withdraw-by-state': { from: 'open', to: { outcome: 'withdrawn_by_state' } },
  'record-death': { from: 'open', to: { outcome: 'deceased' } },
  'record-escape': { from: 'open', to: { outcome: 'escaped' } },
  'close-unviable': { from: 'open', to: { outcome: 'closed_unviable' } },
  'report-completion': { from: 'transferred', to: { enforcement: 'completion' } },
  'report-escape': { from: 'transferred', to: { enforcement: 'escape' } },
  'report-pardon': { from: 'transferred', to: { enforcement: 'pardon' } },
  'report-amnesty': { from: 'transferred', to: { enforcement: 'amnesty' } },
  'report-commutation': { from: 'transferred', to: { enforcement: 'commutation' } },
};

/** The case status a closure leaves (domain.md §7.5 outcomes, grouped as the case list shows them). */
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

/** What a transition does to a case, as the model sees it: each reason it is refused for, else its effect. */
function expectTransition(m: Model, c: CaseModel, id: TransitionId, date: string | undefined, expectedVersion: number): Expectation {
  const spec = SPECS[id];
  const reasons: Reason[] = [];
  if (expectedVersion !== c.version) reasons.push({ key: 'error.version_conflict' });
  if (stepOf(c) === null && spec.from !== 'transferred') reasons.push({ key: 'error.case_closed' });
  else {
    const guards = guardsOf(m, c, id, date);
    if (guards.length > 0) reasons.push({ key: 'error.workflow_refused', guards });
  }
  if (reasons.length > 0) return { ok: false, code: 'conflict', reasons };

  const on = date ?? today(m);
  const fromStatus = c.status;
  const to = spec.to;
  if ('status' in to) {
    return { ok: true, audit: 'case.status', event: { kind: `status:${to.status}`, date: on, fromStatus }, apply: (k) => void (k.status = to.status) };
  }
  if ('enforcement' in to) return { ok: true, audit: 'case.record', event: { kind: `enforcement:${to.enforcement}`, date: on, fromStatus }, apply: () => undefined };
  if (to.outcome === 'consent_withdrawn' && consentIrrevocable(c)) {
    return { ok: true, audit: 'case.record', event: { kind: 'consent-withdrawal-ineffective', date: on, fromStatus }, apply: () => undefined };
  }
  return {
    ok: true, audit: 'case.close', event: { kind: `closed:${to.outcome}`, date: on, fromStatus },
    apply: (k) => {
      k.status = statusAfter(to.outcome);
      k.closeOutcome = to.outcome;
    },
  };
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

function guardsOf(m: Model, c: CaseModel, id: TransitionId, date: string | undefined): string[] {
  const spec = SPECS[id];
  if (!startsHere(c, id)) return [spec.from === 'transferred' ? 'not_transferred' : 'wrong_step'];
  const guards: string[] = [];
  if (date !== undefined && date > today(m)) guards.push('date_in_future');
  if (spec.assessed === true && c.verdict === null) guards.push('assessment_required');
  if (spec.notIneligible === true && c.verdict === 'ineligible') guards.push('verdict_ineligible');
  const target = 'status' in spec.to ? spec.to.status : id === 'transfer' ? 'transferred' : null;
  if (spec.documents === true && target !== null && missingDocuments(c, target).length > 0) guards.push('documents_missing');
  if (id === 'transfer' && date === undefined) guards.push('handover_date_required');
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
      TRANSITION_IDS.filter((id) => startsHere(c, id)).map((id) => ({ transition: id, guards: guardsOf(m, c, id, today(m)).sort(), needsDate: id === 'transfer' })),
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

const transitionCommand = fc
  .record({ c: caseIndex, role, id: fc.constantFrom(...TRANSITION_IDS), offset, stale: fc.constantFrom(false, false, false, false, true) })
  .map(({ c, role, id, offset, stale }) => new UserStep(`transition(${c}, ${id}, ${offset ?? 'today'}, ${role}${stale ? ', stale' : ''})`, c, (m, r) => {
    const k = m.cases[c]!;
    transition(m, r, k, role, id, offset === undefined ? undefined : dayOffset(m, offset), stale ? k.version + 1 : k.version);
  }));

function transition(m: Model, r: Real, k: CaseModel, who: Role, id: TransitionId, date: string | undefined, expectedVersion: number): void {
  const payload = { id: k.id, expectedVersion, transition: id, reason: `${id} noted`, ...(date === undefined ? {} : { date }) };
  // Each transition is recorded by the roles shared/workflow/roles.ts names, checked before the case is read.
  const expected = CASEWORK.includes(who) && mayRecord(who, id) ? expectTransition(m, k, id, date, expectedVersion) : refusal('forbidden', 'error.role_forbidden');
  attempt(m, r, k, who, 'workflow.transition', payload, expected);
}

/** The next step forward from where the case stands, dated a few days back but not before the step was reached: the walk that gets far. */
const forwardCommand = fc
  .record({ c: caseIndex, role, pick: fc.nat(), back: fc.integer({ min: 0, max: 3 }) })
  .map(({ c, role, pick, back }) => new UserStep(`forward(${c}, ${pick}, -${back}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const forward = TRANSITION_IDS.filter((id) => {
      const { from, to } = SPECS[id];
      return startsHere(k, id) && (from === 'transferred' || id === 'transfer' || ('status' in to && id !== 'return-to-dossier'));
    });
    const id = forward.length === 0 ? 'start-screening' : forward[pick % forward.length]!;
    const reached = reachedOn(k);
    const wanted = dayOffset(m, -back);
    transition(m, r, k, role, id, reached !== undefined && reached > wanted ? reached : wanted, k.version);
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
    else expected = expectTransition(m, k, id, undefined, k.version);
    attempt(m, r, k, role, 'cases.setStatus', payload, expected);
  }));

const closeCommand = fc
  .record({ c: caseIndex, role, outcome: fc.constantFrom(...CLOSE_OUTCOMES), offset })
  .map(({ c, role, outcome, offset }) => new UserStep(`close(${c}, ${outcome}, ${offset ?? 'today'}, ${role})`, c, (m, r) => {
    const k = m.cases[c]!;
    const date = offset === undefined ? undefined : dayOffset(m, offset);
    const payload = { id: k.id, expectedVersion: k.version, outcome, reason: 'closing', ...(date === undefined ? {} : { date }) };
    const id = TRANSITION_IDS.find((t) => { const { to } = SPECS[t]; return 'outcome' in to && to.outcome === outcome; })!;
    const expected = CASEWORK.includes(role) && mayRecord(role, id) ? expectTransition(m, k, id, date, k.version) : refusal('forbidden', 'error.role_forbidden');
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
    else {
      expected = {
        ok: true, audit: 'case.reopen', event: { kind: 'reopened', date: today(m), fromStatus: null },
        apply: (x) => {
          x.status = status;
          x.closeOutcome = null;
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
      else expected = { ok: true, audit: 'document.status', apply: (x) => void x.documents.set(kind, status) };
      attempt(m, r, k, role, 'documents.setStatus', { caseId: k.id, kind, status }, expected);
    }
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
  transitionCommand, setStatusCommand, closeCommand, reopenCommand, updateCommand, clockCommand, badPayloadCommand,
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
    return { id, ruleSetId, version: 1, status, closeOutcome: null, verdict: null, documents: new Map(), latest: new Map([['created', START.slice(0, 10)]]), events: 1 };
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
  }, 120_000);
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
      version = transitionCase(supervisor, { id, expectedVersion: version, transition: 'close-unviable', date: '2025-01-10', reason: 'closed by mistake' }).version;
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
