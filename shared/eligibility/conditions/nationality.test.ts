/**
 * The personal link with the administering State: nationality, permanent residence, the
 * Hong Kong per-State link and the EU 2008/909 forwarding criteria.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateNationality } from './nationality.ts';
import { parseCase, type CaseFile } from '../../domain/case.ts';
import { parseIsoDate } from '../../sentence/calendar.ts';
import { computeSentences } from '../../sentence/compute.ts';
import { profileFor } from '../../treaties/jurisdictions.ts';
import { builtInRuleSet } from '../../treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../../treaties/schema.ts';
import { referenceFor } from '../engine.ts';
import type { AssessmentContext, ConditionEffect, ConditionResult, ConditionStatus } from '../types.ts';

// --- local case helper: a valid minimal tsp-case/1 (ETS 112 T01: a Polish national sentenced in
// France to 5 years from 2021-06-15, every event on 2023-03-01), overridden field by field.
const MINIMAL_CASE = {
  format: 'tsp-case/1',
  sentencingState: 'FR',
  administeringState: 'PL',
  person: { nationalities: ['PL'], permanentResidence: [], livesIn: 'PL', representativeNeeded: false, dateOfBirth: '1985-03-14' },
  judgment: { final: true, appealPending: false, appealPeriodEnds: null, otherProceedingsPending: false, deathSentence: false, deathSentenceCommuted: false },
  sentences: [{ id: 'S1', start: '2021-06-15', term: { years: 5, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
  remandDays: 0,
  offences: [{ id: 'O1', description: 'Burglary', categories: [], maxPenaltyMonths: 120, dualCriminality: 'yes' }],
  consent: { status: 'given', by: 'person', date: '2023-01-10', withdrawnOn: null, verified: true, opinionRecorded: false },
  financialObligations: [],
  expulsion: null,
  leftSentencingState: null,
  events: { application: '2023-03-01', request: '2023-03-01', requestReceived: '2023-03-01', judgmentReceived: '2023-03-01', statesAgreed: null },
};
type Fields = Record<string, unknown>;
interface CasePatch extends Fields {
  person?: Fields;
  judgment?: Fields;
  consent?: Fields | null;
  events?: Fields;
}
function makeCase(patch: CasePatch = {}): CaseFile {
  const { person, judgment, consent, events, ...rest } = patch;
  const parsed = parseCase({
    ...MINIMAL_CASE,
    ...rest,
    person: { ...MINIMAL_CASE.person, ...person },
    judgment: { ...MINIMAL_CASE.judgment, ...judgment },
    consent: consent === null ? null : { ...MINIMAL_CASE.consent, ...consent },
    events: { ...MINIMAL_CASE.events, ...events },
  });
  if (!parsed.ok) throw new Error(`invalid test case: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}
/** A built-in rule-set by id, optionally with parameters replaced (and validated again). */
function ruleSet(id: string, patch: Partial<RuleSet> = {}): RuleSet {
  const base = builtInRuleSet(id);
  if (!base) throw new Error(`no built-in rule-set "${id}"`);
  return ruleSetSchema.parse({ ...base, ...patch });
}
/** What the engine hands an evaluator; the reference is the rule-set's event unless `on` is given. */
function contextOf(c: CaseFile, rs: RuleSet, on?: string): AssessmentContext {
  const profile = profileFor(c.sentencingState);
  const reference = referenceFor(c, rs, on == null ? null : parseIsoDate(on), parseIsoDate('2000-01-01')).day;
  return { case: c, ruleSet: rs, profile, reference, sentence: computeSentences(c.sentences, c.remandDays, profile, reference) };
}
function expectCondition(r: ConditionResult, status: ConditionStatus, effect: ConditionEffect, source: string): void {
  expect({ status: r.status, effect: r.effect }).toEqual({ status, effect });
  expect(r.source).toContain(source);
}
// --- end of helper

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
