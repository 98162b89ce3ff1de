/**
 * Differential test of the sentence arithmetic (compute.ts and calendar.ts, and what reads
 * them: the remaining-sentence and minimum-served conditions, the dates of an assessment, the
 * "remaining below the minimum" alert) against a deliberately naive oracle written from
 * docs/date-conventions.md (C1–C8) alone: dates are (year, month, day) integer triples,
 * walked one day or one month at a time. Nothing from calendar.ts computes an expected value;
 * the code's day numbers are turned back into dates by the oracle's own counting.
 * fast-check prints the seed and path of any failure, so a run can be replayed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseFile, FixedTerm } from '../domain/case.ts';
import { evaluateMinimumServed } from '../eligibility/conditions/minimum-served.ts';
import { evaluateRemainingSentence } from '../eligibility/conditions/remaining-sentence.ts';
import { assess } from '../eligibility/engine.ts';
import { makeCase, ruleSet } from '../eligibility/testing.ts';
import { DEFAULT_PROFILE, profileFor } from '../treaties/jurisdictions.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { lastDayKeepingMinimum } from '../workflow/alerts.ts';
import { computeSentences, type FixedComputation } from './compute.ts';
import type { JurisdictionProfile } from './profile.ts';

// ---------------------------------------------------------------- the oracle's calendar

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Proleptic Gregorian leap years: every 4th, except centuries not divisible by 400. */
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function monthLength(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function nextDay({ y, m, d }: Ymd): Ymd {
  if (d < monthLength(y, m)) return { y, m, d: d + 1 };
  return m < 12 ? { y, m: m + 1, d: 1 } : { y: y + 1, m: 1, d: 1 };
}

function prevDay({ y, m, d }: Ymd): Ymd {
  if (d > 1) return { y, m, d: d - 1 };
  return m > 1 ? { y, m: m - 1, d: monthLength(y, m - 1) } : { y: y - 1, m: 12, d: 31 };
}

/** n days later (earlier if negative), one day at a time. */
function plusDays(a: Ymd, n: number): Ymd {
  let x = a;
  for (let i = 0; i < n; i++) x = nextDay(x);
  for (let i = 0; i > n; i--) x = prevDay(x);
  return x;
}

const compare = (a: Ymd, b: Ymd): number => a.y - b.y || a.m - b.m || a.d - b.d;

/** Days from a to b (negative if b is earlier), counted one day at a time. */
function daysFromTo(a: Ymd, b: Ymd): number {
  let n = 0;
  for (let x = a; compare(x, b) < 0; x = nextDay(x)) n++;
  for (let x = a; compare(x, b) > 0; x = prevDay(x)) n--;
  return n;
}

/** The month n calendar months after (y, m), stepped one month at a time. */
function monthAfter(y: number, m: number, n: number): { y: number; m: number } {
  let [yy, mm] = [y, m];
  for (let i = 0; i < n; i++) [yy, mm] = mm === 12 ? [yy + 1, 1] : [yy, mm + 1];
  for (let i = 0; i > n; i--) [yy, mm] = mm === 1 ? [yy - 1, 12] : [yy, mm - 1];
  return { y: yy, m: mm };
}

/** C1: calendar months; a day missing in the target month is clamped to its last day. */
function addMonthsC1(a: Ymd, n: number): Ymd {
  const t = monthAfter(a.y, a.m, n);
  return { y: t.y, m: t.m, d: Math.min(a.d, monthLength(t.y, t.m)) };
}

const iso = ({ y, m, d }: Ymd): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const yearLength = (y: number): number => (isLeap(y) ? 366 : 365);

/** The code's day number (days since 1970-01-01), counted by whole years, then months. */
function dayNumber(a: Ymd): number {
  let n = 0;
  for (let y = 1970; y < a.y; y++) n += yearLength(y);
  for (let y = a.y; y < 1970; y++) n -= yearLength(y);
  for (let m = 1; m < a.m; m++) n += monthLength(a.y, m);
  return n + a.d - 1;
}

/** The date of a day number of the code, counted by whole years, then months. */
function dateOf(n: number): Ymd {
  let [y, rest] = [1970, n];
  while (rest < 0) rest += yearLength(--y);
  while (rest >= yearLength(y)) rest -= yearLength(y++);
  let m = 1;
  while (rest >= monthLength(y, m)) rest -= monthLength(y, m++);
  return { y, m, d: rest + 1 };
}
const isoOf = (n: number): string => iso(dateOf(n));

// ---------------------------------------------------------------- the oracle's sentences

type Convention = 'c2' | 'hmpps';

/** First day at liberty after `term` from `start`, no credit. */
function releaseAfter(start: Ymd, term: FixedTerm, convention: Convention): Ymd {
  const months = 12 * term.years + term.months;
  // C2: add_months(S, 12Y + M) + D days.
  if (convention === 'c2') return plusDays(addMonthsC1(start, months), term.days);
  // HMPPS (date-conventions.md, month-end table): the last day is the day before the
  // corresponding day; if the start day does not exist in the end month, the last day is that
  // month's last day. Release is the day after the last day; the D days follow (as in C2).
  const t = monthAfter(start.y, start.m, months);
  const lastDay = start.d <= monthLength(t.y, t.m) ? prevDay({ y: t.y, m: t.m, d: start.d }) : { y: t.y, m: t.m, d: monthLength(t.y, t.m) };
  return plusDays(nextDay(lastDay), term.days);
}

interface OracleSentence {
  id: string;
  start: Ymd | null;
  term: FixedTerm;
  consecutiveTo: string | null;
}

interface OracleProfile {
  convention: Convention;
  credit: boolean;
  remission: { numerator: number; denominator: number; minActualTermDays: number } | null;
}

/** Unknown custody matters only where the jurisdiction credits it ("unknown is not false"). */
const remandKnown = (remand: number | null, p: OracleProfile): boolean => remand !== null || !p.credit;

const oracleProfile = (p: JurisdictionProfile): OracleProfile => ({
  convention: p.monthEnd.value,
  credit: p.remandCredit.value === 'day-for-day',
  remission: p.remission,
});

interface Expected {
  unserved: boolean;
  start: string;
  nominalRelease: string;
  termDays: number;
  remandDays: number;
  releaseDate: string;
  sentenceExpiryDate: string;
  remissionDays: number;
  expectedDischargeDate: string;
  perSentence: { id: string; start: string; release: string }[];
}

/** Each sentence's start and release (C2, C6, C8). */
function spansOf(sentences: readonly OracleSentence[], p: OracleProfile, reference: Ymd): { id: string; start: Ymd; release: Ymd }[] {
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const span = (s: OracleSentence): { start: Ymd; release: Ymd } => {
    // C6: a consecutive sentence starts on the previous one's release date (its own start is not used).
    const start = s.consecutiveTo !== null ? span(byId.get(s.consecutiveTo)!).release : (s.start ?? reference);
    return { start, release: releaseAfter(start, s.term, p.convention) };
  };
  return sentences.map((s) => ({ id: s.id, ...span(s) }));
}

/**
 * The first day of the last period of unbroken custody (C6): from the start of the sentence that
 * ends last, step back while the day before is a day in custody — custody on day D means some
 * sentence has start ≤ D < release — to the earliest start among the sentences covering it.
 */
function lastPeriodStart(spans: readonly { start: Ymd; release: Ymd }[]): Ymd {
  let at = spans.reduce((a, b) => (compare(b.release, a.release) > 0 ? b : a)).start;
  for (;;) {
    const dayBefore = prevDay(at);
    const covering = spans.filter((s) => compare(s.start, dayBefore) <= 0 && compare(dayBefore, s.release) < 0);
    if (covering.length === 0) return at;
    at = covering.map((s) => s.start).reduce((a, b) => (compare(a, b) <= 0 ? a : b));
  }
}

/** The first day of each period of custody, earliest first: every day on which a sentence starts after a day in custody under none. */
function periodStarts(spans: readonly { start: Ymd; release: Ymd }[]): string[] {
  const covered = (day: Ymd) => spans.some((s) => compare(s.start, day) <= 0 && compare(day, s.release) < 0);
  return [...new Set(spans.filter((s) => !covered(prevDay(s.start))).map((s) => iso(s.start)))].sort();
}

/** The dates of fixed-term sentences whose roots either all have a start or none has one. */
function oracle(sentences: readonly OracleSentence[], remand: number | null, p: OracleProfile, reference: Ymd): Expected {
  // C8: no sentence has started (person at large): the term is counted from the reference date.
  const unserved = sentences.every((s) => s.consecutiveTo !== null || s.start === null);
  const spans = spansOf(sentences, p, reference);
  // C6: the last period of unbroken custody alone is counted: the latest end governs; T runs from its earliest start.
  const start = lastPeriodStart(spans);
  const nominal = spans.map((s) => s.release).reduce((a, b) => (compare(a, b) >= 0 ? a : b));
  const termDays = daysFromTo(start, nominal);
  // C3: k days credited once, to the last period, day for day (unknown counts as none).
  const k = p.credit ? (remand ?? 0) : 0;
  const release = plusDays(nominal, -k);
  // C4: A = T − k; R = min(floor(T × fraction), A − 31) if A > 31, else 0.
  const r = p.remission;
  const actual = termDays - k;
  const remission = r !== null && actual > r.minActualTermDays ? Math.min(Math.floor((termDays * r.numerator) / r.denominator), actual - r.minActualTermDays) : 0;
  return {
    unserved,
    start: iso(start),
    nominalRelease: iso(nominal),
    termDays,
    remandDays: k,
    releaseDate: iso(release),
    sentenceExpiryDate: iso(prevDay(release)), // C2: SED = RD − 1
    remissionDays: remission,
    expectedDischargeDate: iso(plusDays(release, -remission)), // C4: EDD = RD − R
    perSentence: spans.map((s) => ({ id: s.id, start: iso(s.start), release: iso(s.release) })),
  };
}

type Outcome = 'nothing-left' | 'met' | 'unknown' | 'short';

/** C5: met iff RD_basis ≥ add_months(REF, N) (+ days); equality passes; days remaining = RD_basis − REF. */
function oracleRemaining(e: Expected, basis: Basis, n: FixedTerm, known: boolean, reference: Ymd) {
  const rd = parse(basis === 'expiry' ? e.releaseDate : e.expectedDischargeDate);
  const threshold = plusDays(addMonthsC1(reference, 12 * n.years + n.months), n.days);
  // Nothing left to serve; "unknown is not false": a pass without credit is unknown if the credit is unknown.
  const outcome: Outcome = compare(rd, reference) <= 0 ? 'nothing-left' : compare(rd, threshold) >= 0 ? (known ? 'met' : 'unknown') : 'short';
  return { release: iso(rd), threshold: iso(threshold), remaining: daysFromTo(reference, rd), outcome };
}

/** C7: served = (REF − S) + k; required = ceil(f × T) days; earliest compliant date S − k + required. */
function oracleMinimumServed(e: Expected, f: { numerator: number; denominator: number }, known: boolean, reference: Ymd) {
  const start = parse(e.start);
  let required = 0;
  while (required * f.denominator < e.termDays * f.numerator) required++; // the ceiling, by counting up
  const served = daysFromTo(start, reference) + e.remandDays;
  const status = served >= required ? 'met' : known ? 'not_met' : 'unknown';
  return { served, required, earliest: iso(plusDays(start, required - e.remandDays)), status };
}

function parse(s: string): Ymd {
  const [y, m, d] = s.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

// ---------------------------------------------------------------- the code, seen the same way

function actual(c: FixedComputation): Expected {
  return {
    unserved: c.unserved,
    start: isoOf(c.start),
    nominalRelease: isoOf(c.nominalRelease),
    termDays: c.termDays,
    remandDays: c.remandDays,
    releaseDate: isoOf(c.releaseDate),
    sentenceExpiryDate: isoOf(c.sentenceExpiryDate),
    remissionDays: c.remissionDays,
    expectedDischargeDate: isoOf(c.expectedDischargeDate),
    perSentence: c.perSentence.map((s) => ({ id: s.id, start: isoOf(s.start), release: isoOf(s.release) })),
  };
}

const OUTCOME_OF_KEY: Record<string, Outcome> = {
  'cond.remaining.nothingLeft': 'nothing-left',
  'cond.remaining.met': 'met',
  'cond.remaining.unknownRemand': 'unknown',
  'cond.remaining.exception': 'short',
  'cond.remaining.optional': 'short',
  'cond.remaining.notMet': 'short',
};

/** A tsp-case/1 with these sentences and remand, parsed as the app parses it. */
function caseOf(sentences: readonly OracleSentence[], remand: number | null): CaseFile {
  return makeCase({
    sentences: sentences.map((s) => ({ id: s.id, start: s.start && iso(s.start), term: s.term, consecutiveTo: s.consecutiveTo, offences: ['O1'] })),
    remandDays: remand,
  });
}

function compute(c: CaseFile, profile: JurisdictionProfile, reference: Ymd): FixedComputation {
  const r = computeSentences(c.sentences, c.remandDays, profile, dayNumber(reference));
  if (r.kind !== 'fixed') throw new Error(`expected a fixed computation, got ${r.kind}`);
  return r;
}

// ---------------------------------------------------------------- generators

/** Years around the century rules (1900 not leap, 2000 leap, 2100 not leap), within the dates a case may hold (from 1900). */
const yearArb = fc.oneof(fc.constantFrom(1900, 1903, 1904, 1999, 2000, 2023, 2024, 2099, 2100), fc.integer({ min: 1900, max: 2110 }));
/** Month ends, 29 February, the 1st and the 28th–31st weighted up: the days where counting goes wrong. */
const dateArb: fc.Arbitrary<Ymd> = fc
  .record({
    y: yearArb,
    m: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.constantFrom('first', 'last', 'last-1', 'last-2', 'feb29'), fc.integer({ min: 1, max: 31 })),
  })
  .map(({ y, m, day }) => {
    if (day === 'feb29') {
      let leap = y;
      while (!isLeap(leap)) leap++;
      return { y: leap, m: 2, d: 29 };
    }
    const last = monthLength(y, m);
    const d = day === 'first' ? 1 : day === 'last' ? last : day === 'last-1' ? last - 1 : day === 'last-2' ? last - 2 : Math.min(day, last);
    return { y, m, d };
  });
const partArb = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 0, max }));
const termArb: fc.Arbitrary<FixedTerm> = fc
  .record({ years: partArb(8), months: partArb(30), days: partArb(400) })
  .filter((t) => t.years + t.months + t.days > 0);
