/**
 * Minimum part of the sentence served (C7: served = (REF - S) + remand; required = ceil(f x T)).
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateMinimumServed } from './minimum-served.ts';
import { type CaseFile } from '../../domain/case.ts';
import { formatIsoDate } from '../../sentence/calendar.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition, type CasePatch } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet, on?: string) => evaluateMinimumServed(contextOf(c, rs, on));
/** T11/T12: 6 years from 2021-02-01 in Thailand (T = 2191 days, one third = 731 days). */
const thai = (application: string, patch: CasePatch = {}) =>
  makeCase({
    sentencingState: 'TH',
    administeringState: 'US',
    person: { nationalities: ['US'] },
    sentences: [{ id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1'] }],
    events: { application },
    ...patch,
  });

/** The arithmetic of C7 on the reference date: US–Thailand's minimum, tested on the reference date instead of at the transfer. */
const atReference = (id: string) => {
  const base = ruleSet(id);
  return ruleSet(id, { minServed: { ...base.minServed, value: { ...base.minServed.value!, testedAt: 'reference' } } });
};

describe('minimum period served: one third of the term in Thailand (C7 arithmetic, tested on the reference date)', () => {
  const usth = atReference('us-th-1982');

  it('T11: application 2023-06-01: 850 of 731 required days served: met', () => {
    const r = evaluate(thai('2023-06-01'), usth);
    expectCondition(r, 'met', 'mandatory', 'US–Thailand Treaty Art. II(6)');
    expect(r.params).toMatchObject({ served: 850, required: 731, termDays: 2191 });
  });

  it('at large since 2022-01-01 (escaped after 334 days served): on 2023-06-01 the dates would count 850 days; the time at large is not served, so the minimum is unknown, not met', () => {
    const r = evaluate(thai('2023-06-01', { custody: { status: 'at-large', since: '2022-01-01' } }), usth);
    expectCondition(r, 'unknown', 'mandatory', 'US–Thailand Treaty Art. II(6)');
    expect(r.messageKey).toBe('cond.minServed.atLarge');
    expect(r.params).toMatchObject({ served: 334, required: 731 });
  });

  it('at large since 2023-05-01, after 819 days served: the minimum (731) was served before, met', () => {
    const r = evaluate(thai('2023-06-01', { custody: { status: 'at-large', since: '2023-05-01' } }), usth);
    expect([r.status, r.messageKey]).toEqual(['met', 'cond.minServed.met']);
  });

  it('T12: application 2022-06-01: 485 of 731 days: not met, clears on 2023-02-02 (2021-02-01 + 731 days)', () => {
    const r = evaluate(thai('2022-06-01'), usth);
    expectCondition(r, 'not_met', 'mandatory', 'Art. II(6)');
    expect(r.params).toMatchObject({ served: 485, required: 731 });
    expect(formatIsoDate(r.clearsOn as number)).toBe('2023-02-02');
  });

  it('the clearing date is the first day it is met: 2023-02-01 not met, 2023-02-02 met', () => {
    expect(evaluate(thai('2022-06-01'), usth, '2023-02-01').status).toBe('not_met');
    expect(evaluate(thai('2022-06-01'), usth, '2023-02-02').status).toBe('met');
  });

  it('credited remand counts as served (100 days: 585 served, clears on 2022-10-25)', () => {
    const r = evaluate(thai('2022-06-01', { remandDays: 100 }), usth);
    expect(r.status).toBe('not_met');
    expect(r.params.served).toBe(585);
    expect(formatIsoDate(r.clearsOn as number)).toBe('2022-10-25');
  });

  it('the required part is rounded up: ceil(2191 / 3) = 731, not 730', () => {
    expect(evaluate(thai('2022-06-01'), usth, '2023-02-01').params.required).toBe(731);
  });

  it('remand not recorded and too little served without it: unknown, remandDays missing', () => {
    const r = evaluate(thai('2022-06-01', { remandDays: null }), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(6)');
    expect(r.missing).toEqual(['remandDays']);
  });

  it('remand not recorded but enough served without it: met', () => {
    expectCondition(evaluate(thai('2023-06-01', { remandDays: null }), usth), 'met', 'mandatory', 'Art. II(6)');
  });

  it('a life sentence when the law\'s minimum for life is not known: unknown', () => {
    const r = evaluate(thai('2023-06-01', { sentences: [{ id: 'S1', start: '2015-01-01', term: 'life', offences: ['O1'] }] }), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(6)');
    expect(r.missing).toEqual(['rule-set: minimum period for a life sentence']);
  });

  it('the rule is Thai law: a sentence imposed in the United States: not applicable', () => {
    const r = evaluate(thai('2022-06-01', { sentencingState: 'US', administeringState: 'TH', person: { nationalities: ['TH'] } }), usth);
    expectCondition(r, 'not_applicable', 'mandatory', 'US–Thailand Treaty Art. II(6)');
  });

  it('ETS 112 has no minimum period served: not applicable', () => {
    expectCondition(evaluate(thai('2022-06-01'), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });

  it('Hong Kong–Thailand applies the Thai minimum to sentences imposed in Thailand (T12)', () => {
    const c = thai('2022-06-01', { administeringState: 'HK', person: { nationalities: ['PH'], permanentResidence: ['HK'] } });
    const r = evaluate(c, atReference('hk-th'));
    expectCondition(r, 'not_met', 'mandatory', 'one third, as Thai practice reported');
    expect(formatIsoDate(r.clearsOn as number)).toBe('2023-02-02');
  });
});

describe('tested at the time of transfer (US–Thailand Art. II(6): "at the time of transfer")', () => {
  const usth = ruleSet('us-th-1982');

  it('T12: applied on 2022-06-01 with 485 of 731 days served: the application stands; the condition holds from 2023-02-02, when the transfer can happen', () => {
    const r = evaluate(thai('2022-06-01'), usth);
    expectCondition(r, 'met', 'mandatory', 'at the time of transfer');
    expect(r.messageKey).toBe('cond.minServed.atTransfer');
    expect(formatIsoDate(r.holdsFrom as number)).toBe('2023-02-02');
    expect(r.clearsOn).toBeNull();
  });

  it('a transfer planned for 2022-12-01 is too early: not met, clears on 2023-02-02', () => {
    const r = evaluate(thai('2022-06-01', { events: { application: '2022-06-01', transferPlanned: '2022-12-01' } }), usth);
    expect(r).toMatchObject({ status: 'not_met', messageKey: 'cond.minServed.notMetAtTransfer' });
    expect(r.params.served).toBe(668); // 2021-02-01 -> 2022-12-01: 365 + 303
    expect(formatIsoDate(r.clearsOn as number)).toBe('2023-02-02');
  });

  it('a transfer planned for 2023-02-02 is on the day: met', () => {
    const r = evaluate(thai('2022-06-01', { events: { application: '2022-06-01', transferPlanned: '2023-02-02' } }), usth);
    expect(r.status).toBe('met');
    expect(r.params.served).toBe(731);
  });
});
