/**
 * Sentence arithmetic (conventions C1–C8 of docs/date-conventions.md).
 *
 * Works on day numbers; produces the dates an officer needs and every step of the
 * arithmetic as data (message key + parameters) so the CLI and UI can show how a date
 * was reached.
 */
import { addMonths, fromCivil, isFirstOfMonth, lastDayOfMonth, parseIsoDate, type DayNumber } from './calendar.ts';
import type { FixedTerm, Sentence } from '../domain/case.ts';
import type { JurisdictionProfile, MonthEndConvention } from './profile.ts';
import type { DateParam, MessageParams } from '../messages.ts';


/** One line of "how we got this date": a message key and its parameters. */
export interface Step {
  key: string;
  params: MessageParams;
}

/** First day at liberty after serving `term` from `start` (no credit, no remission). */
export function termEnd(start: DayNumber, term: FixedTerm, convention: MonthEndConvention): DayNumber {
  const months = term.years * 12 + term.months;
  if (convention === 'c2') return addMonths(start, months) + term.days;
  // HMPPS (PSI 5.5): years and months are added in two steps, as the production calculator does.
  let lastDay: DayNumber;
  if (months !== 0 && isFirstOfMonth(start)) {
    lastDay = lastDayOfMonth(addMonths(addMonths(start, term.years * 12), term.months - 1)) + term.days;
  } else {
    lastDay = addMonths(addMonths(start - 1, term.years * 12), term.months) + term.days;
  }
  return lastDay + 1;
}

export type SentenceComputation =
  | FixedComputation
  | { kind: 'indeterminate'; start: DayNumber | null; steps: Step[]; lifeIds: string[] }
  | { kind: 'unknown'; missing: string[]; steps: Step[] };

/** A period of unbroken custody under some of the sentences (C6). */
export interface CustodyPeriod {
  /** The sentences served in it, in the order of the case. */
  ids: string[];
  start: DayNumber;
  /** The first day at liberty after it: the latest term end of its sentences, before credit and remission. */
  end: DayNumber;
}

export interface FixedComputation {
  kind: 'fixed';
  /** True when no sentence has started (C8, person at large): dates are counted from the reference date. */
  unserved: boolean;
  /** Start of the last period of unbroken custody (the one still to serve): the earliest start in it (C2, C6). */
  start: DayNumber;
  /** term_end_excl of the last period: the latest end of any chain, before credit (C2, C6). */
  nominalRelease: DayNumber;
  /** T: days from start to nominal release. */
  termDays: number;
  /** k: pre-sentence custody credited (0 when unknown; see remandKnown). */
  remandDays: number;
  remandKnown: boolean;
  /** RD on the expiry basis: nominal release less credit (C3). */
  releaseDate: DayNumber;
  /** SED: the last day of the sentence, RD − 1. */
  sentenceExpiryDate: DayNumber;
  /** R: projected remission (C4); 0 where the jurisdiction has none. */
  remissionDays: number;
  /** EDD: first day at liberty with full projected remission, RD − R. */
  expectedDischargeDate: DayNumber;
  perSentence: { id: string; start: DayNumber; release: DayNumber }[];
  /**
   * The periods of custody that ended before the last one began, earliest first (C6): already
   * served, they count in none of the dates above. Empty when custody is one unbroken period.
   */
  servedPeriods: readonly CustodyPeriod[];
  steps: Step[];
}

/**
 * Computes the dates of a case's sentences.
 * @param reference used only when no sentence has started (C8): the term is then counted from it.
 */
interface Chain {
  byId: Map<string, Sentence>;
  /** Start and release of each sentence resolved so far. */
  release: Map<string, { start: DayNumber; release: DayNumber }>;
  steps: Step[];
  unserved: boolean;
  reference: DayNumber;
  convention: MonthEndConvention;
}

/**
 * A sentence's start and release, its parents first: up the chain to a sentence already resolved
 * or a root, then down again, in a loop (a recursion as deep as the chain could overflow the
 * stack). False when the chain never reaches a root: a cycle or a sentence the case does not
 * have, which the case schema refuses but a stored case may hold.
 */
