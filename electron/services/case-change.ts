/**
 * A change to a stored case at the version its user saw (optimistic concurrency): the case
 * rows rewritten, a timeline entry and one audit entry holding the case before and after, in
 * one transaction. Every service that changes a case (edit, workflow, enforcement, import)
 * comes here.
 */
import { appendAudit, listAuditEntries } from '../../db/audit-repo.ts';
import { appendCaseEvent, type NewCaseEvent } from '../../db/case-events-repo.ts';
import { updateCase as writeCaseRows, type Closure } from '../../db/cases-repo.ts';
import { findUser } from '../../db/users-repo.ts';
import type { CaseRecord, FieldProblem } from '../../shared/api-schemas.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { changedFields } from '../../shared/domain/case-diff.ts';
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
  if (before.version !== c.expectedVersion) throw conflict(ctx, c.id, c.expectedVersion, before.version);
  if (c.mustBeOpen === true && before.closedAt !== null) throw new ServiceError('conflict', 'error.case_closed', [{ field: 'id', message: 'the case is closed' }]);
  if (c.mustBeOpen === false && before.closedAt === null) throw new ServiceError('conflict', 'error.case_open', [{ field: 'id', message: 'the case is not closed' }]);
  const next = c.next(before, scope);
  const written = writeCaseRows(scope.db, { id: c.id, expectedVersion: c.expectedVersion, case: next.case, at: scope.at, closure: next.closure });
  if (!written) throw conflict(ctx, c.id, c.expectedVersion, null);
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

/** How a case stood in an audit entry (case-records.ts auditStateOf). */
interface AuditState {
  version?: number;
  closedAt?: string | null;
  case?: unknown;
}

/** The changes made since the version one user saw, newest last, read from the case's audit trail. */
const CHANGES_READ = 200;

/**
 * A version conflict, telling what changed meanwhile and by whom: one problem per version the user
 * did not see (who, when, which action, which fields), so nothing is overwritten blind.
 */
function conflict(ctx: ServiceContext, caseId: string, seen: number, now: number | null): ServiceError {
  const names = new Map<string, string>();
  const problems: FieldProblem[] = [];
  for (const entry of listAuditEntries(ctx.db, { entity: 'case', entityId: caseId, limit: CHANGES_READ }).reverse()) {
    const before = entry.before as AuditState | null;
    const after = entry.after as AuditState | null;
    if (after?.version === undefined || after.version <= seen) continue;
    const fields = changedFields(before?.case ?? null, after.case ?? null);
    if ((before?.closedAt ?? null) !== (after.closedAt ?? null)) fields.push('closedAt');
    if (!names.has(entry.userId)) names.set(entry.userId, findUser(ctx.db, entry.userId)?.name ?? entry.userId);
    const user = names.get(entry.userId)!;
    problems.push({
      field: 'expectedVersion',
      message: `version ${after.version} by ${user} at ${entry.at} (${entry.action}): ${fields.join(', ') || 'no field of the case'}`,
      messageKey: 'error.version_conflict.change',
      params: { version: after.version, user, at: entry.at, action: entry.action, fields: fields.join(' ') },
    });
  }
  if (problems.length === 0) {
    problems.push({ field: 'expectedVersion', message: `the case was changed meanwhile${now === null ? '' : `: it is at version ${now}, not ${seen}`}` });
  }
  return new ServiceError('conflict', 'error.version_conflict', problems);
}
