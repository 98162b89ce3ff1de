/**
 * Sentence arithmetic: conventions C2-C8 of docs/date-conventions.md, the HMPPS month-end convention
 * and Hong Kong remission (Prison Rules r. 69).
 */
import { addDays as dfAddDays, addMonths as dfAddMonths, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCase, type CaseFile, type FixedTerm, type Sentence } from '../domain/case.ts';
import { evaluateMinimumServed } from '../eligibility/conditions/minimum-served.ts';
import { evaluateRemainingSentence } from '../eligibility/conditions/remaining-sentence.ts';
import { builtInRuleSet } from '../treaties/library.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { DEFAULT_PROFILE, profileFor } from '../treaties/jurisdictions.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { addMonths, formatIsoDate, fromCivil, isIsoDate, lastDayOfMonth, parseIsoDate, type DayNumber } from './calendar.ts';
import { computeSentences, termEnd, type FixedComputation, type SentenceComputation } from './compute.ts';
import type { MonthEndConvention } from './profile.ts';

const HK = profileFor('HK');
const GB = profileFor('GB');
const d = parseIsoDate;
const iso = formatIsoDate;
const term = (years: number, months = 0, days = 0): FixedTerm => ({ years, months, days });
const sentence = (id: string, start: string | null, t: Sentence['term'], consecutiveTo: string | null = null): Sentence => ({
  id,
  start,
  term: t,
  consecutiveTo,
  offences: [],
});
function fixed(c: SentenceComputation): FixedComputation {
  if (c.kind !== 'fixed') throw new Error(`expected a fixed computation, got ${c.kind}`);
  return c;
}
const end = (start: string, t: FixedTerm, convention: MonthEndConvention) => iso(termEnd(d(start), t, convention));

const FIRST = fromCivil(1900, 1, 1);
const LAST = fromCivil(2150, 12, 31);
const dayArb = fc.integer({ min: FIRST, max: LAST });
const termArb = fc
  .record({ years: fc.integer({ min: 0, max: 30 }), months: fc.integer({ min: 0, max: 30 }), days: fc.integer({ min: 0, max: 400 }) })
  .filter((t) => t.years + t.months + t.days > 0);
const conventionArb = fc.constantFrom<MonthEndConvention>('c2', 'hmpps');
/** Month ends (and up to 3 days before them), including 29 February: the days where clamping matters. */
const monthEndArb = fc
  .record({ year: fc.integer({ min: 1900, max: 2150 }), month: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 3 }) })
  .map(({ year, month, back }) => lastDayOfMonth(fromCivil(year, month, 1)) - back);