function resolveSentence(chain: Chain, s: Sentence): boolean {
  const path: Sentence[] = [];
  for (let at: Sentence | undefined = s; at !== undefined && !chain.release.has(at.id); at = at.consecutiveTo != null ? chain.byId.get(at.consecutiveTo) : undefined) {
    if (path.length > chain.byId.size) return false;
    path.push(at);
  }
  for (let k = path.length - 1; k >= 0; k--) {
    const here = path[k] as Sentence;
    let start: DayNumber;
    if (here.consecutiveTo != null) {
      const parent = chain.release.get(here.consecutiveTo);
      if (parent === undefined) return false; // it follows a sentence the case does not have
      start = parent.release; // C6: starts on the day the one before it would release
      chain.steps.push({ key: 'step.consecutive', params: { id: here.id, after: here.consecutiveTo, start: iso(start) } });
    } else {
      start = chain.unserved ? chain.reference : parseIsoDate(here.start as string);
      chain.steps.push({ key: chain.unserved ? 'step.unservedStart' : 'step.start', params: { id: here.id, start: iso(start) } });
    }
    const term = here.term as FixedTerm;
    const end = termEnd(start, term, chain.convention);
    chain.steps.push({ key: `step.termEnd.${chain.convention}`, params: { id: here.id, start: iso(start), term: { period: term }, end: iso(end) } });
    chain.release.set(here.id, { start, release: end });
  }
  return true;
}

/** The days a date may take in a result: years 1 to 9999, which every reader can write as YYYY-MM-DD. */
const FIRST_DAY = fromCivil(1, 1, 1);
const LAST_DAY = fromCivil(9999, 12, 31);
const representable = (day: DayNumber) => Number.isSafeInteger(day) && day >= FIRST_DAY && day <= LAST_DAY;

export function computeSentences(
  sentences: readonly Sentence[],
  remandDays: number | null | undefined,
  profile: JurisdictionProfile,
  reference: DayNumber,
): SentenceComputation {
  const steps: Step[] = [];
  if (sentences.length === 0) return { kind: 'unknown', missing: ['sentences'], steps };

  const lifeIds = sentences.filter((s) => s.term === 'life' || s.term === 'indeterminate').map((s) => s.id);
  const rootsWithStart = sentences.filter((s) => s.consecutiveTo == null && s.start != null);
  const rootsWithout = sentences.filter((s) => s.consecutiveTo == null && s.start == null);
  if (lifeIds.length > 0) {
    const starts = rootsWithStart.map((s) => parseIsoDate(s.start as string));
    const start = starts.length > 0 ? Math.min(...starts) : null;
    return { kind: 'indeterminate', start, steps: [{ key: 'step.indeterminate', params: { ids: lifeIds.join(', ') } }], lifeIds };
  }
  const indexOf = new Map(sentences.map((s, i) => [s.id, i]));
  if (rootsWithStart.length > 0 && rootsWithout.length > 0) {
    return {
      kind: 'unknown',
      missing: rootsWithout.map((s) => `sentences[${indexOf.get(s.id)}].start`),
      steps,
    };
  }
  const unserved = rootsWithStart.length === 0;
  const convention = profile.monthEnd.value;
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const release = new Map<string, { start: DayNumber; release: DayNumber }>();

  const chain: Chain = { byId, release, steps, unserved, reference, convention };
  for (const s of sentences) {
    if (!resolveSentence(chain, s)) return { kind: 'unknown', missing: [`sentences[${indexOf.get(s.id)}].consecutiveTo`], steps };
  }

  const perSentence = sentences.map((s) => ({ id: s.id, ...(release.get(s.id) as { start: DayNumber; release: DayNumber }) }));
  // C6: the periods of unbroken custody; the dates are those of the last, the one still to serve.
  const periods = custodyPeriods(perSentence);
  const last = periods[periods.length - 1] as CustodyPeriod;
  const servedPeriods = periods.length === 1 ? NO_PERIODS : periods.slice(0, -1);
  const { start, end: nominalRelease } = last;
  servedPeriods.forEach((p, i) => {
    const next = periods[i + 1] as CustodyPeriod;
    steps.push({ key: 'step.periodServed', params: { ids: p.ids.join(', '), start: iso(p.start), free: iso(p.end), next: iso(next.start) } });
  });
  if (servedPeriods.length > 0) steps.push({ key: 'step.lastPeriod', params: { ids: last.ids.join(', '), start: iso(start), end: iso(nominalRelease) } });
  else if (sentences.length > 1) steps.push({ key: 'step.aggregate', params: { start: iso(start), end: iso(nominalRelease) } });
  const termDays = nominalRelease - start;

  const remandKnown = remandDays != null || profile.remandCredit.value === 'none';
  const k = profile.remandCredit.value === 'none' ? 0 : (remandDays ?? 0);
  const releaseDate = nominalRelease - k;
  // The case records one figure of pre-sentence custody: it is credited, once, to the last period (docs/date-conventions.md, C3).
  if (k > 0 && servedPeriods.length > 0) steps.push({ key: 'step.remandLastPeriod', params: { days: k } });
  if (k > 0) steps.push({ key: 'step.remand', params: { nominal: iso(nominalRelease), days: k, release: iso(releaseDate) } });
  else if (!remandKnown) steps.push({ key: 'step.remandUnknown', params: { release: iso(releaseDate) } });

  // A stored case may hold what the schema now refuses (a term of thousands of years, remand of
  // millions of days): its dates are then unknown, never a year no reader can write.
  if (![start, nominalRelease, releaseDate].every(representable) || !perSentence.every((p) => representable(p.start) && representable(p.release))) {
    return { kind: 'unknown', missing: ['sentences'], steps: [{ key: 'step.outOfRange', params: {} }] };
  }

  let remissionDays = 0;
  const rule = profile.remission;
  if (rule) {
    const actual = termDays - k;
    remissionDays =
      actual > rule.minActualTermDays
        ? Math.min(Math.floor((termDays * rule.numerator) / rule.denominator), actual - rule.minActualTermDays)
        : 0;
    steps.push({
      key: 'step.remission',
      params: {
        termDays,
        actualDays: actual,
        fraction: `${rule.numerator}/${rule.denominator}`,
        cap: Math.floor((termDays * rule.numerator) / rule.denominator),
        floorDays: rule.minActualTermDays,
        remissionDays,
        release: iso(releaseDate),
        discharge: iso(releaseDate - remissionDays),
        source: rule.source,
      },
    });
    // Concurrent sentences begun on different days are one term here (first start to last end). Whether
    // remission is earned on that merged term or on each sentence's own is not settled (HMPPS takes the
    // latest release of each sentence): the app's reading, marked unconfirmed, never shown as settled.
    const lastRoots = sentences.filter((x) => x.consecutiveTo == null && x.start != null && last.ids.includes(x.id));
    if (remissionDays > 0 && new Set(lastRoots.map((x) => x.start)).size > 1) {
      steps.push({ key: 'step.remissionMergedTerm', params: { ids: lastRoots.map((x) => x.id).join(', ') } });
    }
  }
  return {
    kind: 'fixed',
    unserved,
    start,
    nominalRelease,
    termDays,
    remandDays: k,
    remandKnown,
    releaseDate,
    sentenceExpiryDate: releaseDate - 1,
    remissionDays,
    expectedDischargeDate: releaseDate - remissionDays,
    perSentence,
    servedPeriods,
    steps,
  };
}

