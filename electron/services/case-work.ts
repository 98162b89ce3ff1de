/**
 * What a case records beside its file as the transfer runs (issue 19): its correspondence
 * (each request, reminder, reply, notice and consultation with its date, and the date to
 * chase an answer by, which shows on the Due page until a reply from the same correspondent
 * is recorded), its notes, and the officer it is assigned to ("My cases"). Each write is
 * one transaction with one audit entry on the case; the rows are append-only.
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { findUser } from '../../db/users-repo.ts';
import { assignCase as writeAssignment, assigneeOf, correspondenceOf, insertCorrespondence, insertNote, notesOf } from '../../db/transfer-records-repo.ts';
import type { CaseWork } from '../../shared/workflow-schemas.ts';
import { requireStoredCase } from './case-records.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Input } from './handlers.ts';
import { write } from './write.ts';

export function caseWork(ctx: ServiceContext, { caseId }: Input<'cases.work'>): CaseWork {
  requireStoredCase(ctx.db, caseId);
  return {
    assignedTo: assigneeOf(ctx.db, caseId),
    correspondence: correspondenceOf(ctx.db, caseId).map(({ recordedBy: _by, ...c }) => c) as CaseWork['correspondence'],
    notes: notesOf(ctx.db, caseId).map(({ id, text, createdAt, createdByName }) => ({ id, text, createdAt, createdByName })),
  };
}

export function recordCorrespondence(ctx: ServiceContext, letter: Input<'cases.recordCorrespondence'>): CaseWork {
  if (letter.chaseOn !== undefined && !letter.outgoing) {
    throw new ServiceError('invalid_input', 'error.invalid_input', [{ field: 'chaseOn', message: 'only a letter we sent is chased' }]);
  }
  if (letter.chaseOn !== undefined && letter.chaseOn < letter.date) {
    throw new ServiceError('invalid_input', 'error.invalid_input', [{ field: 'chaseOn', message: 'the chase date comes after the letter' }]);
  }
  write(ctx, (scope) => {
    const stored = requireStoredCase(ctx.db, letter.caseId);
    if (stored.meta.closedAt !== null) throw new ServiceError('conflict', 'error.case_closed', [{ field: 'caseId', message: 'the case is closed' }]);
    const row = {
      caseId: letter.caseId, kind: letter.kind, correspondent: letter.correspondent, outgoing: letter.outgoing, date: letter.date,
      reference: letter.reference ?? null, subject: letter.subject ?? null, chaseOn: letter.chaseOn ?? null, recordedAt: scope.at, recordedBy: scope.userId,
    };
    insertCorrespondence(scope.db, row);
    const { caseId: _c, recordedAt: _a, recordedBy: _b, ...after } = row;
    appendAudit(scope.db, { at: scope.at, userId: scope.userId, action: 'case.correspondence', entity: 'case', entityId: letter.caseId, reason: null, before: null, after });
  });
  return caseWork(ctx, { caseId: letter.caseId });
}

export function addNote(ctx: ServiceContext, { caseId, text }: Input<'cases.addNote'>): CaseWork {
  write(ctx, (scope) => {
    requireStoredCase(ctx.db, caseId);
    insertNote(scope.db, { caseId, text, createdAt: scope.at, createdBy: scope.userId });
    appendAudit(scope.db, { at: scope.at, userId: scope.userId, action: 'case.note', entity: 'case', entityId: caseId, reason: null, before: null, after: { text } });
  });
  return caseWork(ctx, { caseId });
}

/** Assigns a case to a user who works cases (not a viewer), or to nobody. */
export function assignCase(ctx: ServiceContext, { caseId, userId, reason }: Input<'cases.assign'>): CaseWork {
  write(ctx, (scope) => {
    requireStoredCase(ctx.db, caseId);
    if (userId !== null) {
      const user = findUser(ctx.db, userId);
      if (user === undefined || user.role === 'viewer') {
        throw new ServiceError('invalid_input', 'error.invalid_input', [{ field: 'userId', message: 'a case is assigned to a user who works cases' }]);
      }
    }
    const before = assigneeOf(ctx.db, caseId);
    writeAssignment(ctx.db, caseId, userId);
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'case.assign', entity: 'case', entityId: caseId, reason: reason ?? null,
      before: { assignedTo: before?.id ?? null }, after: { assignedTo: userId },
    });
  });
  return caseWork(ctx, { caseId });
}
