/**
 * Re-assessment when a rule-set version takes effect, and its report. A jurisdiction profile
 * version (remission, remand credit, month-end rule: the dates the engine computes) is run
 * the same way for the open cases sentenced in that jurisdiction (schema 9, `subject`).
 *
 * When: a stored version is "pending" from the day it is in force (effective date on or
 * before today, and the latest such version of its id) until a report exists for it. The
 * Treaties page asks for pending versions when it opens and after a save, and runs each one;
 * so a version saved with a past or present date is run at once, and one dated in the future
 * is run the first time the page is opened on or after that date. Nothing runs unseen: a
 * run is started by a legal officer's action, and every change is in the report and the audit log.
 *
 * How: `startReassessment` records the selection (the open cases naming the rule-set; for an
 * arrangement bound to one case, that case) as a report; each `reassessStep` processes the
 * next batch in one transaction — reassessCases (reassess.ts) stores a new assessment and an
 * `assessment.run` audit entry per case, and the report gains one item per case with the
 * verdict before and after and the conditions whose status moved — so progress is exact, a
 * step interrupted leaves nothing half-done, and the renderer shows a bar between steps.
 */
import { randomUUID } from 'node:crypto';
import { findAssessment } from '../../db/assessments-repo.ts';
import { appendAudit } from '../../db/audit-repo.ts';
import { findCaseMeta } from '../../db/cases-repo.ts';
import {
  findReassessReport,
  hasReassessReport,
  insertReassessItem,
  insertReassessReport,
  listReassessReports,
  notableItems,
  reportCounts,
  selectedCases,
  type ReassessReportRow,
} from '../../db/reassess-reports-repo.ts';
import { allStoredProfiles, findProfileVersion, openCasesSentencedIn, openCasesSentencedOutside } from '../../db/profiles-repo.ts';
import { allStoredRuleSets, findRuleSetVersion, openCasesUnder } from '../../db/rulesets-repo.ts';
import type { StoredAssessment } from '../../shared/api-schemas.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import {
  getReassessReportInput,
  listReassessReportsInput,
  reassessStepInput,
  startReassessInput,
  type PendingReassessment,
  type ReassessItem,
  type ReassessProgress,
  type ReassessReport,
  type ReassessReportSummary,
  type ReassessSubject,
} from '../../shared/treaties/api-schemas.ts';
import { JURISDICTION_PROFILES } from '../../shared/treaties/jurisdictions.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { verdictChange } from '../../shared/treaties/verdict-changes.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { reassessCases } from './reassess.ts';
import { storedProfile, storedRuleSet } from './ruleset-resolution.ts';
import { validate } from './validate.ts';
import { write } from './write.ts';

/** Cases per step: about half a second of work (4 ms a case measured with 5,000 demo cases), so the window never waits long and the bar moves. */
export const REASSESS_STEP_SIZE = 100;

function latestResult(ctx: ServiceContext, caseId: string): { id: string; result: StoredAssessment } | null {
  const id = findCaseMeta(ctx.db, caseId)?.latestAssessmentId ?? null;
  const row = id === null ? undefined : findAssessment(ctx.db, id);
  return row === undefined ? null : { id: row.id, result: JSON.parse(row.result) as StoredAssessment };
}

/** The cases a version governs: the open cases naming its rule-set; an arrangement bound to a case governs that case only. */
function governedCases(ctx: ServiceContext, ruleSetId: string, boundTo: string | null): string[] {
  const open = openCasesUnder(ctx.db, ruleSetId);
  return boundTo === null ? open : open.filter((id) => id === boundTo);
}

/**
 * The cases a profile version governs: the open cases sentenced in its jurisdiction; for the
 * default ("*"), those sentenced where no stored or built-in profile of their own applies
 * (the order of resolveProfile).
 */
function casesUnderProfile(ctx: ServiceContext, code: string): string[] {
  if (code !== '*') return openCasesSentencedIn(ctx.db, code);
  const own = new Set([...JURISDICTION_PROFILES.map((p) => p.code), ...allStoredProfiles(ctx.db).map((p) => p.code)]);
  own.delete('*');
  return openCasesSentencedOutside(ctx.db, [...own]);
}

