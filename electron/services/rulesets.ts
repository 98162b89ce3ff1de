/**
 * Rule-set versions: store a custom or edited treaty version, list what is available.
 * A stored version is immutable; a correction is a new version with its own effective date.
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { allStoredRuleSets, findRuleSetVersion, insertRuleSetVersion } from '../../db/rulesets-repo.ts';
import { saveRuleSetInput, type RuleSetVersionSummary } from '../../shared/api-schemas.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../../shared/treaties/library.ts';
import { ruleSetSchema } from '../../shared/treaties/schema.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { builtInHash, storedRuleSet } from './ruleset-resolution.ts';
import { problemsOf, validate } from './validate.ts';
import { write } from './write.ts';

export function saveRuleSet(ctx: ServiceContext, input: unknown): RuleSetVersionSummary {
  const { ruleSet: raw, reason } = validate(saveRuleSetInput, input);
  const parsed = ruleSetSchema.safeParse(raw);
  if (!parsed.success) throw new ServiceError('invalid_input', 'error.invalid_ruleset', problemsOf(parsed.error, 'ruleSet'));
  const ruleSet = parsed.data;
  // The same id and version naming two different contents would make old assessments ambiguous.
  if (builtInRuleSet(ruleSet.id)?.version === ruleSet.version) {
    throw new ServiceError('conflict', 'error.ruleset_version_exists', [
      { field: 'ruleSet.version', message: `version "${ruleSet.version}" of ${ruleSet.id} is built in: give the edited version its own name` },
    ]);
  }
  const content = canonicalJson(ruleSet);
  const hash = sha256Hex(content);
  return write(ctx, (scope) => {
    if (findRuleSetVersion(ctx.db, ruleSet.id, ruleSet.version) !== undefined) {
      throw new ServiceError('conflict', 'error.ruleset_version_exists', [
        { field: 'ruleSet.version', message: `version "${ruleSet.version}" of ${ruleSet.id} is already stored` },
      ]);
    }
    insertRuleSetVersion(ctx.db, {
      id: ruleSet.id, version: ruleSet.version, effective_from: ruleSet.effectiveFrom, content, hash, created_at: scope.at, created_by: scope.userId,
    });
    const summary: RuleSetVersionSummary = {
      id: ruleSet.id, version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom, title: ruleSet.title, hash, source: 'stored', createdAt: scope.at,
    };
    appendAudit(ctx.db, {
      at: scope.at, userId: scope.userId, action: 'ruleset.save', entity: 'rule_set', entityId: `${ruleSet.id}@${ruleSet.version}`,
      reason, before: null, after: summary,
    });
    return summary;
  });
}

/** The built-in library and every stored version, by id then latest effective date first. */
export function listRuleSets(ctx: ServiceContext): RuleSetVersionSummary[] {
  const builtIn = BUILT_IN_RULESETS.map((r): RuleSetVersionSummary => ({
    id: r.id, version: r.version, effectiveFrom: r.effectiveFrom, title: r.title, hash: builtInHash(r), source: 'built-in', createdAt: null,
  }));
  const stored = allStoredRuleSets(ctx.db).map((row): RuleSetVersionSummary => {
    const r = storedRuleSet(row);
    return { id: r.id, version: r.version, effectiveFrom: r.effectiveFrom, title: r.title, hash: row.hash, source: 'stored', createdAt: row.created_at };
  });
  return [...builtIn, ...stored].sort((a, b) => a.id.localeCompare(b.id) || b.effectiveFrom.localeCompare(a.effectiveFrom));
}