describe('C2 term end: release = add_months(S, 12Y+M) + D days; expiry = release − 1', () => {
  it('5 years from 2021-06-15: release 2026-06-15, sentence expiry 2026-06-14', () => {
    const c = fixed(computeSentences([sentence('S1', '2021-06-15', term(5))], 0, DEFAULT_PROFILE, d('2023-03-01')));
    expect(iso(c.releaseDate)).toBe('2026-06-15');
    expect(iso(c.sentenceExpiryDate)).toBe('2026-06-14');
    expect(iso(c.nominalRelease)).toBe('2026-06-15');
    expect(c.termDays).toBe(1826);
  });

  it('18 months from 2022-01-10: release 2023-07-10', () => {
    expect(end('2022-01-10', term(0, 18), 'c2')).toBe('2023-07-10');
  });

  it('months are added as calendar months with the day clamped (6 months from 2023-08-31: 2024-02-29)', () => {
    expect(end('2023-08-31', term(0, 6), 'c2')).toBe('2024-02-29');
    expect(end('2023-03-31', term(0, 1), 'c2')).toBe('2023-04-30');
    expect(end('2024-02-29', term(1), 'c2')).toBe('2025-02-28');
  });

  it('days are added after the months (1 month 1 day from 2024-01-31: 2024-02-29 + 1 = 2024-03-01)', () => {
    expect(end('2024-01-31', term(0, 1, 1), 'c2')).toBe('2024-03-01');
    expect(end('2023-01-01', term(0, 0, 45), 'c2')).toBe('2023-02-15');
  });

  it('a release date is the month addition of date-fns plus the days, for any start and term', () => {
    fc.assert(
      fc.property(dayArb, termArb, (start, t) => {
        const startDate = dfAddDays(new Date(1970, 0, 1), start);
        const expected = format(dfAddDays(dfAddMonths(startDate, t.years * 12 + t.months), t.days), 'yyyy-MM-dd');
        expect(iso(termEnd(start, t, 'c2'))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('C3 remand credit: release moves earlier by the credited days, day for day', () => {
  it('2 years from 2022-11-01 with 120 days of remand: release 2024-11-01 − 120 days = 2024-07-04', () => {
    const c = fixed(computeSentences([sentence('S1', '2022-11-01', term(2))], 120, DEFAULT_PROFILE, d('2024-02-01')));
    expect(iso(c.nominalRelease)).toBe('2024-11-01');
    expect(iso(c.releaseDate)).toBe('2024-07-04');
    expect(iso(c.sentenceExpiryDate)).toBe('2024-07-03');
    expect(c.remandDays).toBe(120);
    expect(c.remandKnown).toBe(true);
  });

  it('unknown remand (null) is counted as none but reported as not known', () => {
    const c = fixed(computeSentences([sentence('S1', '2022-11-01', term(2))], null, DEFAULT_PROFILE, d('2024-02-01')));
    expect(iso(c.releaseDate)).toBe('2024-11-01');
    expect(c.remandKnown).toBe(false);
  });

  it('remand shifts the release date by exactly its days, on either convention', () => {
    fc.assert(
      fc.property(dayArb, termArb, fc.integer({ min: 0, max: 2000 }), fc.constantFrom(DEFAULT_PROFILE, GB, HK), (start, t, k, profile) => {
        const s = [sentence('S1', iso(start), t)];
        const without = fixed(computeSentences(s, 0, profile, start));
        const withRemand = fixed(computeSentences(s, k, profile, start));
        expect(without.releaseDate - withRemand.releaseDate).toBe(k);
        expect(withRemand.nominalRelease).toBe(without.nominalRelease);
        expect(withRemand.sentenceExpiryDate).toBe(withRemand.releaseDate - 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('C6 consecutive sentences: each starts on the release date of the one before', () => {
  it('18 months from 2022-01-10 then 12 months consecutive: S2 starts 2023-07-10, releases 2024-07-10', () => {
    const c = fixed(
      computeSentences(
        [sentence('S1', '2022-01-10', term(0, 18)), sentence('S2', '2022-01-10', term(0, 12), 'S1')],
        0,
        DEFAULT_PROFILE,
        d('2023-12-01'),
      ),
    );
    expect(c.perSentence.map((p) => [p.id, iso(p.start), iso(p.release)])).toEqual([
      ['S1', '2022-01-10', '2023-07-10'],
      ['S2', '2023-07-10', '2024-07-10'],
    ]);
    expect(iso(c.releaseDate)).toBe('2024-07-10');
    expect(iso(c.start)).toBe('2022-01-10');
  });

  it('the chain is computed by chaining term ends, not by adding the months (31 Aug + 6 m, then + 6 m)', () => {
    // 2023-08-31 + 6 m = 2024-02-29; + 6 m = 2024-08-29, whereas 12 months in one go would give 2024-08-31.
    const c = fixed(
      computeSentences([sentence('S1', '2023-08-31', term(0, 6)), sentence('S2', null, term(0, 6), 'S1')], 0, DEFAULT_PROFILE, d('2023-09-01')),
    );
    expect(iso(c.releaseDate)).toBe('2024-08-29');
  });

  it('a consecutive sentence ignores its own start date', () => {
    const c = fixed(
      computeSentences([sentence('S1', '2022-01-10', term(1)), sentence('S2', '2030-01-01', term(1), 'S1')], 0, DEFAULT_PROFILE, d('2022-06-01')),
    );
    expect(iso(c.releaseDate)).toBe('2024-01-10');
  });

  it('a consecutive chain equals chaining termEnd by hand, on either convention', () => {
    fc.assert(
      fc.property(dayArb, fc.array(termArb, { minLength: 1, maxLength: 5 }), fc.constantFrom(DEFAULT_PROFILE, GB), (start, terms, profile) => {
        const sentences = terms.map((t, i) => sentence(`S${i + 1}`, i === 0 ? iso(start) : null, t, i === 0 ? null : `S${i}`));
        const c = fixed(computeSentences(sentences, 0, profile, start));
        let at = start;
        terms.forEach((t, i) => {
          const release = termEnd(at, t, profile.monthEnd.value);
          expect(c.perSentence[i]).toEqual({ id: `S${i + 1}`, start: at, release });
          at = release;
        });
        expect(c.releaseDate).toBe(at);
        expect(c.termDays).toBe(at - start);
      }),
      { numRuns: 300 },
    );
  });

  it('concurrent sentences release on the latest of their release dates', () => {
    const c = fixed(
      computeSentences([sentence('S1', '2022-01-10', term(2)), sentence('S2', '2022-06-01', term(1))], 0, DEFAULT_PROFILE, d('2022-07-01')),
    );
    expect(iso(c.releaseDate)).toBe('2024-01-10');
    expect(iso(c.start)).toBe('2022-01-10');
  });
});

describe('C6 custody in periods: a sentence that starts after every earlier one has ended starts a new period; the dates are the last period\'s', () => {
  const at = (sentences: Sentence[], remand = 0, profile = HK) => fixed(computeSentences(sentences, remand, profile, d('2020-06-01')));
  const periods = (c: FixedComputation) => [
    ...c.servedPeriods.map((p) => [p.ids.join(' '), iso(p.start), iso(p.end)]),
    [c.perSentence.filter((s) => s.start >= c.start).map((s) => s.id).join(' '), iso(c.start), iso(c.nominalRelease)],
  ];

  it('1 year from 2015-01-01 (free 2016-01-01) and 2 years from 2020-01-01: two periods, S2\'s alone counts (T 731, R 243, discharge 2021-05-03)', () => {
    // T = 2020-01-01 -> 2022-01-01 = 366 + 365 = 731; A = 731; R = min(floor(731/3) = 243, 731 − 31) = 243;
    // EDD = 2022-01-01 − 243 d = 2021-05-03 (May 29 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 243).
    // One period from 2015-01-01 would count the four years at liberty: T 2,557, R 852, discharge 2019-09-02, before S2 began.
    const c = at([sentence('S1', '2015-01-01', term(1)), sentence('S2', '2020-01-01', term(2))]);
    expect(periods(c)).toEqual([
      ['S1', '2015-01-01', '2016-01-01'],
      ['S2', '2020-01-01', '2022-01-01'],
    ]);
    expect([c.termDays, c.remissionDays, iso(c.releaseDate), iso(c.sentenceExpiryDate), iso(c.expectedDischargeDate)]).toEqual([731, 243, '2022-01-01', '2021-12-31', '2021-05-03']);
    expect(c.steps).toContainEqual({ key: 'step.periodServed', params: { ids: 'S1', start: { day: d('2015-01-01') }, free: { day: d('2016-01-01') }, next: { day: d('2020-01-01') } } });
    expect(c.steps).toContainEqual({ key: 'step.lastPeriod', params: { ids: 'S2', start: { day: d('2020-01-01') }, end: { day: d('2022-01-01') } } });
  });

  it('the order they are listed in does not matter', () => {
    const c = at([sentence('S2', '2020-01-01', term(2)), sentence('S1', '2015-01-01', term(1))]);
    expect(periods(c)).toEqual([
      ['S1', '2015-01-01', '2016-01-01'],
      ['S2', '2020-01-01', '2022-01-01'],
    ]);
    expect(iso(c.expectedDischargeDate)).toBe('2021-05-03');
  });

  it('released on the day the next begins is unbroken: 1 year from 2022-01-10 (free 2023-01-10), 2 years from 2023-01-10', () => {
    const c = at([sentence('S1', '2022-01-10', term(1)), sentence('S2', '2023-01-10', term(2))]);
    expect(c.servedPeriods).toEqual([]);
    expect(iso(c.start)).toBe('2022-01-10');
    expect(iso(c.nominalRelease)).toBe('2025-01-10');
  });

  it('a day later is a new period: 2 years from 2023-01-11, T = 365 + 366 = 731', () => {
    const c = at([sentence('S1', '2022-01-10', term(1)), sentence('S2', '2023-01-11', term(2))]);
    expect(periods(c)).toEqual([
      ['S1', '2022-01-10', '2023-01-10'],
      ['S2', '2023-01-11', '2025-01-11'],
    ]);
    expect(c.termDays).toBe(731);
  });

  it('a third sentence overlapping both bridges the gap: [2020-01-01, 2021-01-01), [2020-06-01, 2022-06-01), [2022-01-01, 2023-01-01)', () => {
    const c = at([sentence('S1', '2020-01-01', term(1)), sentence('S3', '2022-01-01', term(1)), sentence('S2', '2020-06-01', term(2))]);
    expect(c.servedPeriods).toEqual([]);
    expect(iso(c.start)).toBe('2020-01-01');
    expect(iso(c.nominalRelease)).toBe('2023-01-01');
  });

  it('three periods, a consecutive chain in the middle one: S1 [2010-01-01, 2011-01-01); S2 [2012-03-01, 2012-09-01) then S3 [2012-09-01, 2013-03-01); S4 [2014-05-05, 2016-05-05)', () => {
    const c = at([
      sentence('S4', '2014-05-05', term(2)),
      sentence('S3', null, term(0, 6), 'S2'),
      sentence('S1', '2010-01-01', term(1)),
      sentence('S2', '2012-03-01', term(0, 6)),
    ]);
    // The ids of a period are named in the order of the case: S3 is listed before S2.
    expect(periods(c)).toEqual([
      ['S1', '2010-01-01', '2011-01-01'],
      ['S3 S2', '2012-03-01', '2013-03-01'],
      ['S4', '2014-05-05', '2016-05-05'],
    ]);
    expect(c.termDays).toBe(731); // 2014-05-05 -> 2016-05-05: 365 + 366 (2016-02-29)
  });

  it('remand is credited once, to the last period: 6 m from 2021-03-01 (free 2021-09-01), 2 y from 2021-10-01, 30 days remand', () => {
    // Last period: T = 2021-10-01 -> 2023-10-01 = 730; RD = 2023-10-01 − 30 = 2023-09-01; SED 2023-08-31.
    // Hong Kong: A = 730 − 30 = 700; R = min(floor(730/3) = 243, 700 − 31) = 243; EDD = 2023-09-01 − 243 d = 2023-01-01.
    const sentences = [sentence('S1', '2021-03-01', term(0, 6)), sentence('S2', '2021-10-01', term(2))];
    const plain = at(sentences, 30, DEFAULT_PROFILE);
    expect([plain.termDays, plain.remandDays, iso(plain.releaseDate), iso(plain.sentenceExpiryDate)]).toEqual([730, 30, '2023-09-01', '2023-08-31']);
    expect(plain.steps).toContainEqual({ key: 'step.remandLastPeriod', params: { days: 30 } });
    const hk = at(sentences, 30, HK);
    expect([hk.remissionDays, iso(hk.expectedDischargeDate)]).toEqual([243, '2023-01-01']);
  });

  it('concurrent sentences begun on different days: remission on the merged term is marked as the app\'s reading, unconfirmed', () => {
    // S1 4 y from 2020-01-01 (ends 2024-01-01), S2 3 y from 2022-01-01 concurrent (ends 2025-01-01): one period 2020-01-01 -> 2025-01-01.
    // T = 1827 (2020 and 2024 leap years); R = min(floor(1827/3) = 609, 1827 − 31) = 609; EDD = 2025-01-01 − 609 d = 2023-05-03,
    // while S2 on its own (T = 1096, R = 365) would be discharged on 2024-01-02: the reading matters, so it is marked.
    const overlapping = at([sentence('S1', '2020-01-01', term(4)), sentence('S2', '2022-01-01', term(3))], 0, HK);
    expect([overlapping.termDays, overlapping.remissionDays, iso(overlapping.expectedDischargeDate)]).toEqual([1827, 609, '2023-05-03']);
    expect(overlapping.steps).toContainEqual({ key: 'step.remissionMergedTerm', params: { ids: 'S1, S2' } });
    // Begun the same day, or consecutive (one term by the chain), or without remission: nothing to mark.
    expect(at([sentence('S1', '2020-01-01', term(4)), sentence('S2', '2020-01-01', term(3))], 0, HK).steps.map((x) => x.key)).not.toContain('step.remissionMergedTerm');
    expect(at([sentence('S1', '2020-01-01', term(4)), sentence('S2', null, term(3), 'S1')], 0, HK).steps.map((x) => x.key)).not.toContain('step.remissionMergedTerm');
    expect(at([sentence('S1', '2020-01-01', term(4)), sentence('S2', '2022-01-01', term(3))], 0, GB).steps.map((x) => x.key)).not.toContain('step.remissionMergedTerm');
  });

  it('the remaining time runs to the last period\'s release, the minimum served from its start (reference 2020-06-01)', () => {
    const parsed = parseCase({
      format: 'tsp-case/1',
      sentencingState: 'HK',
      administeringState: 'GB',
      sentences: [
        { id: 'S1', start: '2015-01-01', term: term(1), consecutiveTo: null, offences: [] },
        { id: 'S2', start: '2020-01-01', term: term(2), consecutiveTo: null, offences: [] },
      ],
      remandDays: 0,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const reference = d('2020-06-01');
    const ets112 = builtInRuleSet('coe-ets-112') as RuleSet;
    const ctx = { case: parsed.value, profile: HK, reference, sentence: computeSentences(parsed.value.sentences, 0, HK, reference), map: builtInTreatyMap(), transferOn: null };
    // RD 2022-01-01 >= 2020-06-01 + 6 m = 2020-12-01: met; 2020-06-01 -> 2022-01-01 = 214 + 365 = 579 days.
    const remaining = evaluateRemainingSentence({ ...ctx, ruleSet: ets112 });
    expect([remaining.status, remaining.params.remaining]).toEqual(['met', 579]);
    // Served since 2020-01-01: 31 + 29 + 31 + 30 + 31 = 152 days; required ceil(731/3) = 244; met from 2020-01-01 + 244 d = 2020-09-01.
    const withMinimum = { ...ets112, minServed: { ...ets112.minServed, value: { numerator: 1, denominator: 3, lifeMinimum: null, sentencingStates: null, testedAt: 'reference' as const } } };
    const served = evaluateMinimumServed({ ...ctx, ruleSet: withMinimum });
    expect([served.status, served.params.served, served.params.required, served.clearsOn]).toEqual(['not_met', 152, 244, d('2020-09-01')]);
  });

  it('a later sentence recorded as consecutive is one period, whatever its own start says', () => {
    const c = at([sentence('S1', '2015-01-01', term(1)), sentence('S2', '2020-01-01', term(2), 'S1')]);
    expect(c.servedPeriods).toEqual([]);
    expect(iso(c.nominalRelease)).toBe('2018-01-01');
  });

  it('leaving out the sentences of earlier periods changes no date (what officers did while a gap gave no date)', () => {
    const rootArb = fc.record({ start: fc.integer({ min: d('2000-01-01'), max: d('2030-12-31') }), t: termArb });
    fc.assert(
      fc.property(fc.array(rootArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 400 }), fc.constantFrom(DEFAULT_PROFILE, GB, HK), (roots, k, profile) => {
        const sentences = roots.map((r, i) => sentence(`S${i + 1}`, iso(r.start), r.t));
        const all = fixed(computeSentences(sentences, k, profile, d('2020-01-01')));
        const earlier = new Set(all.servedPeriods.flatMap((p) => p.ids));
        const alone = fixed(computeSentences(sentences.filter((s) => !earlier.has(s.id)), k, profile, d('2020-01-01')));
        const dates = (c: FixedComputation) => [c.start, c.nominalRelease, c.termDays, c.releaseDate, c.remissionDays, c.expectedDischargeDate];
        expect(dates(all)).toEqual(dates(alone));
        expect(alone.servedPeriods).toEqual([]);
        // The periods are apart: each ends before the next begins.
        const starts = [...all.servedPeriods.map((p) => [p.start, p.end]), [all.start, all.nominalRelease]];
        for (let i = 1; i < starts.length; i++) expect(starts[i]![0]!).toBeGreaterThan(starts[i - 1]![1]!);
      }),
      { numRuns: 300 },
    );
  });
});

describe('C4 Hong Kong remission (Prison Rules r. 69): R = min(floor(T/3), A − 31) if A > 31, A = T − k', () => {
  it('3 years from 2023-01-16 with 60 days credit: T = 1096, R = 365, release 2025-11-17, discharge 2024-11-17', () => {
    const c = fixed(computeSentences([sentence('S1', '2023-01-16', term(3))], 60, HK, d('2024-03-01')));
    expect(iso(c.nominalRelease)).toBe('2026-01-16');
    expect(c.termDays).toBe(1096); // includes 29 February 2024
    expect(c.remissionDays).toBe(365);
    expect(iso(c.releaseDate)).toBe('2025-11-17');
    expect(iso(c.sentenceExpiryDate)).toBe('2025-11-16');
    expect(iso(c.expectedDischargeDate)).toBe('2024-11-17');
  });

  it('remission never brings the actual term below 31 days (45 days from 2023-01-01: R = min(15, 14) = 14)', () => {
    const c = fixed(computeSentences([sentence('S1', '2023-01-01', term(0, 0, 45))], 0, HK, d('2023-01-01')));
    expect(c.termDays).toBe(45);
    expect(c.remissionDays).toBe(14);
    expect(iso(c.expectedDischargeDate)).toBe('2023-02-01'); // 31 days after the start
  });

  it('the 31-day floor applies to the actual term after credit (60 days with 20 days remand: R = min(20, 40 − 31) = 9)', () => {
    const c = fixed(computeSentences([sentence('S1', '2023-01-01', term(0, 0, 60))], 20, HK, d('2023-01-01')));
    expect(c.remissionDays).toBe(9);
    expect(c.expectedDischargeDate - c.start).toBe(31);
  });

  it('an actual term of 31 days or less earns no remission (1 month from 2023-01-01 = 31 days: R = 0)', () => {
    const c = fixed(computeSentences([sentence('S1', '2023-01-01', term(0, 1))], 0, HK, d('2023-01-01')));
    expect(c.termDays).toBe(31);
    expect(c.remissionDays).toBe(0);
    expect(c.expectedDischargeDate).toBe(c.releaseDate);
    const feb = fixed(computeSentences([sentence('S1', '2023-02-01', term(0, 1))], 0, HK, d('2023-02-01')));
    expect(feb.remissionDays).toBe(0);
  });

  it('32 days earns exactly 1 day (A − 31 = 1 < floor(32/3) = 10)', () => {
    const c = fixed(computeSentences([sentence('S1', '2023-01-01', term(0, 0, 32))], 0, HK, d('2023-01-01')));
    expect(c.remissionDays).toBe(1);
  });

  it('a life sentence earns no remission: it has no release date to discharge from', () => {
    const c = computeSentences([sentence('S1', '2020-05-05', 'life')], 0, HK, d('2023-04-01'));
    expect(c.kind).toBe('indeterminate');
    expect(c).not.toHaveProperty('remissionDays');
    expect(c).not.toHaveProperty('expectedDischargeDate');
  });

  it('a jurisdiction without remission discharges on the release date', () => {
    const c = fixed(computeSentences([sentence('S1', '2023-01-16', term(3))], 60, DEFAULT_PROFILE, d('2024-03-01')));
    expect(c.remissionDays).toBe(0);
    expect(c.expectedDischargeDate).toBe(c.releaseDate);
  });

  it('remission follows the rule for any term and credit', () => {
    fc.assert(
      fc.property(dayArb, termArb, fc.integer({ min: 0, max: 400 }), (start, t, k) => {
        const c = fixed(computeSentences([sentence('S1', iso(start), t)], k, HK, start));
        const T = termEnd(start, t, 'c2') - start;
        const A = T - k;
        const R = A > 31 ? Math.min(Math.floor(T / 3), A - 31) : 0;
        expect(c.termDays).toBe(T);
        expect(c.remissionDays).toBe(R);
        expect(c.expectedDischargeDate).toBe(start + T - k - R);
      }),
      { numRuns: 500 },
    );
  });
});

describe('HMPPS month-end convention (England and Wales)', () => {
  it('1 month from 2023-08-31: last day 2023-09-30, release 2023-10-01 (C2 gives release 2023-09-30)', () => {
    expect(end('2023-08-31', term(0, 1), 'hmpps')).toBe('2023-10-01');
    expect(end('2023-08-31', term(0, 1), 'c2')).toBe('2023-09-30');
  });

  it('1 month from 2023-08-01: last day 2023-08-31 (a term starting on the 1st ends at the end of the month)', () => {
    expect(end('2023-08-01', term(0, 1), 'hmpps')).toBe('2023-09-01');
  });

  it('1 year from 2024-02-01 ends 2025-01-31', () => {
    expect(end('2024-02-01', term(1), 'hmpps')).toBe('2025-02-01');
  });

  it('1 month from 2023-01-29 ends 2023-02-28 (29 February 2023 does not exist)', () => {
    expect(end('2023-01-29', term(0, 1), 'hmpps')).toBe('2023-03-01');
  });

  it('1 month from 2024-01-30 ends 2024-02-29; 1 month from 2023-03-30 ends 2023-04-29', () => {
    expect(end('2024-01-30', term(0, 1), 'hmpps')).toBe('2024-03-01');
    expect(end('2023-03-30', term(0, 1), 'hmpps')).toBe('2023-04-30');
  });

  it('a term with days: 1 month 10 days from 2023-08-31 ends 2023-09-30 + 10 = 2023-10-10; 10 days from 2023-08-01 ends 2023-08-10', () => {
    expect(end('2023-08-31', term(0, 1, 10), 'hmpps')).toBe('2023-10-11');
    expect(end('2023-08-01', term(0, 1, 10), 'hmpps')).toBe('2023-09-11');
    expect(end('2023-08-01', term(0, 0, 10), 'hmpps')).toBe('2023-08-11');
  });

  it('the GB profile applies the HMPPS convention; the default profile applies C2', () => {
    const s = [sentence('S1', '2023-08-31', term(0, 1))];
    expect(iso(fixed(computeSentences(s, 0, GB, d('2023-09-01'))).sentenceExpiryDate)).toBe('2023-09-30');
    expect(iso(fixed(computeSentences(s, 0, DEFAULT_PROFILE, d('2023-09-01'))).sentenceExpiryDate)).toBe('2023-09-29');
  });

  it('from a start between the 2nd and the 28th (no clamping), HMPPS releases on the same day as C2', () => {
    fc.assert(
      fc.property(dayArb, termArb, (start, t) => {
        const day = Number(iso(start).slice(8));
        fc.pre(day > 1 && day <= 28);
        expect(termEnd(start, t, 'hmpps')).toBe(termEnd(start, t, 'c2'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('C8 unserved sentence (person at large): counted from the reference date', () => {
  it('2 years not yet started, reference 2024-03-01: release 2026-03-01, flagged unserved', () => {
    const c = fixed(computeSentences([sentence('S1', null, term(2))], 0, DEFAULT_PROFILE, d('2024-03-01')));
    expect(c.unserved).toBe(true);
    expect(iso(c.start)).toBe('2024-03-01');
    expect(iso(c.releaseDate)).toBe('2026-03-01');
  });

  it('credited custody reduces the unserved term (2 years less 100 days from 2024-03-01: 2025-11-21)', () => {
    const c = fixed(computeSentences([sentence('S1', null, term(2))], 100, DEFAULT_PROFILE, d('2024-03-01')));
    expect(iso(c.releaseDate)).toBe('2025-11-21');
  });

  it('a case mixing a started and an unstarted root sentence is unknown (which start is missing is named)', () => {
    const c = computeSentences([sentence('S1', '2022-01-01', term(1)), sentence('S2', null, term(1))], 0, DEFAULT_PROFILE, d('2024-03-01'));
    expect(c.kind).toBe('unknown');
    if (c.kind === 'unknown') expect(c.missing).toEqual(['sentences[1].start']);
  });

  it('no sentences at all is unknown', () => {
    const c = computeSentences([], 0, DEFAULT_PROFILE, d('2024-03-01'));
    expect(c.kind).toBe('unknown');
  });
});

describe('properties of the term end', () => {
  it('a longer term never releases earlier, on either convention', () => {
    fc.assert(
      fc.property(
        dayArb,
        termArb,
        fc.record({ years: fc.integer({ min: 0, max: 5 }), months: fc.integer({ min: 0, max: 14 }), days: fc.integer({ min: 0, max: 40 }) }),
        conventionArb,
        (start, t, extra, convention) => {
          const longer = { years: t.years + extra.years, months: t.months + extra.months, days: t.days + extra.days };
          expect(termEnd(start, longer, convention)).toBeGreaterThanOrEqual(termEnd(start, t, convention));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('one more day or one more month of term never releases earlier, from month ends and 29 February', () => {
    fc.assert(
      fc.property(monthEndArb, termArb, conventionArb, (start, t, convention) => {
        const base = termEnd(start, t, convention);
        expect(termEnd(start, { ...t, days: t.days + 1 }, convention)).toBeGreaterThan(base);
        expect(termEnd(start, { ...t, months: t.months + 1 }, convention)).toBeGreaterThan(base);
      }),
      { numRuns: 2000 },
    );
  });

  it('every release is after the start', () => {
    fc.assert(fc.property(dayArb, termArb, conventionArb, (start, t, convention) => termEnd(start, t, convention) > start), { numRuns: 1000 });
  });

  it('month ends and 29 February never produce an invalid date', () => {
    fc.assert(
      fc.property(monthEndArb, termArb, conventionArb, fc.integer({ min: 0, max: 500 }), (start, t, convention, k) => {
        const c = fixed(computeSentences([sentence('S1', iso(start), t)], k, convention === 'c2' ? DEFAULT_PROFILE : GB, start));
        for (const day of [c.nominalRelease, c.releaseDate, c.sentenceExpiryDate, c.expectedDischargeDate]) {
          const text = iso(day);
          expect(isIsoDate(text), text).toBe(true);
          expect(parseIsoDate(text)).toBe(day);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('29 February starts: 1 year from 2024-02-29 releases 2025-02-28 (C2) and 2025-03-01 (HMPPS)', () => {
    expect(end('2024-02-29', term(1), 'c2')).toBe('2025-02-28');
    expect(end('2024-02-29', term(1), 'hmpps')).toBe('2025-03-01');
    expect(end('2024-02-29', term(4), 'c2')).toBe('2028-02-29');
  });
});

describe('C5 equality passes in the remaining-time test', () => {
  const ETS112 = builtInRuleSet('coe-ets-112') as RuleSet;
  const withMonths = (months: number): RuleSet => ({
    ...ETS112,
    minRemaining: { ...ETS112.minRemaining, value: { duration: { years: 0, months, days: 0 }, effect: 'mandatory' } },
  });
  const caseWith = (start: string, days: number, remand: number): CaseFile => {
    const parsed = parseCase({
      format: 'tsp-case/1',
      sentencingState: 'FR',
      administeringState: 'PL',
      sentences: [{ id: 'S1', start, term: { years: 0, months: 0, days }, consecutiveTo: null, offences: [] }],
      remandDays: remand,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  };
  const evaluate = (c: CaseFile, ruleSet: RuleSet, reference: DayNumber) =>
    evaluateRemainingSentence({
      case: c,
      ruleSet,
      profile: DEFAULT_PROFILE,
      reference,
      sentence: computeSentences(c.sentences, c.remandDays, DEFAULT_PROFILE, reference),
      map: builtInTreatyMap(),
      transferOn: null,
    });

  it('release == reference + N months -> met; one day less -> not met', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: fromCivil(1950, 1, 1), max: fromCivil(2100, 12, 31) }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 24 }),
        (reference, servedBefore, months) => {
          const start = reference - servedBefore;
          const threshold = addMonths(reference, months);
          const c = caseWith(iso(start), threshold - start, 0);
          expect(evaluate(c, withMonths(months), reference).status).toBe('met');
          const oneShort = caseWith(iso(start), threshold - start, 1);
          expect(evaluate(oneShort, withMonths(months), reference).status).toBe('not_met');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('T02: 2 years from 2022-03-15, request received 2023-09-15: release 2024-03-15 = threshold -> met', () => {
    const c = caseWith('2022-03-15', d('2024-03-15') - d('2022-03-15'), 0);
    const r = evaluate(c, withMonths(6), d('2023-09-15'));
    expect(r.status).toBe('met');
    expect(r.params.remaining).toBe(182);
  });
});
