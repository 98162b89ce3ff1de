/** Reading and verifying the audit log (it is written by the other services, never here). */
import { readAnchor, anchorFileOf } from '../../db/audit-anchor.ts';
import { listAuditEntries } from '../../db/audit-repo.ts';
import { verifyStore } from '../../db/audit-verify.ts';
import { findUser } from '../../db/users-repo.ts';
import type { AuditEntry, AuditVerification } from '../../shared/api-schemas.ts';
import type { auditContract, CaseAuditEntry } from '../../shared/contracts/audit.ts';
import type { ServiceContext } from './context.ts';
import type { Handlers, Input } from './handlers.ts';

/** Newest first; page back with `beforeSeq`. */
export function listAudit(ctx: ServiceContext, query: Input<'audit.list'>): AuditEntry[] {
  return listAuditEntries(ctx.db, query);
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
function listCaseAudit(ctx: ServiceContext, { caseId, beforeSeq, limit }: Input<'audit.forCase'>): CaseAuditEntry[] {
  const entries = listAuditEntries(ctx.db, { entity: 'case', entityId: caseId, beforeSeq, limit });
  const names = new Map<string, string | null>();
  for (const { userId } of entries) if (!names.has(userId)) names.set(userId, findUser(ctx.db, userId)?.name ?? null);
  return entries.map(({ seq, at, action, userId, reason, hash }) => ({ seq, at, action, userId, userName: names.get(userId) ?? null, reason, hash }));
}

export const auditHandlers: Handlers<keyof typeof auditContract> = {
  'audit.list': listAudit,
  'audit.forCase': listCaseAudit,
  'audit.verify': (ctx) => verifyAudit(ctx),
};
