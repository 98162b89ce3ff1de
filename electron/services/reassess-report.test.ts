/**
 * Re-assessment when a rule-set version takes effect: which versions are pending, the batch
 * run step by step, and the stored report naming each verdict that changed and why.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { countAuditEntries } from '../../db/audit-repo.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { BUILT_IN_PROFILES } from '../../shared/treaties/profile-schema.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import { listAssessments, runAssessment } from './assessments.ts';
import { closeCase, createCase } from './cases.ts';
import { getReassessReport, listReassessmentReports, pendingReassessments, reassessStep, REASSESS_STEP_SIZE, startReassessment } from './reassess-report.ts';
import { saveProfile } from './profiles.ts';
import { saveRuleSet } from './rulesets.ts';
import { expectRefused, parsed, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness('2025-06-12T09:00:00.000Z');
});
afterEach(() => h.dispose());

/**
 * IVANOV, sentenced in Switzerland to 2 years from 2024-01-10, no remand; Russia received the
 * request on 2025-06-10 (the reference date: a version applies to cases whose reference date
 * is on or after its effective date). ETS 112 counts to expiry: the term ends 2026-01-09, the
 * first day at liberty is 2026-01-10, so 214 days remain on 2025-06-10
 * (20 in June + 31 + 31 + 30 + 31 + 30 + 31 + 10 in January).
 * - 6 months: 2025-06-10 + 6 m = 2025-12-10 <= 2026-01-10: met -> eligible.
 * - 12 months: 2025-06-10 + 12 m = 2026-06-10 > 2026-01-10: not met; ETS 112 Art. 3(2) lets
 *   the States agree anyway -> "by exception", verdict eligible_by_exception.
 */
