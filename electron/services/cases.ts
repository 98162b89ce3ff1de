/**
 * Cases: create, edit, move through the workflow, close and reopen, read and list.
 * Each write is one transaction with one audit entry holding the case before and after.
 * A case is never deleted: it is closed with an outcome and a reason.
 */
import { searchCases } from '../../db/case-search.ts';
import { appendAudit } from '../../db/audit-repo.ts';
import { appendCaseEvent, caseEventsOf } from '../../db/case-events-repo.ts';
import { insertCase } from '../../db/cases-repo.ts';
import { casesAssignedTo } from '../../db/transfer-records-repo.ts';
import type { CaseEvent, CaseList, CaseRecord, FieldProblem } from '../../shared/api-schemas.ts';
import { OPEN_STATUSES, type Role } from '../../shared/vocabularies.ts';
import { keyedProblem, type CaseFile } from '../../shared/domain/case.ts';
import { creatableSteps } from '../../shared/workflow/roles.ts';
import { currentStep, isOpenStatus } from '../../shared/workflow/steps.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { auditStateOf, loadRecord, requireStoredCase } from './case-records.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { timeOrderedUuid } from './time-ordered-id.ts';
import { computeDue, DUE_FILTER_HORIZON_DAYS } from './due.ts';
import { openRouteCases } from './route-index.ts';
import type { Input } from './handlers.ts';
import { storableCase } from './validate.ts';
import { change } from './case-change.ts';
import { transitionCase, transitionForOutcome, transitionForStatus } from './workflow.ts';
import { write, type WriteScope } from './write.ts';

/** Inserts a validated case with its timeline entry and audit entry; the caller owns the transaction. */
export function insertNewCase(
  ctx: ServiceContext,
  scope: WriteScope,
  c: CaseFile,
  how: { action: string; event: string; reason: string | null },
): CaseRecord {
  // Every path that creates a case (create, import, demo) passes here: no ended case, no step beyond the role.
  const problems = creationProblems(ctx.user.role, c, 'case');
  if (problems.length > 0) throw creationRefused(problems);
  // Time-ordered: a case's rows and audit entries, keyed by its id, are appended to their indexes.
  const id = timeOrderedUuid();
  const { action, event, reason } = how;
  insertCase(scope.db, id, c, scope.at);
  appendCaseEvent(scope.db, { caseId: id, kind: event, date: scope.today, note: reason, userId: scope.userId, createdAt: scope.at });
  // The rows read back exactly as `c` (db/case-mapping.ts, tested), so no need to re-read them.
  const record: CaseRecord = {
    id, version: 1, createdAt: scope.at, updatedAt: scope.at, closedAt: null, closeOutcome: null, closeReason: null, case: c, latestAssessment: null,
  };
  appendAudit(scope.db, { at: scope.at, userId: scope.userId, action, entity: 'case', entityId: id, reason, before: null, after: auditStateOf(record) });
  return record;
}

/** A problem that refuses a new case: an ended status (it comes only with a closure), or a step beyond what the role records. */
export interface CreationProblem extends FieldProblem {
  kind: 'ended' | 'role';
}

/**
 * Why a user of `role` may not create (or import) the case `c`: an ended status comes only with a
 * closure (its outcome and reason), so a new case starts at an open step; and only at a step the
 * role could have brought it to itself (shared/workflow/roles.ts).
 */
export function creationProblems(role: Role, c: CaseFile, field: string): CreationProblem[] {
  if (c.closure != null) return [{ kind: 'ended', ...keyedProblem(`${field}.closure`, 'validation.closure.new') }];
  if (c.status != null && !isOpenStatus(c.status)) {
    return [{ kind: 'ended', field: `${field}.status`, message: `must be an open step (${OPEN_STATUSES.join(', ')}): a case is ended by closing it` }];
  }
  const steps = creatableSteps(role);
  if (!steps.includes(currentStep(c.status))) {
    return [{ kind: 'role', field: `${field}.status`, message: `the role ${role} creates cases at ${steps.join(', ') || 'no step'} only: a later step is recorded by the role whose step it is`, messageKey: 'workflow.guard.role_forbidden' }];
  }
  return [];
}

export function creationRefused(problems: readonly CreationProblem[]): ServiceError {
  const plain = problems.map(({ kind: _kind, ...p }) => p);
  return problems.some((p) => p.kind === 'role') ? new ServiceError('forbidden', 'error.role_forbidden', plain) : new ServiceError('invalid_input', 'error.invalid_case', plain);
}

export function createCase(ctx: ServiceContext, { case: raw, reason }: Input<'cases.create'>): CaseRecord {
  const { value } = storableCase(raw, 'case');
  const problems = creationProblems(ctx.user.role, value, 'case');
  if (problems.length > 0) throw creationRefused(problems);
  return write(ctx, (scope) => insertNewCase(ctx, scope, value, { action: 'case.create', event: 'created', reason: reason ?? null }));
}

