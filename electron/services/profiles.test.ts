/** Jurisdiction profiles: built-ins in the stored form, new versions with effective dates, never changed once stored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JURISDICTION_PROFILES } from '../../shared/treaties/jurisdictions.ts';
import { BUILT_IN_PROFILES, toEngineProfile } from '../../shared/treaties/profile-schema.ts';
import { listProfiles, saveProfile } from './profiles.ts';
import { expectRefused, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness();
});
afterEach(() => h.dispose());

const hk = () => structuredClone(BUILT_IN_PROFILES.find((p) => p.code === 'HK')!);

describe('jurisdiction profiles', () => {
  it('keeps the built-in profiles exactly as the engine had them', () => {
    for (const p of JURISDICTION_PROFILES) expect(toEngineProfile(BUILT_IN_PROFILES.find((b) => b.code === p.code)!)).toEqual(p);
  });

  it('stores a new version, lists it first and in force from its date, the built-in after it', () => {
    saveProfile(h.admin, { profile: { ...hk(), version: '2025', effectiveFrom: '2025-01-01', appealPeriodDays: { value: 28, source: 'entered by the legal officer (test)', confidence: 'U' } }, reason: 'appeal period entered' });
    const versions = listProfiles(h.officer).filter((v) => v.profile.code === 'HK');
    expect(versions.map((v) => [v.profile.version, v.source, v.inForceToday])).toEqual([['2025', 'stored', true], ['built-in', 'built-in', false]]);
    expect(listProfiles(h.officer)[0]!.profile.code).toBe('*');
  });

  it('refuses, changing nothing: a bad profile (every field named), the built-in version name, a version already stored', () => {
    const bad = expectRefused(h.admin, 'invalid_input', () =>
      saveProfile(h.admin, { profile: { ...hk(), code: 'hk', remission: { value: { numerator: 3, denominator: 3, minActualTermDays: -1 }, source: '', confidence: 'S' } }, reason: 'x' }),
    );
    expect(bad.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['profile.code', 'profile.remission.source', 'profile.remission.value.minActualTermDays', 'profile.remission.value.numerator']),
    );
    expectRefused(h.admin, 'conflict', () => saveProfile(h.admin, { profile: hk(), reason: 'x' }));
    saveProfile(h.admin, { profile: { ...hk(), version: 'v2' }, reason: 'x' });
    expectRefused(h.admin, 'conflict', () => saveProfile(h.admin, { profile: { ...hk(), version: 'v2', name: 'other' }, reason: 'x' }));
    expect(() => h.admin.db.prepare("UPDATE jurisdiction_profiles SET version = 'v3'").run()).toThrow(/never changed/);
  });
});
