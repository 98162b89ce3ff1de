/**
 * Re-assessment run by the main process: a version that took effect is run at the app's look
 * (start, daily) as the user who stored it, its batches prepared on a worker thread; a legal
 * officer's confirmation runs one in the background; a run stops after the batch being written
 * and is resumed at the next look.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAssessment } from '../db/assessments-repo.ts';
import { countAuditEntries, verifyAuditChain } from '../db/audit-repo.ts';
import { sha256Hex } from '../db/canonical-json.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { builtInRuleSet } from '../shared/treaties/library.ts';
import { BUILT_IN_TREATY_MAP } from '../shared/treaties/map/built-in/index.ts';
import type { RuleSet } from '../shared/treaties/schema.ts';
import { startReassessmentRunner, type ReassessRunner } from './reassessment.ts';
import { createRouter } from './router.ts';
import { listAssessments } from './services/assessments.ts';
import { createCase } from './services/cases.ts';
import { prepareBatch } from './services/reassess.ts';
import { getReassessReport, listReassessmentReports, openReassessment, pendingReassessments, reassessStep } from './services/reassess-report.ts';
import { saveRuleSet } from './services/rulesets.ts';
import { parsed, serviceHarness, type ServiceHarness } from './services/testing.ts';
import { saveTreatyMap } from './services/treaty-map.ts';
import { createUser } from './services/users.ts';

const NO_TIMERS = { setTimeout: () => null, setInterval: () => null, clear: () => undefined };

let h: ServiceHarness;
let runner: ReassessRunner | null;
beforeEach(() => {
  h = serviceHarness('2025-06-12T09:00:00.000Z');
  runner = null;
});
afterEach(() => {
  runner?.stop();
  h.dispose();
});

/** IVANOV (reassess-report.test.ts): 214 days left on 2025-06-10, eligible under 6 months, by exception under 12. */
const ivanov = () => {
  const c = structuredClone(CASE_FIXTURES.formatExample) as Record<string, unknown>;
  return {
    ...c, sentencingState: 'CH', ruleSetId: 'coe-ets-112', remandDays: 0, financialObligations: [], offences: [(c.offences as unknown[])[0]],
    sentences: [{ id: 'S1', start: '2024-01-10', term: { years: 2, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
    events: { application: null, request: null, requestReceived: '2025-06-10', judgmentReceived: null, statesAgreed: null },
  };
};

function twelveMonths(effectiveFrom: string): RuleSet {
  const base = builtInRuleSet('coe-ets-112')!;
  return { ...base, version: '2025-12m', effectiveFrom, minRemaining: { ...base.minRemaining, value: { duration: { years: 0, months: 12, days: 0 }, effect: 'mandatory-with-exception' } } };
}

const start = (options: { worker?: boolean; batchSize?: number; onProgress?: (reportId: string, done: number) => void } = {}) => {
  runner = startReassessmentRunner({
    db: h.store.db, clock: h.admin.clock, timers: NO_TIMERS, batchSize: options.batchSize,
    worker: options.worker === false ? undefined : { file: h.store.file }, onProgress: options.onProgress,
    onError: (error) => {
      throw error;
    },
  });
  return runner;
};

describe('re-assessment run by the main process', () => {
  it('runs a version that took effect at its look, as the user who stored it, the engine on a worker thread', async () => {
    const legal = createUser(h.admin, { name: 'Lee Legal', role: 'legal' });
    const legalCtx = { ...h.admin, user: { id: legal.id, name: legal.name, role: legal.role } };
    const ids = Array.from({ length: 5 }, () => createCase(h.officer, { case: ivanov() }).id);
    saveRuleSet(legalCtx, { ruleSet: twelveMonths('2025-06-01'), reason: 'HK practice: 12 months' });
    const audit = countAuditEntries(h.store.db);

    await start({ batchSize: 2 }).check();

    const [report] = listReassessmentReports(h.officer, undefined);
    expect(report).toMatchObject({ subject: 'rule-set', ruleSetId: 'coe-ets-112', version: '2025-12m', total: 5, done: 5, running: false, createdBy: legal.id });
    expect(report!.reason).toBe('Version 2025-12m of rule-set coe-ets-112 in force from 2025-06-01: re-assessed by the app');
    expect(pendingReassessments(h.officer)).toEqual([]);
    for (const id of ids) {
      const [latest] = listAssessments(h.officer, { caseId: id });
      expect(latest).toMatchObject({ verdict: 'eligible_by_exception', userId: legal.id, ruleSet: { version: '2025-12m' } });
      // What the worker prepared is what this thread prepares from the same store: the same documents.
      const [again] = prepareBatch(h.store.db, { ids: [id], today: '2025-06-12' });
      const row = findAssessment(h.store.db, latest!.id)!;
      expect(again && 'prepared' in again && again.prepared.snapshotHash).toBe(sha256Hex(row.case_snapshot + row.result));
    }
    // The report (one), 5 assessments, one batch entry per 2 cases (3).
    expect(countAuditEntries(h.store.db) - audit).toBe(1 + 5 + 3);
    expect(verifyAuditChain(h.store.db)).toMatchObject({ ok: true });
  });

  it('runs a legal officer’s confirmation in the background; the step channel then only reports progress', async () => {
    const ids = Array.from({ length: 3 }, () => createCase(h.officer, { case: ivanov() }).id);
    saveRuleSet(h.admin, { ruleSet: twelveMonths('2025-06-01'), reason: 'r' });
    start({ batchSize: 1 });
    const router = createRouter(h.admin, () => {});
    const started = router.dispatch('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '2025-12m', reason: 'confirmed after the save' });
    expect(started).toMatchObject({ ok: true, data: { total: 3, done: 0, finished: false } });
    const reportId = started.ok ? started.data.reportId : '';
    expect(runner!.isRunning(reportId)).toBe(true);
    await runner!.idle();
    expect(router.dispatch('rulesets.reassessStep', { reportId })).toEqual({ ok: true, data: { reportId, total: 3, done: 3, finished: true } });
    // Never assessed before: every verdict is new.
    expect(getReassessReport(h.admin, { reportId })).toMatchObject({ changed: 3, running: false });
    for (const id of ids) expect(listAssessments(h.admin, { caseId: id })[0]?.reason).toBe(`confirmed after the save (re-assessment ${reportId})`);
  });

  it('stops a run after the batch being written, and resumes it at the next look without doing a case twice', async () => {
    const ids = Array.from({ length: 6 }, () => createCase(h.officer, { case: ivanov() }).id);
    saveRuleSet(h.admin, { ruleSet: twelveMonths('2025-06-01'), reason: 'r' });
    const progress: number[] = [];
    const r = start({ batchSize: 2, worker: false, onProgress: (reportId, done) => {
      progress.push(done);
      if (progress.length === 1) expect(r.cancel(reportId)).toBe(true);
    } });
    await r.check();
    const [stopped] = listReassessmentReports(h.admin, undefined);
    expect(stopped).toMatchObject({ total: 6, done: 2, running: false });
    expect(progress).toEqual([2]);
    await r.check();
    expect(listReassessmentReports(h.admin, undefined)).toMatchObject([{ id: stopped!.id, done: 6 }]);
    expect(progress).toEqual([2, 4, 6]);
    for (const id of ids) expect(listAssessments(h.admin, { caseId: id })).toHaveLength(1);
  });

  it('resumes at its look a run begun without it (a step at a time) and left unfinished', async () => {
    Array.from({ length: 3 }, () => createCase(h.officer, { case: ivanov() }));
    const { reportId } = openReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '1983', reason: 'refresh' }));
    expect(reassessStep(h.admin, { reportId })).toMatchObject({ done: 3, finished: true });
    const other = createCase(h.officer, { case: ivanov() }).id;
    saveRuleSet(h.admin, { ruleSet: twelveMonths('2025-06-01'), reason: 'r' });
    const second = openReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '2025-12m', reason: 'begun by hand' }));
    await start().check();
    expect(getReassessReport(h.admin, { reportId: second.reportId })).toMatchObject({ total: 4, done: 4 });
    expect(listAssessments(h.admin, { caseId: other })).toHaveLength(1);
  });

  it('re-assesses every open case naming a rule-set when a treaty map version takes effect', async () => {
    const named = [createCase(h.officer, { case: ivanov() }).id, createCase(h.admin, { case: CASE_FIXTURES.lifeChinese }).id];
    createCase(h.officer, { case: CASE_FIXTURES.minimal });
    saveTreatyMap(h.admin, { map: { ...structuredClone(BUILT_IN_TREATY_MAP), version: '2025-06-corrected', effectiveFrom: '2025-06-01' }, reason: 'a date corrected' });
    expect(pendingReassessments(h.admin)).toMatchObject([{ subject: 'treaty-map', ruleSetId: 'treaty-map', version: '2025-06-corrected', openCases: 2 }]);
    await start().check();
    expect(listReassessmentReports(h.admin, undefined)).toMatchObject([{ subject: 'treaty-map', total: 2, done: 2 }]);
    for (const id of named) expect(listAssessments(h.admin, { caseId: id })[0]?.result.treatyMap).toMatchObject({ version: '2025-06-corrected' });
  });
});
