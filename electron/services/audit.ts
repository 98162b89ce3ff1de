/** Reading and verifying the audit log (it is written by the other services, never here). */
import { listAuditEntries, verifyAuditChain } from '../../db/audit-repo.ts';
import { findUser } from '../../db/users-repo.ts';
import { caseAuditInput, type CaseAuditEntry } from '../../shared/auth-schemas.ts';
import { listAuditInput, type AuditEntry, type AuditVerification } from '../../shared/api-schemas.ts';
import type { ServiceContext } from './context.ts';
import { validate } from './validate.ts';

/** Newest first; page back with `beforeSeq`. */
export function listAudit(ctx: ServiceContext, input: unknown): AuditEntry[] {
  return listAuditEntries(ctx.db, validate(listAuditInput, input));
}

export function verifyAudit(ctx: ServiceContext): AuditVerification {
  return verifyAuditChain(ctx.db);
}

/** The history of one case, newest first, each entry with the name of who made it. */
export function listCaseAudit(ctx: ServiceContext, input: unknown): CaseAuditEntry[] {
  const { caseId, beforeSeq, limit } = validate(caseAuditInput, input);
  const entries = listAuditEntries(ctx.db, { entity: 'case', entityId: caseId, beforeSeq, limit });
  const names = new Map<string, string | null>();
  for (const { userId } of entries) if (!names.has(userId)) names.set(userId, findUser(ctx.db, userId)?.name ?? null);
  return entries.map(({ seq, at, action, userId, reason, hash }) => ({ seq, at, action, userId, userName: names.get(userId) ?? null, reason, hash }));
}
