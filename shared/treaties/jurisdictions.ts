/**
 * Built-in jurisdiction profiles: the sentencing State's rules for dates (month-end
 * convention, remand credit, remission). A State without a profile uses the default.
 */
import type { JurisdictionProfile } from '../sentence/profile.ts';

/** Where a profile says nothing of it: remission on the whole enforced term, unconfirmed. */
export const DEFAULT_TRANSFERRED_REMISSION: NonNullable<JurisdictionProfile['transferredRemission']> = {
  value: 'whole-term',
  source: 'TSP Desk default: the enforced term is the sentence served here from its original start (ETS 112 Art. 9(3): enforcement under our law); no rule on transferred sentences found',
  confidence: 'U',
};

export const DEFAULT_PROFILE: JurisdictionProfile = {
  code: '*',
  name: 'Default (app conventions)',
  monthEnd: { value: 'c2', source: 'TSP Desk convention C2 (calendar months, clamped to month end)', confidence: 'U' },
  remandCredit: { value: 'day-for-day', source: 'TSP Desk convention C3; ETS 112 Art. 6(2)(b) (pre-trial detention in the time-served statement)', confidence: 'U' },
  remission: null,
  transferredRemission: DEFAULT_TRANSFERRED_REMISSION,
};

export const JURISDICTION_PROFILES: readonly JurisdictionProfile[] = [
  {
    code: 'HK',
    name: 'Hong Kong',
    monthEnd: { value: 'c2', source: 'TSP Desk convention C2, until confirmed with the Correctional Services Department', confidence: 'U' },
    remandCredit: { value: 'day-for-day', source: 'Criminal Procedure Ordinance (Cap. 221) s. 67A', confidence: 'S' },
    remission: {
      numerator: 1,
      denominator: 3,
      minActualTermDays: 31,
      source: 'Prison Rules (Cap. 234A) r. 69: up to one third of the actual term plus s. 67A custody, never below 31 days, not for life',
      confidence: 'S',
    },
    remissionExclusions: {
      value: ['excluded:state-security'],
      source:
        'Safeguarding National Security Ordinance (2024), amending the Prison Rules: no remission for a prisoner convicted of an offence endangering national security unless the Commissioner is satisfied it is not contrary to national security (as reported, CNA 2024); read here as no remission projected',
      confidence: 'S',
    },
    transferredRemission: {
      value: 'whole-term',
      source:
        'Not found in Cap. 513 s. 2 or the LegCo papers retrieved (s. 3 and the inward-warrant provisions not retrieved); read as r. 69 on the whole term enforced under the inward warrant, time served abroad counting as actual term: to confirm with the Correctional Services Department',
      confidence: 'U',
    },
  },
  {
    code: 'GB',
    name: 'England and Wales',
    monthEnd: { value: 'hmpps', source: 'HMPPS release-date calculator (PSI 5.5, converting a sentence into days)', confidence: 'S' },
    remandCredit: { value: 'day-for-day', source: 'Criminal Justice Act 2003 s. 240ZA (remand time counts as time served)', confidence: 'S' },
    remission: null,
    transferredRemission: DEFAULT_TRANSFERRED_REMISSION,
  },
];

export function profileFor(code: string, profiles: readonly JurisdictionProfile[] = JURISDICTION_PROFILES): JurisdictionProfile {
  return profiles.find((p) => p.code === code) ?? DEFAULT_PROFILE;
}
