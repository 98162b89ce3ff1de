/**
 * The bounds of every date, term, duration, count and number the app accepts: far beyond any
 * real case, near enough that no input can push a computed date out of four-digit years or
 * make a computation run for long (docs/case-format.md § Bounds, docs/treaties.md § Bounds).
 * The schemas check them (shared/domain/case.ts, shared/treaties/schema.ts and
 * profile-schema.ts, the API's inputs); the engine still copes with a stored value outside
 * them (shared/sentence/compute.ts), which an older version or SQL may have written.
 */
import { isIsoDate } from '../sentence/calendar.ts';

/** No date of a case, rule-set, profile or request lies outside these (ISO dates compare as text). */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2199-12-31';

/** A fixed term: at most 150 years, its years, months and days together (a longer one is recorded as life). */
export const TERM_MAX_YEARS = 150;
/** A chain of consecutive sentences: at most 1,000 years end to end. */
export const CHAIN_MAX_YEARS = 1000;
/** Pre-sentence custody credited: at most 100 years of days. */
export const REMAND_MAX_DAYS = 36_525;
/** A rule-set's durations (minimum remaining, minimum for life) and a profile's minimum actual term: at most 100 years. */
export const RULESET_DURATION_MAX_YEARS = 100;
export const RULESET_DURATION_MAX_DAYS = 36_525;
/** A procedural deadline or an appeal period: at most 10 years of days. */
export const DEADLINE_MAX_DAYS = 3_653;
/** Numerators and denominators of fractions (minimum served, remission): whole numbers from 1 to 100. */
export const FRACTION_PART_MAX = 100;
/** An offence's maximum penalty and a list exemption's threshold: at most 1,000 years, in months. */
export const PENALTY_MAX_MONTHS = 12_000;
/** The age under which someone else consents for a person. */
export const MINOR_AGE_MAX = 30;
/** A financial obligation's amount, in any currency. */
export const AMOUNT_MAX = 1e15;

/** How many of each a case may hold. */
export const CASE_LIMITS = {
  sentences: 200,
  offences: 500,
  offencesPerSentence: 500,
  categoriesPerOffence: 50,
  aliases: 50,
  nationalities: 20,
  financialObligations: 100,
} as const;

/** Text lengths, in UTF-16 code units. */
export const TEXT_LIMITS = {
  name: 200,
  id: 64,
  code: 100,
  description: 2_000,
} as const;

/** A date written YYYY-MM-DD that exists and lies between DATE_MIN and DATE_MAX. */
export function isDateInBounds(iso: string): boolean {
  return isIsoDate(iso) && iso >= DATE_MIN && iso <= DATE_MAX;
}

/** A period's length in months, days counted as twelve to 365 (a comparison with a bound, not date arithmetic). */
export function periodMonths(p: { years: number; months: number; days: number }): number {
  return p.years * 12 + p.months + (p.days * 12) / 365;
}

/** Whether a period is at most `years` long, its parts together. */
export const periodWithin = (p: { years: number; months: number; days: number }, years: number): boolean => periodMonths(p) <= years * 12;
