/**
 * Our maximum, sentence by sentence (ETS 112 Art. 10(2); FD 2008/909 Art. 8(2)): each
 * sentence is held against the highest maximum our law prescribes among the offences it was
 * imposed for. That reading — per sentence, not per offence nor on the sentences together —
 * is the app's ([U]): the instruments speak of "the sentence" and "a similar offence".
 *
 * A term is within the maximum when it ends no later than the maximum would, counted from the
 * same start by the same convention (a term of 47 months and 31 days can be longer or shorter
 * than 48 months depending on the months it runs through). Consecutive sentences start when
 * the one before them ends as enforced (C6).
 */
import type { CaseFile, FixedTerm, Sentence, Term } from '../domain/case.ts';
import { parseIsoDate, type DayNumber } from '../sentence/calendar.ts';
import { termEnd } from '../sentence/compute.ts';
import type { MonthEndConvention } from '../sentence/profile.ts';

export type Maximum = number | 'life';

/**
 * - `kept`: within our maximum, enforced as imposed;
 * - `adapted`: longer than our maximum, reduced to it;
 * - `life-kept`: life or indeterminate, and our law provides life for one of its offences;
 * - `life-not-in-our-law`: life or indeterminate, our law has none for its offences: a decision is needed;
 * - `no-custodial-penalty`: our law prescribes no deprivation of liberty (maximum 0): the nature is incompatible, a decision is needed;
 * - `unknown`: our maximum is not recorded for enough of its offences to tell.
 */
export type LimitOutcome = 'kept' | 'adapted' | 'life-kept' | 'life-not-in-our-law' | 'no-custodial-penalty' | 'unknown';

export interface SentenceLimit {
  id: string;
  imposed: Term;
  /** The highest of our maxima recorded among the sentence's offences (a lower bound when `maximumKnown` is false). */
  maximum: Maximum | null;
  /** Whether `maximum` is the sentence's maximum: every offence's is recorded, or one is life. */
  maximumKnown: boolean;
  /** The offence whose maximum that is. */
  offence: string | null;
  outcome: LimitOutcome;
  /** The term enforced here (continued enforcement); null when it needs a decision or a fact. */
  enforced: Term | null;
  missing: string[];
}

/** A maximum in months as a term: 84 months = 7 years. */
export function monthsTerm(months: number): FixedTerm {
  return { years: Math.floor(months / 12), months: months % 12, days: 0 };
}

/** Our maximum as a term to count with: months, life, or null when none is recorded. */
export function maximumTerm(maximum: Maximum | null): Term | null {
  return maximum === null || maximum === 'life' ? maximum : monthsTerm(maximum);
}

/** The highest maximum among the offences, and the offences whose maximum is not recorded. */
function highest(c: CaseFile, s: Sentence): { maximum: Maximum | null; offence: string | null; unknownOffences: string[] } {
  let maximum: Maximum | null = null;
  let offence: string | null = null;
  const unknownOffences: string[] = [];
  for (const id of s.offences) {
    const index = c.offences.findIndex((o) => o.id === id);
    const value = c.offences[index]?.administeringMaxPenaltyMonths ?? null;
    if (value === null) {
      unknownOffences.push(`offences[${index}].administeringMaxPenaltyMonths`);
    } else if (maximum !== 'life' && (value === 'life' || maximum === null || value > maximum)) {
      maximum = value;
      offence = id;
    }
  }
  return { maximum, offence, unknownOffences: [...new Set(unknownOffences)] };
}

/**
 * Each sentence's limit. `fallbackStart` counts a term whose start cannot be known (it follows a
 * life sentence, or nothing has started): only for telling whether it is within the maximum.
 */
export function sentenceLimits(c: CaseFile, convention: MonthEndConvention, fallbackStart: DayNumber): SentenceLimit[] {
  const byId = new Map(c.sentences.map((s) => [s.id, s]));
  const limits = new Map<string, SentenceLimit>();
  /** Where each sentence ends as enforced; null: life, or not known. */
  const ends = new Map<string, DayNumber | null>();

  const resolve = (s: Sentence): DayNumber | null => {
    const known = ends.get(s.id);
    if (known !== undefined) return known;
    const start = s.consecutiveTo != null ? resolve(byId.get(s.consecutiveTo) as Sentence) : s.start != null ? parseIsoDate(s.start) : null;
    const limit = limitOf(c, s, start ?? fallbackStart, convention);
    limits.set(s.id, limit);
    const enforced = limit.enforced;
    const end = start === null || enforced === null || typeof enforced === 'string' ? null : termEnd(start, enforced, convention);
    ends.set(s.id, end);
    return end;
  };
  for (const s of c.sentences) resolve(s);
  return c.sentences.map((s) => limits.get(s.id) as SentenceLimit);
}

function limitOf(c: CaseFile, s: Sentence, start: DayNumber, convention: MonthEndConvention): SentenceLimit {
  const index = c.sentences.indexOf(s);
  if (s.offences.length === 0) {
    return { id: s.id, imposed: s.term, maximum: null, maximumKnown: false, offence: null, outcome: 'unknown', enforced: null, missing: [`sentences[${index}].offences`] };
  }
  const { maximum, offence, unknownOffences } = highest(c, s);
  const maximumKnown = maximum === 'life' || (maximum !== null && unknownOffences.length === 0);
  const base = { id: s.id, imposed: s.term, maximum, maximumKnown, offence };
  const unknown = (): SentenceLimit => ({ ...base, outcome: 'unknown', enforced: null, missing: unknownOffences });
  if (s.term === 'life' || s.term === 'indeterminate') {
    if (maximum === 'life') return { ...base, outcome: 'life-kept', enforced: s.term, missing: [] };
    if (!maximumKnown || maximum === null) return unknown();
    if (maximum === 0) return { ...base, outcome: 'no-custodial-penalty', enforced: null, missing: [] };
    return { ...base, outcome: 'life-not-in-our-law', enforced: null, missing: [] };
  }
  const term = s.term;
  if (maximum === 'life') return { ...base, outcome: 'kept', enforced: term, missing: [] };
  // A known maximum the term does not exceed settles it: the unknown ones can only be higher.
  if (maximum !== null && termEnd(start, term, convention) <= termEnd(start, monthsTerm(maximum), convention)) {
    return { ...base, outcome: 'kept', enforced: term, missing: [] };
  }
  if (!maximumKnown || maximum === null) return unknown();
  if (maximum === 0) return { ...base, outcome: 'no-custodial-penalty', enforced: null, missing: [] };
  return { ...base, outcome: 'adapted', enforced: monthsTerm(maximum), missing: [] };
}
