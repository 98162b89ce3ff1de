/** Reading and verifying the audit log (it is written by the other services, never here). */
import { listAuditEntries, verifyAuditChain } from '../../db/audit-repo.ts';
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