export function updateCase(ctx: ServiceContext, { id, expectedVersion, case: raw, reason }: Input<'cases.update'>): CaseRecord {
  const { value } = storableCase(raw, 'case');
  // The status moves only through the workflow (shared/workflow/lifecycle.ts): an edit keeps it.
  return change(ctx, { id, expectedVersion, reason, action: 'case.update', mustBeOpen: true, next: (current) => ({ case: { ...value, status: current.case.status } }) });
}

/** The older channel: the workflow transition that leads to `status` from where the case stands, with its guards. */
export function setCaseStatus(ctx: ServiceContext, { id, expectedVersion, status, reason }: Input<'cases.setStatus'>): CaseRecord {
  return transitionCase(ctx, { id, expectedVersion, reason, transition: transitionForStatus(ctx, id, status) });
}

/** The older channel: the workflow transition that closes with `outcome`, with its guards (the handover needs its date). */
export function closeCase(ctx: ServiceContext, { id, expectedVersion, outcome, reason, date, reasonCode }: Input<'cases.close'>): CaseRecord {
  return transitionCase(ctx, { id, expectedVersion, reason, date, reasonCode, transition: transitionForOutcome(outcome) });
}

/**
 * The open steps a case had reached: those its timeline moved it to or from, and the start. A
 * closed case is reopened only at one of them, never at a step it never stood at.
 */
export function reachedSteps(events: readonly Pick<CaseEvent, 'kind' | 'fromStatus'>[]): Set<string> {
  const reached = new Set<string>(['draft']);
  for (const e of events) {
    if (e.kind.startsWith('status:')) reached.add(e.kind.slice('status:'.length));
    if (e.fromStatus !== null && isOpenStatus(e.fromStatus as CaseFile['status'])) reached.add(e.fromStatus);
  }
  return reached;
}

/** Undoes a closure made in error, at a step the case had reached; the closure stays in the audit log and the timeline. */
export function reopenCase(ctx: ServiceContext, { id, expectedVersion, status, reason }: Input<'cases.reopen'>): CaseRecord {
  return change(ctx, {
    id, expectedVersion, reason, action: 'case.reopen', mustBeOpen: false,
    next: (current) => {
      const reached = reachedSteps(caseEventsOf(ctx.db, id));
      if (!reached.has(status)) {
        throw new ServiceError('conflict', 'error.reopen_unreached', [
          { field: 'status', message: `the case never stood at ${status}: it may be reopened at ${OPEN_STATUSES.filter((s) => reached.has(s)).join(', ')}` },
        ]);
      }
      return { case: { ...current.case, status }, closure: null, event: { kind: 'reopened' } };
    },
  });
}

export function getCase(ctx: ServiceContext, { id }: Input<'cases.get'>): CaseRecord {
  return loadRecord(ctx.db, id);
}

/** The case's timeline, oldest first. */
export function listCaseEvents(ctx: ServiceContext, { caseId }: Input<'cases.events'>): CaseEvent[] {
  requireStoredCase(ctx.db, caseId);
  return caseEventsOf(ctx.db, caseId);
}

export function listCases(ctx: ServiceContext, query: Input<'cases.list'>): CaseList {
  // "My cases": those assigned to the signed-in user (or to the user named).
  const today = todayFrom(ctx.clock());
  // Each of these filters is a set of case ids; the search keeps the cases in all of them.
  const sets: (readonly string[])[] = [];
  if (query.assignedTo !== undefined) sets.push(casesAssignedTo(ctx.db, query.assignedTo === 'me' ? ctx.user.id : query.assignedTo));
  let unreadable: CaseList['unreadable'];
  if (query.due !== undefined) {
    const due = computeDue(ctx.db, formatIsoDate(today), DUE_FILTER_HORIZON_DAYS);
    const wanted = query.due === 'any-due' ? due.items : due.items.filter((i) => i.urgency === query.due);
    sets.push([...new Set(wanted.map((i) => i.caseId))]);
    if (due.unreadable.length > 0) unreadable = due.unreadable;
  }
  let routesUnscreened: number | undefined;
  if (query.openRoute === true) {
    const routes = openRouteCases(ctx.db, today);
    sets.push(routes.ids);
    routesUnscreened = routes.stale;
  }
  const only = sets.length === 0 ? undefined : sets.reduce((kept, next) => {
    const wanted = new Set(next);
    return kept.filter((id) => wanted.has(id));
  });
  const list = searchCases(ctx.db, query, only);
  return { ...list, ...(unreadable === undefined ? {} : { unreadable }), ...(routesUnscreened === undefined ? {} : { routesUnscreened }) };
}
