/**
 * Rule-set versions: store a custom or edited treaty version, list what is available, read
 * one rule-set with all its versions. A stored version is immutable (service and SQL
 * triggers); a correction is a new version with its own effective date.
 *
 * An ad hoc arrangement may be bound to one case (`caseId`): every version of that id is
 * bound to the same case, and only that case is assessed under it (ruleset-resolution.ts).
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { REPORT_INPUT } from '../../shared/domain/case.ts';
import { findCaseMeta } from '../../db/cases-repo.ts';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import {
  allStoredRuleSets,
  assessmentsPerVersion,
  findRuleSetVersion,
  insertRuleSetVersion,
  ruleSetVersionsOf,
} from '../../db/rulesets-repo.ts';
import { inForceOn } from '../../shared/treaties/in-force.ts';
import type { FieldProblem, RuleSetVersionSummary } from '../../shared/api-schemas.ts';
import type { rulesetsContract } from '../../shared/contracts/rulesets.ts';
import type { RuleSetDetail, RuleSetVersionDetail } from '../../shared/treaties/api-schemas.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../../shared/treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../../shared/treaties/schema.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { builtInHash, storedRuleSet } from './ruleset-resolution.ts';
import type { Handlers, Input } from './handlers.ts';
import { exportReassessReport } from './reassess-export.ts';
import { previewReassessment } from './reassess-preview.ts';
import { cancelReassessment, getReassessReport, listReassessmentReports, pendingReassessments, reassessStep, startReassessment } from './reassess-report.ts';
import { problemsOf } from './validate.ts';
import { write } from './write.ts';

const conflict = (message: string, field = 'ruleSet.version') => new ServiceError('conflict', 'error.ruleset_version_exists', [{ field, message }]);

/** Why a case binding is refused, if it is: the case must exist, a built-in cannot be bound, and every version of an id is bound alike. */
function bindingProblem(ctx: ServiceContext, ruleSet: RuleSet): FieldProblem | null {
  const caseId = ruleSet.caseId ?? null;
  if (caseId !== null && findCaseMeta(ctx.db, caseId) === undefined) return { field: 'ruleSet.caseId', message: `no case ${caseId}` };
  if (caseId !== null && builtInRuleSet(ruleSet.id) !== undefined) {
    return { field: 'ruleSet.id', message: `${ruleSet.id} is a built-in rule-set for every case: give the arrangement its own id` };
  }
  const other = ruleSetVersionsOf(ctx.db, ruleSet.id).find((row) => row.case_id !== caseId);
  if (other === undefined) return null;
  return {
    field: 'ruleSet.caseId',
    message: other.case_id === null ? `${ruleSet.id} is used for every case: an arrangement for one case needs its own id` : `${ruleSet.id} is bound to case ${other.case_id}`,
  };
}

export function saveRuleSet(ctx: ServiceContext, { ruleSet: raw, reason }: Input<'rulesets.save'>): RuleSetVersionSummary {
  const parsed = ruleSetSchema.safeParse(raw, REPORT_INPUT);
  if (!parsed.success) throw new ServiceError('invalid_input', 'error.invalid_ruleset', problemsOf(parsed.error, 'ruleSet'));
  const ruleSet = parsed.data;
  // The same id and version naming two different contents would make old assessments ambiguous.
  if (builtInRuleSet(ruleSet.id)?.version === ruleSet.version) {
    throw conflict(`version "${ruleSet.version}" of ${ruleSet.id} is built in: give the edited version its own name`);
  }
  const content = canonicalJson(ruleSet);
  const hash = sha256Hex(content);
  return write(ctx, (scope) => {
    if (findRuleSetVersion(ctx.db, ruleSet.id, ruleSet.version) !== undefined) {
      throw conflict(`version "${ruleSet.version}" of ${ruleSet.id} is already stored: a stored version is never changed, save a new one`);
    }
    const binding = bindingProblem(ctx, ruleSet);
    if (binding !== null) throw new ServiceError('conflict', 'error.ruleset_binding', [binding]);
    insertRuleSetVersion(scope.db, {
      id: ruleSet.id, version: ruleSet.version, effective_from: ruleSet.effectiveFrom, content, hash, created_at: scope.at, created_by: scope.userId,
      case_id: ruleSet.caseId ?? null,
    });
    const summary = summaryOf(ruleSet, hash, 'stored', scope.at);
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'ruleset.save', entity: 'rule_set', entityId: `${ruleSet.id}@${ruleSet.version}`,
      reason, before: null, after: summary,
    });
    return summary;
  });
}