const remandArb = fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 0, max: 1500 }));

const HK = profileFor('HK');
const GB = profileFor('GB');
/** The built-in profiles, and combinations the profile type allows (HMPPS with remission, no credit). */
const profileArb = fc.constantFrom<JurisdictionProfile>(
  DEFAULT_PROFILE,
  HK,
  GB,
  { ...GB, code: 'X1', remission: HK.remission },
  { ...DEFAULT_PROFILE, code: 'X2', remandCredit: { ...DEFAULT_PROFILE.remandCredit, value: 'none' } },
);

/**
 * 1–4 sentences; each after the first is concurrent (a root) or consecutive to an earlier one;
 * the list is then rotated, so a sentence may come before the one it follows.
 */
function sentencesArb(started: boolean): fc.Arbitrary<OracleSentence[]> {
  const one = fc.record({
    start: dateArb,
    // Most concurrent sentences begin within a few years of the first, so that custody under them overlaps, touches or has a gap.
    near: fc.option(fc.integer({ min: -2500, max: 2500 }), { nil: null, freq: 4 }),
    term: termArb,
    parent: fc.option(fc.nat(), { nil: null }),
    startKnown: fc.boolean(),
  });
  return fc.tuple(fc.array(one, { minLength: 1, maxLength: 4 }), fc.nat()).map(([xs, rotation]) => {
    const list = xs.map((x, i) => {
      const consecutiveTo = i > 0 && x.parent !== null ? `S${(x.parent % i) + 1}` : null;
      const near = i > 0 && x.near !== null ? plusDays(xs[0]!.start, x.near) : x.start;
      // Not before the first date a case may hold (shared/domain/bounds.ts).
      const own = near.y < 1900 ? x.start : near;
      // A consecutive sentence may carry a start of its own; C6 says it is not used.
      const start = !started ? null : consecutiveTo === null || x.startKnown ? own : null;
      return { id: `S${i + 1}`, start, term: x.term, consecutiveTo };
    });
    const r = rotation % list.length;
    return [...list.slice(r), ...list.slice(0, r)];
  });
}

