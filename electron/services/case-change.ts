/**
 * A change to a stored case at the version its user saw (optimistic concurrency): the case
 * rows rewritten, a timeline entry and one audit entry holding the case before and after, in
 * one transaction. Every service that changes a case (edit, workflow, enforcement, import)
 * comes here.
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { appendCaseEvent, type NewCaseEvent } from '../../db/case-events-repo.ts';
import { updateCase as writeCaseRows, type Closure } from '../../db/cases-repo.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { auditStateOf, loadRecord, recordOf, requireStoredCase } from './case-records.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { write, type WriteScope } from './write.ts';

/** A timeline entry a change appends: its kind, and the details a workflow transition records. */
type ChangeEvent = Pick<NewCaseEvent, 'kind'> & Partial<Pick<NewCaseEvent, 'date' | 'fromStatus' | 'legalBasis' | 'reasonCode' | 'documents'>>;

export interface Change {
  id: string;
  expectedVersion: number;
  reason: string;
  action: string;
  /** Refuse the change unless the case is open (true), closed (false), or either (null: the workflow's own guards decide). */
  mustBeOpen: boolean | null;
  /** `action`, when given, names the audit action instead of the one above (a transition knows what it did only inside the transaction). */
  next: (current: CaseRecord, scope: WriteScope) => { case: CaseFile; closure?: Closure; event?: ChangeEvent; action?: string };
}

/** A change to an existing case at the version the user saw (optimistic concurrency). */
export function change(ctx: ServiceContext, c: Change): CaseRecord {
  return write(ctx, (scope) => applyChange(ctx, scope, c));
}

/** The change inside a write the caller owns (an import updating many cases in one transaction). */
export function applyChange(ctx: ServiceContext, scope: WriteScope, c: Change): CaseRecord {
  const before = recordOf(ctx.db, requireStoredCase(ctx.db, c.id));
  if (before.version !== c.expectedVersion) {
    throw new ServiceError('conflict', 'error.version_conflict', [
      { field: 'expectedVersion', message: `the case was changed meanwhile: it is at version ${before.version}, not ${c.expectedVersion}` },
    ]);
  }
  if (c.mustBeOpen === true && before.closedAt !== null) throw new ServiceError('conflict', 'error.case_closed', [{ field: 'id', message: 'the case is closed' }]);
  if (c.mustBeOpen === false && before.closedAt === null) throw new ServiceError('conflict', 'error.case_open', [{ field: 'id', message: 'the case is not closed' }]);
  const next = c.next(before, scope);
  const written = writeCaseRows(scope.db, { id: c.id, expectedVersion: c.expectedVersion, case: next.case, at: scope.at, closure: next.closure });
  if (!written) throw new ServiceError('conflict', 'error.version_conflict', [{ field: 'expectedVersion', message: 'the case was changed meanwhile' }]);
  if (next.event !== undefined) {
    appendCaseEvent(scope.db, { ...next.event, date: next.event.date ?? scope.today, caseId: c.id, note: c.reason, userId: scope.userId, createdAt: scope.at });
  }
  const after = loadRecord(ctx.db, c.id);
  appendAudit(scope.db, {
    at: scope.at, userId: scope.userId, action: next.action ?? c.action, entity: 'case', entityId: c.id, reason: c.reason,
    before: auditStateOf(before), after: auditStateOf(after),
  });
  return after;
}
