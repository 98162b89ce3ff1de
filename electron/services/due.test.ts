/** "What is due" across cases: deadlines per rule-set, alerts from the latest assessment, by urgency. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { runAssessment } from './assessments.ts';
import { closeCase, createCase, listCases, updateCase } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { listDocuments, setDocumentStatus } from './documents.ts';
import { listDue } from './due.ts';
import { saveRuleSet } from './rulesets.ts';
import { parsed, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';
import { transitionCase, workflowState } from './workflow.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness('2025-01-15T10:00:00.000Z'); // today: 2025-01-15, a Wednesday
  ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
});
afterEach(() => h.dispose());

const example = CASE_FIXTURES.formatExample as Record<string, unknown>;
const euCase = (familyName: string, events: Record<string, string | null>, status = 'awaiting-other-state') =>
  createCase(ctx, {
    case: { ...example, ruleSetId: 'eu-fd-2008-909', status, person: { ...(example.person as object), familyName }, events: { ...(example.events as object), ...events } },
  });

describe('listDue', () => {
  it('2008/909 deadlines by urgency, with the arithmetic written out', () => {
    // Receipt 2024-10-10 + 90 days = 2025-01-08 (21 days to 10-31, 51 to 11-30, 82 to 12-31, 8 more): overdue.
    const a = euCase('AARON', { judgmentReceived: '2024-10-10' });
    // Receipt 2024-10-20 + 90 = 2025-01-18 (11, 41, 72, then 18): within the week.
    const b = euCase('BERG', { judgmentReceived: '2024-10-20' });
    // Receipt 2024-12-01 + 90 = 2025-03-01 (30 to 12-31, 61 to 01-31, 89 to 02-28, 1 more): later.
    const c = euCase('CARR', { judgmentReceived: '2024-12-01' });
    // Decided (agreed) 2025-01-10: the 90 days are met; 30 days to transfer run: 2025-01-10 + 30 = 2025-02-09.
    const d = euCase('DOLE', { judgmentReceived: '2024-10-01' });
    for (const doc of listDocuments(ctx, { caseId: d.id }).filter((x) => x.required)) setDocumentStatus(ctx, { caseId: d.id, kind: doc.kind, status: 'received' });
    transitionCase(ctx, { id: d.id, expectedVersion: 1, transition: 'record-agreement', date: '2025-01-10', reason: 'recognised' });
    // A closed case has nothing due.
    const e = euCase('EVANS', { judgmentReceived: '2024-09-01' });
    closeCase(ctx, { id: e.id, expectedVersion: 1, outcome: 'withdrawn_by_state', reason: 'certificate withdrawn', reasonCode: 'request-withdrawn' });

    const due = listDue(ctx, parsed('due.list', {}));
    expect(due.on).toBe('2025-01-15');
    expect(due.items.map((i) => [i.familyName, i.kind, i.id, i.date, i.urgency])).toEqual([
      ['AARON', 'deadline', 'recognition-decision', '2025-01-08', 'overdue'],
      ['BERG', 'deadline', 'recognition-decision', '2025-01-18', 'this-week'],
      ['DOLE', 'deadline', 'transfer-after-decision', '2025-02-09', 'later'],
      ['CARR', 'deadline', 'recognition-decision', '2025-03-01', 'later'],
    ]);
    expect(due.counts).toEqual({ overdue: 1, 'this-week': 1, later: 2 });
    expect(listDue(ctx, parsed('due.list', { urgency: 'this-week' })).items.map((i) => i.caseId)).toEqual([b.id]);
    // A shorter horizon leaves out what is due after it: 2025-01-15 + 30 = 2025-02-14.
    expect(listDue(ctx, parsed('due.list', { horizonDays: 30 })).items.map((i) => i.caseId)).toEqual([a.id, b.id, d.id]);
    // As of 2025-03-02 every one of them is overdue (DOLE since 02-09, CARR since 03-01).
    expect(listDue(ctx, parsed('due.list', { on: '2025-03-02' })).counts).toEqual({ overdue: 4, 'this-week': 0, later: 0 });
    // The case list filters on them (as of today, 90 days ahead).
    expect(listCases(ctx, parsed('cases.list', { due: 'overdue' })).items.map((i) => i.id)).toEqual([a.id]);
    expect(listCases(ctx, parsed('cases.list', { due: 'this-week' })).items.map((i) => i.id)).toEqual([b.id]);
    expect(listCases(ctx, parsed('cases.list', { due: 'any-due', sort: { field: 'familyName', dir: 'asc' } })).items.map((i) => i.id)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('groups are counted over everything and paged within each: more overdue than a page never hides what is due this week', () => {
    // Receipts 2024-10-01..05 + 90 days = 2024-12-30..2025-01-03: five overdue; 2024-10-20 + 90 = 2025-01-18: this week.
    const overdue = ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05'].map((d, i) => euCase(`OVER${i}`, { judgmentReceived: d }));
    const week = euCase('WEEK', { judgmentReceived: '2024-10-20' });
    const first = listDue(ctx, parsed('due.list', { limit: 2 }));
    expect(first.counts).toEqual({ overdue: 5, 'this-week': 1, later: 0 });
    expect(first.items.map((i) => i.caseId)).toEqual([overdue[0]!.id, overdue[1]!.id, week.id]);
    expect(first.truncated).toBe(true);
    // The next page of one group, then its last.
    expect(listDue(ctx, parsed('due.list', { urgency: 'overdue', offset: 2, limit: 2 })).items.map((i) => i.caseId)).toEqual([overdue[2]!.id, overdue[3]!.id]);
    const last = listDue(ctx, parsed('due.list', { urgency: 'overdue', offset: 4, limit: 2 }));
    expect([last.items.map((i) => i.caseId), last.truncated]).toEqual([[overdue[4]!.id], false]);
  });

  it('a release drawing near, and a transfer that would leave less than the minimum (ETS 112: six months)', () => {
    // One sentence of 4 years from 2021-06-01, no remand: the release falls within 180 days of today.
    const { id } = createCase(ctx, {
      case: { ...example, ruleSetId: 'coe-ets-112', remandDays: 0, sentences: [{ id: 'S1', start: '2021-06-01', term: { years: 4, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }] },
    });
    const assessment = runAssessment(ctx, { caseId: id });
    const release = assessment.result.dates.releaseDate;
    expect(release).not.toBeNull();
    // Release 2025-06-01 is 137 days away (16 to 01-31, 44 to 02-28, 75, 105, 136 to 05-31, 1 more): within 180, beyond the default 90-day horizon.
    expect(release).toBe('2025-06-01');
    expect(listDue(ctx, parsed('due.list', {})).items.some((i) => i.kind === 'release-near')).toBe(false);
    const kinds = listDue(ctx, parsed('due.list', { horizonDays: 180 })).items.filter((i) => i.caseId === id).map((i) => [i.kind, i.date]);
    expect(kinds).toContainEqual(['release-near', release]);
    // The last day a transfer still leaves six months is six months before the release: long past, so overdue.
    const last = kinds.find(([k]) => k === 'remaining-below-minimum');
    expect(last?.[1] !== undefined && last[1] < '2025-01-15').toBe(true);
    expect(workflowState(ctx, { caseId: id }).alerts.map((a) => a.kind)).toEqual(['remaining-below-minimum', 'release-near']);

    // The latest assessment's dates replace the earlier ones: the term corrected to 8 years
    // moves the release to 2029-06-01, far beyond 180 days, so nothing is near any more.
    const corrected = updateCase(ctx, {
      id, expectedVersion: 1, reason: 'term corrected from the judgment',
      case: { ...example, ruleSetId: 'coe-ets-112', remandDays: 0, sentences: [{ id: 'S1', start: '2021-06-01', term: { years: 8, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }] },
    });
    expect(runAssessment(ctx, { caseId: corrected.id }).result.dates.releaseDate).toBe('2029-06-01');
    expect(listDue(ctx, parsed('due.list', { horizonDays: 180 })).items.filter((i) => i.caseId === id && i.kind === 'release-near')).toEqual([]);
  });

  it('an ad hoc arrangement bound to one case brings its deadlines to that case only', () => {
    // The arrangement takes 2008/909's deadlines; both cases name it, only ADAMS is bound to it.
    const adams = createCase(ctx, { case: { ...example, ruleSetId: 'hk-ad-hoc-adams', status: 'awaiting-other-state', person: { ...(example.person as object), familyName: 'ADAMS' }, events: { ...(example.events as object), judgmentReceived: '2024-10-20' } } });
    const other = createCase(ctx, { case: { ...example, ruleSetId: 'hk-ad-hoc-adams', status: 'awaiting-other-state', person: { ...(example.person as object), familyName: 'OTHER' }, events: { ...(example.events as object), judgmentReceived: '2024-10-20' } } });
    const eu = builtInRuleSet('eu-fd-2008-909')!;
    saveRuleSet(h.admin, {
      ruleSet: { ...eu, id: 'hk-ad-hoc-adams', version: '1', effectiveFrom: '2024-01-01', title: 'Arrangement for ADAMS', kind: 'ad-hoc-arrangement', caseId: adams.id },
      reason: 'agreed for this prisoner',
    });
    // Receipt 2024-10-20 + 90 days = 2025-01-18 (11 days to 10-31, 41 to 11-30, 72 to 12-31, then 18).
    expect(listDue(ctx, parsed('due.list', {})).items.map((i) => [i.familyName, i.id, i.date])).toEqual([['ADAMS', 'recognition-decision', '2025-01-18']]);
    expect(listDue(ctx, parsed('due.list', {})).items.some((i) => i.caseId === other.id)).toBe(false);
  });

  it('refuses a bad date or horizon', () => {
    expect(refusedPayload(ctx, 'due.list', { on: '2025-02-30' }).problems.map((p) => p.field)).toContain('on');
    expect(refusedPayload(ctx, 'due.list', { horizonDays: -1 }).problems).toMatchObject([{ field: 'horizonDays' }]);
  });
});