const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------- properties

describe('the sentence arithmetic agrees with a day-by-day oracle of C1–C8', () => {
  it('the oracle itself: day numbers of 1970-01-01, 2000-03-01 and 1900-03-01 (C1 calendar)', () => {
    // 2000 is a leap year, 1900 is not: 30 years × 365 + 7 leap days (72…96) + 31 + 29 = 11017.
    expect(dayNumber({ y: 1970, m: 1, d: 1 })).toBe(0);
    expect(dayNumber({ y: 2000, m: 3, d: 1 })).toBe(11017);
    expect(daysFromTo({ y: 1900, m: 2, d: 28 }, { y: 1900, m: 3, d: 1 })).toBe(1);
    expect(iso(addMonthsC1({ y: 2023, m: 8, d: 31 }, 6))).toBe('2024-02-29');
  });

  it('one sentence from any start (month ends, 29 February, the 1st), on every profile: every date and count', () => {
    fc.assert(
      fc.property(dateArb, termArb, remandArb, profileArb, dateArb, (start, term, remand, profile, reference) => {
        const sentences = [{ id: 'S1', start, term, consecutiveTo: null }];
        const got = compute(caseOf(sentences, remand), profile, reference);
        expect(actual(got)).toEqual(oracle(sentences, remand, oracleProfile(profile), reference));
        expect(got.remandKnown).toBe(remandKnown(remand, oracleProfile(profile)));
      }),
      RUNS,
    );
  });

  it('short terms around the remission floor (C4: A = T − k near 31 days), with and without remission', () => {
    const shortTermArb = fc.record({ years: fc.constant(0), months: fc.nat(3), days: fc.nat(70) }).filter((t) => t.months + t.days > 0);
    fc.assert(
      fc.property(dateArb, shortTermArb, fc.oneof(fc.constant(null), fc.nat(80)), profileArb, dateArb, (start, term, remand, profile, reference) => {
        const sentences = [{ id: 'S1', start, term, consecutiveTo: null }];
        const got = compute(caseOf(sentences, remand), profile, reference);
        expect(actual(got)).toEqual(oracle(sentences, remand, oracleProfile(profile), reference));
      }),
      RUNS,
    );
  });

  it('concurrent sentences and consecutive chains (C6): per-sentence spans, the periods of custody and the last period\'s dates', () => {
    let gaps = 0;
    fc.assert(
      fc.property(sentencesArb(true), remandArb, profileArb, dateArb, (sentences, remand, profile, reference) => {
        const got = compute(caseOf(sentences, remand), profile, reference);
        expect(actual(got)).toEqual(oracle(sentences, remand, oracleProfile(profile), reference));
        const starts = periodStarts(spansOf(sentences, oracleProfile(profile), reference));
        expect([...got.servedPeriods.map((p) => isoOf(p.start)), isoOf(got.start)]).toEqual(starts);
        if (starts.length > 1) gaps++;
      }),
      RUNS,
    );
    // Both sides of the rule are exercised: one period, and more.
    expect(gaps).toBeGreaterThan(10);
    expect(gaps).toBeLessThan(RUNS.numRuns - 10);
  });

  it('a sentence not yet started (C8) is counted from the reference date, less credited custody', () => {
    fc.assert(
      fc.property(sentencesArb(false), remandArb, profileArb, dateArb, (sentences, remand, profile, reference) => {
        const got = compute(caseOf(sentences, remand), profile, reference);
        expect(actual(got)).toEqual(oracle(sentences, remand, oracleProfile(profile), reference));
      }),
      RUNS,
    );
  });
});