const ivanov = () => {
  const c = structuredClone(CASE_FIXTURES.formatExample) as Record<string, unknown>;
  return {
    ...c,
    // ETS 112 binds Switzerland (1988) and Russia (2007): the treaty basis holds, so the verdict follows the remaining time.
    sentencingState: 'CH',
    ruleSetId: 'coe-ets-112',
    sentences: [{ id: 'S1', start: '2024-01-10', term: { years: 2, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
    offences: [(c.offences as unknown[])[0]],
    remandDays: 0,
    financialObligations: [],
    events: { application: null, request: null, requestReceived: '2025-06-10', judgmentReceived: null, statesAgreed: null },
  };
};

/** ETS 112 with the minimum remaining raised from 6 to 12 months, in force from `effectiveFrom`. */
function twelveMonths(effectiveFrom: string, version = '2025-12m'): RuleSet {
  const base = builtInRuleSet('coe-ets-112')!;
  return { ...base, version, effectiveFrom, minRemaining: { ...base.minRemaining, value: { duration: { years: 0, months: 12, days: 0 }, effect: 'mandatory-with-exception' } } };
}

function runToEnd(reportId: string) {
  const seen: number[] = [];
  for (;;) {
    const p = reassessStep(h.admin, { reportId });
    seen.push(p.done);
    if (p.finished) return seen;
  }
}

describe('re-assessment when a version takes effect', () => {
  it('reports the verdict that flips when the minimum remaining goes from 6 to 12 months, and which condition changed', () => {
    const ivanovId = createCase(h.admin, { case: ivanov() }).id;
    const first = runAssessment(h.admin, { caseId: ivanovId });
    expect(first.verdict).toBe('eligible');
    expect(first.result.dates).toMatchObject({ releaseDate: '2026-01-10', remainingDays: 214 });

    saveRuleSet(h.admin, { ruleSet: twelveMonths('2025-06-01'), reason: 'HK practice: 12 months' });
    expect(pendingReassessments(h.admin)).toEqual([
      { subject: 'rule-set', ruleSetId: 'coe-ets-112', version: '2025-12m', effectiveFrom: '2025-06-01', title: builtInRuleSet('coe-ets-112')!.title, openCases: 1 },
    ]);

    const started = startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '2025-12m', reason: 'version 2025-12m in force' }));
    expect(started).toMatchObject({ total: 1, done: 0, finished: false });
    expect(reassessStep(h.admin, { reportId: started.reportId })).toEqual({ reportId: started.reportId, total: 1, done: 1, finished: true });

    const report = getReassessReport(h.officer, { reportId: started.reportId });
    expect(report).toMatchObject({ ruleSetId: 'coe-ets-112', version: '2025-12m', total: 1, done: 1, changed: 1, skipped: 0 });
    expect(report.items).toEqual([
      {
        position: 0, caseId: ivanovId, familyName: 'IVANOV', givenNames: 'Pyotr', prisonNumber: null, reference: 'CSD-2024-0012', outcome: 'changed', before: 'eligible', after: 'eligible_by_exception',
        assessmentId: listAssessments(h.admin, { caseId: ivanovId })[0]!.id, skippedReason: null,
        conditions: [{ id: 'remaining-sentence', before: 'met', after: 'waived' }],
      },
    ]);
    // What the version changed, from the built-in version before it.
    expect(report.previousVersion).toBe(builtInRuleSet('coe-ets-112')!.version);
    expect(report.parameters).toMatchObject([
      { key: 'minRemaining', before: { value: { duration: { months: 6 } } }, after: { value: { duration: { years: 0, months: 12, days: 0 }, effect: 'mandatory-with-exception' } } },
    ]);
    // The new assessment used the new version; the old one is kept as it was.
    const [latest, earlier] = listAssessments(h.admin, { caseId: ivanovId });
    expect(latest!.ruleSet).toMatchObject({ version: '2025-12m', source: 'stored' });
    expect(earlier).toEqual(first);
    expect(pendingReassessments(h.admin)).toEqual([]);
    expect(listReassessmentReports(h.officer, { ruleSetId: 'coe-ets-112' }).map((r) => r.id)).toEqual([started.reportId]);
  });

  it('a version dated in the future is pending only from its effective date', () => {
    createCase(h.admin, { case: ivanov() });
    saveRuleSet(h.admin, { ruleSet: twelveMonths('2025-07-01'), reason: 'signed, in force 1 July' });
    expect(pendingReassessments(h.admin)).toEqual([]);
    h.setNow('2025-06-30T23:00:00.000Z'); // still 30 June in UTC
    expect(pendingReassessments(h.admin)).toEqual([]);
    h.setNow('2025-07-01T08:00:00.000Z');
    expect(pendingReassessments(h.admin).map((p) => p.version)).toEqual(['2025-12m']);
  });

  it('selects open cases of that rule-set only, runs in steps with exact progress, and audits each step', () => {
    const total = REASSESS_STEP_SIZE + 3;
    const ids = Array.from({ length: total }, () => createCase(h.admin, { case: ivanov() }).id);
    const closed = createCase(h.admin, { case: ivanov() });
    closeCase(h.admin, { id: closed.id, expectedVersion: 1, outcome: 'deceased', reason: 'r', reasonCode: 'deceased' });
    createCase(h.admin, { case: { ...ivanov(), ruleSetId: 'hk-us-1997' } });
    saveRuleSet(h.admin, { ruleSet: twelveMonths('2025-01-01'), reason: 'r' });

    const started = startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '2025-12m', reason: 'r' }));
    expect(started.total).toBe(total);
    // Asked again before it is finished, the same run is resumed.
    reassessStep(h.admin, { reportId: started.reportId });
    expect(startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '2025-12m', reason: 'r' }))).toEqual({ ...started, done: REASSESS_STEP_SIZE });
    const audit = countAuditEntries(h.admin.db);
    expect(runToEnd(started.reportId)).toEqual([total]);
    // Per case an assessment.run entry, per step one ruleset.reassess.batch entry.
    expect(countAuditEntries(h.admin.db) - audit).toBe(3 + 1);
    const report = getReassessReport(h.admin, { reportId: started.reportId });
    // Never assessed before: every verdict is new, so every case is listed as changed.
    expect(report.items.map((i) => i.caseId).sort()).toEqual([...ids].sort());
    expect(report.items.every((i) => i.before === null && i.after === 'eligible_by_exception')).toBe(true);
    // A further step changes nothing.
    expect(reassessStep(h.admin, { reportId: started.reportId })).toMatchObject({ done: total, finished: true });
  });

  it('keeps the report as it was run (triggers) and refuses an unknown version or report, changing nothing', () => {
    createCase(h.admin, { case: ivanov() });
    const started = startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '1983', reason: 'refresh' }));
    reassessStep(h.admin, { reportId: started.reportId });
    expect(() => h.admin.db.prepare("UPDATE reassess_items SET outcome = 'unchanged'").run()).toThrow(/never changed/);
    expect(() => h.admin.db.prepare('DELETE FROM reassess_reports').run()).toThrow(/never deleted/);
    expectRefused(h.admin, 'not_found', () => startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: 'nope', reason: 'r' })));
    expectRefused(h.admin, 'not_found', () => reassessStep(h.admin, { reportId: '00000000-0000-4000-8000-000000000000' }));
  });
});

