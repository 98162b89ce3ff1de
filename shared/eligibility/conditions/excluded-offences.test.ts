/**
 * Offences an instrument excludes from transfer.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateExcludedOffences } from './excluded-offences.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet) => evaluateExcludedOffences(contextOf(c, rs));
const withCategories = (...categories: (string[] | null)[]) =>
  makeCase({
    sentencingState: 'TH',
    administeringState: 'US',
    person: { nationalities: ['US'] },
    offences: categories.map((c, i) => ({ id: `O${i + 1}`, description: `offence ${i + 1}`, categories: c, maxPenaltyMonths: 120, dualCriminality: 'yes' })),
    sentences: [{ id: 'S1', start: '2019-08-01', term: { years: 12 }, offences: categories.map((_, i) => `O${i + 1}`) }],
  });

describe('excluded offences (US–Thailand Art. II(3): security, Head of State or family, national art treasures)', () => {
  const usth = ruleSet('us-th-1982');

  it('T13: an offence against the King: not met', () => {
    const r = evaluate(withCategories(['excluded:head-of-state-or-family']), usth);
    expectCondition(r, 'not_met', 'mandatory', 'US–Thailand Treaty Art. II(3)');
    expect(r.clearsOn).toBeNull();
  });

  it('an offence against State security: not met', () => {
    expectCondition(evaluate(withCategories(['excluded:state-security']), usth), 'not_met', 'mandatory', 'Art. II(3)');
  });

  it('national art treasures, as the second of two offences: not met', () => {
    expectCondition(evaluate(withCategories([], ['excluded:national-art-treasures']), usth), 'not_met', 'mandatory', 'Art. II(3)');
  });

  it('drug trafficking (no excluded category): met', () => {
    expectCondition(evaluate(withCategories(['eu:illicit-trafficking-narcotics']), usth), 'met', 'mandatory', 'US–Thailand Treaty Art. II(3)');
  });

  it('an immigration offence is not excluded by US–Thailand: met', () => {
    expectCondition(evaluate(withCategories(['excluded:immigration']), usth), 'met', 'mandatory', 'Art. II(3)');
  });

  it('categories not recorded: unknown, offences[0].categories missing', () => {
    const r = evaluate(withCategories(null), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(3)');
    expect(r.missing).toEqual(['offences[0].categories']);
  });

  it('one offence excluded and another not categorised: not met (the known exclusion decides)', () => {
    expectCondition(evaluate(withCategories(null, ['excluded:head-of-state-or-family']), usth), 'not_met', 'mandatory', 'Art. II(3)');
  });

  it('no offences recorded: unknown, offences missing', () => {
    const r = evaluate(makeCase({ sentencingState: 'TH', administeringState: 'US', offences: [], sentences: [{ id: 'S1', start: '2019-08-01', term: { years: 12 }, offences: [] }] }), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(3)');
    expect(r.missing).toEqual(['offences']);
  });

  it('ETS 112 excludes no offence: not applicable, even for an offence against a Head of State', () => {
    expectCondition(evaluate(withCategories(['excluded:head-of-state-or-family']), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });

  it('Hong Kong–Thailand excludes the same categories (as reported)', () => {
    const c = makeCase({
      sentencingState: 'TH',
      administeringState: 'HK',
      offences: [{ id: 'O1', categories: ['excluded:head-of-state-or-family'], dualCriminality: 'yes' }],
      sentences: [{ id: 'S1', start: '2019-08-01', term: { years: 12 }, offences: ['O1'] }],
    });
    expectCondition(evaluate(c, ruleSet('hk-th')), 'not_met', 'mandatory', 'the monarch');
  });
});
