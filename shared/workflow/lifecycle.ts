/**
 * The transfer lifecycle as one state machine (docs/workflow.md; docs/domain.md "How a case ends"), for outgoing and incoming
 * cases alike: the states are the open case statuses, the terminal outcomes of §7.5 and the
 * time after a transfer. Every transition names the guards it must pass; a guard that
 * refuses says why with a code and what is missing. The services, the case page and the
 * generated diagram (docs/workflow.md) all read this one table.
 */
import type { CloseOutcome, OpenStatus, StoredVerdict } from '../vocabularies.ts';
import { parseIsoDate } from '../sentence/calendar.ts';
import type { HandoverCheck } from './handover-check.ts';
import { reasonsFor } from './reasons.ts';
import { type Step, stepIndex, STEPS } from './steps.ts';

export const OPEN_STEPS = STEPS.slice(0, STEPS.indexOf('transferred')) as readonly OpenStatus[];

/** Why a guard refused a transition. */
export const GUARDS = [
  'assessment_required', // screen the case before assembling a dossier (O3 / I2)
  'verdict_ineligible', // the latest assessment says not eligible: close the case instead
  'documents_missing', // required documents of the steps up to the target are not received
  'handover_date_required', // "transferred" records the date of the physical handover
  'date_in_future', // a transition records something that has happened
  'date_before_step', // ...and happened after the case reached the step it starts from
  'wrong_step', // the transition does not start where the case stands
  'not_transferred', // enforcement information follows a transfer
  'role_forbidden', // the user's role does not record this transition (roles.ts)
  'decision_required', // an approval approves our State's decision, recorded at this step first
  'approval_required', // the request goes out only once a second person approved the decision
  'approver_prepared', // ...and never the person who prepared (recorded) it
  'reason_code_required', // refusing, withdrawing and closing take a coded reason (reasons.ts)
  'handover_plan_required', // scheduling the handover records its planned date, place and escort
  'planned_before_date', // the planned handover comes on or after the day it was scheduled
  'handover_after_release', // nothing of the sentence is left to transfer on the planned date
  'ineligible_on_planned_date', // a condition tested at the transfer fails on the planned date
] as const;
export type Guard = (typeof GUARDS)[number];

/** After a transfer (docs/domain.md "The steps of a transfer": O14–O15, I8–I9; ETS 112 Arts. 12–15). */
export const ENFORCEMENT_KINDS = ['completion', 'escape', 'pardon', 'amnesty', 'commutation'] as const;
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

