/**
 * Dual criminality, the EU 2008/909 list exemption, Art. 7(4) opt-outs and partial recognition.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDualCriminality } from './dual-criminality.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { builtInMapWhere, contextOf, expectCondition, makeCase, noArt74Declarations, ruleSet, type InstrumentInput } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet, on?: string) => evaluateDualCriminality(contextOf(c, rs, on));
type FdInput = InstrumentInput;
const mapWhere = (edit: (fd: FdInput) => void) => builtInMapWhere('eu-fd-2008-909', edit);
const noneDeclared = noArt74Declarations();
const evaluateOn = (c: CaseFile, rs: RuleSet, map: ReturnType<typeof mapWhere>) => evaluateDualCriminality({ ...contextOf(c, rs), map });
const offence = (id: string, dualCriminality: string | null, categories: string[] = [], maxPenaltyMonths: number | null = 60) => ({
  id,
  description: `offence ${id}`,
  categories,
  maxPenaltyMonths,
  dualCriminality,
});
const withOffences = (...offences: ReturnType<typeof offence>[]) =>
  makeCase({ sentencingState: 'DE', administeringState: 'PL', offences, sentences: [{ id: 'S1', start: '2023-06-01', term: { years: 2 }, offences: offences.map((o) => o.id) }] });

describe('dual criminality (ETS 112 Art. 3(1)(e))', () => {
  const ets112 = ruleSet('coe-ets-112');

  it('the conduct is an offence in the administering State: met', () => {
    expectCondition(evaluate(withOffences(offence('O1', 'yes')), ets112), 'met', 'mandatory', 'ETS 112 Art. 3(1)(e)');
  });

  it('one of two offences is not an offence there: not met', () => {
    expectCondition(evaluate(withOffences(offence('O1', 'yes'), offence('O2', 'no')), ets112), 'not_met', 'mandatory', 'ETS 112 Art. 3(1)(e)');
  });

  it('not yet assessed: unknown, offences[0].dualCriminality missing', () => {
    const r = evaluate(withOffences(offence('O1', 'unknown')), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(e)');
    expect(r.missing).toEqual(['offences[0].dualCriminality']);
  });

  it('not recorded (null) is unknown too', () => {
    expectCondition(evaluate(withOffences(offence('O1', null)), ets112), 'unknown', 'mandatory', 'Art. 3(1)(e)');
  });

  it('no offences recorded: unknown, offences missing', () => {
    const r = evaluate(makeCase({ offences: [], sentences: [{ id: 'S1', start: '2021-06-15', term: { years: 5 }, offences: [] }] }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(e)');
    expect(r.missing).toEqual(['offences']);
  });

  it('a listed EU category does not lift dual criminality outside 2008/909: not met', () => {
    expectCondition(evaluate(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60)), ets112), 'not_met', 'mandatory', 'Art. 3(1)(e)');
  });

  it('partial transfer is not provided by ETS 112: one failing sentence fails the whole', () => {
    const c = makeCase({
      offences: [offence('O1', 'yes'), offence('O2', 'no')],
      sentences: [
        { id: 'S1', start: '2021-06-15', term: { years: 5 }, offences: ['O1'] },
        { id: 'S2', start: '2021-06-15', term: { years: 5 }, offences: ['O2'] },
      ],
    });
    const r = evaluate(c, ets112);
    expectCondition(r, 'not_met', 'mandatory', 'Art. 3(1)(e)');
    expect(r.flags).toEqual([]);
  });

  it('a rule-set without dual criminality: not applicable', () => {
    const rs = ruleSet('coe-ets-112', { dualCriminality: { ...ets112.dualCriminality, value: { required: false, test: 'conduct-criminal-or-would-be', effect: 'mandatory' } } });
    expectCondition(evaluate(withOffences(offence('O1', 'no')), rs), 'not_applicable', 'mandatory', 'ETS 112 Art. 3(1)(e)');
  });

  it('the Russian bilateral test is "punishable by deprivation of liberty" (Art. 4(1)(e))', () => {
    const r = evaluate(withOffences(offence('O1', 'no')), ruleSet('ru-bilateral'));
    expectCondition(r, 'not_met', 'mandatory', 'Russian bilateral Agreement Art. 4(1)(e)');
    expect(r.params.test).toBe('punishable-by-deprivation-of-liberty');
  });
});

describe('the 32-offence list of EU 2008/909 Art. 7(1): no dual criminality if punishable by at least 3 years', () => {
  const eu = ruleSet('eu-fd-2008-909');
  // Poland known not to have declared under Art. 7(4) (the built-in map cannot say: below).
  const evaluate = (c: CaseFile, rs: RuleSet) => evaluateOn(c, rs, noneDeclared);

  it('on the built-in map, which knows that twelve States declared under Art. 7(4) but not which: T21 is unknown, never met on a guess', () => {
    const r = evaluateDualCriminality(contextOf(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60)), eu));
    expect(r).toMatchObject({ status: 'unknown', messageKey: 'cond.dualCriminality.unknown.optOutUnconfirmed', missing: ['treatyMap'], confidence: 'U' });
    expect(r.source).toContain('Council doc. 14223/17');
  });

  it('T21: computer-related crime, maximum 5 years, not an offence in Poland: met through the list', () => {
    const r = evaluate(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60)), eu);
    expectCondition(r, 'met', 'mandatory', 'Art. 7(1)');
    expect(r.messageKey).toBe('cond.dualCriminality.metList');
  });

  it('maximum exactly 36 months ("at least three years"): met through the list', () => {
    expectCondition(evaluate(withOffences(offence('O1', 'no', ['eu:swindling'], 36)), eu), 'met', 'mandatory', 'Art. 7(1)');
  });

  it('maximum 35 months: below the threshold, dual criminality applies and fails: not met', () => {
    expectCondition(evaluate(withOffences(offence('O1', 'no', ['eu:swindling'], 35)), eu), 'not_met', 'optional_refusal', 'FD 2008/909 Art. 7(3)');
  });

  it('maximum 35 months but dual criminality confirmed: met (not through the list)', () => {
    const r = evaluate(withOffences(offence('O1', 'yes', ['eu:swindling'], 35)), eu);
    expectCondition(r, 'met', 'mandatory', 'Art. 7(3)');
    expect(r.messageKey).toBe('cond.dualCriminality.met');
  });

  it('a listed offence whose maximum penalty is not recorded, not an offence in Poland: unknown, maxPenaltyMonths missing', () => {
    const r = evaluate(withOffences(offence('O1', 'no', ['eu:swindling'], null)), eu);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 7(3)');
    expect(r.missing).toEqual(['offences[0].maxPenaltyMonths']);
  });

  it('an offence outside the list that is not an offence in Poland: not met', () => {
    expectCondition(evaluate(withOffences(offence('O1', 'no', [], 120)), eu), 'not_met', 'optional_refusal', 'Art. 7(3)');
  });
});

describe('Art. 7(4): an executing State that opted out of the list checks dual criminality', () => {
  const eu = ruleSet('eu-fd-2008-909');
  const evaluate = (c: CaseFile, rs: RuleSet) => evaluateOn(c, rs, noneDeclared);
  const optedOut = ruleSet('eu-fd-2008-909', {
    listExemption: { ...eu.listExemption, value: { thresholdMonths: 36, optOutStates: ['PL'] } },
  });

  it('T23: swindling, maximum 4 years, dual criminality not assessed, Poland opted out: unknown', () => {
    const r = evaluate(withOffences(offence('O1', 'unknown', ['eu:swindling'], 48)), optedOut);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 7(3)');
    expect(r.missing).toEqual(['offences[0].dualCriminality']);
  });

  it('computer-related crime, maximum 5 years, not an offence in Poland, Poland opted out: not met', () => {
    expectCondition(evaluate(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60)), optedOut), 'not_met', 'optional_refusal', 'Art. 7(3)');
  });

  it('the opt-out binds only the declaring State: the same case to Czechia passes through the list', () => {
    const c = makeCase({
      sentencingState: 'DE',
      administeringState: 'CZ',
      offences: [offence('O1', 'no', ['eu:computer-related-crime'], 60)],
      sentences: [{ id: 'S1', start: '2023-06-01', term: { years: 2 }, offences: ['O1'] }],
    });
    expectCondition(evaluate(c, optedOut), 'met', 'mandatory', 'Art. 7(1)');
  });
});

describe('Art. 7(4) not confirmed: the list is not applied on a guess either way', () => {
  const eu = ruleSet('eu-fd-2008-909');
  type Declaration = NonNullable<FdInput['declarations']>[number];
  /** The map with no unidentified declaration, and this one of Poland's. */
  const withPolishDeclaration = (declaration: Partial<Declaration> & Pick<Declaration, 'kind'>) =>
    mapWhere((fd) => {
      fd.unidentifiedDeclarations = [];
      fd.declarations = [...(fd.declarations ?? []), { state: 'PL', article: '7(4)', from: null, summary: 'test', source: 'a test declaration', confidence: 'U', ...declaration } as Declaration];
    });
  const evaluateIn = (c: CaseFile, map: ReturnType<typeof mapWhere>) => evaluateOn(c, eu, map);
  const unconfirmed = withPolishDeclaration({ kind: 'dual-criminality-opt-out', confidence: 'U' });
  const unread = withPolishDeclaration({ kind: 'unread', article: '7(4)', mayConcern: ['dual-criminality-opt-out'] } as Partial<Declaration> & Pick<Declaration, 'kind'>);
  const confirmed = withPolishDeclaration({ kind: 'dual-criminality-opt-out', confidence: 'C' });

  it('computer-related crime, 5 years, not an offence in Poland, Poland\'s opt-out unconfirmed: unknown, the map entry to find out (never met through the list)', () => {
    const r = evaluateIn(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60)), unconfirmed);
    expectCondition(r, 'unknown', 'mandatory', "PL's declaration under Art. 7(4): a test declaration");
    expect(r).toMatchObject({ messageKey: 'cond.dualCriminality.unknown.optOutUnconfirmed', missing: ['treatyMap'], confidence: 'U' });
    expect(r.params).toMatchObject({ state: 'PL', article: '7(4)', offences: 'offence O1' });
  });

  it('the same with a declaration whose content the map lacks (unread, may concern the list): unknown', () => {
    const r = evaluateIn(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60)), unread);
    expect(r).toMatchObject({ status: 'unknown', messageKey: 'cond.dualCriminality.unknown.optOutUnconfirmed', missing: ['treatyMap'], confidence: 'U' });
  });

  it('dual criminality not yet assessed: unknown, the offence\'s dual criminality to find out (which settles it either way)', () => {
    const r = evaluateIn(withOffences(offence('O1', null, ['eu:swindling'], 48)), unconfirmed);
    expect(r).toMatchObject({ status: 'unknown', messageKey: 'cond.dualCriminality.unknown.optOutUnconfirmed', missing: ['offences[0].dualCriminality'] });
  });

  it('dual criminality confirmed: met whether or not Poland opted out', () => {
    const r = evaluateIn(withOffences(offence('O1', 'yes', ['eu:swindling'], 48)), unconfirmed);
    expect(r).toMatchObject({ status: 'met', messageKey: 'cond.dualCriminality.met' });
  });

  it('an unlisted offence that is not criminal in Poland still fails: the doubt about the list changes nothing', () => {
    const r = evaluateIn(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60), offence('O2', 'no', [], 60)), unconfirmed);
    expect(r.status).toBe('not_met');
  });

  it('a confirmed declaration in the map: Poland checks dual criminality, not met', () => {
    expectCondition(evaluateIn(withOffences(offence('O1', 'no', ['eu:computer-related-crime'], 60)), confirmed), 'not_met', 'optional_refusal', 'Art. 7(3)');
  });

  describe('declarations known to exist without knowing whose (unidentifiedDeclarations: "twelve Member States by 2017")', () => {
    const someDeclared = mapWhere((fd) => {
      fd.unidentifiedDeclarations = [{ kind: 'dual-criminality-opt-out', article: '7(4)', asOf: '2017-12-04', summary: 'twelve States', source: 'a count of declarations', confidence: 'S', notBy: ['CZ'] }];
      fd.declarations = [...(fd.declarations ?? []), { state: 'SK', kind: 'dual-criminality-opt-out', article: '7(4)', from: null, summary: 'test', source: 'a confirmed declaration', confidence: 'C' }];
    });
    const to = (state: string) =>
      makeCase({ sentencingState: 'DE', administeringState: state, offences: [offence('O1', 'no', ['eu:computer-related-crime'], 60)], sentences: [{ id: 'S1', start: '2023-06-01', term: { years: 2 }, offences: ['O1'] }] });

    it('Poland may be one of them: unknown, the map entry to find out, its source named', () => {
      const r = evaluateIn(to('PL'), someDeclared);
      expect(r).toMatchObject({ status: 'unknown', messageKey: 'cond.dualCriminality.unknown.optOutUnconfirmed', missing: ['treatyMap'], confidence: 'U' });
      expect(r.source).toContain("PL's declaration under Art. 7(4): a count of declarations");
    });

    it('Czechia is confirmed not to be one: met through the list', () => {
      expect(evaluateIn(to('CZ'), someDeclared)).toMatchObject({ status: 'met', messageKey: 'cond.dualCriminality.metList' });
    });

    it('Slovakia\'s own declaration is recorded: it checks dual criminality, not met', () => {
      expect(evaluateIn(to('SK'), someDeclared)).toMatchObject({ status: 'not_met', effect: 'optional_refusal' });
    });
  });

  it('the doubt is Poland\'s alone: the same case to Czechia passes through the list', () => {
    const c = makeCase({
      sentencingState: 'DE',
      administeringState: 'CZ',
      offences: [offence('O1', 'no', ['eu:computer-related-crime'], 60)],
      sentences: [{ id: 'S1', start: '2023-06-01', term: { years: 2 }, offences: ['O1'] }],
    });
    expect(evaluateIn(c, unconfirmed)).toMatchObject({ status: 'met', messageKey: 'cond.dualCriminality.metList' });
  });
});

