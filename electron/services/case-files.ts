/**
 * Export of case files (`tsp-case/1`, docs/case-format.md), and how an imported case is stored
 * closed. The import itself, idempotent, is electron/services/case-import.ts.
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { appendCaseEvent, latestEventOfKind } from '../../db/case-events-repo.ts';
import { allCaseIds, findCase, findCaseMeta, insertCase, setCaseClosure } from '../../db/cases-repo.ts';
import { type CaseRecord, type FieldProblem } from '../../shared/api-schemas.ts';
import type { CloseOutcome, Role } from '../../shared/vocabularies.ts';
import { keyedProblem, type CaseFile } from '../../shared/domain/case.ts';
import { IMPORTED_CLOSURE_REASON } from '../../shared/vocabularies.ts';
import { mayRecord } from '../../shared/workflow/roles.ts';
import { isOpenStatus } from '../../shared/workflow/steps.ts';
import { STATUS_AFTER_CLOSE } from './case-closure.ts';
import { auditStateOf } from './case-records.ts';
import { closeCase, createCase, creationProblems, getCase, listCaseEvents, listCases, reopenCase, setCaseStatus, updateCase, type CreationProblem } from './cases.ts';
import { timeOrderedUuid } from './time-ordered-id.ts';
import { transitionForOutcome } from './workflow.ts';
import type { casesContract } from '../../shared/contracts/cases.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers, Input } from './handlers.ts';
import type { WriteScope } from './write.ts';

export const IMPORT_MAX_CASES = 100_000;

/** How a case file's closure is imported: the one it carries, or for an older export (an ended status, no closure) one inferred from the status. */
export type ImportedClosure = { outcome: CloseOutcome; date: string | null; reasonCode: string | null; reason: string };

/**
 * An older export wrote a closed case's ended status but not its closure: the outcome is inferred
 * from the status (the other State refused; a State withdrew; closed as not viable), recorded with
 * the reason "imported closed, reason not recorded" and its code, so that the statistics and the
 * audit say so rather than guess a reason.
 */
function inferredOutcome(c: CaseFile): CloseOutcome {
  switch (c.status) {
    case 'transferred':
      return 'transferred';
    case 'refused':
      return c.direction === 'incoming' ? 'refused_by_sentencing_state' : 'refused_by_administering_state';
    case 'withdrawn':
      return 'withdrawn_by_state';
    default:
      return 'closed_unviable';
  }
}

/** The closure a file's case is imported with (none for an open case), or the problems that refuse it. */
export function importedClosure(role: Role, c: CaseFile, field: string): { closure: ImportedClosure | null; problems: CreationProblem[] } {
  const ended = c.status != null && !isOpenStatus(c.status);
  if (c.closure == null && !ended) return { closure: null, problems: creationProblems(role, c, field) };
  let closure: ImportedClosure;
  if (c.closure == null) {
    closure = { outcome: inferredOutcome(c), date: null, reasonCode: IMPORTED_CLOSURE_REASON, reason: `imported closed, reason not recorded (status "${c.status}")` };
  } else {
    const expected = STATUS_AFTER_CLOSE[c.closure.outcome];
    if (!ended) return { closure: null, problems: [{ kind: 'ended', ...keyedProblem(`${field}.closure`, 'validation.closure.open') }] };
    if (c.status !== expected) {
      return { closure: null, problems: [{ kind: 'ended', ...keyedProblem(`${field}.status`, 'validation.closure.status', { outcome: c.closure.outcome, status: expected }) }] };
    }
    closure = { outcome: c.closure.outcome, date: c.closure.date ?? null, reasonCode: c.closure.reasonCode ?? null, reason: c.closure.reason ?? 'imported closed' };
  }
  // Only a role that records this closure imports a case closed with it (shared/workflow/roles.ts).
  if (!mayRecord(role, transitionForOutcome(closure.outcome))) {
    return {
      closure: null,
      problems: [{ kind: 'role', field: `${field}.status`, message: `the role ${role} does not record a closure as ${closure.outcome}`, messageKey: 'workflow.guard.role_forbidden' }],
    };
  }
  return { closure, problems: [] };
}

/** Inserts an imported case closed as its file says: the case, its import and its closing on the timeline, one audit entry holding both. */
export function insertClosedCase(ctx: ServiceContext, scope: WriteScope, c: CaseFile, closure: ImportedClosure): string {
  const id = timeOrderedUuid();
  const { closure: _closure, ...file } = c;
  insertCase(scope.db, id, file, scope.at);
  setCaseClosure(scope.db, id, { closedAt: scope.at, outcome: closure.outcome, reason: closure.reason });
  appendCaseEvent(scope.db, { caseId: id, kind: 'imported', date: scope.today, note: null, userId: scope.userId, createdAt: scope.at });
  appendCaseEvent(scope.db, {
    caseId: id, kind: `closed:${closure.outcome}`, date: closure.date ?? scope.today, note: closure.reason, userId: scope.userId, createdAt: scope.at,
    reasonCode: closure.reasonCode,
  });
  const meta = findCaseMeta(ctx.db, id);
  const record: CaseRecord = {
    id, version: 1, createdAt: scope.at, updatedAt: scope.at, closedAt: scope.at, closeOutcome: closure.outcome, closeReason: closure.reason, case: file, latestAssessment: null,
  };
  if (meta === undefined) throw new Error(`the imported case ${id} was not stored`);
  appendAudit(scope.db, { at: scope.at, userId: scope.userId, action: 'case.import', entity: 'case', entityId: id, reason: closure.reason, before: null, after: auditStateOf(record) });
  return id;
}

/** A closed case's file carries its closure (outcome, date, coded reason, reason), so an import elsewhere closes it the same way. */
function withClosure(ctx: ServiceContext, found: NonNullable<ReturnType<typeof findCase>>): CaseFile {
  const { meta } = found;
  if (meta.closedAt === null || meta.closeOutcome === null) return found.case;
  const closing = latestEventOfKind(ctx.db, meta.id, `closed:${meta.closeOutcome}`);
  return {
    ...found.case,
    closure: { outcome: meta.closeOutcome as CloseOutcome, date: closing?.date ?? null, reasonCode: closing?.reasonCode ?? null, reason: meta.closeReason },
  };
}

/** The cases named (in that order), or every case oldest first, as `tsp-case/1` files (a closed one with its closure). */
export function exportCases(ctx: ServiceContext, { ids }: Input<'cases.export'>): CaseFile[] {
  // One read transaction: the export is a consistent snapshot even while others write.
  return ctx.db.transaction(() => {
    const wanted = ids ?? allCaseIds(ctx.db);
    const problems: FieldProblem[] = [];
    const out: CaseFile[] = [];
    wanted.forEach((id, i) => {
      const found = findCase(ctx.db, id);
      if (found === undefined) problems.push({ field: `ids[${i}]`, message: `no case ${id}` });
      else out.push(withClosure(ctx, found));
    });
    if (problems.length > 0) throw new ServiceError('not_found', 'error.case_not_found', problems);
    return out;
  })();
}

/**
 * The cases area's handlers (shared/contracts/cases.ts): the case files in cases.ts, their
 * import and export here (which build on cases.ts, so the map lives on this side).
 */
export const casesHandlers: Handlers<keyof typeof casesContract> = {
  'cases.list': listCases,
  'cases.get': getCase,
  'cases.events': listCaseEvents,
  'cases.create': createCase,
  'cases.update': updateCase,
  'cases.setStatus': setCaseStatus,
  'cases.close': closeCase,
  'cases.reopen': reopenCase,
  'cases.export': exportCases,
};