/** Entries a transition records on the timeline without moving the case: our decision, its approval, a new handover plan. */
export const RECORD_KINDS = ['decision-recorded', 'decision-approved', 'handover-rescheduled'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type Target = { status: OpenStatus } | { outcome: CloseOutcome } | { enforcement: EnforcementKind } | { record: RecordKind };

interface TransitionSpec {
  /** Where it may start: open steps, every open step, or a transferred case. */
  from: readonly OpenStatus[] | 'open' | 'transferred';
  to: Target;
  guards: readonly Guard[];
}

const ANY: TransitionSpec['from'] = 'open';

export const TRANSITIONS = {
  'start-screening': { from: ['draft'], to: { status: 'screening' }, guards: ['date_in_future'] },
  'prepare-dossier': { from: ['screening'], to: { status: 'dossier' }, guards: ['date_in_future', 'assessment_required', 'verdict_ineligible'] },
  'submit-for-decision': { from: ['dossier'], to: { status: 'decision' }, guards: ['date_in_future', 'documents_missing'] },
  // Our State's decision, then a second person's approval (four eyes), before the request goes out.
  'record-decision': { from: ['decision'], to: { record: 'decision-recorded' }, guards: ['date_in_future', 'verdict_ineligible'] },
  'approve-decision': { from: ['decision'], to: { record: 'decision-approved' }, guards: ['date_in_future', 'decision_required', 'approver_prepared'] },
  'send-request': { from: ['decision'], to: { status: 'requested' }, guards: ['date_in_future', 'verdict_ineligible', 'documents_missing', 'approval_required'] },
  'await-reply': { from: ['requested'], to: { status: 'awaiting-other-state' }, guards: ['date_in_future', 'documents_missing'] },
  'record-agreement': { from: ['requested', 'awaiting-other-state'], to: { status: 'agreed' }, guards: ['date_in_future', 'documents_missing'] },
  'start-consent-verification': { from: ['agreed'], to: { status: 'consent-verification' }, guards: ['date_in_future', 'documents_missing'] },
  'schedule-handover': {
    from: ['agreed', 'consent-verification'], to: { status: 'handover-scheduled' },
    guards: ['date_in_future', 'documents_missing', 'handover_plan_required', 'planned_before_date', 'handover_after_release', 'ineligible_on_planned_date'],
  },
  'reschedule-handover': {
    from: ['handover-scheduled'], to: { record: 'handover-rescheduled' },
    guards: ['date_in_future', 'handover_plan_required', 'planned_before_date', 'handover_after_release', 'ineligible_on_planned_date'],
  },
  'return-to-dossier': { from: ['decision', 'requested', 'awaiting-other-state'], to: { status: 'dossier' }, guards: ['date_in_future'] },
  transfer: { from: ['handover-scheduled'], to: { outcome: 'transferred' }, guards: ['handover_date_required', 'date_in_future', 'documents_missing'] },
  'refuse-by-sentencing-state': { from: ANY, to: { outcome: 'refused_by_sentencing_state' }, guards: ['date_in_future', 'reason_code_required'] },
  'refuse-by-administering-state': { from: ANY, to: { outcome: 'refused_by_administering_state' }, guards: ['date_in_future', 'reason_code_required'] },
  'close-ineligible': { from: ANY, to: { outcome: 'ineligible_closed' }, guards: ['date_in_future', 'reason_code_required'] },
  'withdraw-consent': { from: ANY, to: { outcome: 'consent_withdrawn' }, guards: ['date_in_future', 'reason_code_required'] },
  'consent-not-verified': { from: ['agreed', 'consent-verification', 'handover-scheduled'], to: { outcome: 'consent_not_verified' }, guards: ['date_in_future', 'reason_code_required'] },
  'release-before-transfer': { from: ANY, to: { outcome: 'released_before_transfer' }, guards: ['date_in_future', 'reason_code_required'] },
  'extinguish-sentence': { from: ANY, to: { outcome: 'sentence_extinguished' }, guards: ['date_in_future', 'reason_code_required'] },
  'withdraw-by-state': { from: ANY, to: { outcome: 'withdrawn_by_state' }, guards: ['date_in_future', 'reason_code_required'] },
  'record-death': { from: ANY, to: { outcome: 'deceased' }, guards: ['date_in_future', 'reason_code_required'] },
  'record-escape': { from: ANY, to: { outcome: 'escaped' }, guards: ['date_in_future', 'reason_code_required'] },
  'close-unviable': { from: ANY, to: { outcome: 'closed_unviable' }, guards: ['date_in_future', 'reason_code_required'] },
  'report-completion': { from: 'transferred', to: { enforcement: 'completion' }, guards: ['date_in_future'] },
  'report-escape': { from: 'transferred', to: { enforcement: 'escape' }, guards: ['date_in_future'] },
  'report-pardon': { from: 'transferred', to: { enforcement: 'pardon' }, guards: ['date_in_future'] },
  'report-amnesty': { from: 'transferred', to: { enforcement: 'amnesty' }, guards: ['date_in_future'] },
  'report-commutation': { from: 'transferred', to: { enforcement: 'commutation' }, guards: ['date_in_future'] },
} as const satisfies Record<string, TransitionSpec>;

export type TransitionId = keyof typeof TRANSITIONS;
export const TRANSITION_IDS = Object.keys(TRANSITIONS) as TransitionId[];

/** What the machine needs to know of a case; built by workflowFacts (facts.ts). */
export interface WorkflowFacts {
  /** The open step, or null once the case is closed. */
  status: OpenStatus | null;
  closeOutcome: CloseOutcome | null;
  verdict: StoredVerdict | null;
  /** Whether the consent can no longer be withdrawn (docs/domain.md "How a case ends", rule-set `irrevocableAfter`). */
  consentIrrevocable: boolean;
  /** The documents the rule-set requires of this case, whether each is done, and the step it is needed by. */
  documents: readonly { kind: string; step: Step; done: boolean }[];
  /** The date the case reached the step it stands at (its latest entry on the timeline), if recorded. */
  stepReachedOn: string | null;
  /** The entries recorded since the case reached the step it stands at, oldest first, with who recorded each (our decision, its approval). */
  sinceStep: readonly { kind: string; userId: string }[];
  today: string;
}

export interface TransitionRequest {
  transition: TransitionId;
  /** The civil date it happened; today when left out (except the handover, which must be given). */
  date?: string | null | undefined;
  /** Who records it (the four-eyes rule of the approval); left out, that rule is not checked (a preview). */
  userId?: string | undefined;
  /** The coded reason of a refusal, withdrawal or closure (reasons.ts); left out of a preview. */
  reasonCode?: string | null | undefined;
  /** The handover's planned date and the check of the case on it (handover-check.ts); left out of a preview. */
  plan?: { plannedOn: string; check: HandoverCheck | null } | null | undefined;
  /** A preview (the case page listing what stands in the way): the guards on what the form has not given yet are left out. */
  preview?: boolean;
}

/** Guards on what the request itself gives (reason, plan): a preview, before the form is filled in, does not check them. */
const INPUT_GUARDS: ReadonlySet<Guard> = new Set(['reason_code_required', 'handover_plan_required', 'planned_before_date', 'handover_after_release', 'ineligible_on_planned_date']);

export interface Refusal {
  guard: Guard;
  /** What is missing, e.g. the document kinds. */
  missing: string[];
}

/** What a transition does to the case: a new status, a closure, or an entry on the timeline only. */
export type Effect =
  | { kind: 'status'; status: OpenStatus; event: `status:${OpenStatus}` }
  | { kind: 'close'; outcome: CloseOutcome; event: `closed:${CloseOutcome}` }
  /** A withdrawal of consent after it became irrevocable: recorded, ineffective. */
  | { kind: 'record'; event: 'consent-withdrawal-ineffective' | `enforcement:${EnforcementKind}` | RecordKind };

export type Decision = { ok: true; effect: Effect; date: string } | { ok: false; refusals: Refusal[] };

export function startsFrom(id: TransitionId, facts: Pick<WorkflowFacts, 'status' | 'closeOutcome'>): boolean {
  const from = (TRANSITIONS[id] as TransitionSpec).from;
  if (from === 'transferred') return facts.closeOutcome === 'transferred';
  if (facts.status === null) return false;
  return from === 'open' || from.includes(facts.status);
}

/** The transitions that start from where the case stands (each may still be refused by a guard). */
export function availableTransitions(facts: Pick<WorkflowFacts, 'status' | 'closeOutcome'>): TransitionId[] {
  return TRANSITION_IDS.filter((id) => startsFrom(id, facts));
}

/** The step a transition leads to, for the document guard: a closure other than the transfer needs no documents. */
function targetStep(to: Target): Step | null {
  if ('status' in to) return to.status;
  if ('outcome' in to) return to.outcome === 'transferred' ? 'transferred' : null;
  return null;
}

/** Our State's decision recorded at this step, and whether a second person approved it since (the latest decision counts). */
function decisionAtStep(facts: WorkflowFacts): { preparedBy: string; approved: boolean } | null {
  let found: { preparedBy: string; approved: boolean } | null = null;
  for (const e of facts.sinceStep) {
    if (e.kind === 'decision-recorded') found = { preparedBy: e.userId, approved: false };
    else if (e.kind === 'decision-approved' && found !== null && e.userId !== found.preparedBy) found.approved = true;
  }
  return found;
}

function check(guard: Guard, spec: TransitionSpec, facts: WorkflowFacts, request: TransitionRequest): Refusal | null {
  const refused = (missing: string[] = []): Refusal => ({ guard, missing });
  switch (guard) {
    case 'assessment_required':
      return facts.verdict === null ? refused(['assessment']) : null;
    case 'verdict_ineligible':
      return facts.verdict === 'ineligible' ? refused() : null;
    case 'documents_missing': {
      const step = targetStep(spec.to);
      if (step === null) return null;
      const missing = facts.documents.filter((d) => !d.done && stepIndex(d.step) <= stepIndex(step)).map((d) => d.kind);
      return missing.length > 0 ? refused([...new Set(missing)]) : null;
    }
    case 'handover_date_required':
      return request.date == null ? refused(['date']) : null;
    case 'date_in_future':
      return request.date != null && parseIsoDate(request.date) > parseIsoDate(facts.today) ? refused(['date']) : null;
    case 'date_before_step':
      // `missing` names the date the step was reached, for the message.
      return request.date != null && facts.stepReachedOn !== null && parseIsoDate(request.date) < parseIsoDate(facts.stepReachedOn)
        ? refused([facts.stepReachedOn])
        : null;
    case 'wrong_step':
    case 'not_transferred':
      return null; // checked before the guards (startsFrom)
    case 'role_forbidden':
      return null; // checked by the service, which knows the user (roles.ts)
    case 'decision_required':
      return decisionAtStep(facts) === null ? refused(['decision']) : null;
    case 'approval_required':
      return decisionAtStep(facts)?.approved === true ? null : refused(['approval']);
    case 'approver_prepared': {
      // Four eyes: the approval is a second person's, never the one who recorded the decision.
      const decision = decisionAtStep(facts);
      return decision !== null && request.userId !== undefined && request.userId === decision.preparedBy ? refused() : null;
    }
    case 'reason_code_required': {
      const allowed = reasonsFor(request.transition);
      return request.reasonCode != null && allowed.includes(request.reasonCode) ? null : refused([...allowed]);
    }
    case 'handover_plan_required':
      return request.plan == null ? refused(['plan']) : null;
    case 'planned_before_date':
      return request.plan != null && parseIsoDate(request.plan.plannedOn) < parseIsoDate(request.date ?? facts.today) ? refused([request.date ?? facts.today]) : null;
    case 'handover_after_release':
      return request.plan?.check?.releaseDate != null && request.plan.plannedOn >= request.plan.check.releaseDate ? refused([request.plan.check.releaseDate]) : null;
    case 'ineligible_on_planned_date':
      return request.plan?.check?.verdict === 'ineligible' ? refused(request.plan.check.failing) : null;
  }
}

/** Guards every transition passes besides its own: the steps of a case follow each other in time. */
const ALWAYS: readonly Guard[] = ['date_before_step'];

/** Decides a transition: every guard is checked, so a refusal lists everything that stands in the way. */
export function decide(facts: WorkflowFacts, request: TransitionRequest): Decision {
  const spec: TransitionSpec = TRANSITIONS[request.transition];
  if (!startsFrom(request.transition, facts)) {
    return { ok: false, refusals: [{ guard: spec.from === 'transferred' ? 'not_transferred' : 'wrong_step', missing: [] }] };
  }
  const guards = [...spec.guards, ...ALWAYS].filter((g) => request.preview !== true || !INPUT_GUARDS.has(g));
  const refusals = guards.flatMap((g) => check(g, spec, facts, request) ?? []);
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, effect: effectOf(spec.to, facts), date: request.date ?? facts.today };
}

