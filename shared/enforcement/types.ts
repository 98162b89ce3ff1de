/**
 * What the enforcement computation returns: the sentence as imposed abroad, the sentence to be
 * enforced here and why, the time already served, what remains from the handover and the
 * projected release under our rules, with every step as a message key. Statuses and flags are
 * the fixed vocabulary of `tsp enforce --json` (docs/case-format.md).
 */
import type { Term } from '../domain/case.ts';
import type { EnforcementProcedure } from '../vocabularies.ts';
import type { DayNumber } from '../sentence/calendar.ts';
import type { Step } from '../sentence/compute.ts';
import type { TransferredRemissionBase } from '../sentence/profile.ts';
import type { Confidence } from '../treaties/confidence.ts';
import type { SentenceLimit } from './limits.ts';
import type { AllowedProcedures, Regime } from './procedures.ts';

/**
 * - `computed`: the enforced term and its dates follow from the facts and the rules;
 * - `needs_information`: a fact is missing (listed in `missing`); dates computable without it may still be given;
 * - `needs_decision`: a court or authority must decide (a conversion, a life sentence our law does not have);
 * - `decision_refused`: the decision recorded goes beyond the limits (it aggravates, or exceeds our maximum): not applied;
 * - `procedure_not_allowed`: the instrument or a declaration excludes the procedure chosen.
 */
export const ENFORCEMENT_STATUSES = ['computed', 'needs_information', 'needs_decision', 'decision_refused', 'procedure_not_allowed'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

export const ENFORCEMENT_FLAGS = [
  'handover_provisional', // the handover date is today's date: no date given or recorded
  'procedure_provisional', // no procedure chosen: continued enforcement assumed
  'procedure_not_allowed',
  'adapted_to_our_maximum', // a sentence is longer than our maximum (Art. 10(2) / Art. 8(2))
  'life_not_in_our_law', // life or indeterminate where our law has no life sentence for the offence
  'no_custodial_penalty_in_our_law', // our law prescribes no deprivation of liberty for the offence
  'awaiting_decision', // a conversion without its decision
  'decision_aggravates', // the decision ends later than the sentence imposed
  'decision_exceeds_our_maximum', // the decision ends later than our maximum allows
  'decision_shorter_than_computed', // the decision ends earlier than the limits would (lawful; noted)
  'remand_unknown', // pre-trial custody not recorded: dates are before any credit (the latest)
  'release_due_on_arrival', // the release falls on or before the handover
  'unconfirmed_parameters',
] as const;
export type EnforcementFlag = (typeof ENFORCEMENT_FLAGS)[number];

export type ProcedureSource = 'given' | 'case' | 'only-allowed' | 'default';
export type HandoverSource = 'given' | 'recorded' | 'today';

export type SentenceSpan =
  | { kind: 'fixed'; start: DayNumber; nominalRelease: DayNumber; releaseDate: DayNumber; sentenceExpiryDate: DayNumber; termDays: number }
  | { kind: 'indeterminate'; start: DayNumber | null }
  | { kind: 'unknown' };

export interface DecisionCheck {
  authority: string | null;
  date: DayNumber | null;
  term: Term;
  /** The day the decided term would end, from the original start; null for life. */
  nominalRelease: DayNumber | null;
  aggravates: boolean;
  /** Null when our maximum is not known well enough to tell. */
  exceedsMaximum: boolean | null;
  shorterThanComputed: boolean;
  accepted: boolean;
  /** The term imposed, ending later only by how our law counts month ends: held to the end imposed (a reading, unconfirmed). */
  countedApart: boolean;
}

export interface ReleaseProjection {
  /** Remission projected under our rules (0 where our law has none). */
  remissionDays: number;
  base: TransferredRemissionBase | null;
  baseSource: string | null;
  baseConfidence: Confidence | null;
  /** Release with full projected remission, before the handover floor. */
  expectedRelease: DayNumber;
  /** The projected release: never before the handover. */
  projectedRelease: DayNumber;
}

export interface Enforcement {
  status: EnforcementStatus;
  regime: Regime;
  procedure: EnforcementProcedure;
  procedureSource: ProcedureSource;
  allowedProcedures: AllowedProcedures;
  handover: DayNumber;
  handoverSource: HandoverSource;
  /** The sentence as imposed abroad (the sentencing State's convention and credit). */
  imposed: SentenceSpan;
  /** Each sentence against our maximum (continued enforcement; the ceiling of a conversion). */
  sentences: SentenceLimit[];
  /** The latest end the limits allow: the earlier of the sentence imposed and every sentence at our maximum; null when not known or life. */
  ceilingRelease: DayNumber | null;
  decision: DecisionCheck | null;
  /** The sentence to be enforced here: from the limits, or from an accepted decision. */
  enforced: (SentenceSpan & { basis: 'limits' | 'decision' }) | null;
  /** Time served abroad by the handover: custody since the start plus pre-trial custody, all credited. */
  served: { custodyDays: number; remandDays: number; totalDays: number } | null;
  /** Days to serve here from the handover (0 when the release is already due). */
  remainingDays: number | null;
  release: ReleaseProjection | null;
  flags: EnforcementFlag[];
  missing: string[];
  steps: Step[];
}
