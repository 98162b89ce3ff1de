/**
 * Results of the eligibility engine. Statuses, verdicts and flags are the fixed vocabulary
 * of `tsp assess --json` (docs/case-format.md).
 */
import type { CaseFile } from '../domain/case.ts';
import type { DayNumber } from '../sentence/calendar.ts';
import type { FixedComputation, SentenceComputation, Step } from '../sentence/compute.ts';
import type { MessageParams } from '../messages.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import type { Confidence } from '../treaties/confidence.ts';
import type { TreatyMapIndex } from '../treaties/map/relations.ts';
import type { RuleSet } from '../treaties/schema.ts';

export type ConditionStatus = 'met' | 'not_met' | 'unknown' | 'waived' | 'not_applicable';
export type Verdict = 'eligible' | 'ineligible' | 'needs_information' | 'eligible_by_exception';
/**
 * How a condition's failure counts: `mandatory` decides the verdict; `optional_refusal` and
 * `discretionary_refusal` only give the State a ground to refuse (a flag), never a verdict.
 */
export type ConditionEffect = 'mandatory' | 'optional_refusal' | 'discretionary_refusal';

export const CONDITION_IDS = [
  'treaty-basis',
  'nationality',
  'dual-nationality',
  'domicile',
  'final-judgment',
  'other-proceedings',
  'custody-status',
  'remaining-sentence',
  'minimum-served',
  'consent',
  'state-consent',
  'dual-criminality',
  'excluded-offences',
  'death-sentence',
  'financial-obligations',
] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export interface ConditionResult {
  id: ConditionId;
  status: ConditionStatus;
  effect: ConditionEffect;
  /** Legal source of the rule applied, e.g. "ETS 112 Art. 3(1)(c)". */
  source: string;
  confidence: Confidence;
  messageKey: string;
  params: MessageParams;
  /** Case fields that must be found out (status `unknown`). */
  missing: string[];
  /** Flags this condition raises, e.g. `discretionary_refusal:dual_national`. */
  flags: string[];
  /** For a time-based `not_met`: the first day it would be met, if one exists. */
  clearsOn: DayNumber | null;
  /**
   * For a condition tested at the time of the transfer and `met` only from a later day (a
   * minimum period still being served): that day, which opens the transfer window.
   */
  holdsFrom?: DayNumber | null;
}

/** What every evaluator sees: the case, the rule-set, the reference date and the computed sentence. */
export interface AssessmentContext {
  readonly case: CaseFile;
  readonly ruleSet: RuleSet;
  readonly profile: JurisdictionProfile;
  readonly reference: DayNumber;
  readonly sentence: SentenceComputation;
  /** The treaty map the treaty-basis, link and declaration-dependent conditions read. */
  readonly map: TreatyMapIndex;
  /** The planned transfer date, when one is recorded (case events `transferPlanned`). */
  readonly transferOn: DayNumber | null;
}

export type ConditionEvaluator = (ctx: AssessmentContext) => ConditionResult;

export type ReferenceSource = 'override' | 'event' | 'today';

export interface AssessmentDates {
  releaseDate: DayNumber | null;
  sentenceExpiryDate: DayNumber | null;
  remainingDays: number | null;
  nominalReleaseDate: DayNumber | null;
  expectedDischargeDate: DayNumber | null;
  remissionDays: number | null;
  remandDays: number | null;
  termDays: number | null;
  servedDays: number | null;
  basis: RuleSet['remainingBasis']['value'];
}

/**
 * The days on which a transfer can happen under the assessment: `from` the first day every
 * condition can hold, `to` the last day the remaining-time condition still holds (null: no end,
 * an indeterminate sentence). `from` after `to` means the window closed before it opened.
 */
export interface TransferWindow {
  from: DayNumber;
  to: DayNumber | null;
}

export interface Assessment {
  verdict: Verdict;
  flags: string[];
  rescreenOn: DayNumber | null;
  transferWindow: TransferWindow | null;
  treaty: { id: string; version: string };
  /** The treaty map version the treaty basis and the declarations were read from. */
  treatyMap: { version: string; hash: string | null };
  referenceDate: DayNumber;
  referenceSource: ReferenceSource;
  /** The rule-set's reference event (e.g. `requestReceived`). */
  referenceEvent: RuleSet['referenceEvent']['value'];
  dates: AssessmentDates;
  conditions: ConditionResult[];
  /** How the dates were reached, step by step. */
  steps: Step[];
}

export type { FixedComputation };
