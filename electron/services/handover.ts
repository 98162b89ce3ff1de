/**
 * The handover planned for a date (issue 19): the check of the case on that date (the engine
 * run through the one resolve-then-assess path, with the case fact `events.transferPlanned`
 * set to it; shared/workflow/handover-check.ts), read before scheduling (workflow.checkHandover)
 * and again, inside the write, by the transition that schedules it.
 */
import type Database from 'better-sqlite3';
import { handoverPlansOf, type HandoverPlanRow } from '../../db/transfer-records-repo.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import { toStoredAssessment } from '../../shared/eligibility/report.ts';
import { parseIsoDate } from '../../shared/sentence/calendar.ts';
import { checkHandover, type HandoverCheck } from '../../shared/workflow/handover-check.ts';
import { loadRecord } from './case-records.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { assessUnder, resolveRuleSet } from './ruleset-resolution.ts';
import type { Input } from './handlers.ts';

/** The case as if handed over on `plannedOn`, under its own rule-set in force; null when it has none (nothing to check against). */
export function planCheck(db: Database.Database, record: CaseRecord, plannedOn: string, today: string): HandoverCheck | null {
  const ruleSetId = record.case.ruleSetId ?? record.latestAssessment?.ruleSetId ?? null;
  if (ruleSetId === null) return null;
  const planned = { ...record.case, events: { ...record.case.events, transferPlanned: plannedOn } };
  const day = parseIsoDate(today);
  const law = resolveRuleSet(db, ruleSetId, planned, undefined, day, record.id);
  if (law === undefined) return null;
  const assessment = toStoredAssessment(assessUnder(law, planned, undefined, day));
  return checkHandover(plannedOn, assessment, law.ruleSet.minRemaining.value?.duration ?? null);
}

export function checkPlannedHandover(ctx: ServiceContext, { caseId, plannedOn }: Input<'workflow.checkHandover'>): HandoverCheck | null {
  return planCheck(ctx.db, loadRecord(ctx.db, caseId), plannedOn, todayOf(ctx));
}

/** The plan in force: the latest scheduling of the handover. */
export function currentPlan(db: Database.Database, caseId: string): HandoverPlanRow | null {
  return handoverPlansOf(db, caseId).at(-1) ?? null;
}
