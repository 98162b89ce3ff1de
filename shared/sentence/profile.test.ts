/**
 * Remission exclusions by offence: Hong Kong grants no remission for an offence endangering
 * national security (2024); any other offence, or a jurisdiction without the rule, keeps it.
 */
import { describe, expect, it } from 'vitest';
import { profileFor } from '../treaties/jurisdictions.ts';
import { profileForOffences } from './profile.ts';

const HK = profileFor('HK');

describe('profileForOffences', () => {
  it('drops remission when an offence falls in an excluded category, naming it', () => {
    const { profile, excludedBy } = profileForOffences(HK, ['eu:fraud', 'excluded:state-security']);
    expect(profile.remission).toBeNull();
    expect(excludedBy).toEqual(['excluded:state-security']);
    expect(profile.monthEnd).toBe(HK.monthEnd);
  });

  it('keeps the profile as it is for other offences', () => {
    expect(profileForOffences(HK, ['eu:fraud', 'excluded:head-of-state-or-family'])).toEqual({ profile: HK, excludedBy: [] });
    expect(profileForOffences(HK, [])).toEqual({ profile: HK, excludedBy: [] });
  });

  it('is a no-op where the jurisdiction has no exclusion or no remission', () => {
    const noRule = { ...HK, remissionExclusions: undefined };
    expect(profileForOffences(noRule, ['excluded:state-security']).profile.remission).not.toBeNull();
    const noRemission = { ...HK, remission: null };
    expect(profileForOffences(noRemission, ['excluded:state-security']).excludedBy).toEqual([]);
  });
});