function summaryOf(r: RuleSet, hash: string, source: 'built-in' | 'stored', createdAt: string | null): RuleSetVersionSummary {
  return { id: r.id, version: r.version, effectiveFrom: r.effectiveFrom, title: r.title, kind: r.kind, caseId: r.caseId ?? null, hash, source, createdAt };
}

/** The built-in library and every stored version, by id then latest effective date first. */
export function listRuleSets(ctx: ServiceContext): RuleSetVersionSummary[] {
  const builtIn = BUILT_IN_RULESETS.map((r) => summaryOf(r, builtInHash(r), 'built-in', null));
  const stored = allStoredRuleSets(ctx.db).map((row) => summaryOf(storedRuleSet(row), row.hash, 'stored', row.created_at));
  return [...builtIn, ...stored].sort((a, b) => a.id.localeCompare(b.id) || b.effectiveFrom.localeCompare(a.effectiveFrom));
}

/**
 * One rule-set with every version (stored ones latest first, then the built-in), each with its
 * content and how many assessments used it. The version marked in force today is the one
 * resolution picks for a reference date of today: the latest stored version effective by
 * then, else the built-in.
 */
export function getRuleSet(ctx: ServiceContext, { id }: Input<'rulesets.get'>): RuleSetDetail {
  const today = todayOf(ctx);
  const usage = assessmentsPerVersion(ctx.db, id);
  const versions: Omit<RuleSetVersionDetail, 'inForceToday'>[] = ruleSetVersionsOf(ctx.db, id).map((row) => {
    const ruleSet = storedRuleSet(row);
    return { ...summaryOf(ruleSet, row.hash, 'stored', row.created_at), ruleSet, assessments: usage.get(row.version) ?? 0 };
  });
  const builtIn = builtInRuleSet(id);
  if (builtIn !== undefined) versions.push({ ...summaryOf(builtIn, builtInHash(builtIn), 'built-in', null), ruleSet: builtIn, assessments: usage.get(builtIn.version) ?? 0 });
  if (versions.length === 0) throw new ServiceError('not_found', 'error.ruleset_not_found', [{ field: 'id', message: `no rule-set "${id}"` }]);
  const inForce = inForceOn(versions.filter((v) => v.source === 'stored'), today, (v) => ({ effectiveFrom: v.effectiveFrom, storedAt: v.createdAt ?? '' }), versions.find((v) => v.source === 'built-in'));
  return { id, versions: versions.map((v) => ({ ...v, inForceToday: v === inForce })) };
}

/** The rule-sets area's handlers (shared/contracts/rulesets.ts): the versions here, the re-assessment in reassess-report.ts. */
export const rulesetsHandlers: Handlers<keyof typeof rulesetsContract> = {
  'rulesets.list': (ctx) => listRuleSets(ctx),
  'rulesets.save': saveRuleSet,
  'rulesets.get': getRuleSet,
  'rulesets.pendingReassessments': (ctx) => pendingReassessments(ctx),
  'rulesets.reassess': startReassessment,
  'rulesets.reassessStep': reassessStep,
  'rulesets.reassessCancel': cancelReassessment,
  'rulesets.reassessPreview': previewReassessment,
  'rulesets.reassessReport': getReassessReport,
  'rulesets.reassessExport': exportReassessReport,
  'rulesets.reassessReports': listReassessmentReports,
};
