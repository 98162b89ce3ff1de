/**
 * The dry run of a re-assessment, on a real store: before a version is saved (or a saved one is
 * run), it counts what the run would change, and the run then changes exactly that; it writes
 * nothing. And the report that the run leaves: each person by name, prison number and case
 * reference, the parameters changed, as CSV (formulas neutralised) and as PDF, in both languages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { storeDigest } from '../../db/testing.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import { runAssessment } from './assessments.ts';
import { closeCase, createCase } from './cases.ts';
import { exportReassessReport } from './reassess-export.ts';
import { previewReassessment } from './reassess-preview.ts';
import { getReassessReport, reassessStep, startReassessment } from './reassess-report.ts';
import { saveRuleSet } from './rulesets.ts';
import { expectRefused, parsed, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness('2025-06-12T09:00:00.000Z');
});
afterEach(() => h.dispose());

/**
 * IVANOV (as in reassess-report.test.ts): sentenced in Switzerland to `years` from 2024-01-10,
 * the request received on `received`. With 2 years and the request on 2025-06-10, 214 days
 * remain: 6 months met (eligible), 12 months not met but waivable (eligible_by_exception).
 */
function ivanov(person: Record<string, unknown> = {}, { years = 2, received = '2025-06-10' } = {}) {
  const c = structuredClone(CASE_FIXTURES.formatExample) as Record<string, unknown>;
  return {
    ...c,
    person: { ...(c.person as object), ...person },
    sentencingState: 'CH',
    ruleSetId: 'coe-ets-112',
    sentences: [{ id: 'S1', start: '2024-01-10', term: { years, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
    offences: [(c.offences as unknown[])[0]],
    remandDays: 0,
    financialObligations: [],
    events: { application: null, request: null, requestReceived: received, judgmentReceived: null, statesAgreed: null },
  };
}

function twelveMonths(effectiveFrom = '2025-06-01', version = '2025-12m'): RuleSet {
  const base = builtInRuleSet('coe-ets-112')!;
  return {
    ...base, version, effectiveFrom,
    minRemaining: { value: { duration: { years: 0, months: 12, days: 0 }, effect: 'mandatory-with-exception' }, source: 'HK practice note 2025', confidence: 'S' },
  };
}

/** The caseload: two verdicts that move (one assessed before, one never), two that stay, and two cases outside the selection. */
function caseload() {
  const flips = createCase(h.admin, { case: { ...ivanov({ prisonNumber: 'CSD 25/00001' }), reference: 'CSD-2025-0001' } }).id;
  const stays = createCase(h.admin, { case: ivanov({ familyName: 'PETROV' }, { years: 5 }) }).id;
  const never = createCase(h.admin, { case: ivanov({ familyName: 'SOKOLOV', prisonNumber: 'CSD 25/00003' }) }).id;
  // Received before the version's effective date: the version before it still governs the case.
  const earlier = createCase(h.admin, { case: ivanov({ familyName: 'ORLOV' }, { received: '2025-05-01' }) }).id;
  const closed = createCase(h.admin, { case: ivanov({ familyName: 'CLOSED' }) });
  closeCase(h.admin, { id: closed.id, expectedVersion: 1, outcome: 'deceased', reason: 'r', reasonCode: 'deceased' });
  createCase(h.admin, { case: { ...ivanov({ familyName: 'OTHER' }), ruleSetId: 'hk-us-1997' } });
  for (const id of [flips, stays, earlier]) expect(runAssessment(h.admin, { caseId: id }).verdict).toBe('eligible');
  return { flips, stays, never, earlier };
}

const previewAll = (input: Parameters<typeof previewReassessment>[1]) => {
  const step = previewReassessment(h.admin, input);
  expect(step.finished).toBe(true);
  return step;
};

describe('the re-assessment preview', () => {
  it('counts, before the version is saved, the verdicts that would change and names the people, writing nothing', () => {
    const { flips, never } = caseload();
    const before = storeDigest(h.admin.db);
    const preview = previewAll(parsed('rulesets.reassessPreview', { ruleSet: twelveMonths() }));
    expect(storeDigest(h.admin.db)).toBe(before);
    expect(preview).toMatchObject({ total: 4, from: 0, done: 4, changed: 2, unchanged: 2, skipped: 0 });
    expect(preview.transitions).toEqual([
      { before: 'eligible', after: 'eligible_by_exception', count: 1 },
      { before: null, after: 'eligible_by_exception', count: 1 },
    ]);
    expect(preview.people).toEqual([
      { caseId: flips, familyName: 'IVANOV', givenNames: 'Pyotr', prisonNumber: 'CSD 25/00001', reference: 'CSD-2025-0001', before: 'eligible', after: 'eligible_by_exception' },
      { caseId: never, familyName: 'SOKOLOV', givenNames: 'Pyotr', prisonNumber: 'CSD 25/00003', reference: 'CSD-2024-0012', before: null, after: 'eligible_by_exception' },
    ]);
  });

  it('counts what the run then changes: the draft, the saved version and the report agree', () => {
    caseload();
    const draft = previewAll(parsed('rulesets.reassessPreview', { ruleSet: twelveMonths() }));
    saveRuleSet(h.admin, { ruleSet: twelveMonths(), reason: 'HK practice: 12 months' });
    const saved = previewAll(parsed('rulesets.reassessPreview', { ruleSetId: 'coe-ets-112', version: '2025-12m' }));
    expect(saved).toEqual(draft);

    const started = startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '2025-12m', reason: 'HK practice: 12 months' }));
    while (!reassessStep(h.admin, { reportId: started.reportId }).finished);
    const report = getReassessReport(h.admin, { reportId: started.reportId });
    expect(report).toMatchObject({ total: draft.total, changed: draft.changed, skipped: draft.skipped });
    const ran = new Map<string, number>();
    for (const i of report.items) ran.set(`${i.before}>${i.after}`, (ran.get(`${i.before}>${i.after}`) ?? 0) + 1);
    expect(Object.fromEntries(ran)).toEqual(Object.fromEntries(draft.transitions.map((t) => [`${t.before}>${t.after}`, t.count])));
    expect(report.items.map((i) => [i.caseId, i.before, i.after])).toEqual(draft.people.map((p) => [p.caseId, p.before, p.after]));
    // Once run, a new preview of the same version finds nothing more to change.
    expect(previewAll(parsed('rulesets.reassessPreview', { ruleSetId: 'coe-ets-112', version: '2025-12m' }))).toMatchObject({ changed: 0, unchanged: 4 });
  });

  it('leaves a case under a later stored version as it is: the draft does not displace it', () => {
    caseload();
    saveRuleSet(h.admin, { ruleSet: twelveMonths('2025-06-05', 'later'), reason: 'r' });
    const started = startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: 'later', reason: 'r' }));
    while (!reassessStep(h.admin, { reportId: started.reportId }).finished);
    // Back to 6 months from 1 June: the cases received on 10 June stay under the version of 5 June, ORLOV (1 May) under the built-in one.
    const draft = { ...builtInRuleSet('coe-ets-112')!, version: 'draft', effectiveFrom: '2025-06-01' };
    expect(previewAll(parsed('rulesets.reassessPreview', { ruleSet: draft }))).toMatchObject({ total: 4, changed: 0, unchanged: 4 });
  });

  it('refuses a draft the schema refuses, naming every field under ruleSet, and an unknown version', () => {
    const bad = { ...twelveMonths(), minRemaining: { value: { duration: { years: 0, months: 0, days: 0 }, effect: 'mandatory' }, source: '', confidence: 'X' } };
    const refused = expectRefused(h.admin, 'invalid_input', () => previewReassessment(h.admin, parsed('rulesets.reassessPreview', { ruleSet: bad })));
    expect(refused.problems.map((p) => p.field).sort()).toEqual(['ruleSet.minRemaining.confidence', 'ruleSet.minRemaining.source', 'ruleSet.minRemaining.value.duration']);
    expectRefused(h.admin, 'not_found', () => previewReassessment(h.admin, parsed('rulesets.reassessPreview', { ruleSetId: 'coe-ets-112', version: 'nope' })));
  });
});

