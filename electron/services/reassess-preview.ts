/**
 * The dry run of a re-assessment (`rulesets.reassessPreview`): before a version is saved, or before a
 * saved one is run, how many open cases it governs, how many verdicts would change, from what to what,
 * and who. It reads only: the cases are prepared exactly as the run prepares them (reassess.ts
 * prepareBatch, the same engine, the same previous assessment to compare with), and nothing is stored.
 *
 * A version not saved yet is resolved as if it were stored now: it takes the place a new save would take
 * among the stored versions of its id (latest effective date first, the newest first on the same date), so
 * a case keeps a later version in force for it, and a case whose reference date is before the version's
 * effective date keeps the version before (ruleset-resolution.ts).
 *
 * On 100,000 cases the whole preview takes longer than a screen may wait, so it runs in steps of
 * REASSESS_PREVIEW_STEP cases, each step one read transaction; the screen asks for the next step until
 * the last one and adds the counts up, as it follows the run itself.
 */
import type Database from 'better-sqlite3';
import { REPORT_INPUT } from '../../shared/domain/case.ts';
import { casePersons } from '../../db/reassess-reports-repo.ts';
import { referenceFor } from '../../shared/eligibility/engine.ts';
import { formatIsoDate, parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { REASSESS_PREVIEW_PEOPLE, type ReassessPreview } from '../../shared/treaties/api-schemas.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../../shared/treaties/schema.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import { findRuleSetVersion } from '../../db/rulesets-repo.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Input } from './handlers.ts';
import { prepareBatch } from './reassess.ts';
import { governedCases } from './reassess-report.ts';
import { lawResolver, ruleSetHash, ruleSetResolver, type RuleSetResolver } from './ruleset-resolution.ts';
import { problemsOf } from './validate.ts';

/** Cases per step of the preview: 0.5–0.9 s of work on the development machine (3,000 cases measured, Dec 2026), so the bar moves. */
const REASSESS_PREVIEW_STEP = 1000;

/**
 * The store's resolver, knowing also `proposed` as if it had just been stored: for its id, a stored
 * version effective after it that applies to the case wins, then `proposed` if it applies, then the rest.
 */
function proposedResolver(proposed: RuleSet): (db: Database.Database) => RuleSetResolver {
  return (db) => {
    const stored = ruleSetResolver(db);
    const asFile = lawResolver(db, proposed);
    const hash = ruleSetHash(proposed);
    const effective = parseIsoDate(proposed.effectiveFrom);
    return (id, c, on, today, caseId) => {
      const resolved = stored(id, c, on, today, caseId);
      if (id !== proposed.id) return resolved;
      if (resolved?.source === 'stored' && resolved.ruleSet.effectiveFrom > proposed.effectiveFrom) return resolved;
      const bound = proposed.caseId === undefined || proposed.caseId === caseId;
      if (!bound || effective > referenceFor(c, proposed, on, today).day) return resolved;
      const law = asFile(id, c, on, today, caseId);
      return law === undefined ? resolved : { ...law, hash, source: 'stored' };
    };
  };
}

/** The version previewed and the cases it governs; refuses a draft the schema refuses, as `rulesets.save` would. */
function subjectOf(ctx: ServiceContext, input: Input<'rulesets.reassessPreview'>): { law: (db: Database.Database) => RuleSetResolver; cases: string[] } {
  if (input.ruleSet !== undefined) {
    const parsed = ruleSetSchema.safeParse(input.ruleSet, REPORT_INPUT);
    if (!parsed.success) throw new ServiceError('invalid_input', 'error.invalid_ruleset', problemsOf(parsed.error, 'ruleSet'));
    return { law: proposedResolver(parsed.data), cases: governedCases(ctx, parsed.data.id, parsed.data.caseId ?? null) };
  }
  const { ruleSetId: id, version } = input as { ruleSetId: string; version: string };
  const row = findRuleSetVersion(ctx.db, id, version);
  if (row === undefined && builtInRuleSet(id)?.version !== version) {
    throw new ServiceError('not_found', 'error.ruleset_not_found', [{ field: 'version', message: `no version "${version}" of rule-set "${id}"` }]);
  }
  return { law: ruleSetResolver, cases: governedCases(ctx, id, row?.case_id ?? null) };
}

/** One step of the dry run: the cases `from` .. `from + REASSESS_PREVIEW_STEP - 1` of the selection. */
export function previewReassessment(ctx: ServiceContext, input: Input<'rulesets.reassessPreview'>): ReassessPreview {
  return ctx.db.transaction((): ReassessPreview => {
    const { law, cases } = subjectOf(ctx, input);
    const from = Math.min(input.from, cases.length);
    const ids = cases.slice(from, from + REASSESS_PREVIEW_STEP);
    const items = ids.length === 0 ? [] : prepareBatch(ctx.db, { ids, today: formatIsoDate(todayFrom(ctx.clock())) }, law);
    const transitions = new Map<string, { before: StoredVerdict | null; after: StoredVerdict; count: number }>();
    const moved: { caseId: string; before: StoredVerdict | null; after: StoredVerdict }[] = [];
    let skipped = 0;
    for (const item of items) {
      if (!('prepared' in item)) {
        skipped += 1;
        continue;
      }
      const { change } = item.prepared;
      if (!change.verdictChanged) continue;
      const key = `${change.before}>${change.after}`;
      const t = transitions.get(key) ?? { before: change.before, after: change.after, count: 0 };
      t.count += 1;
      transitions.set(key, t);
      moved.push({ caseId: item.caseId, before: change.before, after: change.after });
    }
    const shown = moved.slice(0, REASSESS_PREVIEW_PEOPLE);
    const persons = new Map(casePersons(ctx.db, shown.map((m) => m.caseId)).map((p) => [p.case_id, p]));
    const done = from + ids.length;
    return {
      total: cases.length,
      from,
      done,
      finished: done >= cases.length,
      changed: moved.length,
      unchanged: items.length - moved.length - skipped,
      skipped,
      transitions: [...transitions.values()],
      people: shown.map((m) => {
        const p = persons.get(m.caseId);
        return { ...m, familyName: p?.family_name ?? null, givenNames: p?.given_names ?? null, prisonNumber: p?.prison_number ?? null, reference: p?.reference ?? null };
      }),
    };
  })();
}
