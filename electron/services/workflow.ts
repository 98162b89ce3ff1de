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
import { caseEventsOf, eventsSinceStep, latestEventDates } from '../../db/case-events-repo.ts';
import { documentStatusesOf } from '../../db/documents-repo.ts';
import { findAssessment } from '../../db/assessments-repo.ts';
import { correspondenceOf, insertHandoverPlan } from '../../db/transfer-records-repo.ts';
import { findUser } from '../../db/users-repo.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CloseOutcome, OpenStatus } from '../../shared/vocabularies.ts';
import { t } from '../../shared/i18n/index.ts';
import { parseIsoDate } from '../../shared/sentence/calendar.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import type { workflowContract } from '../../shared/contracts/workflow.ts';
import type { WorkflowState } from '../../shared/workflow-schemas.ts';
import type { HandoverCheck } from '../../shared/workflow/handover-check.ts';
import { workflowFacts, type CaseState } from '../../shared/workflow/facts.ts';
import {
  availableTransitions, decide, specOf, transitionToOutcome, transitionToStatus,
  type Refusal, type TransitionId, type WorkflowFacts,
} from '../../shared/workflow/lifecycle.ts';
import { currentStep, directionOf, stepIndex, STEPS } from '../../shared/workflow/steps.ts';
import { mayRecord } from '../../shared/workflow/roles.ts';
import { defaultStatus, requirementsFor, type DocumentStatus } from '../../shared/workflow/documents.ts';
import { citationOf, TASKS, type TaskFacts } from '../../shared/workflow/tasks.ts';
import { STATUS_AFTER_CLOSE } from './case-closure.ts';
import { loadRecord, requireStoredCase } from './case-records.ts';
import { change } from './case-change.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { alertsOfCase } from './due.ts';
import { ServiceError } from './errors.ts';
import { addNote, assignCase, caseWork, recordCorrespondence } from './case-work.ts';
import { checkPlannedHandover, currentPlan, planCheck } from './handover.ts';
import type { Handlers, Input } from './handlers.ts';
import { resolveRuleSet } from './ruleset-resolution.ts';

type WorkflowRuleSet = CaseState['ruleSet'];

/** A case under no rule-set: consent never irrevocable, no documents required. */
const NO_RULE_SET: WorkflowRuleSet = {
  consent: { value: { required: true, representativeTriggers: [], minorAge: null, minorAgeAt: 'reference', irrevocableAfter: 'not-specified' }, source: '-', confidence: 'U' },
  documents: { value: [], source: '-', confidence: 'U' },
};

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
    eventDates: latestEventDates(db, record.id), sinceStep: eventsSinceStep(db, record.id), today,
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

