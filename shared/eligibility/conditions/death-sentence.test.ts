/**
 * Death sentence: a bar, or a bar unless commuted.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDeathSentence } from './death-sentence.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet) => evaluateDeathSentence(contextOf(c, rs));
const judged = (deathSentence: boolean | null, deathSentenceCommuted: boolean | null = null) =>
  makeCase({ judgment: { deathSentence, deathSentenceCommuted } });

describe('death sentence as a bar (Inter-American Art. III(5))', () => {
  const oas = ruleSet('oas-1993');

  it('no death sentence: met', () => {
    expectCondition(evaluate(judged(false), oas), 'met', 'mandatory', 'Inter-American Convention Art. III(5)');
  });

  it('a death sentence not commuted: not met', () => {
    expectCondition(evaluate(judged(true, false), oas), 'not_met', 'mandatory', 'Inter-American Convention Art. III(5)');
  });

  it('Inter-American: a death sentence commuted to imprisonment is not the death penalty to be served: met (bar unless commuted, [S])', () => {
    expectCondition(evaluate(judged(true, true), oas), 'met', 'mandatory', 'Art. III(5)');
    expect(oas.deathSentence).toMatchObject({ value: 'bar-unless-commuted', confidence: 'S' });
  });

  it('a plain bar is not lifted by commutation (domain §6.7: "bar" differs from "bar unless commuted")', () => {
    const plain = ruleSet('oas-1993', { deathSentence: { value: 'bar', source: 'a plain bar (test)', confidence: 'U' } });
    expectCondition(evaluate(judged(true, true), plain), 'not_met', 'mandatory', 'a plain bar');
  });

  it('not recorded: unknown, judgment.deathSentence missing', () => {
    const r = evaluate(judged(null), oas);
    expectCondition(r, 'unknown', 'mandatory', 'Art. III(5)');
    expect(r.missing).toEqual(['judgment.deathSentence']);
  });
});

describe('death sentence a bar unless commuted (Italy–Brazil Art. 3(1)(f))', () => {
  const itbr = ruleSet('it-br-2008');

  it('no death sentence: met', () => {
    expectCondition(evaluate(judged(false), itbr), 'met', 'mandatory', 'Italy–Brazil Treaty Art. 3(1)(f)');
  });

  it('a death sentence commuted: met', () => {
    const r = evaluate(judged(true, true), itbr);
    expectCondition(r, 'met', 'mandatory', 'Italy–Brazil Treaty Art. 3(1)(f)');
    expect(r.messageKey).toBe('cond.death.commuted');
  });

  it('a death sentence not commuted: not met', () => {
    expectCondition(evaluate(judged(true, false), itbr), 'not_met', 'mandatory', 'Art. 3(1)(f)');
  });

  it('a death sentence, commutation not recorded: unknown, judgment.deathSentenceCommuted missing', () => {
    const r = evaluate(judged(true, null), itbr);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(f)');
    expect(r.missing).toEqual(['judgment.deathSentenceCommuted']);
  });

  it('ETS 112 does not address it: not applicable, even with a death sentence', () => {
    expectCondition(evaluate(judged(true, false), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });
});
