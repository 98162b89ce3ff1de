/**
 * Treaty basis for an arrangement made for one case (Cap. 513): the arrangement is the basis,
 * but not between places the treaty map records as having none and able to have none. Hong Kong
 * and the Mainland: Cap. 513 s. 2 covers arrangements with places outside the People's Republic
 * of China (and, since 2005, Macao) only, so no arrangement for one prisoner can be made under it.
 */
import { describe, expect, it } from 'vitest';
import { builtInRuleSet } from '../../treaties/library.ts';
import { ruleSetSchema } from '../../treaties/schema.ts';
import { assessBuiltIn, contextOf, expectCondition, makeCase } from '../testing.ts';
import { evaluateTreatyBasis } from './treaty-basis.ts';

/** An arrangement for one prisoner, on the terms of the Hong Kong–Thailand rule-set. */
const arrangement = ruleSetSchema.parse({
  ...builtInRuleSet('hk-th'), id: 'hk-ad-hoc-chan', version: '1', effectiveFrom: '2024-01-01',
  title: 'Arrangement for CHAN', kind: 'ad-hoc-arrangement', caseId: '0195b1c2-3d4e-7f60-8a9b-0c1d2e3f4a5b',
});
/** 6 years from 2021-02-01 (release 2027-02-01), every event on 2023-03-01. */
const sentences = [{ id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1'] }];

describe('an arrangement for one case (Cap. 513)', () => {
  it('Hong Kong -> Thailand, a Thai national: the arrangement is the basis, met', () => {
    const c = makeCase({ sentencingState: 'HK', administeringState: 'TH', person: { nationalities: ['TH'], livesIn: 'TH' }, sentences });
    expectCondition(evaluateTreatyBasis(contextOf(c, arrangement)), 'met', 'mandatory', 'Arrangement for this case');
  });

  it.each([
    ['CN', 'HK', { nationalities: ['CN'], permanentResidence: ['HK'], livesIn: 'HK' }],
    ['HK', 'CN', { nationalities: ['GB'], permanentResidence: ['CN'], livesIn: 'CN' }],
  ])('sentenced in %s, to %s: the map records no arrangement between them (Cap. 513 s. 2), not met, and the verdict is ineligible', (a, b, person) => {
    const c = makeCase({ sentencingState: a, administeringState: b, person, sentences });
    const r = evaluateTreatyBasis(contextOf(c, arrangement));
    expectCondition(r, 'not_met', 'mandatory', 'Cap. 513 s. 2');
    expect(r.messageKey).toBe('cond.treatyBasis.notMet.noArrangement');
    expect(r.confidence).toBe('S');
    expect(assessBuiltIn(c, arrangement, '2023-03-01').verdict).toBe('ineligible');
  });
});
