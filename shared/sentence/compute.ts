/**
 * Sentence arithmetic (conventions C1–C8 of docs/date-conventions.md).
 *
 * Works on day numbers; produces the dates an officer needs and every step of the
 * arithmetic as data (message key + parameters) so the CLI and UI can show how a date
 * was reached.
 */
import { addMonths, fromCivil, isFirstOfMonth, lastDayOfMonth, parseIsoDate, type DayNumber, type Period } from './calendar.ts';
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

export interface FixedComputation {
  kind: 'fixed';
  /** True when no sentence has started (C8, person at large): dates are counted from the reference date. */
  unserved: boolean;
  /** Start of custody under the sentences: the earliest start (C2). */
  start: DayNumber;
  /** term_end_excl of the whole: the latest end of any chain, before credit (C2, C6). */
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
  const gap = custodyGap(perSentence);
  if (gap !== null) {
    steps.push({ key: 'step.custodyGap', params: { id: gap.id, start: iso(gap.start), free: iso(gap.free) } });
    return { kind: 'unknown', missing: [`sentences[${indexOf.get(gap.id)}].start`], steps };
  }
  let start = Infinity;
  let nominalRelease = -Infinity;
  for (const p of perSentence) {
    if (p.start < start) start = p.start;
    if (p.release > nominalRelease) nominalRelease = p.release;
  }
  if (sentences.length > 1) steps.push({ key: 'step.aggregate', params: { start: iso(start), end: iso(nominalRelease) } });
  const termDays = nominalRelease - start;

  const remandKnown = remandDays != null || profile.remandCredit.value === 'none';
  const k = profile.remandCredit.value === 'none' ? 0 : (remandDays ?? 0);
  const releaseDate = nominalRelease - k;
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
    steps,
  };
}

/**
 * The first sentence that starts after every sentence begun before it has ended, or null when
 * custody under the sentences is one unbroken period. C6 counts T from the earliest start, which
 * holds only for an unbroken period: across a gap it would count time at liberty as served (a
 * remission on it, a release before the later sentence began). Such a case is left unknown for
 * the officer to check: a sentence already served has no place in the case, and one that follows
 * another is recorded as consecutive to it.
 */
function custodyGap(periods: readonly { id: string; start: DayNumber; release: DayNumber }[]): { id: string; start: DayNumber; free: DayNumber } | null {
  if (periods.length < 2) return null; // most cases: one sentence
  const byStart = [...periods].sort((a, b) => a.start - b.start);
  let free = byStart[0]!.release;
  for (let i = 1; i < byStart.length; i++) {
    const p = byStart[i]!;
    // Released on the day the next begins is unbroken (C2: the release date is the first day at liberty).
    if (p.start > free) return { id: p.id, start: p.start, free };
    if (p.release > free) free = p.release;
  }
  return null;
}

/** A date parameter of a message: formatted by the reader's locale, not here. */
function iso(day: DayNumber): DateParam {
  return { day };
}