/** Of stored versions listed latest effective date first within each key, the one in force on `today` per key. */
function latestInForce<Row extends { effective_from: string }>(rows: readonly Row[], keyOf: (row: Row) => string, today: string): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const row of rows) {
    if (row.effective_from > today || seen.has(keyOf(row))) continue;
    seen.add(keyOf(row));
    out.push(row);
  }
  return out;
}

/** Stored versions (of rule-sets, then of profiles) in force today, the latest of their id, with open cases and no report yet. */
export function pendingReassessments(ctx: ServiceContext): PendingReassessment[] {
  const today = formatIsoDate(todayFrom(ctx.clock()));
  const pending: PendingReassessment[] = [];
  for (const row of latestInForce(allStoredRuleSets(ctx.db), (r) => r.id, today)) {
    if (hasReassessReport(ctx.db, 'rule-set', row.id, row.version)) continue;
    const openCases = governedCases(ctx, row.id, row.case_id).length;
    if (openCases > 0) pending.push({ subject: 'rule-set', ruleSetId: row.id, version: row.version, effectiveFrom: row.effective_from, title: storedRuleSet(row).title, openCases });
  }
  for (const row of latestInForce(allStoredProfiles(ctx.db), (r) => r.code, today)) {
    if (hasReassessReport(ctx.db, 'profile', row.code, row.version)) continue;
    const openCases = casesUnderProfile(ctx, row.code).length;
    if (openCases > 0) pending.push({ subject: 'profile', ruleSetId: row.code, version: row.version, effectiveFrom: row.effective_from, title: storedProfile(row).name, openCases });
  }
  return pending;
}

/** The audit entity of a subject's version. */
const entityOf = (subject: ReassessSubject) => (subject === 'profile' ? 'profile' : 'rule_set');

function progressOf(ctx: ServiceContext, report: ReassessReportRow): ReassessProgress {
  const { done } = reportCounts(ctx.db, report.id);
  return { reportId: report.id, total: report.total, done, finished: done >= report.total };
}

/** The cases a version governs, or ServiceError when the store knows no such version. */
function selectionOf(ctx: ServiceContext, subject: ReassessSubject, id: string, version: string): string[] {
  if (subject === 'profile') {
    if (findProfileVersion(ctx.db, id, version) === undefined) {
      throw new ServiceError('not_found', 'error.profile_not_found', [{ field: 'version', message: `no stored version "${version}" of the profile of "${id}"` }]);
    }
    return casesUnderProfile(ctx, id);
  }
  const stored = findRuleSetVersion(ctx.db, id, version);
  if (stored === undefined && builtInRuleSet(id)?.version !== version) {
    throw new ServiceError('not_found', 'error.ruleset_not_found', [{ field: 'version', message: `no version "${version}" of rule-set "${id}"` }]);
  }
  return governedCases(ctx, id, stored?.case_id ?? null);
}

export function startReassessment(ctx: ServiceContext, input: unknown): ReassessProgress {
  const { subject, ruleSetId, version, reason } = validate(startReassessInput, input);
  return write(ctx, (scope) => {
    const caseIds = selectionOf(ctx, subject, ruleSetId, version);
    // A run of this version left unfinished (the window closed part-way) is resumed, not doubled.
    const unfinished = listReassessReports(ctx.db, { subject, id: ruleSetId }).find((r) => r.rule_set_version === version && reportCounts(ctx.db, r.id).done < r.total);
    if (unfinished !== undefined) return progressOf(ctx, unfinished);
    const report: ReassessReportRow = {
      id: randomUUID(), subject, rule_set_id: ruleSetId, rule_set_version: version, case_ids: JSON.stringify(caseIds), total: caseIds.length,
      reason, created_at: scope.at, created_by: scope.userId,
    };
    insertReassessReport(ctx.db, report);
    appendAudit(ctx.db, {
      at: scope.at, userId: scope.userId, action: subject === 'profile' ? 'profile.reassess' : 'ruleset.reassess', entity: entityOf(subject),
      entityId: `${ruleSetId}@${version}`, reason, before: null, after: { reportId: report.id, cases: caseIds.length },
    });
    return { reportId: report.id, total: report.total, done: 0, finished: report.total === 0 };
  });
}

