/**
 * Batch re-assessment: runs the eligibility engine again on many stored cases (after a
 * rule-set is edited, or to refresh a whole caseload), storing for each case a frozen
 * snapshot and an `assessment.run` audit entry exactly as runAssessment does — it is the
 * same code (assessStoredCase), called for each case of a batch.
 *
 * The input is checked in full before anything is written: an invalid input, an unknown or
 * repeated case id or an unknown rule-set refuses the whole request and changes nothing.
 * The cases are then assessed in batches, each batch in its own write transaction, so the
 * write lock is never held for long and progress can be shown between batches. A failure
 * part-way (the store full, a stored rule-set whose content no longer matches its hash)
 * keeps the batches already committed: each is a complete, valid set of assessments.
 *
 * Cases that name no rule-set (and no `ruleSetId` was given) or name one unknown to the store
 * are skipped and listed, not refused: a caseload always holds a few such drafts.
 */
import { z } from 'zod';
import { auditAppender } from '../../db/audit-repo.ts';
import { loadCases } from '../../db/case-batch-loader.ts';
import { allCaseIds, findCaseMeta, openCaseIds } from '../../db/cases-repo.ts';
import { ruleSetVersionsOf } from '../../db/rulesets-repo.ts';
import type { FieldProblem } from '../../shared/api-schemas.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { assessLoadedCase } from './assessments.ts';
import { requireStoredCase } from './case-records.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { ruleSetResolver } from './ruleset-resolution.ts';
import { validate } from './validate.ts';
import { write } from './write.ts';

export const REASSESS_BATCH_SIZE = 1000;

export const reassessCasesInput = z.strictObject({
  /** The cases to assess, in this order; without it, every open case, oldest first. */
  ids: z.array(z.uuid({ error: 'must be a case id' })).optional(),
  /** Assess every case under this rule-set instead of the one each case names. */
  ruleSetId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a rule-set id such as "coe-ets-112"' }).optional(),
  /** Without `ids`: also closed cases. */
  includeClosed: z.boolean().default(false),
  reason: z.string({ error: 'must be text' }).trim().min(1, { error: 'a reason is required' }).max(2000, { error: 'must be at most 2000 characters' }).optional(),
  batchSize: z.int().min(1).max(10_000).default(REASSESS_BATCH_SIZE),
});
export type ReassessCasesInput = z.input<typeof reassessCasesInput>;

export interface ReassessOptions extends ReassessCasesInput {
  /** Called after each committed batch with the cases done so far (assessed or skipped) and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReassessResult {
  /** Cases selected. */
  total: number;
  assessed: number;
  verdicts: Record<StoredVerdict, number>;
  /** Cases not assessed, with why (no rule-set named, or one the store does not know). */
  skipped: { id: string; reason: 'no_rule_set' | 'rule_set_not_found' }[];
}

const SKIPPABLE: Record<string, ReassessResult['skipped'][number]['reason']> = {
  'error.ruleset_required': 'no_rule_set',
  'error.ruleset_not_found': 'rule_set_not_found',
};

/** The cases to assess, or ServiceError naming every bad id; reads only. */
function selectCases(ctx: ServiceContext, ids: string[] | undefined, includeClosed: boolean): string[] {
  if (ids === undefined) {
    return includeClosed ? allCaseIds(ctx.db) : openCaseIds(ctx.db);
  }
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.push({ field: `ids[${i}]`, message: `case ${id} is listed twice` });
    else if (findCaseMeta(ctx.db, id) === undefined) problems.push({ field: `ids[${i}]`, message: `no case ${id}` });
    seen.add(id);
  });
  if (problems.length > 0) throw new ServiceError(problems.some((p) => p.message.startsWith('no case')) ? 'not_found' : 'invalid_input', 'error.case_not_found', problems);
  return ids;
}

export function reassessCases(ctx: ServiceContext, options: ReassessOptions = {}): ReassessResult {
  const { onProgress, ...input } = options;
  const { ids, ruleSetId, includeClosed, reason, batchSize } = validate(reassessCasesInput, input);
  if (ruleSetId !== undefined && builtInRuleSet(ruleSetId) === undefined && ruleSetVersionsOf(ctx.db, ruleSetId).length === 0) {
    throw new ServiceError('not_found', 'error.ruleset_not_found', [{ field: 'ruleSetId', message: `no rule-set "${ruleSetId}"` }]);
  }
  // One read transaction: the selection is a consistent snapshot of the store.
  const selected = ctx.db.transaction(() => selectCases(ctx, ids, includeClosed))();
  const result: ReassessResult = {
    total: selected.length,
    assessed: 0,
    verdicts: { eligible: 0, ineligible: 0, needs_information: 0, eligible_by_exception: 0 },
    skipped: [],
  };
  for (let from = 0; from < selected.length; from += batchSize) {
    const batch = selected.slice(from, from + batchSize);
    const outcome = write(ctx, (scope) => {
      const now = ctx.clock();
      const verdicts: StoredVerdict[] = [];
      const skipped: ReassessResult['skipped'] = [];
      // The whole batch in one query per table, one audit appender chaining its entries, and
      // each rule-set and profile version read and parsed once.
      const loaded = loadCases(ctx.db, batch);
      const shared = { audit: auditAppender(ctx.db), resolve: ruleSetResolver(ctx.db) };
      for (const caseId of batch) {
        try {
          const stored = loaded.get(caseId) ?? requireStoredCase(ctx.db, caseId);
          verdicts.push(assessLoadedCase(ctx.db, scope, now, stored, { caseId, ruleSetId, reason: reason ?? null }, shared).verdict);
        } catch (error) {
          // Both are thrown before the case's assessment or audit entry is written.
          const skip = error instanceof ServiceError ? SKIPPABLE[error.messageKey] : undefined;
          if (skip === undefined) throw error;
          skipped.push({ id: caseId, reason: skip });
        }
      }
      return { verdicts, skipped };
    });
    // Counted once the batch has committed.
    for (const v of outcome.verdicts) result.verdicts[v] += 1;
    result.assessed += outcome.verdicts.length;
    result.skipped.push(...outcome.skipped);
    onProgress?.(from + batch.length, selected.length);
  }
  return result;
}
