/**
 * Assessments: run the eligibility engine on a stored case and keep a frozen snapshot —
 * the case as assessed, the rule-set version and the hash of its content, the result —
 * so an old assessment stays reproducible after the case or the treaty changes.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { assessmentsOfCase, insertAssessment, type AssessmentRow } from '../../db/assessments-repo.ts';
import { appendAudit, type AuditAppend } from '../../db/audit-repo.ts';
import type { StoredCase } from '../../db/cases-repo.ts';
import { listAssessmentsInput, runAssessmentInput, type AssessmentRecord, type StoredAssessment } from '../../shared/api-schemas.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { toStoredAssessment } from '../../shared/eligibility/report.ts';
import { requireStoredCase } from './case-records.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { assessUnder, ruleSetResolver, type RuleSetResolver } from './ruleset-resolution.ts';
import { timeOrderedUuid } from './time-ordered-id.ts';
import { validate } from './validate.ts';
import { write, type WriteScope } from './write.ts';

function recordOf(row: AssessmentRow, parsed?: { result: StoredAssessment; caseSnapshot: CaseFile }): AssessmentRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    caseVersion: row.case_version,
    ruleSet: { id: row.rule_set_id, version: row.rule_set_version, hash: row.rule_set_hash, source: row.rule_set_source },
    verdict: row.verdict as StoredVerdict,
    referenceDate: row.reference_date,
    on: row.on_date,
    result: parsed?.result ?? (JSON.parse(row.result) as StoredAssessment),
    caseSnapshot: parsed?.caseSnapshot ?? (JSON.parse(row.case_snapshot) as CaseFile),
    userId: row.user_id,
    createdAt: row.created_at,
    reason: row.reason,
  };
}

interface AssessRequest {
  caseId: string;
  ruleSetId?: string | undefined;
  on?: string | undefined;
  reason: string | null;
}

/** Assesses and stores one case; the caller owns the transaction (also used by the demo seeder). */
export function assessStoredCase(db: Database.Database, scope: WriteScope, now: Date, request: AssessRequest): AssessmentRecord {
  return assessLoadedCase(db, scope, now, requireStoredCase(db, request.caseId), request);
}

/** What a batch shares between its cases: one audit appender, one rule-set resolver. */
export interface AssessBatch {
  audit: AuditAppend;
  resolve: RuleSetResolver;
}

/**
 * assessStoredCase on a case already loaded (the batch re-assessment loads a thousand at a
 * time); a batch passes one auditAppender and one ruleSetResolver for all its cases.
 */
export function assessLoadedCase(
  db: Database.Database,
  scope: WriteScope,
  now: Date,
  stored: StoredCase,
  request: AssessRequest,
  { audit, resolve }: AssessBatch = { audit: (entry) => appendAudit(db, entry), resolve: ruleSetResolver(db) },
): AssessmentRecord {
  const ruleSetId = request.ruleSetId ?? stored.case.ruleSetId ?? undefined;
  if (ruleSetId === undefined) {
    throw new ServiceError('invalid_input', 'error.ruleset_required', [{ field: 'ruleSetId', message: 'the case names no rule-set: choose one' }]);
  }
  const today = todayFrom(now);
  const on = request.on === undefined ? undefined : parseIsoDate(request.on);
  const resolved = resolve(ruleSetId, stored.case, on, today, request.caseId);
  if (resolved === undefined) {
    throw new ServiceError('not_found', 'error.ruleset_not_found', [{ field: 'ruleSetId', message: `no rule-set "${ruleSetId}"` }]);
  }
  // The store's resolver never takes a rule-set file: a stored assessment is under a built-in or stored version.
  if (resolved.source === 'file') throw new Error('an assessment in the store is made under a built-in or stored rule-set');
  const result = toStoredAssessment(assessUnder(resolved, stored.case, on, today));
  const row: AssessmentRow = {
    // Time-ordered: the assessments' indexes on id grow at their end (time-ordered-id.ts).
    id: timeOrderedUuid(),
    case_id: request.caseId,
    case_version: stored.meta.version,
    rule_set_id: resolved.ruleSet.id,
    rule_set_version: resolved.ruleSet.version,
    rule_set_hash: resolved.hash,
    rule_set_source: resolved.source,
    case_snapshot: JSON.stringify(stored.case),
    result: JSON.stringify(result),
    verdict: result.verdict,
    reference_date: result.referenceDate,
    on_date: request.on ?? null,
    user_id: scope.userId,
    created_at: scope.at,
    reason: request.reason,
  };
  // Under another rule-set than the case's own, an assessment is exploration: kept, never the case's verdict.
  const own = stored.case.ruleSetId == null || stored.case.ruleSetId === resolved.ruleSet.id;
  insertAssessment(
    db,
    row,
    own ? { rescreen_on: result.rescreenOn, release_date: result.dates.releaseDate, discharge_date: result.dates.expectedDischargeDate } : null,
  );
  audit({
    at: scope.at, userId: scope.userId, action: 'assessment.run', entity: 'case', entityId: request.caseId, reason: request.reason,
    before: null,
    after: {
      assessmentId: row.id,
      caseVersion: row.case_version,
      ruleSet: { id: row.rule_set_id, version: row.rule_set_version, hash: row.rule_set_hash, source: row.rule_set_source },
      verdict: row.verdict,
      referenceDate: row.reference_date,
      on: row.on_date,
      ...(own ? {} : { exploration: true }),
      // Ties the stored snapshot and result into the audit chain.
      snapshotHash: createHash('sha256').update(row.case_snapshot).update(row.result).digest('hex'),
    },
  });
  return recordOf(row, { result, caseSnapshot: stored.case });
}

export function runAssessment(ctx: ServiceContext, input: unknown): AssessmentRecord {
  const { caseId, ruleSetId, on, reason } = validate(runAssessmentInput, input);
  return write(ctx, (scope) => assessStoredCase(ctx.db, scope, ctx.clock(), { caseId, ruleSetId, on, reason: reason ?? null }));
}

/** Newest first. */
export function listAssessments(ctx: ServiceContext, input: unknown): AssessmentRecord[] {
  const { caseId } = validate(listAssessmentsInput, input);
  requireStoredCase(ctx.db, caseId);
  return assessmentsOfCase(ctx.db, caseId).map((row) => recordOf(row));
}
