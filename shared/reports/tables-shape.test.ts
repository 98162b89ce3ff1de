/**
 * The statistics tables as a ministry reads them (issue 18): active cases by status × instrument
 * in one table with the totals of each row and column; totals under the tables whose figures add
 * up; years as numbers written without grouping; the case count limited to the period.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/index.ts';
import { computeStatistics, type CaseFacts } from './statistics.ts';
import { cellText, statisticsTables } from './tables.ts';

const open = (id: string, ruleSetId: string | null, status: CaseFacts['status'], opened = '2024-02-01', closed: string | null = null): CaseFacts => ({
  id, sentencingState: 'HK', administeringState: 'TH', direction: 'outgoing', ruleSetId, status, opened, application: opened,
  closed, closeOutcome: closed === null ? null : 'deceased', closeReasonCode: null, steps: [], verdict: null, assessed: null,
  failedConditions: [], overdueDeadlines: null,
});
const handedOver = (id: string, on: string): CaseFacts => ({
  ...open(id, 'hk-th', 'transferred', '2023-01-01', on), closeOutcome: 'transferred', steps: [{ kind: 'status:transferred', date: on }],
});

const YEAR = { from: '2024-01-01', to: '2024-12-31' };
const facts = [
  open('a', 'hk-th', 'screening'),
  open('b', 'hk-th', 'screening'),
  open('c', 'coe-ets-112', 'screening'),
  open('d', 'coe-ets-112', 'requested'),
  open('e', null, 'requested'),
  // Closed before the period began, and opened after it ended: neither counts.
  open('f', 'hk-th', 'screening', '2022-01-01', '2023-06-30'),
  open('g', 'hk-th', 'screening', '2025-02-01'),
  handedOver('h', '2024-05-02'),
  handedOver('i', '2024-07-09'),
];

describe('statistics tables', () => {
  const stats = computeStatistics(facts, YEAR);

  it('count only the cases open at some time in the period (f closed in 2023, g opened in 2025 are left out)', () => {
    expect(stats.cases).toBe(7);
  });

  it.each(['en', 'zh-Hant'] as const)('in %s: active cases by status × instrument, each row and column totalled', (locale) => {
    const table = statisticsTables(stats, locale).find((x) => x.id === 'byStatus')!;
    const ets = t(locale, 'param.instrument.coe-ets-112');
    const hkTh = t(locale, 'param.instrument.hk-th');
    const title = (s: string) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
    const none = t(locale, 'reports.value.notRecorded');
    const labels = [...[title(ets), title(hkTh)].sort((x, y) => x.localeCompare(y, locale)), none];
    expect(table.columns.map((c) => c.label)).toEqual([t(locale, 'reports.col.status'), ...labels, t(locale, 'reports.total')]);
    const at = (label: string) => table.columns.findIndex((c) => c.label === label);
    const row = (status: string) => table.rows.find((r) => r[0] === t(locale, `ui.caseStatus.${status}`))!;
    // screening: a, b under HK–Thailand, c under ETS 112; requested: d under ETS 112, e under none; transferred: h, i.
    expect([row('screening')[at(title(hkTh))], row('screening')[at(title(ets))], row('screening')[at(none)], row('screening').at(-1)]).toEqual([2, 1, 0, 3]);
    expect([row('requested')[at(title(ets))], row('requested')[at(none)], row('requested').at(-1)]).toEqual([1, 1, 2]);
    expect(table.total).toEqual([t(locale, 'reports.total'), ...labels.map((l) => (l === title(hkTh) ? 4 : l === title(ets) ? 2 : 1)), 7]);
    expect(table.chart).toBeUndefined();
    // In the order of the procedure: screening before requested, transferred last.
    expect(table.rows.map((r) => r[0])).toEqual(['screening', 'requested', 'transferred'].map((st) => t(locale, `ui.caseStatus.${st}`)));
  });

  it('totals the transfers, and writes a year as a number without grouping', () => {
    const table = statisticsTables(stats, 'en').find((x) => x.id === 'transfers')!;
    expect(table.rows).toEqual([[2024, 'TH', 'Outgoing', 2]]);
    expect(table.total).toEqual(['Total', null, null, 2]);
    const grouped = (n: number) => n.toLocaleString('en-GB');
    expect(cellText(table, 0, 2024, grouped)).toBe('2024');
    expect(cellText(table, 3, 1234, grouped)).toBe('1,234');
  });

  it('have no total where the figures do not add up: a case fails several conditions', () => {
    const table = statisticsTables(stats, 'en').find((x) => x.id === 'failingConditions')!;
    expect(table.total).toBeUndefined();
  });
});
