/**
 * Effective dates: the version used is the one in force on the case's reference date — the
 * latest stored version effective on or before it (a later save wins a tie), else the
 * built-in — and the sentencing State's profile is chosen the same way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { parseCase, type CaseFile } from '../../shared/domain/case.ts';
import { parseIsoDate } from '../../shared/sentence/calendar.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { BUILT_IN_PROFILES } from '../../shared/treaties/profile-schema.ts';
import { resolveProfile, resolveRuleSet } from './ruleset-resolution.ts';
import { saveProfile } from './profiles.ts';
import { saveRuleSet } from './rulesets.ts';
import { serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
let ivanov: CaseFile;
beforeEach(() => {
  h = serviceHarness();
  const parsed = parseCase(CASE_FIXTURES.formatExample);
  if (!parsed.ok) throw new Error('fixture');
  ivanov = parsed.value;
});
afterEach(() => h.dispose());

const today = parseIsoDate('2025-01-15');
const save = (version: string, effectiveFrom: string) => {
  saveRuleSet(h.admin, { ruleSet: { ...builtInRuleSet('coe-ets-112')!, version, effectiveFrom }, reason: 'x' });
};

describe('the rule-set version in force on the reference date', () => {
  beforeEach(() => {
    save('A', '2024-01-01');
    h.setNow('2025-01-15T11:00:00.000Z');
    save('B', '2024-07-01');
    h.setNow('2025-01-15T12:00:00.000Z');
    save('C', '2024-07-01'); // same effective date as B, saved later: C replaces B
  });

  it.each([
    ['2023-12-31', '1983', 'built-in'], // before every stored version: the built-in
    ['2024-01-01', 'A', 'stored'], // A's first day
    ['2024-06-30', 'A', 'stored'], // A's last day
    ['2024-07-01', 'C', 'stored'], // B and C both start; C was saved later
    ['2030-01-01', 'C', 'stored'],
  ])('on %s: version %s (%s)', (on, version, source) => {
    const resolved = resolveRuleSet(h.admin.db, 'coe-ets-112', ivanov, parseIsoDate(on), today);
    expect([resolved?.ruleSet.version, resolved?.source]).toEqual([version, source]);
  });

  it('without "on", the reference is the event the rule-set names: receipt of the request, 2024-03-01 -> A', () => {
    expect(resolveRuleSet(h.admin.db, 'coe-ets-112', ivanov, undefined, today)?.ruleSet.version).toBe('A');
  });
});

describe('the jurisdiction profile in force on the reference date', () => {
  it('replaces the built-in Hong Kong remission from its effective date, and the engine uses it', () => {
    const hk = structuredClone(BUILT_IN_PROFILES.find((p) => p.code === 'HK')!);
    saveProfile(h.admin, { profile: { ...hk, version: '2024-no-remission', effectiveFrom: '2024-02-01', remission: { value: null, source: 'test', confidence: 'U' } }, reason: 'x' });
    expect(resolveProfile(h.admin.db, 'HK', parseIsoDate('2024-01-31')).remission?.denominator).toBe(3);
    expect(resolveProfile(h.admin.db, 'HK', parseIsoDate('2024-02-01')).remission).toBeNull();
    expect(resolveRuleSet(h.admin.db, 'hk-us-1997', ivanov, parseIsoDate('2024-03-01'), today)?.profile.remission).toBeNull();
    expect(resolveRuleSet(h.admin.db, 'hk-us-1997', ivanov, parseIsoDate('2024-01-01'), today)?.profile.remission).not.toBeNull();
  });

  it('a State without a profile takes the stored default ("*") when there is one, else the built-in default', () => {
    expect(resolveProfile(h.admin.db, 'RU', today).code).toBe('*');
    const star = structuredClone(BUILT_IN_PROFILES.find((p) => p.code === '*')!);
    saveProfile(h.admin, { profile: { ...star, version: 'v2', effectiveFrom: '2024-01-01', remandCredit: { value: 'none', source: 'test', confidence: 'U' } }, reason: 'x' });
    expect(resolveProfile(h.admin.db, 'RU', today).remandCredit.value).toBe('none');
    expect(resolveProfile(h.admin.db, 'HK', today).remandCredit.value).toBe('day-for-day');
  });
});
