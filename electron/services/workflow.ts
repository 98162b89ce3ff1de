/**
 * Transfer tracking: moves a case through the lifecycle of shared/workflow/lifecycle.ts,
 * the one source of its rules (cases.setStatus and cases.close go through here too), and
 * tells the case page where the case stands: the transitions from its step with what
 * would refuse each, the task list, and what is due.
 *
 * Each transition is one write: the case row (status, closure), an entry on the timeline
 * with the date it happened, the step it left, the legal basis, the reason and the
 * documents cited, and one audit entry.
 */
import type Database from 'better-sqlite3';
import { latestEventDates } from '../../db/case-events-repo.ts';
import { documentStatusesOf } from '../../db/documents-repo.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CloseOutcome, OpenStatus } from '../../shared/vocabularies.ts';
import { t } from '../../shared/i18n/index.ts';
import { formatIsoDate, parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import { transitionCaseInput, workflowStateInput, type WorkflowState } from '../../shared/workflow-schemas.ts';
import { workflowFacts, type CaseState } from '../../shared/workflow/facts.ts';
import {
  availableTransitions, decide, specOf, transitionToOutcome, transitionToStatus,
  type Refusal, type TransitionId, type WorkflowFacts,
} from '../../shared/workflow/lifecycle.ts';
import { currentStep, directionOf, stepIndex, STEPS } from '../../shared/workflow/steps.ts';
import { mayRecord } from '../../shared/workflow/roles.ts';
import { TASKS } from '../../shared/workflow/tasks.ts';
import { STATUS_AFTER_CLOSE } from './case-closure.ts';
import { loadRecord, requireStoredCase } from './case-records.ts';
import { change } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { alertsOfCase } from './due.ts';
import { ServiceError } from './errors.ts';
import { resolveRuleSet } from './ruleset-resolution.ts';
import { validate } from './validate.ts';

type WorkflowRuleSet = CaseState['ruleSet'];

/** A case under no rule-set: consent never irrevocable, no documents required. */
const NO_RULE_SET: WorkflowRuleSet = {
  consent: { value: { required: true, representativeTriggers: [], minorAge: null, minorAgeAt: 'reference', irrevocableAfter: 'not-specified' }, source: '-', confidence: 'U' },
  documents: { value: [], source: '-', confidence: 'U' },
};

export function todayOf(ctx: Pick<ServiceContext, 'clock'>): string {
  return formatIsoDate(todayFrom(ctx.clock()));
}

/** The rule-set a case is handled under (its own, else the one of its latest assessment), in force today. */
export function ruleSetOfCase(db: Database.Database, record: CaseRecord, today: string): RuleSet | null {
  const id = record.case.ruleSetId ?? record.latestAssessment?.ruleSetId ?? null;
  if (id === null) return null;
  return resolveRuleSet(db, id, record.case, undefined, parseIsoDate(today), record.id)?.ruleSet ?? null;
}

export function factsOf(db: Database.Database, record: CaseRecord, ruleSet: WorkflowRuleSet, today: string): WorkflowFacts {
  const statuses = new Map([...documentStatusesOf(db, record.id)].map(([kind, s]) => [kind, s.status]));
  return workflowFacts({
    case: record.case, closeOutcome: record.closeOutcome, verdict: record.latestAssessment?.verdict ?? null, ruleSet, documentStatuses: statuses,
    eventDates: latestEventDates(db, record.id), today,
  });
}

/** A refused transition as a ServiceError: one problem per guard, naming what is missing. */
function refused(refusals: readonly Refusal[]): ServiceError {
  return new ServiceError(
    'conflict',
    'error.workflow_refused',
    refusals.map((r) => {
      const missing = r.guard === 'documents_missing' ? r.missing.map((kind) => t('en', `workflow.document.${kind}`)).join('; ') : r.missing.join(', ');
      const field = r.guard === 'documents_missing' ? 'documents' : r.guard === 'date_before_step' || r.missing.includes('date') ? 'date' : 'transition';
      return { field, message: t('en', `workflow.guard.${r.guard}`, { missing }), messageKey: `workflow.guard.${r.guard}`, params: { guard: r.guard, missing: r.missing.join(', ') } };
    }),
  );
}

export function transitionCase(ctx: ServiceContext, input: unknown): CaseRecord {
  const { id, expectedVersion, transition, date, reason, legalBasis, reasonCode, documents } = validate(transitionCaseInput, input);
  if (!mayRecord(ctx.user.role, transition)) {
    throw new ServiceError('forbidden', 'error.role_forbidden', [
      { field: 'transition', message: t('en', 'workflow.guard.role_forbidden'), messageKey: 'workflow.guard.role_forbidden', params: { guard: 'role_forbidden', missing: transition } },
    ]);
  }
  return change(ctx, {
    id, expectedVersion, reason, action: 'case.transition', mustBeOpen: null,
    next: (current, scope) => {
      if (current.closedAt !== null && specOf(transition).from !== 'transferred') {
        throw new ServiceError('conflict', 'error.case_closed', [{ field: 'id', message: 'the case is closed' }]);
      }
      const ruleSet = ruleSetOfCase(ctx.db, current, scope.today) ?? NO_RULE_SET;
      const decision = decide(factsOf(ctx.db, current, ruleSet, scope.today), { transition, date });
      if (!decision.ok) throw refused(decision.refusals);
      const { effect } = decision;
      const event = {
        kind: effect.event, date: decision.date, fromStatus: current.case.status ?? null,
        legalBasis: legalBasis ?? null, reasonCode: reasonCode ?? null, documents: documents ?? null,
      };
      switch (effect.kind) {
        case 'status':
          return { case: { ...current.case, status: effect.status }, event, action: 'case.status' };
        case 'close':
          return {
            case: { ...current.case, status: STATUS_AFTER_CLOSE[effect.outcome] },
            closure: { closedAt: scope.at, outcome: effect.outcome, reason },
            event,
            action: 'case.close',
          };
        case 'record':
          return { case: current.case, event, action: 'case.record' };
      }
    },
  });
}

/** cases.setStatus: the transition from the case's step to `status`, or a refusal saying none leads there. */
export function transitionForStatus(ctx: ServiceContext, id: string, status: OpenStatus): TransitionId {
  const stored = requireStoredCase(ctx.db, id);
  if (stored.meta.closedAt !== null) throw new ServiceError('conflict', 'error.case_closed', [{ field: 'id', message: 'the case is closed' }]);
  const found = transitionToStatus(currentStep(stored.case.status), status);
  if (found === undefined) throw refused([{ guard: 'wrong_step', missing: [] }]);
  return found;
}

/** cases.close: every close outcome has its transition (checked in lifecycle.test.ts). */
export function transitionForOutcome(outcome: CloseOutcome): TransitionId {
  const found = transitionToOutcome(outcome);
  if (found === undefined) throw new Error(`no transition closes with ${outcome}`);
  return found;
}

function tasksOf(record: CaseRecord, facts: WorkflowFacts): WorkflowState['tasks'] {
  if (facts.status === null) return [];
  const step = facts.status;
  const own = TASKS[directionOf(record.case.direction)][step].map((task) => ({
    id: task.id,
    anchor: task.anchor,
    status:
      (task.needsAssessment === true && facts.verdict !== null) || (task.needsEnforcementDecision === true && record.case.enforcement?.decision != null)
        ? ('completed' as const)
        : ('not-started' as const),
  }));
  // The documents the next step needs: the task is done when every one of them is.
  const next = STEPS[stepIndex(step) + 1];
  const needed = next === undefined ? [] : facts.documents.filter((d) => stepIndex(d.step) <= stepIndex(next));
  if (needed.length === 0) return own;
  const done = needed.filter((d) => d.done).length;
  const status = done === needed.length ? 'completed' : done > 0 ? 'in-progress' : 'not-started';
  return [...own, { id: 'documents', anchor: `${done}/${needed.length}`, status }];
}

export function workflowState(ctx: ServiceContext, input: unknown): WorkflowState {
  const { caseId } = validate(workflowStateInput, input);
  const record = loadRecord(ctx.db, caseId);
  const today = todayOf(ctx);
  const ruleSet = ruleSetOfCase(ctx.db, record, today);
  const facts = factsOf(ctx.db, record, ruleSet ?? NO_RULE_SET, today);
  return {
    caseId,
    version: record.version,
    direction: directionOf(record.case.direction),
    step: facts.status,
    closeOutcome: record.closeOutcome,
    ruleSetId: record.case.ruleSetId ?? record.latestAssessment?.ruleSetId ?? null,
    consentIrrevocable: facts.consentIrrevocable,
    transitions: availableTransitions(facts).map((transition) => {
      const spec = specOf(transition);
      const needsDate = spec.guards.includes('handover_date_required');
      // Previewed as if recorded today with a date, so the list shows what else stands in the way.
      const decision = decide(facts, { transition, date: today });
      const planned = 'status' in spec.to ? 'status' : 'outcome' in spec.to ? 'close' : 'record';
      // A role that does not record the transition is its first refusal (shared/workflow/roles.ts).
      const refusals: Refusal[] = [...(mayRecord(ctx.user.role, transition) ? [] : [{ guard: 'role_forbidden' as const, missing: [] }]), ...(decision.ok ? [] : decision.refusals)];
      return { transition, refusals, effect: decision.ok && refusals.length === 0 ? decision.effect.kind : planned, needsDate };
    }),
    tasks: tasksOf(record, facts),
    alerts: record.closedAt === null ? alertsOfCase(ctx.db, record, ruleSet, today) : [],
  };
}

