/** The dossier cites each condition's legal source in the reader's language: a built-in source in Chinese, in English as stored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { runAssessment } from './assessments.ts';
import { createCase } from './cases.ts';
import { dossierModel } from './dossier.ts';
import { serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness('2025-01-15T10:00:00.000Z');
});
afterEach(() => h.dispose());

const column = (caseId: string, locale: 'en' | 'zh-Hant', index: number) => {
  const section = dossierModel(h.admin, { caseId, locale }).sections.find((s) => s.id === 'eligibility');
  const table = section?.blocks.find((b) => b.kind === 'table');
  return table?.kind === 'table' ? table.rows.map((row) => row[index]) : [];
};
const sourceColumn = (caseId: string, locale: 'en' | 'zh-Hant') => column(caseId, locale, 3);

describe('the dossier’s conditions table cites the law', () => {
  it('in Traditional Chinese for a built-in rule-set, in English as the assessment stored it', () => {
    const { id } = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112' } });
    const stored = runAssessment(h.admin, { caseId: id }).result.conditions.find((c) => c.id === 'dual-criminality');
    expect(stored?.source).toBe('ETS 112 Art. 3(1)(e)');
    expect(sourceColumn(id, 'en')).toContain(`ETS 112 Art. 3(1)(e) [${stored?.confidence}]`);
    expect(sourceColumn(id, 'zh-Hant')).toContain(`《移交被判刑人士公約》第 3(1)(e) 條 [${stored?.confidence}]`);
    // The treaty map's rows and the reading of the remaining sentence, as the engine joins them, too.
    expect(sourceColumn(id, 'zh-Hant').join('\n')).not.toMatch(/Treaty map|\bArt\.|counted to/);
  });

  it('a condition the rule-set does not have says so citing its source, in Chinese too', () => {
    const { id } = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112' } });
    runAssessment(h.admin, { caseId: id });
    expect(column(id, 'zh-Hant', 2)).toContain('此規則集並無此條件（《移交被判刑人士公約》（無死刑方面的條件））。');
  });
});