const minimumArb: fc.Arbitrary<FixedTerm> = fc.oneof(
  fc.constantFrom<FixedTerm>({ years: 0, months: 6, days: 0 }, { years: 0, months: 12, days: 0 }, { years: 1, months: 0, days: 0 }),
  fc.record({ years: partArb(1), months: partArb(18), days: partArb(40) }).filter((t) => t.years + t.months + t.days > 0),
);
type Effect = NonNullable<RuleSet['minRemaining']['value']>['effect'];
type Basis = RuleSet['remainingBasis']['value'];
const effectArb = fc.constantFrom<Effect>('mandatory', 'mandatory-with-exception', 'optional-refusal');
const basisArb = fc.constantFrom<Basis>('expiry', 'release-with-remission');

function ruleSetWith(duration: FixedTerm, effect: Effect, basis: Basis): RuleSet {
  const base = ruleSet('coe-ets-112');
  return ruleSet('coe-ets-112', {
    minRemaining: { ...base.minRemaining, value: { duration, effect } },
    remainingBasis: { ...base.remainingBasis, value: basis },
  });
}

function remainingOf(c: CaseFile, rs: RuleSet, profile: JurisdictionProfile, reference: Ymd) {
  const ref = dayNumber(reference);
  const r = evaluateRemainingSentence({ case: c, ruleSet: rs, profile, reference: ref, sentence: computeSentences(c.sentences, c.remandDays, profile, ref), map: builtInTreatyMap(), transferOn: null });
  const day = (key: string) => isoOf((r.params[key] as { day: number }).day);
  return { release: day('release'), threshold: day('threshold'), remaining: r.params.remaining as number, outcome: OUTCOME_OF_KEY[r.messageKey] };
}