describe('the re-assessment report as a file', () => {
  function ranReport() {
    createCase(h.admin, { case: { ...ivanov({ givenNames: '=HYPERLINK("http://x")', prisonNumber: 'CSD 25/00001' }), reference: 'CSD-2025-0001' } });
    for (const c of [ivanov({ familyName: 'PETROV' })]) runAssessment(h.admin, { caseId: createCase(h.admin, { case: c }).id });
    saveRuleSet(h.admin, { ruleSet: twelveMonths(), reason: '@practice note' });
    const started = startReassessment(h.admin, parsed('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '2025-12m', reason: '@practice note' }));
    while (!reassessStep(h.admin, { reportId: started.reportId }).finished);
    return started.reportId;
  }

  it('is a CSV naming each person, prison number and reference, the parameter changed by name, formulas neutralised', () => {
    const reportId = ranReport();
    const file = exportReassessReport(h.officer, parsed('rulesets.reassessExport', { reportId, format: 'csv', locale: 'en' }));
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Reason,\'@practice note');
    expect(csv).toContain('Family name,Given names,Prison number,Case reference,Before,After,Conditions that changed');
    expect(csv).toContain('IVANOV,"\'=HYPERLINK(""http://x"")",CSD 25/00001,CSD-2025-0001,not assessed,Eligible by exception,First assessment of the case');
    expect(csv).toContain('PETROV,Pyotr,,CSD-2024-0012,Eligible,Eligible by exception,Remaining sentence: Met → By exception');
    expect(csv).toContain('Rule-set version,"The Transfer Convention (ETS 112), version 2025-12m"');
    expect(csv).toContain('Minimum remaining to serve,At least 6 months to serve');
    expect(csv).toContain('At least 12 months to serve');
    expect(csv).not.toContain('minRemaining');
  });

  it('is a PDF a reader can read, in English and in Traditional Chinese', () => {
    const reportId = ranReport();
    const dir = mkdtempSync(join(tmpdir(), 'tsp-reassess-pdf-'));
    try {
      const read = (locale: 'en' | 'zh-Hant') => {
        const file = exportReassessReport(h.officer, parsed('rulesets.reassessExport', { reportId, format: 'pdf', locale }));
        expect(file.mediaType).toBe('application/pdf');
        const path = join(dir, `${locale}.pdf`);
        writeFileSync(path, Buffer.from(file.base64, 'base64'));
        // Cells wrap within their column: read the words as one line.
        return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      };
      const en = read('en');
      for (const words of ['Re-assessment report', 'PETROV', 'CSD 25/00001', 'CSD-2025-0001', 'Minimum remaining to serve', 'Prison number']) expect(en).toContain(words);
      const zh = read('zh-Hant');
      for (const words of ['重新評估報告', 'PETROV', '囚犯編號', '個案編號', '最低尚餘刑期'].map((w) => w.replace(/\s+/g, ' '))) expect(zh).toContain(words);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