function requireReport(ctx: ServiceContext, reportId: string): ReassessReportRow {
  const report = findReassessReport(ctx.db, reportId);
  if (report === undefined) throw new ServiceError('not_found', 'error.report_not_found', [{ field: 'reportId', message: `no report ${reportId}` }]);
  return report;
}

/** Re-assesses the next batch of a report's cases and records each outcome; one transaction. */
export function reassessStep(ctx: ServiceContext, input: unknown): ReassessProgress {
  const { reportId } = validate(reassessStepInput, input);
  return write(ctx, (scope) => {
    const report = requireReport(ctx, reportId);
    const { done } = reportCounts(ctx.db, report.id);
    const batch = selectedCases(ctx.db, report.id, done, REASSESS_STEP_SIZE);
    if (batch.length === 0) return progressOf(ctx, report);
    const before = new Map(batch.map((id) => [id, latestResult(ctx, id)]));
    // Nested in this write: its batch transaction becomes a savepoint of ours.
    const { skipped } = reassessCases(ctx, { ids: batch, reason: `${report.reason} (re-assessment ${report.id})`, batchSize: batch.length });
    const skippedReason = new Map(skipped.map((s) => [s.id, s.reason]));
    let changed = 0;
    batch.forEach((caseId, i) => {
      const row = { report_id: report.id, position: done + i, case_id: caseId };
      const skip = skippedReason.get(caseId);
      const after = skip === undefined ? latestResult(ctx, caseId) : null;
      if (after === null) {
        insertReassessItem(ctx.db, { ...row, outcome: 'skipped', before_verdict: before.get(caseId)?.result.verdict ?? null, after_verdict: null, after_assessment_id: null, changed_conditions: '[]', skipped_reason: skip ?? 'not_assessed' });
        return;
      }
      const change = verdictChange(before.get(caseId)?.result ?? null, after.result);
      if (change.verdictChanged) changed += 1;
      insertReassessItem(ctx.db, {
        ...row, outcome: change.verdictChanged ? 'changed' : 'unchanged', before_verdict: change.before, after_verdict: change.after,
        after_assessment_id: after.id, changed_conditions: JSON.stringify(change.conditions), skipped_reason: null,
      });
    });
    appendAudit(ctx.db, {
      at: scope.at, userId: scope.userId, action: report.subject === 'profile' ? 'profile.reassess.batch' : 'ruleset.reassess.batch',
      entity: entityOf(report.subject), entityId: `${report.rule_set_id}@${report.rule_set_version}`,
      reason: report.reason, before: null, after: { reportId: report.id, from: done, cases: batch.length, verdictsChanged: changed, skipped: skipped.length },
    });
    return progressOf(ctx, report);
  });
}

function summaryOf(ctx: ServiceContext, r: ReassessReportRow): ReassessReportSummary {
  const counts = reportCounts(ctx.db, r.id);
  return {
    id: r.id, subject: r.subject, ruleSetId: r.rule_set_id, version: r.rule_set_version, reason: r.reason, createdAt: r.created_at, createdBy: r.created_by,
    total: r.total, done: counts.done, changed: counts.changed, skipped: counts.skipped,
  };
}

/** The report: counts, and every case whose verdict changed or that was skipped, in the order processed. */
export function getReassessReport(ctx: ServiceContext, input: unknown): ReassessReport {
  const { reportId } = validate(getReassessReportInput, input);
  const report = requireReport(ctx, reportId);
  const items = notableItems(ctx.db, report.id).map(
    (i): ReassessItem => ({
      position: i.position, caseId: i.case_id, familyName: i.family_name, outcome: i.outcome,
      before: i.before_verdict as ReassessItem['before'], after: i.after_verdict as ReassessItem['after'], assessmentId: i.after_assessment_id,
      conditions: JSON.parse(i.changed_conditions) as ReassessItem['conditions'], skippedReason: i.skipped_reason,
    }),
  );
  return { ...summaryOf(ctx, report), items };
}

/** Newest first. */
export function listReassessmentReports(ctx: ServiceContext, input: unknown): ReassessReportSummary[] {
  const ruleSetId = validate(listReassessReportsInput, input)?.ruleSetId;
  return listReassessReports(ctx.db, ruleSetId === undefined ? undefined : { subject: 'rule-set', id: ruleSetId }).map((r) => summaryOf(ctx, r));
}
