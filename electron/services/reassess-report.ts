/**
 * Re-assessment when a version of the law takes effect, and its report: a rule-set version
 * (the open cases naming it), a jurisdiction profile version (remission, remand credit,
 * month-end rule: the open cases sentenced in that jurisdiction, schema 9) or a treaty map
 * version (every open case naming a rule-set, schema 15).
 *
 * When: a stored version is "pending" from the day it is in force (effective date on or
 * before today, and the latest such version of its id) until a report exists for it. In the
 * app the main process runs what is pending by itself — at the start, then daily — and a run
 * left unfinished (the app closed, a run stopped) is resumed then too (electron/reassessment.ts);
 * after a save, the Treaties page offers to run the new version at once, and a legal officer's
 * confirmation starts it (`rulesets.reassess`). Nothing runs unseen: every change is in the
 * report and the audit log, and the Treaties pages show each run's progress.
 *
 * How: `startReassessment` records the selection as a report; each batch then stores a new
 * assessment and an `assessment.run` audit entry per case (reassess.ts), and the report gains
 * one item per case with the verdict before and after and the conditions whose status moved,
 * all in one transaction — so progress is exact and a batch interrupted leaves nothing
 * half-done. With the app's runner the batches are prepared on a worker thread and written in
 * the background; without it (the CLI, tests) each `rulesets.reassessStep` call processes the
 * next batch of REASSESS_STEP_SIZE cases.
 */
import { randomUUID } from 'node:crypto';
import { assessmentVerdict } from '../../db/assessments-repo.ts';
import { appendAudit } from '../../db/audit-repo.ts';
import {
  findReassessReport,
  hasItemAt,
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
import { allStoredRuleSets, findRuleSetVersion, openCasesUnder, ruleSetVersionsOf } from '../../db/rulesets-repo.ts';
import { findTreatyMapVersion, openCasesUnderAnyRuleSet, treatyMapInForce } from '../../db/treaty-maps-repo.ts';
import {
  TREATY_MAP_SUBJECT_ID,
  type PendingReassessment,
  type ReassessItem,
  type ReassessProgress,
  type ReassessReport,
  type ReassessReportSummary,
  type ReassessSubject,
} from '../../shared/treaties/api-schemas.ts';
import { diffRuleSets } from '../../shared/treaties/diff.ts';
import { JURISDICTION_PROFILES } from '../../shared/treaties/jurisdictions.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { prepareBatch, storeBatch, type BatchRequest, type PreparedItem } from './reassess.ts';
import { reassessControlOf } from './reassess-control.ts';
import { storedProfile, storedRuleSet } from './ruleset-resolution.ts';
import type { Input } from './handlers.ts';
import { write, type WriteScope } from './write.ts';

/** Cases per step of a run without the app's runner (about half a second of work), so the bar moves. */
export const REASSESS_STEP_SIZE = 100;

/** The cases a version governs: the open cases naming its rule-set; an arrangement bound to a case governs that case only. */
export function governedCases(ctx: ServiceContext, ruleSetId: string, boundTo: string | null): string[] {
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

/** A pending version and who stored it (the user a run started by the app itself acts as). */
export type PendingVersion = PendingReassessment & { createdBy: string };

/** Stored versions (of rule-sets, then of profiles, then of the treaty map) in force today, the latest of their id, with open cases and no report yet. */
export function pendingVersions(ctx: ServiceContext): PendingVersion[] {
  const today = todayOf(ctx);
  const pending: PendingVersion[] = [];
  for (const row of latestInForce(allStoredRuleSets(ctx.db), (r) => r.id, today)) {
    if (hasReassessReport(ctx.db, 'rule-set', row.id, row.version)) continue;
    const openCases = governedCases(ctx, row.id, row.case_id).length;
    if (openCases > 0) pending.push({ subject: 'rule-set', ruleSetId: row.id, version: row.version, effectiveFrom: row.effective_from, title: storedRuleSet(row).title, openCases, createdBy: row.created_by });
  }
  for (const row of latestInForce(allStoredProfiles(ctx.db), (r) => r.code, today)) {
    if (hasReassessReport(ctx.db, 'profile', row.code, row.version)) continue;
    const openCases = casesUnderProfile(ctx, row.code).length;
    if (openCases > 0) pending.push({ subject: 'profile', ruleSetId: row.code, version: row.version, effectiveFrom: row.effective_from, title: storedProfile(row).name, openCases, createdBy: row.created_by });
  }
  const map = treatyMapInForce(ctx.db, today);
  if (map !== undefined && !hasReassessReport(ctx.db, 'treaty-map', TREATY_MAP_SUBJECT_ID, map.version)) {
    const openCases = openCasesUnderAnyRuleSet(ctx.db).length;
    if (openCases > 0) pending.push({ subject: 'treaty-map', ruleSetId: TREATY_MAP_SUBJECT_ID, version: map.version, effectiveFrom: map.effective_from, title: 'Treaty map', openCases, createdBy: map.created_by });
  }
  return pending;
}

export function pendingReassessments(ctx: ServiceContext): PendingReassessment[] {
  return pendingVersions(ctx).map(({ createdBy: _, ...p }) => p);
}

/** The audit entity and action prefix of a subject's version. */
const entityOf = (subject: ReassessSubject) => ({ 'rule-set': 'rule_set', profile: 'profile', 'treaty-map': 'treaty_map' })[subject];
const actionOf = (subject: ReassessSubject) => ({ 'rule-set': 'ruleset', profile: 'profile', 'treaty-map': 'treaty_map' })[subject];

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
  if (subject === 'treaty-map') {
    if (findTreatyMapVersion(ctx.db, version) === undefined) {
      throw new ServiceError('not_found', 'error.treaty_map_not_found', [{ field: 'version', message: `no stored treaty map version "${version}"` }]);
    }
    return openCasesUnderAnyRuleSet(ctx.db);
  }
  const stored = findRuleSetVersion(ctx.db, id, version);
  if (stored === undefined && builtInRuleSet(id)?.version !== version) {
    throw new ServiceError('not_found', 'error.ruleset_not_found', [{ field: 'version', message: `no version "${version}" of rule-set "${id}"` }]);
  }
  return governedCases(ctx, id, stored?.case_id ?? null);
}

/** Reports begun and not finished (the app closed or the run stopped part-way), oldest first. */
export function unfinishedReports(ctx: ServiceContext): ReassessReportRow[] {
  return listReassessReports(ctx.db).filter((r) => reportCounts(ctx.db, r.id).done < r.total).reverse();
}

/** Records a report for a version (or finds the unfinished one); the run itself is the caller's. */
export function openReassessment(ctx: ServiceContext, { subject, ruleSetId, version, reason }: Input<'rulesets.reassess'>): ReassessProgress {
  return write(ctx, (scope) => {
    const caseIds = selectionOf(ctx, subject, ruleSetId, version);
    // A run of this version left unfinished (the app closed part-way) is resumed, not doubled.
    const unfinished = listReassessReports(ctx.db, { subject, id: ruleSetId }).find((r) => r.rule_set_version === version && reportCounts(ctx.db, r.id).done < r.total);
    if (unfinished !== undefined) return progressOf(ctx, unfinished);
    const report: ReassessReportRow = {
      id: randomUUID(), subject, rule_set_id: ruleSetId, rule_set_version: version, case_ids: JSON.stringify(caseIds), total: caseIds.length,
      reason, created_at: scope.at, created_by: scope.userId,
    };
    insertReassessReport(scope.db, report);
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: `${actionOf(subject)}.reassess`, entity: entityOf(subject),
      entityId: `${ruleSetId}@${version}`, reason, before: null, after: { reportId: report.id, cases: caseIds.length },
    });
    return { reportId: report.id, total: report.total, done: 0, finished: report.total === 0 };
  });
}