export function transitionCase(ctx: ServiceContext, { id, expectedVersion, transition, date, reason, legalBasis, reasonCode, documents, handover }: Input<'workflow.transition'>): CaseRecord {
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
      // A plan only where the transition schedules the handover; elsewhere it is ignored.
      const schedules = transition === 'schedule-handover' || transition === 'reschedule-handover';
      const plan = schedules && handover !== undefined ? { plannedOn: handover.plannedOn, check: planCheck(ctx.db, current, handover.plannedOn, scope.today) } : null;
      const decision = decide(factsOf(ctx.db, current, ruleSet, scope.today), { transition, date, userId: ctx.user.id, reasonCode, plan });
      if (!decision.ok) throw refused(decision.refusals);
      const { effect } = decision;
      const event = {
        kind: effect.event, date: decision.date, fromStatus: current.case.status ?? null,
        legalBasis: legalBasis ?? null, reasonCode: reasonCode ?? null, documents: documents ?? null,
      };
      if (plan !== null && handover !== undefined) {
        // The plan (and the check of the case on its date, as it was then) beside the case; the case file carries the planned date the engine reads.
        insertHandoverPlan(scope.db, {
          caseId: id, plannedOn: plan.plannedOn, place: handover.place, escort: handover.escort ?? null, contact: handover.contact ?? null, checks: plan.check,
          recordedAt: scope.at, recordedBy: scope.userId,
        });
        const planned = { ...current.case, events: { ...current.case.events, transferPlanned: plan.plannedOn } };
        return effect.kind === 'status'
          ? { case: { ...planned, status: effect.status }, event, action: 'case.status' }
          : { case: planned, event, action: 'case.record' };
      }
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

/** What the tasks read of a case: its documents, timeline, correspondence, plan and latest assessment. */
function taskFactsOf(db: Database.Database, record: CaseRecord, facts: WorkflowFacts, ruleSet: RuleSet | null, needed: { done: number; total: number }): TaskFacts {
  const stored = documentStatusesOf(db, record.id);
  const documents = new Map<string, DocumentStatus>();
  for (const d of ruleSet === null ? [] : requirementsFor(ruleSet, directionOf(record.case.direction))) documents.set(d.kind, stored.get(d.kind)?.status ?? defaultStatus(d));
  const latest = record.latestAssessment === null ? undefined : findAssessment(db, record.latestAssessment.id);
  const plan = currentPlan(db, record.id);
  return {
    case: record.case,
    verdict: facts.verdict,
    datesComputed: latest !== undefined && (JSON.parse(latest.result) as { dates?: { releaseDate?: string | null } }).dates?.releaseDate != null,
    documents,
    timeline: new Set(caseEventsOf(db, record.id).map((e) => e.kind)),
    sinceStep: new Set(facts.sinceStep.map((e) => e.kind)),
    correspondence: new Set(correspondenceOf(db, record.id).map((c) => `${c.kind}:${c.correspondent}`)),
    handoverPlan: plan === null ? null : { escort: plan.escort },
    nextDocuments: needed,
  };
}

function tasksOf(db: Database.Database, record: CaseRecord, facts: WorkflowFacts, ruleSet: RuleSet | null): WorkflowState['tasks'] {
  if (facts.status === null) return [];
  const step = facts.status;
  // The documents the next step needs: the dossier's collection task, else a task of its own, done when every one of them is.
  const next = STEPS[stepIndex(step) + 1];
  const needed = next === undefined ? [] : facts.documents.filter((d) => stepIndex(d.step) <= stepIndex(next));
  const count = { done: needed.filter((d) => d.done).length, total: needed.length };
  const taskFacts = taskFactsOf(db, record, facts, ruleSet, count);
  const own = TASKS[directionOf(record.case.direction)][step]
    .filter((task) => task.document === undefined || taskFacts.documents.has(task.document))
    .map((task) => ({ id: task.id, anchor: citationOf(task, ruleSet), status: task.status(taskFacts) }));
  if (needed.length === 0 || own.some((t) => t.id === 'collect-dossier')) return own;
  const status = count.done === count.total ? 'completed' : count.done > 0 ? 'in-progress' : 'not-started';
  return [...own, { id: 'documents', anchor: `${count.done}/${count.total}`, status }];
}

/** Our decision at this visit of the decision step, who prepared it and who approved it. */
function decisionOf(db: Database.Database, facts: WorkflowFacts): WorkflowState['decision'] {
  if (facts.status !== 'decision') return null;
  let found: { preparedBy: string; approvedBy: string | null } | null = null;
  for (const e of facts.sinceStep) {
    if (e.kind === 'decision-recorded') found = { preparedBy: e.userId, approvedBy: null };
    else if (e.kind === 'decision-approved' && found !== null && e.userId !== found.preparedBy) found.approvedBy = e.userId;
  }
  if (found === null) return null;
  const name = (userId: string | null) => (userId === null ? null : (findUser(db, userId)?.name ?? null));
  return { ...found, preparedByName: name(found.preparedBy), approvedByName: name(found.approvedBy) };
}

export function workflowState(ctx: ServiceContext, { caseId }: Input<'workflow.state'>): WorkflowState {
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
      // Previewed as if recorded today with a date, by this user, so the list shows what else stands in the way.
      const decision = decide(facts, { transition, date: today, userId: ctx.user.id, preview: true });
      const planned = 'status' in spec.to ? 'status' : 'outcome' in spec.to ? 'close' : 'record';
      // A role that does not record the transition is its first refusal (shared/workflow/roles.ts).
      const refusals: Refusal[] = [...(mayRecord(ctx.user.role, transition) ? [] : [{ guard: 'role_forbidden' as const, missing: [] }]), ...(decision.ok ? [] : decision.refusals)];
      return { transition, refusals, effect: decision.ok && refusals.length === 0 ? decision.effect.kind : planned, needsDate };
    }),
    tasks: tasksOf(ctx.db, record, facts, ruleSet),
    alerts: record.closedAt === null ? alertsOfCase(ctx.db, record, ruleSet, today) : [],
    decision: decisionOf(ctx.db, facts),
    handover: (() => {
      const plan = currentPlan(ctx.db, caseId);
      if (plan === null) return null;
      const { plannedOn, place, escort, contact, recordedAt, recordedByName } = plan;
      return { plannedOn, place, escort, contact, checks: (plan.checks ?? null) as HandoverCheck | null, recordedAt, recordedByName };
    })(),
  };
}


/** The workflow area's handlers (shared/contracts/workflow.ts): the lifecycle here, the handover check in handover.ts, the correspondence, notes and assignment in case-work.ts. */
export const workflowHandlers: Handlers<keyof typeof workflowContract> = {
  'workflow.state': workflowState,
  'workflow.transition': transitionCase,
  'workflow.checkHandover': checkPlannedHandover,
  'cases.work': caseWork,
  'cases.recordCorrespondence': recordCorrespondence,
  'cases.addNote': addNote,
  'cases.assign': assignCase,
};
