/**
 * The personal link with the administering State: nationality, permanent residence, the
 * Hong Kong per-State link and the EU 2008/909 forwarding criteria.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateNationality } from './nationality.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition, type CasePatch, type Fields } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet, on?: string) => evaluateNationality(contextOf(c, rs, on));

describe('nationality: national of the administering State (ETS 112 Art. 3(1)(a))', () => {
  const ets112 = ruleSet('coe-ets-112');

  it('a Polish national transferred to Poland: met', () => {
    const r = evaluate(makeCase({ person: { nationalities: ['PL'] } }), ets112);
    expectCondition(r, 'met', 'mandatory', 'ETS 112 Art. 3(1)(a)');
  });

  it('a dual Polish-French national transferred to Poland: met (the other nationality is no obstacle here)', () => {
    expectCondition(evaluate(makeCase({ person: { nationalities: ['FR', 'PL'] } }), ets112), 'met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('a Ukrainian national transferred to Poland: not met', () => {
    const r = evaluate(makeCase({ person: { nationalities: ['UA'] } }), ets112);
    expectCondition(r, 'not_met', 'mandatory', 'ETS 112 Art. 3(1)(a)');
  });

  it('permanent residence in Poland is not nationality under ETS 112: not met', () => {
    const r = evaluate(makeCase({ person: { nationalities: ['UA'], permanentResidence: ['PL'] } }), ets112);
    expectCondition(r, 'not_met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('nationalities not recorded: unknown, person.nationalities missing', () => {
    const r = evaluate(makeCase({ person: { nationalities: null } }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'ETS 112 Art. 3(1)(a)');
    expect(r.missing).toEqual(['person.nationalities']);
  });

  it('an empty list of nationalities is known (stateless): not met, not unknown', () => {
    expectCondition(evaluate(makeCase({ person: { nationalities: [] } }), ets112), 'not_met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('never not_applicable: every built-in rule-set requires a link with the administering State', () => {
    for (const id of ['coe-ets-112', 'coe-ets-167', 'coe-ets-167-original', 'eu-fd-2008-909', 'us-th-1982', 'hk-th', 'hk-us-1997', 'us-iptp', 'it-br-2008', 'ru-bilateral', 'ch-0-344-294', 'oas-1993', 'hk-ru-2021']) {
      const r = evaluate(makeCase(), ruleSet(id));
      expect(r.status, id).not.toBe('not_applicable');
      expect(r.effect, id).toBe('mandatory');
    }
  });
});

describe('nationality or permanent residence (Italy–Brazil Art. 3(1)(a))', () => {
  const itbr = ruleSet('it-br-2008');
  const inBrazil = (person: Fields) => makeCase({ sentencingState: 'IT', administeringState: 'BR', person });

  it('a Portuguese national permanently resident in Brazil: met', () => {
    const r = evaluate(inBrazil({ nationalities: ['PT'], permanentResidence: ['BR'] }), itbr);
    expectCondition(r, 'met', 'mandatory', 'Italy–Brazil Treaty Art. 3(1)(a)');
    expect(r.messageKey).toBe('cond.nationality.met.permanent-residence');
  });

  it('a Brazilian national with no permanent residence recorded: met on nationality alone', () => {
    expectCondition(evaluate(inBrazil({ nationalities: ['BR'], permanentResidence: null }), itbr), 'met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('a Portuguese national resident nowhere in Brazil: not met', () => {
    expectCondition(evaluate(inBrazil({ nationalities: ['PT'], permanentResidence: [] }), itbr), 'not_met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('a Portuguese national whose permanent residence is not recorded: unknown, person.permanentResidence missing', () => {
    const r = evaluate(inBrazil({ nationalities: ['PT'], permanentResidence: null }), itbr);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(a)');
    expect(r.missing).toEqual(['person.permanentResidence']);
  });
});

describe('Hong Kong permanent residence as the link for Hong Kong (byAdministeringState)', () => {
  const hkth = ruleSet('hk-th');
  const toHongKong = (person: Fields) => makeCase({ sentencingState: 'TH', administeringState: 'HK', person });

  it('T11: a Philippine national with Hong Kong permanent residence, from Thailand to Hong Kong: met', () => {
    const r = evaluate(toHongKong({ nationalities: ['PH'], permanentResidence: ['HK'] }), hkth);
    expectCondition(r, 'met', 'mandatory', 'Hong Kong permanent residence is the link for Hong Kong');
  });

  it('to Hong Kong, nationality does not replace permanent residence (a Chinese national without it): not met', () => {
    expectCondition(evaluate(toHongKong({ nationalities: ['CN'], permanentResidence: [] }), hkth), 'not_met', 'mandatory', 'Hong Kong permanent residence');
  });

  it('to Hong Kong, permanent residence not recorded: unknown, person.permanentResidence missing', () => {
    const r = evaluate(toHongKong({ nationalities: ['PH'], permanentResidence: null }), hkth);
    expectCondition(r, 'unknown', 'mandatory', 'Hong Kong permanent residence');
    expect(r.missing).toEqual(['person.permanentResidence']);
  });

  it('from Hong Kong to Thailand the default link applies: a Thai national is met, a Thai permanent resident is not', () => {
    const toThailand = (person: Fields) => makeCase({ sentencingState: 'HK', administeringState: 'TH', person });
    expectCondition(evaluate(toThailand({ nationalities: ['TH'], permanentResidence: [] }), hkth), 'met', 'mandatory', 'Hong Kong');
    expectCondition(evaluate(toThailand({ nationalities: ['US'], permanentResidence: ['TH'] }), hkth), 'not_met', 'mandatory', 'Hong Kong');
  });

  it('Hong Kong–Russia (2021): Hong Kong permanent residence for Hong Kong, nationality for Russia', () => {
    const hkru = ruleSet('hk-ru-2021');
    const hk = makeCase({ sentencingState: 'RU', administeringState: 'HK', person: { nationalities: ['RU'], permanentResidence: ['HK'] } });
    expectCondition(evaluate(hk, hkru), 'met', 'mandatory', 'Hong Kong permanent residence as the link for Hong Kong');
    const ru = makeCase({ sentencingState: 'HK', administeringState: 'RU', person: { nationalities: ['RU'], permanentResidence: [] } });
    expectCondition(evaluate(ru, hkru), 'met', 'mandatory', 'Hong Kong–Russia');
  });
});

describe('EU 2008/909 forwarding criteria (Art. 4(1)(a)-(c))', () => {
  const eu = ruleSet('eu-fd-2008-909');
  const toPoland = (patch: CasePatch) => makeCase({ sentencingState: 'DE', administeringState: 'PL', ...patch });

  it('Art. 4(1)(a): a Polish national living in Poland: met', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['PL'], livesIn: 'PL' } }), eu);
    expectCondition(r, 'met', 'mandatory', 'FD 2008/909 Art. 4(1)');
    expect(r.messageKey).toBe('cond.nationality.met.nationality-and-lives-in');
  });

  it('Art. 4(1)(b): a Polish national living in Germany who will be deported: met', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['PL'], livesIn: 'DE' }, expulsion: { kind: 'administrative', date: '2023-02-01' } }), eu);
    expectCondition(r, 'met', 'mandatory', 'Art. 4(1)');
    expect(r.messageKey).toBe('cond.nationality.met.nationality-and-deportation');
  });

  it('Art. 4(1)(c): neither (a) nor (b), the executing State has not consented: waived (its consent is needed)', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['UA'], livesIn: 'PL' } }), eu);
    expectCondition(r, 'waived', 'mandatory', 'Art. 4(1)');
    expect(r.messageKey).toBe('cond.nationality.consentingState');
  });

  it('Art. 4(1)(c): the executing State has consented (states agreed): met', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['UA'], livesIn: 'PL' }, events: { statesAgreed: '2023-02-15' } }), eu);
    expectCondition(r, 'met', 'mandatory', 'Art. 4(1)');
    expect(r.messageKey).toBe('cond.nationality.met.consenting-state');
  });

  it('a Polish national whose residence is not recorded, no deportation: unknown, person.livesIn missing', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['PL'], livesIn: null } }), eu);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 4(1)');
    expect(r.missing).toEqual(['person.livesIn']);
  });

  it('nationalities not recorded, living in Poland: unknown, person.nationalities missing', () => {
    const r = evaluate(toPoland({ person: { nationalities: null, livesIn: 'PL' } }), eu);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 4(1)');
    expect(r.missing).toContain('person.nationalities');
  });
});
