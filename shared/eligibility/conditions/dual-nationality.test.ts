/**
 * Dual nationality with the sentencing State (a refusal ground, or a bar where configured).
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDualNationality } from './dual-nationality.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet) => evaluateDualNationality(contextOf(c, rs));
/** A US national sentenced in Thailand (US–Thailand 1982). */
const fromThailand = (nationalities: string[] | null) =>
  makeCase({ sentencingState: 'TH', administeringState: 'US', person: { nationalities } });

describe('dual nationality with the sentencing State (US–Thailand Art. II(7)(b): transfer may be refused)', () => {
  const usth = ruleSet('us-th-1982');

  it('a US national only: met, as a discretionary ground', () => {
    const r = evaluate(fromThailand(['US']), usth);
    expectCondition(r, 'met', 'discretionary_refusal', 'US–Thailand Treaty Art. II(7)(b)');
    expect(r.flags).toEqual([]);
  });

  it('a US and Thai national: not met, discretionary, flagged discretionary_refusal:dual_national', () => {
    const r = evaluate(fromThailand(['US', 'TH']), usth);
    expectCondition(r, 'not_met', 'discretionary_refusal', 'Art. II(7)(b)');
    expect(r.flags).toEqual(['discretionary_refusal:dual_national']);
  });

  it('nationalities not recorded: unknown, discretionary, person.nationalities missing', () => {
    const r = evaluate(fromThailand(null), usth);
    expectCondition(r, 'unknown', 'discretionary_refusal', 'Art. II(7)(b)');
    expect(r.missing).toEqual(['person.nationalities']);
  });

  it('ETS 112 has no dual-nationality ground: not applicable', () => {
    const r = evaluate(fromThailand(['US', 'TH']), ruleSet('coe-ets-112'));
    expectCondition(r, 'not_applicable', 'mandatory', 'ETS 112');
    expect(r.flags).toEqual([]);
  });

  it('Hong Kong–Thailand follows the US–Thailand pattern, marked as such', () => {
    const r = evaluate(makeCase({ sentencingState: 'TH', administeringState: 'HK', person: { nationalities: ['TH', 'PH'] } }), ruleSet('hk-th'));
    expectCondition(r, 'not_met', 'discretionary_refusal', 'pattern: US–Thailand Treaty Art. II(7)(b)');
    expect(r.confidence).toBe('U');
  });

  it('where a rule-set makes dual nationality a bar, it is a mandatory failure without a refusal flag', () => {
    const usth = ruleSet('us-th-1982');
    const barred = ruleSet('us-th-1982', { dualNationality: { ...usth.dualNationality, value: 'bar' } });
    const r = evaluate(fromThailand(['US', 'TH']), barred);
    expectCondition(r, 'not_met', 'mandatory', 'Art. II(7)(b)');
    expect(r.flags).toEqual([]);
  });
});

describe('Hong Kong: its arrangements do not apply to Chinese citizens (Security Bureau, January 2026)', () => {
  /** Sentenced in Hong Kong, going to the United Kingdom under the Hong Kong–UK agreement. */
  const fromHongKong = (nationalities: string[] | null) =>
    makeCase({ sentencingState: 'HK', administeringState: 'GB', person: { nationalities, permanentResidence: ['HK'], livesIn: 'HK' } });
  const hkgb = ruleSet('hk-gb');

  it('a British and Chinese national sentenced in Hong Kong: barred, read as Chinese nationality, the nationality of Hong Kong', () => {
    const r = evaluate(fromHongKong(['GB', 'CN']), hkgb);
    expectCondition(r, 'not_met', 'mandatory', 'do not apply to Chinese citizens');
    expect([r.messageKey, r.params]).toEqual(['cond.dualNationality.bar.place', { state: 'HK', nationality: 'CN' }]);
    expect(r.flags).toEqual([]);
  });

  it('a nationality recorded as the place itself ("HK") counts as its nationality', () => {
    expectCondition(evaluate(fromHongKong(['GB', 'HK']), hkgb), 'not_met', 'mandatory', 'Security Bureau');
  });

  it('a British national only: met; nationalities not recorded: unknown, naming the nationality asked about', () => {
    const met = evaluate(fromHongKong(['GB']), hkgb);
    expect([met.status, met.messageKey]).toEqual(['met', 'cond.dualNationality.met.place']);
    const unknown = evaluate(fromHongKong(null), hkgb);
    expect([unknown.status, unknown.messageKey, unknown.missing]).toEqual(['unknown', 'cond.dualNationality.unknown.place', ['person.nationalities']]);
  });

  it('sentenced in the United Kingdom and coming to Hong Kong, a British national too: no such ground (the statement is about Hong Kong\'s side)', () => {
    const r = evaluate(makeCase({ sentencingState: 'GB', administeringState: 'HK', person: { nationalities: ['GB', 'CN'], permanentResidence: ['HK'] } }), hkgb);
    expect(r.status).toBe('not_applicable');
  });

  it('Hong Kong–Thailand keeps the Thai side\'s discretionary ground for a Thai national sentenced in Thailand', () => {
    const r = evaluate(makeCase({ sentencingState: 'TH', administeringState: 'HK', person: { nationalities: ['TH'], permanentResidence: ['HK'] } }), ruleSet('hk-th'));
    expectCondition(r, 'not_met', 'discretionary_refusal', 'pattern: US–Thailand Treaty Art. II(7)(b)');
  });

  it('Macao–Hong Kong: Chinese citizens move between the two regions; no dual-nationality ground', () => {
    const r = evaluate(makeCase({ sentencingState: 'MO', administeringState: 'HK', person: { nationalities: ['CN'], permanentResidence: ['HK'] } }), ruleSet('hk-mo'));
    expect(r.status).toBe('not_applicable');
  });
});
