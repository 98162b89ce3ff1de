/** What the lifecycle machine needs to know of a stored case, read from its file, closure, verdict and rule-set. */
import type { CloseOutcome, OpenStatus, StoredVerdict } from '../vocabularies.ts';
import type { CaseFile } from '../domain/case.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { defaultStatus, isDone, requirementsFor, type DocumentStatus } from './documents.ts';
import type { WorkflowFacts } from './lifecycle.ts';
import { currentStep, directionOf, stepIndex } from './steps.ts';

export interface CaseState {
  case: CaseFile;
  closeOutcome: CloseOutcome | null;
  verdict: StoredVerdict | null;
  ruleSet: Pick<RuleSet, 'consent' | 'documents'>;
  /** The statuses recorded for this case, by document kind. */
  documentStatuses: ReadonlyMap<string, DocumentStatus>;
  /** The date of the latest timeline entry of each kind (`status:dossier`, `closed:transferred`, ...). */
  eventDates: ReadonlyMap<string, string>;
  /** The entries recorded since the case reached its step, oldest first (none when left out). */
  sinceStep?: readonly { kind: string; userId: string }[];
  today: string;
}

/**
 * Domain.md §7.5: consent becomes irrevocable per rule-set, after the States' agreement
 * (SR 0.344.294) or after the verification (US hearing, unconfirmed); ETS 112 says nothing,
 * so there a withdrawal always ends the case.
 */
export function consentIrrevocable(c: CaseFile, status: OpenStatus | null, irrevocableAfter: RuleSet['consent']['value']['irrevocableAfter']): boolean {
  const reached = (step: OpenStatus) => status !== null && stepIndex(status) >= stepIndex(step);
  switch (irrevocableAfter) {
    case 'not-specified':
      return false;
    case 'states-agreement':
      return c.events.statesAgreed != null || reached('agreed');
    case 'verification':
      return c.consent?.verified === true || reached('handover-scheduled');
  }
}

export function workflowFacts(s: CaseState): WorkflowFacts {
  const status = s.closeOutcome === null ? currentStep(s.case.status) : null;
  const documents = requirementsFor(s.ruleSet, directionOf(s.case.direction))
    .filter((d) => d.required)
    .map((d) => ({ kind: d.kind, step: d.step, done: isDone(s.documentStatuses.get(d.kind) ?? defaultStatus(d)) }));
  // The step a transition starts from was reached by the latest entry that led there: an open step's
  // status entry, or the handover for what follows a transfer. None for a case entered at its step.
  const reachedBy = status !== null ? `status:${status}` : s.closeOutcome === 'transferred' ? 'closed:transferred' : null;
  return {
    status,
    closeOutcome: s.closeOutcome,
    stepReachedOn: reachedBy === null ? null : (s.eventDates.get(reachedBy) ?? null),
    verdict: s.verdict,
    consentIrrevocable: consentIrrevocable(s.case, status, s.ruleSet.consent.value.irrevocableAfter),
    documents,
    sinceStep: s.sinceStep ?? [],
    today: s.today,
  };
}