describe('partial recognition (EU 2008/909 Art. 10): the sentences whose offences all pass can go', () => {
  const eu = ruleSet('eu-fd-2008-909');
  const twoSentences = (o1: ReturnType<typeof offence>, o2: ReturnType<typeof offence>) =>
    makeCase({
      sentencingState: 'DE',
      offences: [o1, o2],
      sentences: [
        { id: 'S1', start: '2023-06-01', term: { years: 2 }, offences: ['O1'] },
        { id: 'S2', start: '2023-06-01', term: { years: 1 }, offences: ['O2'] },
      ],
    });

  it('S1 passes, S2 fails: a ground the executing State may invoke, and S1 can be recognised in part (flagged partial:S1)', () => {
    const r = evaluate(twoSentences(offence('O1', 'yes', [], 60), offence('O2', 'no', [], 60)), eu);
    expectCondition(r, 'not_met', 'optional_refusal', 'FD 2008/909 Art. 10');
    expect(r.flags).toEqual(['optional_refusal:dual_criminality', 'partial:S1']);
  });

  it('under a rule-set where dual criminality is a bar and partial recognition exists: waived (by agreement), flagged partial:S1', () => {
    const barred = ruleSet('eu-fd-2008-909', { dualCriminality: { ...eu.dualCriminality, value: { ...eu.dualCriminality.value, effect: 'mandatory' } } });
    const r = evaluate(twoSentences(offence('O1', 'yes', [], 60), offence('O2', 'no', [], 60)), barred);
    expectCondition(r, 'waived', 'mandatory', 'FD 2008/909 Art. 10');
    expect(r.flags).toEqual(['partial:S1']);
  });

  it('both sentences fail: a ground to refuse, no partial flag', () => {
    const r = evaluate(twoSentences(offence('O1', 'no', [], 60), offence('O2', 'no', [], 60)), eu);
    expectCondition(r, 'not_met', 'optional_refusal', 'Art. 7(3)');
    expect(r.flags).toEqual(['optional_refusal:dual_criminality']);
  });

  it('S1\'s offence not yet assessed, S2 fails: S1 cannot be offered as transferable on a guess: unknown, no partial flag', () => {
    const r = evaluate(twoSentences(offence('O1', 'unknown', [], 60), offence('O2', 'no', [], 60)), eu);
    expect(r.flags).not.toContain('partial:S1');
    expectCondition(r, 'unknown', 'mandatory', 'Art. 7(3)');
    expect(r.missing).toContain('offences[0].dualCriminality');
  });
});

