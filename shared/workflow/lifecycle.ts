/**
 * The transfer lifecycle as one state machine (domain.md §7.6), for outgoing and incoming
 * cases alike: the states are the open case statuses, the terminal outcomes of §7.5 and the
 * time after a transfer. Every transition names the guards it must pass; a guard that
 * refuses says why with a code and what is missing. The services, the case page and the
 * generated diagram (docs/workflow.md) all read this one table.
 */
import type { CloseOutcome, OpenStatus, StoredVerdict } from '../vocabularies.ts';
import { parseIsoDate } from '../sentence/calendar.ts';
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
] as const;
export type Guard = (typeof GUARDS)[number];

/** After a transfer (domain.md §7.2 O14–O15, §7.3 I8–I9; ETS 112 Arts. 12–15). */
export const ENFORCEMENT_KINDS = ['completion', 'escape', 'pardon', 'amnesty', 'commutation'] as const;
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

type Target = { status: OpenStatus } | { outcome: CloseOutcome } | { enforcement: EnforcementKind };

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
  'send-request': { from: ['decision'], to: { status: 'requested' }, guards: ['date_in_future', 'verdict_ineligible', 'documents_missing'] },
  'await-reply': { from: ['requested'], to: { status: 'awaiting-other-state' }, guards: ['date_in_future', 'documents_missing'] },
  'record-agreement': { from: ['requested', 'awaiting-other-state'], to: { status: 'agreed' }, guards: ['date_in_future', 'documents_missing'] },
  'start-consent-verification': { from: ['agreed'], to: { status: 'consent-verification' }, guards: ['date_in_future', 'documents_missing'] },
  'schedule-handover': { from: ['agreed', 'consent-verification'], to: { status: 'handover-scheduled' }, guards: ['date_in_future', 'documents_missing'] },
  'return-to-dossier': { from: ['decision', 'requested', 'awaiting-other-state'], to: { status: 'dossier' }, guards: ['date_in_future'] },
  transfer: { from: ['handover-scheduled'], to: { outcome: 'transferred' }, guards: ['handover_date_required', 'date_in_future', 'documents_missing'] },
  'refuse-by-sentencing-state': { from: ANY, to: { outcome: 'refused_by_sentencing_state' }, guards: ['date_in_future'] },
  'refuse-by-administering-state': { from: ANY, to: { outcome: 'refused_by_administering_state' }, guards: ['date_in_future'] },
  'close-ineligible': { from: ANY, to: { outcome: 'ineligible_closed' }, guards: ['date_in_future'] },
  'withdraw-consent': { from: ANY, to: { outcome: 'consent_withdrawn' }, guards: ['date_in_future'] },
  'consent-not-verified': { from: ['agreed', 'consent-verification', 'handover-scheduled'], to: { outcome: 'consent_not_verified' }, guards: ['date_in_future'] },
  'release-before-transfer': { from: ANY, to: { outcome: 'released_before_transfer' }, guards: ['date_in_future'] },
  'extinguish-sentence': { from: ANY, to: { outcome: 'sentence_extinguished' }, guards: ['date_in_future'] },
  'withdraw-by-state': { from: ANY, to: { outcome: 'withdrawn_by_state' }, guards: ['date_in_future'] },
  'record-death': { from: ANY, to: { outcome: 'deceased' }, guards: ['date_in_future'] },
  'record-escape': { from: ANY, to: { outcome: 'escaped' }, guards: ['date_in_future'] },
  'close-unviable': { from: ANY, to: { outcome: 'closed_unviable' }, guards: ['date_in_future'] },
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
  /** Whether the consent can no longer be withdrawn (domain.md §7.5, rule-set `irrevocableAfter`). */
  consentIrrevocable: boolean;
  /** The documents the rule-set requires of this case, whether each is done, and the step it is needed by. */
  documents: readonly { kind: string; step: Step; done: boolean }[];
  /** The date the case reached the step it stands at (its latest entry on the timeline), if recorded. */
  stepReachedOn: string | null;
  today: string;
}

export interface TransitionRequest {
  transition: TransitionId;
  /** The civil date it happened; today when left out (except the handover, which must be given). */
  date?: string | null | undefined;
}

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
  | { kind: 'record'; event: 'consent-withdrawal-ineffective' | `enforcement:${EnforcementKind}` };

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
  const refusals = [...spec.guards, ...ALWAYS].flatMap((g) => check(g, spec, facts, request) ?? []);
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, effect: effectOf(spec.to, facts), date: request.date ?? facts.today };
}

function effectOf(to: Target, facts: WorkflowFacts): Effect {
  if ('status' in to) return { kind: 'status', status: to.status, event: `status:${to.status}` };
  if ('enforcement' in to) return { kind: 'record', event: `enforcement:${to.enforcement}` };
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