describe('the remaining-sentence condition agrees with the oracle (C5)', () => {
  it('threshold, basis release, days remaining and outcome, with the reference on and around the threshold', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain(sentencesArb),
        remandArb,
        profileArb,
        minimumArb,
        effectArb,
        basisArb,
        fc.integer({ min: -3, max: 3 }),
        dateArb,
        fc.boolean(),
        (sentences, remand, profile, minimum, effect, basis, shift, anyDay, nearEdge) => {
          const p = oracleProfile(profile);
          // A reference N months before the basis release (± 3 days) puts the threshold on the release date
          // (for sentences already started; an unstarted one (C8) is counted from whatever the reference is).
          const e0 = oracle(sentences, remand, p, anyDay);
          const rd = parse(basis === 'expiry' ? e0.releaseDate : e0.expectedDischargeDate);
          const reference = nearEdge ? plusDays(addMonthsC1(plusDays(rd, -minimum.days), -(12 * minimum.years + minimum.months)), shift) : anyDay;
          const c = caseOf(sentences, remand);
          const expected = oracleRemaining(oracle(sentences, remand, p, reference), basis, minimum, remandKnown(remand, p), reference);
          expect(remainingOf(c, ruleSetWith(minimum, effect, basis), profile, reference)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });
});

describe('the dates an assessment shows agree with the oracle', () => {
  it('release on the basis, expiry, nominal release, discharge, term, remand, served and remaining days (none shown for C8)', () => {
    fc.assert(
      fc.property(fc.boolean().chain(sentencesArb), remandArb, profileArb, basisArb, dateArb, (sentences, remand, profile, basis, reference) => {
        const p = oracleProfile(profile);
        const e = oracle(sentences, remand, p, reference);
        const rd = basis === 'expiry' ? e.releaseDate : e.expectedDischargeDate;
        const shown = (date: string) => (e.unserved ? null : date);
        const expected = {
          releaseDate: shown(rd),
          sentenceExpiryDate: shown(e.sentenceExpiryDate),
          nominalReleaseDate: shown(e.nominalRelease),
          expectedDischargeDate: p.remission ? shown(e.expectedDischargeDate) : null,
          remissionDays: p.remission ? e.remissionDays : null,
          remandDays: remandKnown(remand, p) ? e.remandDays : null,
          termDays: e.termDays,
          // C7 (served = REF − S + k; C8: only the credited custody) and C5 (RD_basis − REF).
          servedDays: e.unserved ? e.remandDays : daysFromTo(parse(e.start), reference) + e.remandDays,
          remainingDays: daysFromTo(reference, parse(rd)),
        };
        const a = assess(caseOf(sentences, remand), ruleSetWith({ years: 0, months: 6, days: 0 }, 'mandatory', basis), { on: dayNumber(reference), today: 0, profile, map: builtInTreatyMap() });
        const day = (n: number | null) => (n === null ? null : isoOf(n));
        const d = a.dates;
        expect({
          releaseDate: day(d.releaseDate),
          sentenceExpiryDate: day(d.sentenceExpiryDate),
          nominalReleaseDate: day(d.nominalReleaseDate),
          expectedDischargeDate: day(d.expectedDischargeDate),
          remissionDays: d.remissionDays,
          remandDays: d.remandDays,
          termDays: d.termDays,
          servedDays: d.servedDays,
          remainingDays: d.remainingDays,
        }).toEqual(expected);
      }),
      RUNS,
    );
  });
});

describe('the alert "transfer after this day leaves less than the minimum" agrees with C5', () => {
  it('the last reference date still meeting the minimum: stepping back one day at a time from the release', () => {
    fc.assert(
      fc.property(dateArb, minimumArb, (release, minimum) => {
        let day = release;
        const threshold = (ref: Ymd) => plusDays(addMonthsC1(ref, 12 * minimum.years + minimum.months), minimum.days);
        while (compare(threshold(day), release) > 0) day = prevDay(day);
        expect(isoOf(lastDayKeepingMinimum(dayNumber(release), minimum) as number)).toBe(iso(day));
      }),
      RUNS,
    );
  });
});

describe('the minimum-served condition agrees with the oracle (C7)', () => {
  it('days served, days required and the earliest compliant date, for started sentences and any fraction', () => {
    const base = ruleSet('coe-ets-112');
    fc.assert(
      fc.property(
        sentencesArb(true),
        remandArb,
        profileArb,
        fc.constantFrom({ numerator: 1, denominator: 3 }, { numerator: 1, denominator: 2 }, { numerator: 2, denominator: 3 }, { numerator: 1, denominator: 4 }),
        dateArb,
        (sentences, remand, profile, f, reference) => {
          const c = caseOf(sentences, remand);
          const rs = ruleSet('coe-ets-112', { minServed: { ...base.minServed, value: { ...f, lifeMinimum: null, sentencingStates: null, testedAt: 'reference' } } });
          const ref = dayNumber(reference);
          const r = evaluateMinimumServed({ case: c, ruleSet: rs, profile, reference: ref, sentence: computeSentences(c.sentences, c.remandDays, profile, ref), map: builtInTreatyMap(), transferOn: null });
          const got = { served: r.params.served, required: r.params.required, earliest: isoOf((r.params.earliest as { day: number }).day), status: r.status };
          const p = oracleProfile(profile);
          expect(got).toEqual(oracleMinimumServed(oracle(sentences, remand, p, reference), f, remandKnown(remand, p), reference));
        },
      ),
      RUNS,
    );
  });
});

describe('invariants of the arithmetic', () => {
  it('days remaining fall by exactly 1 when the reference date moves 1 day later (started sentences)', () => {
    fc.assert(
      fc.property(sentencesArb(true), remandArb, profileArb, basisArb, dateArb, (sentences, remand, profile, basis, reference) => {
        const c = caseOf(sentences, remand);
        const rs = ruleSetWith({ years: 0, months: 6, days: 0 }, 'mandatory', basis);
        const today = remainingOf(c, rs, profile, reference).remaining;
        const tomorrow = remainingOf(c, rs, profile, nextDay(reference)).remaining;
        expect(tomorrow).toBe(today - 1);
      }),
      RUNS,
    );
  });

  it('more remand never makes the release or the expected discharge later', () => {
    fc.assert(
      fc.property(sentencesArb(true), fc.nat(1500), fc.nat(400), profileArb, dateArb, (sentences, k, more, profile, reference) => {
        const less = compute(caseOf(sentences, k), profile, reference);
        const most = compute(caseOf(sentences, k + more), profile, reference);
        expect(most.releaseDate).toBeLessThanOrEqual(less.releaseDate);
        expect(most.expectedDischargeDate).toBeLessThanOrEqual(less.expectedDischargeDate);
      }),
      RUNS,
    );
  });

  it('a longer term (any part longer) never makes the release earlier, nor the expected discharge unless it joins two periods of custody', () => {
    fc.assert(
      fc.property(
        sentencesArb(true),
        fc.nat(3),
        fc.record({ years: partArb(2), months: partArb(14), days: partArb(40) }),
        remandArb,
        profileArb,
        dateArb,
        (sentences, which, extra, remand, profile, reference) => {
          const i = which % sentences.length;
          const longer = sentences.map((s, j) =>
            j === i ? { ...s, term: { years: s.term.years + extra.years, months: s.term.months + extra.months, days: s.term.days + extra.days } } : s,
          );
          const before = compute(caseOf(sentences, remand), profile, reference);
          const after = compute(caseOf(longer, remand), profile, reference);
          expect(after.nominalRelease).toBeGreaterThanOrEqual(before.nominalRelease);
          expect(after.releaseDate).toBeGreaterThanOrEqual(before.releaseDate);
          // A sentence that now reaches the next period joins the two (C6): remission then runs on the longer joined term.
          expect(after.start).toBeLessThanOrEqual(before.start);
          if (after.start === before.start) expect(after.expectedDischargeDate).toBeGreaterThanOrEqual(before.expectedDischargeDate);
        },
      ),
      RUNS,
    );
  });
});
