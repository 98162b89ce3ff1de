/**
 * A jurisdiction profile as data (`tsp-profile/1`): the sentencing State's rules for dates —
 * month-end convention, remand credit, remission, appeal period — each with its legal source
 * and confidence, versioned by effective date like a rule-set. The built-in profiles
 * (jurisdictions.ts) are version "built-in"; a stored version in force replaces them.
 */
import { z } from 'zod';
import { DEADLINE_MAX_DAYS, FRACTION_PART_MAX, RULESET_DURATION_MAX_DAYS } from '../domain/bounds.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import { DEFAULT_PROFILE, DEFAULT_TRANSFERRED_REMISSION, JURISDICTION_PROFILES } from './jurisdictions.ts';
import { boundedDate as isoDate } from '../domain/fields.ts';
import { param, RULESET_LIMITS, text } from './schema.ts';

export const PROFILE_FORMAT = 'tsp-profile/1';
export const BUILT_IN_PROFILE_VERSION = 'built-in';
/** The built-ins apply from the first day any of our instruments could (Cap. 513 commenced 1997; ETS 112 in 1985). */
const BUILT_IN_EFFECTIVE_FROM = '1900-01-01';

export const profileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT, { error: 'validation.profile.format' }),
  /** ISO 3166-1 alpha-2 code of the sentencing jurisdiction, or "*" for the default. */
  code: z.string().regex(/^([A-Z]{2}|\*)$/, { error: 'validation.country.type' }),
  version: text(RULESET_LIMITS.version).trim().min(1, { error: 'validation.notEmpty' }),
  effectiveFrom: isoDate,
  name: text(RULESET_LIMITS.title).trim().min(1, { error: 'validation.notEmpty' }),
  monthEnd: param(z.enum(['c2', 'hmpps'])),
  remandCredit: param(z.enum(['day-for-day', 'none'])),
  remission: param(
    z
      .strictObject({
        numerator: z.int().min(1, { error: 'validation.wholeNumber' }).max(FRACTION_PART_MAX, { error: 'validation.number.tooLarge' }),
        denominator: z.int().min(1, { error: 'validation.wholeNumber' }).max(FRACTION_PART_MAX, { error: 'validation.number.tooLarge' }),
        /** Remission never reduces the actual term below this (HK r. 69(1): 31 days). */
        minActualTermDays: z.int().min(0, { error: 'validation.notNegative' }).max(RULESET_DURATION_MAX_DAYS, { error: 'validation.number.tooLarge' }),
      })
      .refine((r) => r.numerator < r.denominator, { error: 'validation.profile.remission', path: ['numerator'] })
      .nullable(),
  ),
  /** Days after the judgment during which an ordinary appeal may be lodged; null: not known. */
  appealPeriodDays: param(z.int().min(0, { error: 'validation.notNegative' }).max(DEADLINE_MAX_DAYS, { error: 'validation.number.tooLarge' }).nullable()),
  /**
   * As administering State: remission on a transferred-in sentence earned on the whole
   * enforced term from its original start, or only on the part served here (shared/enforcement).
   * Optional: a profile written before it reads with the unconfirmed default.
   */
  transferredRemission: param(z.enum(['whole-term', 'part-served-here'])).default({ ...DEFAULT_TRANSFERRED_REMISSION }),
  /** Offence categories (e.g. excluded:state-security) for which no remission is projected (Hong Kong, 2024). */
  remissionExclusions: param(z.array(text(100).regex(/^[a-z0-9]+:[a-z0-9-]+$/, { error: 'validation.categoryCode' })).max(50)).default({
    value: [],
    source: 'None recorded',
    confidence: 'U',
  }),
});

export type StoredProfile = z.output<typeof profileSchema>;

/** What the engine reads (shared/sentence/profile.ts). */
export function toEngineProfile(p: StoredProfile): JurisdictionProfile {
  const r = p.remission;
  return {
    code: p.code,
    name: p.name,
    monthEnd: { value: p.monthEnd.value, source: p.monthEnd.source, confidence: p.monthEnd.confidence },
    remandCredit: { value: p.remandCredit.value, source: p.remandCredit.source, confidence: p.remandCredit.confidence },
    remission: r.value === null ? null : { ...r.value, source: r.source, confidence: r.confidence },
    transferredRemission: { value: p.transferredRemission.value, source: p.transferredRemission.source, confidence: p.transferredRemission.confidence },
    ...(p.remissionExclusions.value.length === 0
      ? {}
      : { remissionExclusions: { value: [...p.remissionExclusions.value], source: p.remissionExclusions.source, confidence: p.remissionExclusions.confidence } }),
  };
}

function fromBuiltIn(p: JurisdictionProfile): StoredProfile {
  return {
    format: PROFILE_FORMAT,
    code: p.code,
    version: BUILT_IN_PROFILE_VERSION,
    effectiveFrom: BUILT_IN_EFFECTIVE_FROM,
    name: p.name,
    monthEnd: p.monthEnd,
    remandCredit: p.remandCredit,
    remission:
      p.remission === null
        ? { value: null, source: 'No remission configured for this jurisdiction', confidence: 'U' }
        : {
            value: { numerator: p.remission.numerator, denominator: p.remission.denominator, minActualTermDays: p.remission.minActualTermDays },
            source: p.remission.source,
            confidence: p.remission.confidence,
          },
    appealPeriodDays: { value: null, source: 'Not configured: the sentencing law’s appeal period is to be entered', confidence: 'U' },
    transferredRemission: { ...(p.transferredRemission ?? DEFAULT_TRANSFERRED_REMISSION) },
    remissionExclusions:
      p.remissionExclusions === undefined
        ? { value: [], source: 'None recorded', confidence: 'U' }
        : { value: [...p.remissionExclusions.value], source: p.remissionExclusions.source, confidence: p.remissionExclusions.confidence },
  };
}

/** The built-in profiles in the stored form: the default ("*") first. */
export const BUILT_IN_PROFILES: readonly StoredProfile[] = [DEFAULT_PROFILE, ...JURISDICTION_PROFILES].map(fromBuiltIn);