describe('re-assessment when a jurisdiction profile version takes effect', () => {
  /**
   * IVANOV as above, sentenced in England and Wales, with 60 days on remand. Its built-in
   * profile credits remand day for day: the release moves from 2026-01-10 (HMPPS: the term from
   * 2024-01-10 ends 2026-01-09) back 60 days to 2025-11-11 (30 days to 2025-12-11, 30 more to
   * 2025-11-11), before the threshold 2025-06-10 + 6 m = 2025-12-10: the minimum is not met,
   * which the States may waive -> eligible_by_exception. A stored GB version crediting no remand
   * puts the release back on 2026-01-10, after the threshold -> met -> eligible.
   */
  const noRemandCredit = () => ({
    ...structuredClone(BUILT_IN_PROFILES.find((p) => p.code === 'GB')!),
    version: '2025-no-credit', effectiveFrom: '2025-06-01', remandCredit: { value: 'none', source: 'entered for the test', confidence: 'U' },
  });

  it('re-assesses the open cases sentenced there only, and reports the verdict that changed and why', () => {
    const england = createCase(h.admin, { case: { ...ivanov(), remandDays: 60, sentencingState: 'GB' } }).id;
    const elsewhere = createCase(h.admin, { case: { ...ivanov(), remandDays: 60 } }).id;
    expect(runAssessment(h.admin, { caseId: england }).verdict).toBe('eligible_by_exception');
    saveProfile(h.admin, { profile: noRemandCredit(), reason: 'the Act amended' });

    expect(pendingReassessments(h.admin)).toEqual([
      { subject: 'profile', ruleSetId: 'GB', version: '2025-no-credit', effectiveFrom: '2025-06-01', title: noRemandCredit().name, openCases: 1 },
    ]);
    const started = startReassessment(h.admin, parsed('rulesets.reassess', { subject: 'profile', ruleSetId: 'GB', version: '2025-no-credit', reason: 'the Act amended' }));
    expect(started.total).toBe(1);
    runToEnd(started.reportId);
    const report = getReassessReport(h.admin, { reportId: started.reportId });
    expect(report).toMatchObject({ subject: 'profile', ruleSetId: 'GB', version: '2025-no-credit', total: 1, changed: 1 });
    expect(report.items).toMatchObject([{ caseId: england, before: 'eligible_by_exception', after: 'eligible', conditions: [{ id: 'remaining-sentence', before: 'waived', after: 'met' }] }]);
    expect(listAssessments(h.admin, { caseId: elsewhere })).toEqual([]);
    expect(pendingReassessments(h.admin)).toEqual([]);
    // A rule-set's reports are listed apart from the profile's.
    expect(listReassessmentReports(h.admin, { ruleSetId: 'coe-ets-112' })).toEqual([]);
  });

  it('refuses a profile version the store does not have, changing nothing', () => {
    createCase(h.admin, { case: ivanov() });
    const refused = expectRefused(h.admin, 'not_found', () => startReassessment(h.admin, parsed('rulesets.reassess', { subject: 'profile', ruleSetId: 'HK', version: 'built-in', reason: 'r' })));
    expect(refused.messageKey).toBe('error.profile_not_found');
    expect(refusedPayload(h.admin, 'rulesets.reassess', { subject: 'profile', ruleSetId: 'hk', version: 'x', reason: 'r' }).problems).toMatchObject([{ field: 'ruleSetId' }]);
  });
});