describe('2008/909 Art. 9(1)(d): failing dual criminality is a ground the executing State may invoke, not a bar', () => {
  it('flags the optional refusal, and the verdict does not rest on it', () => {
    const r = evaluate(withOffences(offence('O1', 'no', [], 120)), ruleSet('eu-fd-2008-909'));
    expect(r).toMatchObject({ status: 'not_met', effect: 'optional_refusal', flags: ['optional_refusal:dual_criminality'], messageKey: 'cond.dualCriminality.optional' });
  });
});

describe('the offences still to be served (rule-set offenceScope: ETS 112 Art. 3(1)(c) and (e) read together, [S])', () => {
  const ets112 = ruleSet('coe-ets-112');
  // S2 (1 year from 2021-06-15) ended on 2022-06-15, before the reference date 2023-03-01: it is not transferred.
  const c = makeCase({
    offences: [offence('O1', 'yes'), offence('O2', 'no')],
    sentences: [
      { id: 'S1', start: '2021-06-15', term: { years: 5 }, offences: ['O1'] },
      { id: 'S2', start: '2021-06-15', term: { years: 1 }, offences: ['O2'] },
    ],
  });
  it('an offence only of a sentence served by the reference date is not read: met', () => {
    expectCondition(evaluate(c, ets112), 'met', 'mandatory', 'Art. 3(1)(e)');
  });
  it('read as every offence of the case (the other reading), it fails', () => {
    const all = ruleSet('coe-ets-112', { offenceScope: { value: 'all-offences', source: 'test', confidence: 'U' } });
    expectCondition(evaluate(c, all), 'not_met', 'mandatory', 'Art. 3(1)(e)');
  });
  it('on a reference date before the sentence ended, it is read: not met', () => {
    expectCondition(evaluate(c, ets112, '2022-06-14'), 'not_met', 'mandatory', 'Art. 3(1)(e)');
  });
});
