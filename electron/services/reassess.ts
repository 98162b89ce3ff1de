/**
 * Batch re-assessment: runs the eligibility engine again on many stored cases (after a
 * rule-set is edited, or to refresh a whole caseload), storing for each case a frozen
 * snapshot and an `assessment.run` audit entry exactly as runAssessment does — the same code
 * (prepared-assessment.ts), in two halves:
 *
 * - prepareBatch reads a batch of cases and their latest assessments and prepares each
 *   assessment (the engine, the documents and their hashes). It only reads, so it can run on a
 *   connection of its own in a worker thread while the writing thread stores the batch before
 *   (electron/reassess-worker.ts, electron/reassessment.ts);
 * - storeBatch stores a prepared batch in one write transaction. A case that changed since it
 *   was prepared (another version, another latest assessment, or the day turned) is prepared
 *   again there, so what is stored is always the case as it is when the batch commits.
 *
 * reassessCases does both on this thread (the CLI, tests, a step of a report without the app's
 * runner). Its input is checked in full before anything is written: an invalid input, an unknown
 * or repeated case id or an unknown rule-set refuses the whole request and changes nothing. The
 * cases are then assessed in batches, each batch in its own write transaction, so the write lock
 * is never held for long and progress can be shown between batches. A failure part-way (the
 * store full, a stored rule-set whose content no longer matches its hash) keeps the batches
 * already committed: each is a complete, valid set of assessments.
 *
 * Cases that name no rule-set (and no `ruleSetId` was given) or name one unknown to the store
 * are skipped and listed, not refused: a caseload always holds a few such drafts.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { latestDocumentsOf } from '../../db/assessments-repo.ts';
import { auditAppender } from '../../db/audit-repo.ts';
import { loadCases } from '../../db/case-batch-loader.ts';
import { allCaseIds, caseVersionsOf, findCaseMeta, openCaseIds } from '../../db/cases-repo.ts';
import { ruleSetVersionsOf } from '../../db/rulesets-repo.ts';
import type { FieldProblem } from '../../shared/api-schemas.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import { parseIsoDate } from '../../shared/sentence/calendar.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import type { VerdictChange } from '../../shared/treaties/verdict-changes.ts';
import { requireStoredCase } from './case-records.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { batchMemory, documentIds, prepareFromStore, storePreparedAssessment, type PreparedAssessment } from './prepared-assessment.ts';
import { ruleSetResolver, type RuleSetResolver } from './ruleset-resolution.ts';
import { validate } from './validate.ts';
import { write, type WriteScope } from './write.ts';

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

export type SkipReason = 'no_rule_set' | 'rule_set_not_found';

export interface ReassessResult {
  /** Cases selected. */
  total: number;
  assessed: number;
  verdicts: Record<StoredVerdict, number>;
  /** Cases not assessed, with why (no rule-set named, or one the store does not know). */
  skipped: { id: string; reason: SkipReason }[];
}

const SKIPPABLE: Record<string, SkipReason> = {
  'error.ruleset_required': 'no_rule_set',
  'error.ruleset_not_found': 'rule_set_not_found',
};

/** One case of a batch, prepared: its assessment, or why it is skipped. Plain data (it crosses from a worker thread). */
export type PreparedItem =
  | { caseId: string; prepared: PreparedAssessment }
  | { caseId: string; skipped: SkipReason; caseVersion: number; previousId: string | null };

/** What a batch is prepared for: the day, and the rule-set to use instead of each case's own. */
export interface BatchRequest {
  ids: readonly string[];
  /** YYYY-MM-DD: the day the engine counts from. */
  today: string;
  ruleSetId?: string | undefined;
}

/**
 * Prepares every case of a batch from `db`; reads only (one read transaction). Throws not_found for an unknown case.
 * `law` resolves the rule-sets (the store's; the re-assessment preview passes one that also knows a version not saved yet).
 */
export function prepareBatch(db: Database.Database, { ids, today, ruleSetId }: BatchRequest, law: (db: Database.Database) => RuleSetResolver = ruleSetResolver): PreparedItem[] {
  return db.transaction(() => {
    const loaded = loadCases(db, ids);
    const latest = latestDocumentsOf(db, ids);
    const resolve = law(db);
    const day = parseIsoDate(today);
    const memory = batchMemory();
    return ids.map((caseId): PreparedItem => {
      const stored = loaded.get(caseId) ?? requireStoredCase(db, caseId);
      const previous = latest.get(caseId);
      try {
        const { outcome: _o, lawTexts: _t, ...prepared } = prepareFromStore(db, stored, { caseId, ruleSetId, reason: null }, resolve, day, previous, memory);
        return { caseId, prepared };
      } catch (error) {
        // Both are thrown before anything is prepared.
        const skip = error instanceof ServiceError ? SKIPPABLE[error.messageKey] : undefined;
        if (skip === undefined) throw error;
        return { caseId, skipped: skip, caseVersion: stored.meta.version, previousId: previous?.assessmentId ?? null };
      }
    });
  })();
}

/** One case of a batch as stored. */
export type StoredItem =
  | { caseId: string; assessmentId: string; verdict: StoredVerdict; change: VerdictChange }
  | { caseId: string; skipped: SkipReason };

/**
 * Stores a prepared batch in the caller's write transaction (one auditAppender chains its
 * entries). A case whose version or latest assessment is no longer what it was prepared from,
 * or a batch prepared for another day than this write's, is prepared again here first.
 */
export function storeBatch(db: Database.Database, scope: WriteScope, request: BatchRequest, items: readonly PreparedItem[], reason: string | null): StoredItem[] {
  const current = caseVersionsOf(db, request.ids);
  const stale = (item: PreparedItem): boolean => {
    const now = current.get(item.caseId);
    const [version, previousId] = 'prepared' in item ? [item.prepared.caseVersion, item.prepared.previousId] : [item.caseVersion, item.previousId];
    return now === undefined || now.version !== version || now.latestAssessmentId !== previousId;
  };
  const again = request.today === scope.today ? items.filter(stale).map((i) => i.caseId) : items.map((i) => i.caseId);
  const fresh = again.length === 0 ? new Map<string, PreparedItem>() : new Map(prepareBatch(db, { ...request, ids: again, today: scope.today }).map((i) => [i.caseId, i]));
  const prepared = (list: Iterable<PreparedItem>) => [...list].flatMap((i) => ('prepared' in i ? [i.prepared] : []));
  // The texts the batch carries, those of the cases prepared again included: a case names by hash alone a text one before it carried.
  const documents = documentIds([...prepared(items), ...prepared(fresh.values())]);
  const audit = auditAppender(scope.db);
  return items.map((given): StoredItem => {
    const item = fresh.get(given.caseId) ?? given;
    if (!('prepared' in item)) return { caseId: item.caseId, skipped: item.skipped };
    const row = storePreparedAssessment(scope.db, scope, item.prepared, reason, audit, documents);
    return { caseId: item.caseId, assessmentId: row.id, verdict: item.prepared.verdict, change: item.prepared.change };
  });
}

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
    const stored = write(ctx, (scope) => {
      const request: BatchRequest = { ids: batch, today: todayOf(ctx), ruleSetId };
      return storeBatch(ctx.db, scope, request, prepareBatch(ctx.db, request), reason ?? null);
    });
    // Counted once the batch has committed.
    for (const item of stored) {
      if ('skipped' in item) result.skipped.push({ id: item.caseId, reason: item.skipped });
      else {
        result.verdicts[item.verdict] += 1;
        result.assessed += 1;
      }
    }
    onProgress?.(from + batch.length, selected.length);
  }
  return result;
}