/** `rulesets.reassess`: records the report and, in the app, has its runner run it in the background. */
export function startReassessment(ctx: ServiceContext, input: Input<'rulesets.reassess'>): ReassessProgress {
  const progress = openReassessment(ctx, input);
  if (!progress.finished) reassessControlOf(ctx.db)?.start(ctx, progress.reportId);
  return progress;
}

export function requireReport(ctx: ServiceContext, reportId: string): ReassessReportRow {
  const report = findReassessReport(ctx.db, reportId);
  if (report === undefined) throw new ServiceError('not_found', 'error.report_not_found', [{ field: 'reportId', message: `no report ${reportId}` }]);
  return report;
}

/** The request a report's cases `ids` are prepared under: today, by the context's clock. */
export const batchRequest = (ctx: ServiceContext, ids: readonly string[]): BatchRequest => ({ ids, today: todayOf(ctx) });

/**
 * Stores a prepared batch of a report from position `from` and its items, with one
 * `<subject>.reassess.batch` audit entry; inside the caller's write transaction. Refuses a
 * batch that does not continue the report where it stands (another run got there first).
 */
export function storeReportBatch(ctx: ServiceContext, scope: WriteScope, report: ReassessReportRow, from: number, request: BatchRequest, items: readonly PreparedItem[]): ReassessProgress {
  const continues = !hasItemAt(ctx.db, report.id, from) && (from === 0 || hasItemAt(ctx.db, report.id, from - 1));
  if (!continues) throw new ServiceError('conflict', 'error.reassess_running', []);
  const stored = storeBatch(ctx.db, scope, request, items, `${report.reason} (re-assessment ${report.id})`);
  let changed = 0;
  let skipped = 0;
  stored.forEach((item, i) => {
    const row = { report_id: report.id, position: from + i, case_id: item.caseId };
    if ('skipped' in item) {
      skipped += 1;
      const latest = items[i] !== undefined && 'skipped' in items[i] ? items[i].previousId : null;
      const before = latest === null ? null : (assessmentVerdict(ctx.db, latest) ?? null);
      insertReassessItem(scope.db, { ...row, outcome: 'skipped', before_verdict: before, after_verdict: null, after_assessment_id: null, changed_conditions: '[]', skipped_reason: item.skipped });
      return;
    }
    const { change } = item;
    if (change.verdictChanged) changed += 1;
    insertReassessItem(scope.db, {
      ...row, outcome: change.verdictChanged ? 'changed' : 'unchanged', before_verdict: change.before, after_verdict: change.after,
      after_assessment_id: item.assessmentId, changed_conditions: JSON.stringify(change.conditions), skipped_reason: null,
    });
  });
  appendAudit(scope.db, {
    at: scope.at, userId: scope.userId, action: `${actionOf(report.subject)}.reassess.batch`,
    entity: entityOf(report.subject), entityId: `${report.rule_set_id}@${report.rule_set_version}`,
    reason: report.reason, before: null, after: { reportId: report.id, from, cases: stored.length, verdictsChanged: changed, skipped },
  });
  const done = from + stored.length;
  return { reportId: report.id, total: report.total, done, finished: done >= report.total };
}

