import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAssessment } from '../../db/assessments-repo.ts';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { storedAssessmentSchema } from '../../shared/api-schemas.ts';
import { toMessageParams } from '../../shared/messages.ts';
import { caseSchema } from '../../shared/domain/case.ts';
import { assessUnder, lawResolver } from './ruleset-resolution.ts';
import { formatIsoDate, parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { ruleSetSchema } from '../../shared/treaties/schema.ts';
import { toStoredAssessment } from '../../shared/eligibility/report.ts';
import { listAssessments, runAssessment } from './assessments.ts';
import { listAudit } from './audit.ts';
import { createCase, getCase, listCases, updateCase } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { saveRuleSet } from './rulesets.ts';
import { expectRefused, parsed, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness();
  ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
});
afterEach(() => h.dispose());

const hkTh = () => {
  const rs = builtInRuleSet('hk-th');
  if (rs === undefined) throw new Error('hk-th is built in');
  return rs;
};

describe('runAssessment', () => {
  it("assesses under the case's rule-set and freezes what it used", () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    const a = runAssessment(ctx, { caseId: record.id, reason: 'first screening' });
    expect(a).toMatchObject({
      caseId: record.id, caseVersion: 1, userId: ctx.user.id, createdAt: '2025-01-15T10:00:00.000Z', reason: 'first screening', on: null,
      ruleSet: { id: 'hk-th', version: hkTh().version, source: 'built-in', hash: sha256Hex(canonicalJson(hkTh())) },
    });
    expect(a.caseSnapshot).toStrictEqual(record.case);
    // hk-th counts from the application (2023-02-01 in the file).
    expect(a.referenceDate).toBe('2023-02-01');
    expect(a.result.referenceSource).toBe('event');
    expect(a.verdict).toBe(a.result.verdict);
    expect(storedAssessmentSchema.parse(a.result)).toStrictEqual(a.result);
  });

  it('stores a result that the engine reproduces from the snapshot and the rule-set', () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.formatExample });
    const a = runAssessment(ctx, { caseId: record.id, ruleSetId: 'coe-ets-112', on: '2024-03-01' });
    const today = todayFrom(ctx.clock());
    const law = lawResolver(null, ruleSetSchema.parse(builtInRuleSet('coe-ets-112')))('coe-ets-112', a.caseSnapshot, parseIsoDate('2024-03-01'), today)!;
    const again = toStoredAssessment(assessUnder(law, a.caseSnapshot, parseIsoDate('2024-03-01'), today));
    expect(a.result).toStrictEqual(again);
    expect(a).toMatchObject({ on: '2024-03-01', referenceDate: '2024-03-01', result: { referenceSource: 'override' } });
  });

  it('writes every date of the result as YYYY-MM-DD', () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.formatExample });
    const a = runAssessment(ctx, { caseId: record.id, ruleSetId: 'coe-ets-112' });
    expect(a.result.dates.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(a.result.dates.sentenceExpiryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dateParams = [...a.result.conditions.map((c) => c.params), ...a.result.steps.map((s) => s.params)]
      .flatMap((p) => Object.values(p))
      .filter((v) => typeof v === 'object');
    expect(dateParams.length).toBeGreaterThan(0);
    for (const v of dateParams) if ('date' in v) expect(v.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const step = a.result.steps[0];
    expect(step && toMessageParams(step.params)).toMatchObject({ date: { day: parseIsoDate(a.referenceDate) } });
  });

  it('uses today when the rule-set event is unknown, and says so', () => {
    h.setNow('2025-03-04T09:00:00.000Z');
    const record = createCase(ctx, { case: CASE_FIXTURES.minimal });
    const a = runAssessment(ctx, { caseId: record.id, ruleSetId: 'us-th-1982' });
    expect(a.referenceDate).toBe(formatIsoDate(todayFrom(new Date('2025-03-04T09:00:00.000Z'))));
    expect(a.result.flags).toContain('reference_date_provisional');
  });

  it('appends one audit entry that ties the snapshot into the chain', () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    const a = runAssessment(ctx, { caseId: record.id });
    const entries = listAudit(ctx, { entityId: record.id, limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(['assessment.run', 'case.create']);
    const row = findAssessment(ctx.db, a.id)!;
    expect(entries[0]?.after).toMatchObject({ assessmentId: a.id, verdict: a.verdict, snapshotHash: sha256Hex(row.case_snapshot + row.result) });
  });

  it('keeps the snapshot after the case changes, and refuses to alter it', () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    const a = runAssessment(ctx, { caseId: record.id });
    updateCase(ctx, { id: record.id, expectedVersion: 1, case: { ...(CASE_FIXTURES.lifeChinese as object), remandDays: 99 }, reason: 'correction' });
    const [stored] = listAssessments(ctx, { caseId: record.id });
    expect(stored?.caseSnapshot).toStrictEqual(a.caseSnapshot);
    expect(stored?.caseVersion).toBe(1);
    expect(() => ctx.db.prepare("UPDATE assessments SET verdict = 'eligible'").run()).toThrow(/frozen/);
    expect(() => ctx.db.prepare('DELETE FROM assessments').run()).toThrow(/frozen/);
  });

  it('becomes the latest assessment of the case, in the record and the list', () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    createCase(ctx, { case: CASE_FIXTURES.cyrillic });
    runAssessment(ctx, { caseId: record.id, on: '2023-01-01' });
    h.setNow('2025-01-16T10:00:00.000Z');
    const second = runAssessment(ctx, { caseId: record.id, on: '2024-01-01' });
    expect(getCase(ctx, { id: record.id }).latestAssessment).toEqual({
      id: second.id, verdict: second.verdict, referenceDate: '2024-01-01', createdAt: '2025-01-16T10:00:00.000Z', ruleSetId: 'hk-th',
    });
    expect(listAssessments(ctx, { caseId: record.id }).map((x) => x.id)[0]).toBe(second.id);
    expect(listCases(ctx, parsed('cases.list', { verdict: second.verdict })).items.map((i) => i.id)).toEqual([record.id]);
    expect(listCases(ctx, parsed('cases.list', { verdict: 'not_assessed' })).total).toBe(1);
    // Assessing is not a change of the case: its version stays.
    expect(getCase(ctx, { id: record.id }).version).toBe(1);
  });

  it('an assessment under another instrument is exploration: kept and listed, never the case\'s verdict or due dates', () => {
    // Switzerland -> Russia under ETS 112 (both parties). Asked under the Hong Kong–Thailand agreement (neither is a party): a what-if.
    const record = createCase(ctx, { case: { ...(CASE_FIXTURES.formatExample as object), sentencingState: 'CH', ruleSetId: 'coe-ets-112' } });
    const own = runAssessment(ctx, { caseId: record.id, on: '2024-03-01' });
    h.setNow('2025-01-16T10:00:00.000Z');
    const whatIf = runAssessment(ctx, { caseId: record.id, ruleSetId: 'hk-th', on: '2024-03-01' });
    expect(whatIf.result.conditions.find((c) => c.id === 'treaty-basis')?.status).toBe('not_met');
    expect(whatIf.verdict).toBe('ineligible');
    expect(getCase(ctx, { id: record.id }).latestAssessment).toMatchObject({ id: own.id, ruleSetId: 'coe-ets-112' });
    expect(own.verdict).not.toBe('ineligible');
    expect(listCases(ctx, parsed('cases.list', {})).items.find((i) => i.id === record.id)?.verdict).toBe(own.verdict);
    expect(listAssessments(ctx, { caseId: record.id }).map((x) => x.id)).toEqual([whatIf.id, own.id]);
    expect(listAudit(ctx, { entityId: record.id, limit: 1 })[0]?.after).toMatchObject({ assessmentId: whatIf.id, exploration: true });
  });

  it('refuses, changing nothing: no rule-set, an unknown one, an unknown case, a bad date', () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.formatExample });
    expect(expectRefused(ctx, 'invalid_input', () => runAssessment(ctx, { caseId: record.id })).messageKey).toBe('error.ruleset_required');
    expect(expectRefused(ctx, 'not_found', () => runAssessment(ctx, { caseId: record.id, ruleSetId: 'no-such-treaty' })).problems).toEqual([
      { field: 'ruleSetId', message: 'no rule-set "no-such-treaty"' },
    ]);
    expectRefused(ctx, 'not_found', () => runAssessment(ctx, { caseId: crypto.randomUUID(), ruleSetId: 'coe-ets-112' }));
    expect(refusedPayload(ctx, 'assessments.run', { caseId: record.id, ruleSetId: 'coe-ets-112', on: '2023-02-29' }).problems[0]?.field).toBe('on');
  });
});

