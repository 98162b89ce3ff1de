/**
 * The consent of a constituent State (a US State): asked only for a sentence imposed under that
 * State's law, and only where the rule-set asks it of the State that imposed the sentence.
 */
import { describe, expect, it } from 'vitest';
import { evaluateStateConsent } from './state-consent.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition } from '../testing.ts';

const evaluate = (c: CaseFile, rs: RuleSet) => evaluateStateConsent(contextOf(c, rs));
const sentenced = (sentencingState: string, administeringState: string, jurisdiction: string | null, stateAuthority: 'given' | 'refused' | 'not-asked' | null = null) =>
  makeCase({ sentencingState, administeringState, judgment: { jurisdiction }, consent: { stateAuthority } });

describe('a US State consents for its own prisoners (hk-us-1997: only a sentence imposed in the US)', () => {
  const hkUs = ruleSet('hk-us-1997');

  it('a sentence imposed in Hong Kong needs no US State: not applicable, whatever the judgment records', () => {
    expect(evaluate(sentenced('HK', 'US', 'national'), hkUs).status).toBe('not_applicable');
    expect(evaluate(sentenced('HK', 'US', null), hkUs).status).toBe('not_applicable');
  });

  it('a sentence under Texas law: met once Texas consents, not met when it refuses, unknown before', () => {
    expectCondition(evaluate(sentenced('US', 'HK', 'US-TX', 'given'), hkUs), 'met', 'mandatory', 'White House');
    expectCondition(evaluate(sentenced('US', 'HK', 'US-TX', 'refused'), hkUs), 'not_met', 'mandatory', 'White House');
    const open = evaluate(sentenced('US', 'HK', 'US-TX', 'not-asked'), hkUs);
    expect([open.status, open.missing]).toEqual(['unknown', ['consent.stateAuthority']]);
  });

  it('a federal sentence imposed in the US: met without a State', () => {
    expect(evaluate(sentenced('US', 'HK', 'national'), hkUs).status).toBe('met');
  });

  it('a US sentence whose law is not recorded: unknown, judgment.jurisdiction missing', () => {
    expect(evaluate(sentenced('US', 'HK', null), hkUs).missing).toEqual(['judgment.jurisdiction']);
  });
});

describe('the US communication under ETS 112 (us-iptp): the US States only', () => {
  it('a Mexican sentence returning a US citizen home: not applicable', () => {
    expect(evaluate(sentenced('MX', 'US', 'national'), ruleSet('us-iptp')).status).toBe('not_applicable');
  });

  it('a treaty asking it of every sentencing State (us-mx-1976, true): a Mexican state sentence needs that state', () => {
    const r = evaluate(sentenced('MX', 'US', 'MX-JAL', 'not-asked'), ruleSet('us-mx-1976'));
    expect(r.status).toBe('unknown');
  });
});
