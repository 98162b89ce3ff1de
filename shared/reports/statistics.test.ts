/** The statistics' definitions, case by case, and properties that hold for any store. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import { computeStatistics, handoverDate, jurisdictionOf, type CaseFacts } from './statistics.ts';
import { summarise } from './summary.ts';

const facts = (over: Partial<CaseFacts>): CaseFacts => ({
  id: 'c', sentencingState: 'HK', administeringState: 'TH', direction: 'outgoing', ruleSetId: 'hk-th', status: 'screening',
  opened: '2024-01-01', application: null, closed: null, closeOutcome: null, closeReasonCode: null, steps: [],
  verdict: null, assessed: null, failedConditions: [], overdueDeadlines: null, ...over,
});

describe('summarise', () => {
  it.each([
    // [days, median, p90]: odd count takes the middle; even the mean of the two middle; p90 by nearest rank.
    [[5], 5, 5],
    [[10, 2], 6, 10], // sorted 2, 10: median (2 + 10) / 2; ceil(0.9 × 2) = 2nd
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9], // ceil(0.9 × 10) = 9th
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10], // ceil(9.9) = 10th
  ])('%j: median %d, 90th percentile %d', (days, median, p90) => {
    expect(summarise(days)).toMatchObject({ median, p90, count: days.length });
  });

  it('has no figures for no cases (never a "0 days" nobody measured)', () => {
    expect(summarise([])).toStrictEqual({ count: 0, average: null, median: null, p90: null, shortest: null, longest: null });
  });

  it('orders shortest <= median <= p90 <= longest and shortest <= average <= longest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 200 }), (days) => {
        const s = summarise(days);
        expect(s.shortest!).toBeLessThanOrEqual(s.median!);
        expect(s.median!).toBeLessThanOrEqual(s.p90!);
        expect(s.p90!).toBeLessThanOrEqual(s.longest!);
        expect(s.average!).toBeGreaterThanOrEqual(s.shortest! - 0.05);
        expect(s.average!).toBeLessThanOrEqual(s.longest! + 0.05);
        expect(days).toContain(s.p90);
      }),
    );
  });
});

describe('definitions', () => {
  it('takes the other State as the jurisdiction: where an outgoing person goes, where an incoming one comes from', () => {
    expect(jurisdictionOf({ direction: 'outgoing', sentencingState: 'HK', administeringState: 'TH' })).toBe('TH');
    expect(jurisdictionOf({ direction: 'incoming', sentencingState: 'US', administeringState: 'HK' })).toBe('US');
    expect(jurisdictionOf({ direction: null, sentencingState: 'HK', administeringState: 'PH' })).toBe('PH'); // unrecorded: outgoing
  });

  it('dates the handover by the last transfer event, else by the closing date of a transferred case', () => {
    expect(handoverDate({ steps: [{ kind: 'status:transferred', date: '2024-03-01' }], closed: '2024-03-09', closeOutcome: 'transferred' })).toBe('2024-03-01');
    expect(handoverDate({ steps: [], closed: '2024-03-09', closeOutcome: 'transferred' })).toBe('2024-03-09');
    expect(handoverDate({ steps: [], closed: '2024-03-09', closeOutcome: 'deceased' })).toBeNull();
  });

  it('includes both ends of the period', () => {
    const cases = [
      facts({ id: 'a', application: '2024-01-01', closed: '2024-01-01', closeOutcome: 'transferred' }), // same day: 0 days
      facts({ id: 'b', application: '2023-12-31', closed: '2024-12-31', closeOutcome: 'transferred' }), // 366 days (leap year)
      facts({ id: 'c', application: '2023-12-31', closed: '2025-01-01', closeOutcome: 'transferred' }), // after the period
    ];
    const s = computeStatistics(cases, { from: '2024-01-01', to: '2024-12-31' });
    expect(s.transfers).toStrictEqual([{ year: 2024, jurisdiction: 'TH', direction: 'outgoing', count: 2 }]);
    expect(s.processing).toMatchObject({ count: 2, shortest: 0, longest: 366 });
    expect(s.pending.count).toBe(1); // c was still pending on 2024-12-31
  });

  it('omits overdue deadlines when the store computes none, and adds them up when it does', () => {
    const q = { from: '2024-01-01', to: '2024-12-31' };
    expect(computeStatistics([facts({})], q).overdueDeadlines).toBeNull();
    expect(computeStatistics([facts({ overdueDeadlines: 2 }), facts({ id: 'd', overdueDeadlines: 1 })], q).overdueDeadlines).toBe(3);
  });

  it('counts each transfer once, in the year of its handover, whatever the period (property)', () => {
    const day = fc.integer({ min: parseIsoDate('2020-01-01'), max: parseIsoDate('2026-12-31') }).map(formatIsoDate);
    const aCase = fc.record({ application: day, handover: fc.option(day, { nil: null }), incoming: fc.boolean() });
    fc.assert(
      fc.property(fc.array(aCase, { maxLength: 40 }), day, day, (specs, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const cases = specs.map((s, i) =>
          facts({ id: String(i), application: s.application, direction: s.incoming ? 'incoming' : 'outgoing', closed: s.handover, closeOutcome: s.handover ? 'transferred' : null }),
        );
        const s = computeStatistics(cases, { from, to });
        const expected = specs.filter((x) => x.handover !== null && x.handover >= from && x.handover <= to).length;
        expect(s.transfers.reduce((n, r) => n + r.count, 0)).toBe(expected);
        expect(s.processing.count).toBe(expected);
        for (const r of s.transfers) expect(r.year >= Number(from.slice(0, 4)) && r.year <= Number(to.slice(0, 4))).toBe(true);
      }),
    );
  });
});