function effectOf(to: Target, facts: WorkflowFacts): Effect {
  if ('status' in to) return { kind: 'status', status: to.status, event: `status:${to.status}` };
  if ('enforcement' in to) return { kind: 'record', event: `enforcement:${to.enforcement}` };
  if ('record' in to) return { kind: 'record', event: to.record };
  // Domain.md §7.5: after the point the rule-set makes consent irrevocable, a withdrawal is recorded but ends nothing.
  if (to.outcome === 'consent_withdrawn' && facts.consentIrrevocable) return { kind: 'record', event: 'consent-withdrawal-ineffective' };
  return { kind: 'close', outcome: to.outcome, event: `closed:${to.outcome}` };
}

/** The transition that takes an open case to `status` (cases.setStatus), if there is one. */
export function transitionToStatus(from: OpenStatus, status: OpenStatus): TransitionId | undefined {
  return TRANSITION_IDS.find((id) => {
    const spec: TransitionSpec = TRANSITIONS[id];
    return 'status' in spec.to && spec.to.status === status && spec.from !== 'transferred' && (spec.from === 'open' || spec.from.includes(from));
  });
}

/** The transition that closes a case with `outcome` (cases.close). */
export function transitionToOutcome(outcome: CloseOutcome): TransitionId | undefined {
  return TRANSITION_IDS.find((id) => {
    const spec: TransitionSpec = TRANSITIONS[id];
    return 'outcome' in spec.to && spec.to.outcome === outcome;
  });
}

export function specOf(id: TransitionId): TransitionSpec {
  return TRANSITIONS[id];
}
