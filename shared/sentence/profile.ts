/**
 * A sentencing jurisdiction's rules for computing dates: how a term's end is counted,
 * whether pre-sentence custody is credited and what remission is projected. These belong
 * to the sentencing State, not to the case or the treaty.
 */
import type { Confidence } from '../treaties/confidence.ts';

/**
 * - `c2`: term_end_excl = add_months(S, 12Y+M) + D days (clamped to month end, C1/C2).
 * - `hmpps`: England and Wales practice (PSI 5.5, HMPPS release-date calculator): the last
 *   day is the day before the corresponding day, except that a term whose start day does not
 *   exist in the end month ends on that month's last day, and a term starting on the 1st ends
 *   on the last day of the month before the corresponding month.
 */
export type MonthEndConvention = 'c2' | 'hmpps';

/** Projected remission on a fixed term. Life and indeterminate sentences have no release date, so none applies to them (HK: r. 69 does not apply to life). */
export interface RemissionRule {
  /** Remission may not exceed numerator/denominator of the term (HK r. 69(2): one third). */
  numerator: number;
  denominator: number;
  /** Remission may not reduce the actual term below this many days (HK r. 69(1): 31). */
  minActualTermDays: number;
  source: string;
  confidence: Confidence;
}

/**
 * How a sentence transferred in earns remission here: on the whole enforced term counted from
 * its original start (time served abroad counting as served here), or only on the part served
 * here, from the handover. Cap. 513 and the arrangements are silent in what was retrieved.
 */
export type TransferredRemissionBase = 'whole-term' | 'part-served-here';

export interface JurisdictionProfile {
  code: string; // ISO 3166-1 alpha-2, or '*' for the default profile
  name: string;
  monthEnd: { value: MonthEndConvention; source: string; confidence: Confidence };
  remandCredit: { value: 'day-for-day' | 'none'; source: string; confidence: Confidence };
  remission: RemissionRule | null;
  /**
   * Offence categories for which no remission is projected (Hong Kong 2024: offences endangering
   * national security); absent or empty: none.
   */
  remissionExclusions?: { value: readonly string[]; source: string; confidence: Confidence };
  /** As administering State: the base of remission on a transferred-in sentence (shared/enforcement); the default applies when absent. */
  transferredRemission?: { value: TransferredRemissionBase; source: string; confidence: Confidence };
}

/**
 * The profile a case is computed under: without remission when one of its offences falls in a
 * category the jurisdiction grants none for (the categories hit, for the date steps).
 */
export function profileForOffences(profile: JurisdictionProfile, categories: readonly string[]): { profile: JurisdictionProfile; excludedBy: string[] } {
  const excluded = profile.remissionExclusions?.value ?? [];
  if (profile.remission === null || excluded.length === 0) return { profile, excludedBy: [] };
  const hits = excluded.filter((c) => categories.includes(c));
  return hits.length === 0 ? { profile, excludedBy: [] } : { profile: { ...profile, remission: null }, excludedBy: hits };
}
