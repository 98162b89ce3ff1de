/** A field of the case said by its label, never its path: in the dossier's "find out" and in messages listing what is missing. */
import { describe, expect, it } from 'vitest';
import { fieldInWords, t } from './index.ts';

describe('what is missing, named by the fields of the case', () => {
  it.each([
    ['en', 'offences[1].administeringMaxPenaltyMonths', 'Offence 2: Our maximum penalty for the offence'],
    ['zh-Hant', 'judgment.otherProceedingsPending', '是否有其他待決法律程序'],
    ['en', 'request-letter', 'request-letter'],
  ] as const)('%s: %s', (locale, path, words) => {
    expect(fieldInWords(locale, path)).toBe(words);
  });

  it("a step that lists missing fields says them by label, in the reader's language", () => {
    const said = t('zh-Hant', 'enforce.step.limit.unknown', { id: 'S1', missing: 'offences[0].administeringMaxPenaltyMonths, offences[1].administeringMaxPenaltyMonths' });
    expect(said).not.toMatch(/offences\[/);
    expect(said).toContain('罪行 1');
    expect(said).toContain('罪行 2');
  });

  it('a list of documents passes as written (no field label)', () => {
    expect(t('en', 'workflow.guard.documents_missing', { missing: 'judgment-copy, request-letter' })).toBe('Required documents not yet received: judgment-copy, request-letter.');
  });
});
