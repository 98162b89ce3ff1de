/** Reading and verifying the audit log (it is written by the other services, never here). */
import { readAnchor, anchorFileOf } from '../../db/audit-anchor.ts';
import { listAuditEntries } from '../../db/audit-repo.ts';
import { verifyStore } from '../../db/audit-verify.ts';
import { findUser } from '../../db/users-repo.ts';
import { caseAuditInput, type CaseAuditEntry } from '../../shared/auth-schemas.ts';
import { listAuditInput, type AuditEntry, type AuditVerification } from '../../shared/api-schemas.ts';
import type { ServiceContext } from './context.ts';
import { validate } from './validate.ts';

/** Newest first; page back with `beforeSeq`. */
export function listAudit(ctx: ServiceContext, input: unknown): AuditEntry[] {
  return listAuditEntries(ctx.db, validate(listAuditInput, input));
}

/**
 * Everything `tsp audit verify` checks (db/audit-verify.ts) but the page HMACs of an encrypted
 * file: ok only when nothing is found; firstBadSeq names the first broken link of the chain.
 */
export function verifyAudit(ctx: ServiceContext): AuditVerification {
  const anchor = readAnchor(ctx.db.name);
  const report = verifyStore(ctx.db, { anchors: anchor === undefined ? [] : [{ source: anchorFileOf(ctx.db.name), head: anchor }] });
  const broken = report.findings.find((f) => f.kind.startsWith('chain_'));
  return { ok: report.ok, entries: report.entries, firstBadSeq: broken?.seq ?? null };
}

/** The history of one case, newest first, each entry with the name of who made it. */
export function listCaseAudit(ctx: ServiceContext, input: unknown): CaseAuditEntry[] {
  const { caseId, beforeSeq, limit } = validate(caseAuditInput, input);
  const entries = listAuditEntries(ctx.db, { entity: 'case', entityId: caseId, beforeSeq, limit });
  const names = new Map<string, string | null>();
  for (const { userId } of entries) if (!names.has(userId)) names.set(userId, findUser(ctx.db, userId)?.name ?? null);
  return entries.map(({ seq, at, action, userId, reason, hash }) => ({ seq, at, action, userId, userName: names.get(userId) ?? null, reason, hash }));
}