const NO_PERIODS: readonly CustodyPeriod[] = Object.freeze([]);

/**
 * The periods of unbroken custody, earliest first (C6): sentences sorted by start, each joining
 * the period in progress unless it starts after every sentence before it has ended. Released on
 * the day the next begins is unbroken (C2: the release date is the first day at liberty); a
 * sentence's end is its term end, before credit and remission (remission is projected and may
 * be forfeited, so it cannot show that the person was at liberty). Sorting makes it n log n.
 */
function custodyPeriods(spans: readonly { id: string; start: DayNumber; release: DayNumber }[]): CustodyPeriod[] {
  const only = spans[0] as { id: string; start: DayNumber; release: DayNumber };
  if (spans.length === 1) return [{ ids: [only.id], start: only.start, end: only.release }]; // most cases: one sentence
  const byStart = spans.map((span, index) => ({ id: span.id, start: span.start, release: span.release, index })).sort((a, b) => a.start - b.start || a.index - b.index);
  const periods: { members: { id: string; index: number }[]; start: DayNumber; end: DayNumber }[] = [];
  let current: (typeof periods)[number] | undefined;
  for (const span of byStart) {
    if (current === undefined || span.start > current.end) {
      current = { members: [span], start: span.start, end: span.release };
      periods.push(current);
    } else {
      current.members.push(span);
      if (span.release > current.end) current.end = span.release;
    }
  }
  // The ids in the order of the case, as the steps name them.
  return periods.map((p) => ({ ids: p.members.sort((a, b) => a.index - b.index).map((m) => m.id), start: p.start, end: p.end }));
}

/** A date parameter of a message: formatted by the reader's locale, not here. */
function iso(day: DayNumber): DateParam {
  return { day };
}
