/**
 * Assessments: run the eligibility engine on a stored case and keep a frozen snapshot —
 * the case as assessed, the rule-set version and the hash of its content, the result —
 * so an old assessment stays reproducible after the case or the treaty changes. Identical
 * content is stored once (prepared-assessment.ts, db/assessments-repo.ts).
 */
import type Database from 'better-sqlite3';
import { assessmentsOfCase, latestDocumentsOf, type AssessmentFacts } from '../../db/assessments-repo.ts';
import { appendAudit } from '../../db/audit-repo.ts';
import type { AssessmentRecord, StoredAssessment } from '../../shared/api-schemas.ts';
import type { assessmentsContract } from '../../shared/contracts/assessments.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { joinResult } from '../../shared/eligibility/stored-result.ts';
import { parseIsoDate } from '../../shared/sentence/calendar.ts';
import { requireStoredCase } from './case-records.ts';
import type { ServiceContext } from './context.ts';
import { prepareFromStore, storePreparedAssessment, type AssessRequest } from './prepared-assessment.ts';
import { ruleSetResolver } from './ruleset-resolution.ts';
import type { Handlers, Input } from './handlers.ts';
import { write, type WriteScope } from './write.ts';

function recordOf(row: AssessmentFacts, content: { result: StoredAssessment; caseSnapshot: CaseFile }): AssessmentRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    caseVersion: row.case_version,
    ruleSet: { id: row.rule_set_id, version: row.rule_set_version, hash: row.rule_set_hash, source: row.rule_set_source },
    verdict: row.verdict as StoredVerdict,
    referenceDate: row.reference_date,
    on: row.on_date,
    result: content.result,
    caseSnapshot: content.caseSnapshot,
    userId: row.user_id,
    createdAt: row.created_at,
    reason: row.reason,
  };
}

/** Assesses and stores one case with its audit entry, "today" being the write's own day; the caller owns the transaction (also used by the demo seeder). */
export function assessStoredCase(db: Database.Database, scope: WriteScope, request: AssessRequest): AssessmentRecord {
  const stored = requireStoredCase(db, request.caseId);
  const previous = latestDocumentsOf(db, [request.caseId]).get(request.caseId);
  const { outcome, lawTexts, ...prepared } = prepareFromStore(db, stored, request, ruleSetResolver(db), parseIsoDate(scope.today), previous);
  const result = joinResult(outcome, lawTexts);
  const row = storePreparedAssessment(scope.db, scope, prepared, request.reason, (entry) => appendAudit(scope.db, entry));
  return recordOf(row, { result, caseSnapshot: stored.case });
}

export function runAssessment(ctx: ServiceContext, { caseId, ruleSetId, on, reason }: Input<'assessments.run'>): AssessmentRecord {
  return write(ctx, (scope) => assessStoredCase(ctx.db, scope, { caseId, ruleSetId, on, reason: reason ?? null }));
}

/** Newest first. */
export function listAssessments(ctx: ServiceContext, { caseId }: Input<'assessments.list'>): AssessmentRecord[] {
  requireStoredCase(ctx.db, caseId);
  return assessmentsOfCase(ctx.db, caseId).map((row) =>
    recordOf(row, { result: JSON.parse(row.result) as StoredAssessment, caseSnapshot: JSON.parse(row.case_snapshot) as CaseFile }),
  );
}

export const assessmentsHandlers: Handlers<keyof typeof assessmentsContract> = {
  'assessments.run': runAssessment,
  'assessments.list': listAssessments,
};
