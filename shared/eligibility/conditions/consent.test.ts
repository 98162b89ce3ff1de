/**
 * Consent: the person, a representative, minors, withdrawal and irrevocability, and the
 * routes that dispense with consent (ETS 167, EU 2008/909).
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateConsent } from './consent.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition, type CasePatch } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet, on?: string) => evaluateConsent(contextOf(c, rs, on));

describe('consent of the sentenced person (ETS 112 Art. 3(1)(d))', () => {
  const ets112 = ruleSet('coe-ets-112');

  it('given by the person: met', () => {
    expectCondition(evaluate(makeCase(), ets112), 'met', 'mandatory', 'ETS 112 Art. 3(1)(d)');
  });

  it('refused: not met', () => {
    expectCondition(evaluate(makeCase({ consent: { status: 'refused' } }), ets112), 'not_met', 'mandatory', 'ETS 112 Art. 3(1)(d)');
  });

  it('no consent record: unknown, consent.status missing', () => {
    const r = evaluate(makeCase({ consent: null }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(d)');
    expect(r.missing).toEqual(['consent.status']);
  });

  it('not yet asked: unknown', () => {
    expectCondition(evaluate(makeCase({ consent: { status: 'not-asked' } }), ets112), 'unknown', 'mandatory', 'Art. 3(1)(d)');
  });

  it('T17: withdrawn on 2023-05-10, before the States agreed on 2023-06-20: not met', () => {
    const c = makeCase({ consent: { status: 'withdrawn', withdrawnOn: '2023-05-10' }, events: { requestReceived: '2023-05-02', statesAgreed: '2023-06-20' } });
    expectCondition(evaluate(c, ets112), 'not_met', 'mandatory', 'Art. 3(1)(d)');
  });

  it('ETS 112 has no irrevocability rule: a withdrawal after the States agreed still ends consent (not met)', () => {
    const c = makeCase({ consent: { status: 'withdrawn', withdrawnOn: '2023-07-01' }, events: { statesAgreed: '2023-06-20' } });
    expectCondition(evaluate(c, ets112), 'not_met', 'mandatory', 'no rule on withdrawal');
  });

  it('a rule-set that does not require consent: not applicable even when refused', () => {
    const rs = ruleSet('coe-ets-112', { consent: { ...ets112.consent, value: { ...ets112.consent.value, required: false } } });
    expectCondition(evaluate(makeCase({ consent: { status: 'refused' } }), rs), 'not_applicable', 'mandatory', 'ETS 112 Art. 3(1)(d)');
  });
});

describe('consent of a legal representative (ETS 112 Art. 3(1)(d): age, physical or mental condition)', () => {
  const ets112 = ruleSet('coe-ets-112');

  it('T19: a representative is needed and the guardian consented: met', () => {
    const c = makeCase({ person: { representativeNeeded: true }, consent: { status: 'given', by: 'representative', date: '2023-12-01' } });
    const r = evaluate(c, ets112);
    expectCondition(r, 'met', 'mandatory', 'ETS 112 Art. 3(1)(d)');
    expect(r.messageKey).toBe('cond.consent.representative');
  });

  it('a representative is needed but the person consented personally: unknown, the representative\'s consent missing', () => {
    const r = evaluate(makeCase({ person: { representativeNeeded: true }, consent: { status: 'given', by: 'person' } }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(d)');
    expect(r.missing).toEqual(['consent.by (legal representative)']);
  });

  it('a representative consented although no State found one necessary: unknown, person.representativeNeeded missing', () => {
    const r = evaluate(makeCase({ person: { representativeNeeded: false }, consent: { status: 'given', by: 'representative' } }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(d)');
    expect(r.missing).toEqual(['person.representativeNeeded']);
  });

  it('the representative refused: not met', () => {
    const c = makeCase({ person: { representativeNeeded: true }, consent: { status: 'refused', by: 'representative' } });
    expectCondition(evaluate(c, ets112), 'not_met', 'mandatory', 'Art. 3(1)(d)');
  });
});

describe('minors: under 18 a parent, guardian or court consents (US IPTP, 18 U.S.C. § 4100(b), minorAge 18)', () => {
  const iptp = ruleSet('us-iptp');
  const applicant = (dateOfBirth: string | null, by: 'person' | 'representative', application = '2023-03-01') =>
    makeCase({
      sentencingState: 'US',
      administeringState: 'MX',
      person: { nationalities: ['MX'], dateOfBirth },
      consent: { status: 'given', by },
      events: { application },
    });

  it('17 at the application, consent by a guardian: met', () => {
    expectCondition(evaluate(applicant('2005-06-01', 'representative'), iptp), 'met', 'mandatory', '18 U.S.C. § 4100(b)');
  });

  it('17 at the application, consenting personally: unknown, the guardian\'s consent missing', () => {
    const r = evaluate(applicant('2005-06-01', 'person'), iptp);
    expectCondition(r, 'unknown', 'mandatory', '§ 4100(b)');
    expect(r.missing).toEqual(['consent.by (legal representative)']);
  });

  it('adult (37) consenting personally: met', () => {
    expectCondition(evaluate(applicant('1985-03-14', 'person'), iptp), 'met', 'mandatory', '§ 4100(b)');
  });

  it('18 on the day of the application (born 2005-03-01): an adult, personal consent met', () => {
    expectCondition(evaluate(applicant('2005-03-01', 'person'), iptp), 'met', 'mandatory', '§ 4100(b)');
  });

  it('born 29 February 2004: still a minor on 28 February 2022, an adult on 1 March 2022', () => {
    expect(evaluate(applicant('2004-02-29', 'person', '2022-02-28'), iptp).status).toBe('unknown');
    expect(evaluate(applicant('2004-02-29', 'person', '2022-03-01'), iptp).status).toBe('met');
  });

  it('date of birth not recorded: unknown, person.dateOfBirth missing', () => {
    const r = evaluate(applicant(null, 'person'), iptp);
    expectCondition(r, 'unknown', 'mandatory', '§ 4100(b)');
    expect(r.missing).toEqual(['person.dateOfBirth']);
  });

  it('refused by the guardian of a minor: not met', () => {
    const c = makeCase({ sentencingState: 'US', administeringState: 'MX', person: { nationalities: ['MX'], dateOfBirth: '2005-06-01' }, consent: { status: 'refused', by: 'representative' } });
    expectCondition(evaluate(c, iptp), 'not_met', 'mandatory', '§ 4100(b)');
  });

  it('ETS 112 sets no age: a 17-year-old consenting personally is met unless a State finds a representative necessary', () => {
    expectCondition(evaluate(makeCase({ person: { dateOfBirth: '2005-06-01' } }), ruleSet('coe-ets-112')), 'met', 'mandatory', 'Art. 3(1)(d)');
  });
});

describe('withdrawal and irrevocability after the States agreed (Swiss bilateral SR 0.344.294)', () => {
  const ch = ruleSet('ch-0-344-294');
  const withdrawn = (withdrawnOn: string | null, statesAgreed: string | null) =>
    makeCase({ sentencingState: 'CH', consent: { status: 'withdrawn', withdrawnOn }, events: { statesAgreed } });

  it('withdrawn 2023-07-01, after the States agreed on 2023-06-20: the withdrawal has no effect, met (irrevocable)', () => {
    const r = evaluate(withdrawn('2023-07-01', '2023-06-20'), ch);
    expectCondition(r, 'met', 'mandatory', 'SR 0.344.294');
    expect(r.messageKey).toBe('cond.consent.irrevocable');
  });

  it('withdrawn 2023-05-10, before the States agreed on 2023-06-20: not met', () => {
    expectCondition(evaluate(withdrawn('2023-05-10', '2023-06-20'), ch), 'not_met', 'mandatory', 'SR 0.344.294');
  });

  it('withdrawn 2023-06-20, the day the States agreed: dates alone do not say which came first, unknown (withdrawal timing), not a withdrawal taken as effective', () => {
    const r = evaluate(withdrawn('2023-06-20', '2023-06-20'), ch);
    expectCondition(r, 'unknown', 'mandatory', 'SR 0.344.294');
    expect(r.messageKey).toBe('cond.consent.withdrawalTiming');
    expect(r.missing).toEqual(['consent.withdrawnOn (before or after the States agreed that day?)']);
  });

  it('withdrawn before any agreement: not met', () => {
    expectCondition(evaluate(withdrawn('2023-05-10', null), ch), 'not_met', 'mandatory', 'SR 0.344.294');
  });

  it('withdrawn on an unknown date after the States agreed: unknown, consent.withdrawnOn missing', () => {
    const r = evaluate(withdrawn(null, '2023-06-20'), ch);
    expectCondition(r, 'unknown', 'mandatory', 'SR 0.344.294');
    expect(r.missing).toEqual(['consent.withdrawnOn']);
  });
});

describe('transfer without consent, ETS 167 as amended by CETS 222', () => {
  const amended = ruleSet('coe-ets-167');

  it('T28: administrative expulsion order, consent refused, opinion on file: met through Art. 3(1) as amended', () => {
    const c = makeCase({ expulsion: { kind: 'administrative', date: '2023-02-01' }, consent: { status: 'refused', opinionRecorded: true } });
    const r = evaluate(c, amended);
    expectCondition(r, 'met', 'mandatory', 'ETS 167 Art. 3(1) as amended by CETS 222 Art. 2');
  });

  it('the same without the person\'s opinion on file: unknown, consent.opinionRecorded missing (Art. 3(2))', () => {
    const c = makeCase({ expulsion: { kind: 'administrative', date: '2023-02-01' }, consent: { status: 'refused', opinionRecorded: false } });
    const r = evaluate(c, amended);
    expectCondition(r, 'unknown', 'mandatory', 'CETS 222 Art. 2');
    expect(r.missing).toEqual(['consent.opinionRecorded']);
  });

  it('expulsion ordered in the sentence, opinion on file: met (Art. 3(1))', () => {
    const c = makeCase({ expulsion: { kind: 'in-sentence', date: '2022-06-20' }, consent: { status: 'refused', opinionRecorded: true } });
    expectCondition(evaluate(c, amended), 'met', 'mandatory', 'ETS 167 Art. 3(1)');
  });

  it('left for the State of nationality aware of the proceedings: met without consent or opinion (Art. 2(1)(a))', () => {
    const c = makeCase({ leftSentencingState: { date: '2022-01-01', when: 'during-proceedings', to: 'PL' }, consent: { status: 'refused', opinionRecorded: false } });
    expectCondition(evaluate(c, amended), 'met', 'mandatory', 'ETS 167 Art. 2(1)(a)');
  });

  it('left after the judgment for the State of nationality: met (Art. 2(1)(b))', () => {
    const c = makeCase({ leftSentencingState: { date: '2022-01-01', when: 'after-final-judgment', to: 'PL' }, consent: { status: 'refused' } });
    expectCondition(evaluate(c, amended), 'met', 'mandatory', 'ETS 167 Art. 2(1)(b)');
  });

  it('left for a third State: no route; consent refused: not met', () => {
    const c = makeCase({ leftSentencingState: { date: '2022-01-01', when: 'after-final-judgment', to: 'UA' }, consent: { status: 'refused' } });
    expectCondition(evaluate(c, amended), 'not_met', 'mandatory', 'Art. 3(1)(d)');
  });

  it('left, destination not recorded, consent refused: unknown, leftSentencingState.to missing', () => {
    const c = makeCase({ leftSentencingState: { date: '2022-01-01', when: 'after-final-judgment', to: null }, consent: { status: 'refused' } });
    const r = evaluate(c, amended);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(d)');
    expect(r.missing).toEqual(['leftSentencingState.to']);
  });

  it('T28c: the administering State declared under Art. 3(6): the expulsion route is closed, consent refused: not met', () => {
    const declared = ruleSet('coe-ets-167', {
      consentExceptions: amended.consentExceptions.map((e) => (e.kind.startsWith('expulsion') ? { ...e, notForAdministeringStates: ['PL'] } : e)),
    });
    const c = makeCase({ expulsion: { kind: 'administrative', date: '2023-02-01' }, consent: { status: 'refused', opinionRecorded: true } });
    expectCondition(evaluate(c, declared), 'not_met', 'mandatory', 'Art. 3(1)(d)');
  });
});

describe('transfer without consent, ETS 167 original text', () => {
  const original = ruleSet('coe-ets-167-original');

  it('T28b: an administrative order not shown to follow from the sentence: unknown, proof it is consequential needed', () => {
    const c = makeCase({ expulsion: { kind: 'administrative', date: '2023-02-01' }, consent: { status: 'refused', opinionRecorded: true } });
    const r = evaluate(c, original);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(d)');
    expect(r.missing).toEqual(['expulsion.kind (is the order consequential to the sentence?)']);
  });

  it('an administrative order consequential to the sentence, opinion on file: met', () => {
    const c = makeCase({ expulsion: { kind: 'administrative-consequential', date: '2023-02-01' }, consent: { status: 'refused', opinionRecorded: true } });
    expectCondition(evaluate(c, original), 'met', 'mandatory', 'consequential to that sentence');
  });

  it('fled to the State of nationality after the final judgment: met without consent (Art. 2(1), 2(3))', () => {
    const c = makeCase({ leftSentencingState: { date: '2022-01-01', when: 'after-final-judgment', to: 'PL' }, consent: { status: 'not-asked' } });
    expectCondition(evaluate(c, original), 'met', 'mandatory', 'ETS 167 Art. 2(1), 2(3)');
  });

  it('left during the proceedings is no route under the original text: consent refused, not met', () => {
    const c = makeCase({ leftSentencingState: { date: '2022-01-01', when: 'during-proceedings', to: 'PL' }, consent: { status: 'refused' } });
    expectCondition(evaluate(c, original), 'not_met', 'mandatory', 'Art. 3(1)(d)');
  });

  it('fled to the State of nationality, but not a national of it: no route, not met', () => {
    const c = makeCase({
      person: { nationalities: ['UA'] },
      leftSentencingState: { date: '2022-01-01', when: 'after-final-judgment', to: 'PL' },
      consent: { status: 'refused' },
    });
    expectCondition(evaluate(c, original), 'not_met', 'mandatory', 'Art. 3(1)(d)');
  });
});

describe('transfer without consent under EU 2008/909 (Art. 6(2))', () => {
  const eu = ruleSet('eu-fd-2008-909');
  const toPoland = (patch: CasePatch) => makeCase({ sentencingState: 'DE', administeringState: 'PL', ...patch });

  it('T21: a national living in the executing State, consent refused, opinion on file: met (Art. 6(2)(a))', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['PL'], livesIn: 'PL' }, consent: { status: 'refused', opinionRecorded: true } }), eu);
    expectCondition(r, 'met', 'mandatory', 'FD 2008/909 Art. 6(2)(a)');
  });

  it('the same without the opinion: unknown, consent.opinionRecorded missing (Art. 6(3))', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['PL'], livesIn: 'PL' }, consent: { status: 'refused', opinionRecorded: false } }), eu);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 6(2)(a)');
    expect(r.missing).toEqual(['consent.opinionRecorded']);
  });

  it('to be deported to the executing State, opinion on file: met (Art. 6(2)(b))', () => {
    const r = evaluate(
      toPoland({ person: { nationalities: ['PL'], livesIn: 'DE' }, expulsion: { kind: 'in-sentence', date: '2022-01-01' }, consent: { status: 'refused', opinionRecorded: true } }),
      eu,
    );
    expectCondition(r, 'met', 'mandatory', 'FD 2008/909 Art. 6(2)(b)');
  });

  it('fled to the executing State: met with no opinion needed (Art. 6(2)(c))', () => {
    const r = evaluate(
      toPoland({ person: { nationalities: ['PL'], livesIn: 'DE' }, leftSentencingState: { date: '2022-01-01', when: 'after-final-judgment', to: 'PL' }, consent: { status: 'refused', opinionRecorded: false } }),
      eu,
    );
    expectCondition(r, 'met', 'mandatory', 'FD 2008/909 Art. 6(2)(c)');
  });

  it('a national living in another State, no route, consent refused: not met (Art. 6(1))', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['PL'], livesIn: 'DE' }, consent: { status: 'refused' } }), eu);
    expectCondition(r, 'not_met', 'mandatory', 'FD 2008/909 Art. 6(1)');
  });

  it('a national whose residence is not recorded, consent refused: unknown, person.livesIn missing', () => {
    const r = evaluate(toPoland({ person: { nationalities: ['PL'], livesIn: null }, consent: { status: 'refused' } }), eu);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 6(1)');
    expect(r.missing).toEqual(['person.livesIn']);
  });

  it('consent given: met on the consent itself (Art. 6(1))', () => {
    expectCondition(evaluate(toPoland({ person: { livesIn: 'DE' } }), eu), 'met', 'mandatory', 'FD 2008/909 Art. 6(1)');
  });
});