describe('rule-set versions in force', () => {
  const edited = (version: string, effectiveFrom: string, id = 'hk-th') => ({
    ...hkTh(), id, version, effectiveFrom, minRemaining: { ...hkTh().minRemaining, note: `edited ${version}` },
  });

  it('uses a stored version from its effective date on, the built-in one before', () => {
    const legal = h.admin;
    const saved = saveRuleSet(legal, { ruleSet: edited('2024-rev1', '2024-01-01'), reason: 'gazette 2023/12' });
    saveRuleSet(legal, { ruleSet: edited('2024-rev2', '2024-07-01'), reason: 'gazette 2024/06' });
    const record = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    expect(runAssessment(ctx, { caseId: record.id }).ruleSet).toMatchObject({ version: hkTh().version, source: 'built-in' });
    expect(runAssessment(ctx, { caseId: record.id, on: '2024-01-01' }).ruleSet).toEqual({ id: 'hk-th', version: '2024-rev1', hash: saved.hash, source: 'stored' });
    expect(runAssessment(ctx, { caseId: record.id, on: '2024-06-30' }).ruleSet.version).toBe('2024-rev1');
    expect(runAssessment(ctx, { caseId: record.id, on: '2025-01-01' }).ruleSet.version).toBe('2024-rev2');
  });

  it('has no version of a custom rule-set before its first effective date', () => {
    saveRuleSet(h.admin, { ruleSet: edited('1', '2024-01-01', 'hk-xx-custom'), reason: 'new arrangement' });
    const record = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    expect(runAssessment(ctx, { caseId: record.id, ruleSetId: 'hk-xx-custom', on: '2024-02-01' }).ruleSet.source).toBe('stored');
    expectRefused(ctx, 'not_found', () => runAssessment(ctx, { caseId: record.id, ruleSetId: 'hk-xx-custom', on: '2023-12-31' }));
  });
});

describe('listAssessments', () => {
  it('lists newest first, and refuses an unknown case', () => {
    const record = createCase(ctx, { case: caseSchema.parse(CASE_FIXTURES.lifeChinese) });
    expect(listAssessments(ctx, { caseId: record.id })).toEqual([]);
    const first = runAssessment(ctx, { caseId: record.id });
    h.setNow('2025-02-01T00:00:00.000Z');
    const second = runAssessment(ctx, { caseId: record.id, ruleSetId: 'hk-us-1997' });
    expect(listAssessments(ctx, { caseId: record.id }).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(listAssessments(ctx, { caseId: record.id })[1]).toStrictEqual(first);
    expect(() => listAssessments(ctx, { caseId: crypto.randomUUID() })).toThrow(/not_found/);
  });
});
