/** "Refused or withdrawn, by reason" names each coded reason in the reader's language (issue 18); older entries without one read "Not recorded". */
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/index.ts';
import { computeStatistics, type CaseFacts } from './statistics.ts';
import { statisticsTables } from './tables.ts';

const refused = (id: string, outcome: CaseFacts['closeOutcome'], closeReasonCode: string | null): CaseFacts => ({
  id, sentencingState: 'HK', administeringState: 'TH', direction: 'outgoing', ruleSetId: 'hk-th', status: 'refused', opened: '2024-01-01', application: '2024-01-01',
  closed: '2024-06-01', closeOutcome: outcome, closeReasonCode, steps: [{ kind: `closed:${outcome}`, date: '2024-06-01' }], verdict: null, assessed: null,
  failedConditions: [], overdueDeadlines: null,
});

describe('refusals by reason', () => {
  const stats = computeStatistics(
    [refused('a', 'refused_by_administering_state', 'remaining-too-short'), refused('b', 'withdrawn_by_state', 'imported-unrecorded'), refused('c', 'consent_withdrawn', null), refused('d', 'withdrawn_by_state', 'legacy_code')],
    { from: '2024-01-01', to: '2024-12-31' },
  );
  it.each(['en', 'zh-Hant'] as const)('in %s: by name, "not recorded" for none, a code the catalogue lacks as written', (locale) => {
    const table = statisticsTables(stats, locale).find((x) => x.id === 'refusals')!;
    expect(table.rows.map((r) => r[2])).toEqual([
      t(locale, 'reports.value.notRecorded'), t(locale, 'reason.remaining-too-short'), t(locale, 'reason.imported-unrecorded'), 'legacy_code',
    ]);
  });
});
