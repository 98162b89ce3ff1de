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

  it('a Ukrainian national with no tie to Poland transferred to Poland: not met', () => {
    const r = evaluate(makeCase({ person: { nationalities: ['UA'], livesIn: 'UA' } }), ets112);
    expectCondition(r, 'not_met', 'mandatory', 'ETS 112 Art. 3(1)(a)');
  });

  // Spain declared under Art. 3(4) that "national" means a Spanish national under its Civil Code (BOE 1985): residents are not.
  const toSpain = (person: Fields) => makeCase({ administeringState: 'ES', person });

  it('permanent residence in Spain is not nationality under ETS 112 (Spain counts citizens only): not met', () => {
    const r = evaluate(toSpain({ nationalities: ['UA'], permanentResidence: ['ES'], livesIn: 'ES' }), ets112);
    expectCondition(r, 'not_met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('nationalities not recorded: unknown, person.nationalities missing', () => {
    const r = evaluate(makeCase({ person: { nationalities: null } }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'ETS 112 Art. 3(1)(a)');
    expect(r.missing).toEqual(['person.nationalities']);
  });

  it('an empty list of nationalities is known (stateless), with no residence in Spain: not met, not unknown', () => {
    expectCondition(evaluate(toSpain({ nationalities: [], livesIn: 'UA' }), ets112), 'not_met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('never not_applicable: every built-in rule-set requires a link with the administering State', () => {
    for (const id of ['coe-ets-112', 'coe-ets-167', 'coe-ets-167-original', 'eu-fd-2008-909', 'us-th-1982', 'hk-th', 'hk-us-1997', 'us-iptp', 'it-br-2008', 'ru-bilateral', 'ch-0-344-294', 'oas-1993', 'hk-ru-2021']) {
      const r = evaluate(makeCase(), ruleSet(id));
      expect(r.status, id).not.toBe('not_applicable');
      expect(r.effect, id).toBe('mandatory');
    }
  });
});

describe('the administering State\'s own definition of "national" (ETS 112 Art. 3(4), read from the treaty map)', () => {
  const ets112 = ruleSet('coe-ets-112');
  const to = (administeringState: string, person: Fields) => makeCase({ administeringState, person });

  it('Sweden counts aliens domiciled in Sweden: a Ukrainian who lives in Sweden is met, citing the declaration', () => {
    const r = evaluate(to('SE', { nationalities: ['UA'], livesIn: 'SE' }), ets112);
    expectCondition(r, 'met', 'mandatory', "SE's declaration under Art. 3(4)");
    expect(r.messageKey).toBe('cond.nationality.met.declaration');
    expect(r.params).toMatchObject({ state: 'SE', category: 'habitual-residents' });
    expect(r.confidence).toBe('C');
  });

  it('Albania counts stateless persons permanently resident in Albania: a stateless permanent resident is met', () => {
    expectCondition(evaluate(to('AL', { nationalities: [], permanentResidence: ['AL'], livesIn: 'AL' }), ets112), 'met', 'mandatory', 'Art. 3(4)');
  });

  it('but a Ukrainian national permanently resident in Albania is not stateless: not met', () => {
    expectCondition(evaluate(to('AL', { nationalities: ['UA'], permanentResidence: ['AL'], livesIn: 'UA' }), ets112), 'not_met', 'mandatory', 'Art. 3(1)(a)');
  });

  it('Denmark counts permanent residents (read in its implementing law, S): met, and the result is secondary', () => {
    const r = evaluate(to('DK', { nationalities: ['UA'], permanentResidence: ['DK'] }), ets112);
    expectCondition(r, 'met', 'mandatory', 'Art. 3(4)');
    expect(r.confidence).toBe('S');
  });

  it('the United Kingdom judges "close ties": someone who lives there is unknown, never decided for them', () => {
    const r = evaluate(to('GB', { nationalities: ['UA'], livesIn: 'GB' }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(4)');
    expect(r.messageKey).toBe('cond.nationality.unknown.declaration');
  });

  it('Poland made declarations whose content the map lacks: a Ukrainian who lives in Poland is unknown, the map entry to find out', () => {
    const r = evaluate(to('PL', { nationalities: ['UA'], livesIn: 'PL' }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(a)');
    expect(r).toMatchObject({ messageKey: 'cond.nationality.unknown.unreadDeclaration', missing: ['treatyMap'], confidence: 'U' });
  });

  it('the Protocol reads the Convention\'s definitions (ETS 167 Art. 1(2)): Sweden\'s domiciled aliens are met under ETS 167 too', () => {
    expectCondition(evaluate(to('SE', { nationalities: ['UA'], livesIn: 'SE' }), ruleSet('coe-ets-167-original')), 'met', 'mandatory', 'Art. 3(4)');
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
    expectCondition(evaluate(hk, hkru), 'met', 'mandatory', 'to Hong Kong, permanent residence');
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