/**
 * `rulesets.reassessStep`: where the app's runner runs the report, its progress; elsewhere the
 * next REASSESS_STEP_SIZE cases, prepared and stored in one transaction.
 */
export function reassessStep(ctx: ServiceContext, { reportId }: Input<'rulesets.reassessStep'>): ReassessProgress {
  const report = requireReport(ctx, reportId);
  if (reassessControlOf(ctx.db) !== undefined) return progressOf(ctx, report);
  return write(ctx, (scope) => {
    const { done } = reportCounts(ctx.db, report.id);
    const request = batchRequest(ctx, selectedCases(ctx.db, report.id, done, REASSESS_STEP_SIZE));
    if (request.ids.length === 0) return progressOf(ctx, report);
    return storeReportBatch(ctx, scope, report, done, request, prepareBatch(ctx.db, request));
  });
}

/** `rulesets.reassessCancel`: stops the report's run after the batch being written; what was done stays, the rest is resumed later. */
export function cancelReassessment(ctx: ServiceContext, { reportId }: Input<'rulesets.reassessCancel'>): ReassessProgress {
  const report = requireReport(ctx, reportId);
  reassessControlOf(ctx.db)?.cancel(reportId);
  return progressOf(ctx, report);
}

function summaryOf(ctx: ServiceContext, r: ReassessReportRow): ReassessReportSummary {
  const counts = reportCounts(ctx.db, r.id);
  return {
    id: r.id, subject: r.subject, ruleSetId: r.rule_set_id, version: r.rule_set_version, reason: r.reason, createdAt: r.created_at, createdBy: r.created_by,
    total: r.total, done: counts.done, changed: counts.changed, skipped: counts.skipped, running: reassessControlOf(ctx.db)?.isRunning(r.id) ?? false,
  };
}

/** The report: counts, and every case whose verdict changed or that was skipped, in the order processed. */
export function getReassessReport(ctx: ServiceContext, { reportId }: Input<'rulesets.reassessReport'>): ReassessReport {
  const report = requireReport(ctx, reportId);
  const items = notableItems(ctx.db, report.id).map(
    (i): ReassessItem => ({
      position: i.position, caseId: i.case_id, familyName: i.family_name, givenNames: i.given_names, prisonNumber: i.prison_number, reference: i.reference, outcome: i.outcome,
      before: i.before_verdict as ReassessItem['before'], after: i.after_verdict as ReassessItem['after'], assessmentId: i.after_assessment_id,
      conditions: JSON.parse(i.changed_conditions) as ReassessItem['conditions'], skippedReason: i.skipped_reason,
    }),
  );
  return { ...summaryOf(ctx, report), items, ...parametersChanged(ctx, report) };
}

/**
 * For a rule-set version's report, the parameters it changed from the version before it: the stored
 * version of the same id effective before it (or saved before it on the same date), else the built-in one.
 */
function parametersChanged(ctx: ServiceContext, report: ReassessReportRow): Pick<ReassessReport, 'previousVersion' | 'parameters'> {
  if (report.subject !== 'rule-set') return { previousVersion: null, parameters: [] };
  const versions = ruleSetVersionsOf(ctx.db, report.rule_set_id);
  const at = versions.findIndex((v) => v.version === report.rule_set_version);
  const builtIn = builtInRuleSet(report.rule_set_id);
  const current = at === -1 ? builtIn : storedRuleSet(versions[at]!);
  const previousRow = at === -1 ? undefined : versions[at + 1];
  const previous = previousRow !== undefined ? storedRuleSet(previousRow) : at === -1 ? undefined : builtIn;
  if (current === undefined || previous === undefined) return { previousVersion: null, parameters: [] };
  const parameters = diffRuleSets(previous, current).parameters.map(({ key, before, after }) => ({
    key,
    before: { value: before.value, source: before.source, confidence: before.confidence },
    after: { value: after.value, source: after.source, confidence: after.confidence },
  }));
  return { previousVersion: previous.version, parameters };
}

/** Newest first. */
export function listReassessmentReports(ctx: ServiceContext, input: Input<'rulesets.reassessReports'>): ReassessReportSummary[] {
  const ruleSetId = input?.ruleSetId;
  return listReassessReports(ctx.db, ruleSetId === undefined ? undefined : { subject: 'rule-set', id: ruleSetId }).map((r) => summaryOf(ctx, r));
}
