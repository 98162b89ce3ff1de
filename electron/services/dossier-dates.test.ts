/** The dossier's dates: the release at expiry, and beside it the earliest release with remission where the law projects one. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { en } from '../../shared/i18n/en.ts';
import { t } from '../../shared/i18n/index.ts';
import { dateInWords } from '../../shared/reports/wording.ts';
import { runAssessment } from './assessments.ts';
import { createCase } from './cases.ts';
import { dossierModel } from './dossier.ts';
import { serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness('2025-01-15T10:00:00.000Z');
});
afterEach(() => h.dispose());

const factsOf = (caseId: string) => {
  const section = dossierModel(h.admin, { caseId, locale: 'en' }).sections.find((s) => s.id === 'dates');
  const facts = section?.blocks.find((b) => b.kind === 'facts');
  return facts?.kind === 'facts' ? facts.rows : [];
};

describe('the dossier dates', () => {
  it('a Hong Kong sentence: the release at expiry and the earliest release with its remission, labelled', () => {
    const { id } = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'hk-ru-2021' } });
    const { dates } = runAssessment(h.admin, { caseId: id }).result;
    expect(dates.remissionDays).toBeGreaterThan(0);
    const rows = factsOf(id);
    expect(rows).toContainEqual([en['report.releaseDate'], dateInWords('en', dates.releaseDate!)]);
    expect(rows).toContainEqual([en['ui.dates.discharge'], t('en', 'ui.dates.dischargeValue', { date: dateInWords('en', dates.expectedDischargeDate!), days: dates.remissionDays! })]);
  });

  it('a sentence without remission (the United States) has no such row', () => {
    const { id } = createCase(h.admin, { case: CASE_FIXTURES.consecutiveChain });
    runAssessment(h.admin, { caseId: id });
    expect(factsOf(id).map((r) => r[0])).not.toContain(en['ui.dates.discharge']);
  });
});

describe('the dossier writes its dates in words, as the request letter does', () => {
  // formatExample: born 1985-03-14, judgment 2022-05-10, S1 from 2021-11-02, consent 2024-01-15.
  it.each([
    ['en', ['14 March 1985', '10 May 2022', '2 November 2021', '15 January 2024']],
    ['zh-Hant', ['1985年3月14日', '2022年5月10日', '2021年11月2日', '2024年1月15日']],
  ] as const)('in %s, with no YYYY-MM-DD left on the paper', (locale, expected) => {
    const { id } = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'hk-ru-2021' } });
    runAssessment(h.admin, { caseId: id });
    const text = JSON.stringify(dossierModel(h.admin, { caseId: id, locale }));
    for (const date of expected) expect(text).toContain(date);
    // The case id and hashes may hold digits; a civil date written as the store holds it may not.
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });
});

describe('the dossier names States, places and instruments, never codes', () => {
  it.each([
    ['en', 'Hong Kong', 'Russia'],
    ['zh-Hant', '香港', '俄羅斯'],
  ] as const)('in %s', (locale, sentencing, administering) => {
    const { id } = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112' } });
    // Assessed: the eligibility section names the rule-set too.
    runAssessment(h.admin, { caseId: id });
    const dossier = dossierModel(h.admin, { caseId: id, locale });
    const rows = [...dossier.cover, ...dossier.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'facts' ? b.rows : [])))];
    const text = JSON.stringify(rows);
    expect(text).toContain(sentencing);
    expect(text).toContain(administering);
    expect(text).toContain(t(locale, 'param.instrument.coe-ets-112').slice(1, 12));
    // No two capitals standing alone as a value or in a list (a State's code), nor the rule-set's id.
    for (const [, value] of rows) expect(value, value).not.toMatch(/(^|, )[A-Z]{2}(,|$)/);
    expect(text).not.toContain('coe-ets-112');
  });
});
