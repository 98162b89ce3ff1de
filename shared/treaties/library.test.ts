/**
 * The built-in rule-set library: fixed ids, valid against the schema, and a legal source and
 * confidence on every parameter (docs/domain.md "Confidence tags": carry the [C]/[S]/[U] tag into the rule-sets).
 */
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../sentence/calendar.ts';
import { CONFIDENCES } from './confidence.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from './library.ts';
import { PARAMETER_KEYS, ruleSetSchema, type RuleSet } from './schema.ts';

const FIXED_IDS = [
  'coe-ets-112',
  'coe-ets-167',
  'coe-ets-167-original',
  'eu-fd-2008-909',
  'us-th-1982',
  'hk-th',
  'hk-us-1997',
  'us-iptp',
  'it-br-2008',
  'ru-bilateral',
  'ch-0-344-294',
  'oas-1993',
  'hk-ru-2021',
  'us-mx-1976',
  'us-ca-1977',
  'hk-gb',
  'hk-it',
  'hk-ph',
  'hk-fr',
  'hk-mo',
  'hk-pt',
  'hk-es',
  'hk-kr',
  'hk-ng',
  'hk-zm',
];

/** Every { value, source, confidence } of a rule-set, with its key, plus each consent exception. */
function parametersOf(rs: RuleSet): { key: string; source: unknown; confidence: unknown }[] {
  const out: { key: string; source: unknown; confidence: unknown }[] = [];
  for (const [key, value] of Object.entries(rs)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value) {
      const prm = value as { source?: unknown; confidence?: unknown };
      out.push({ key, source: prm.source, confidence: prm.confidence });
    }
  }
  rs.consentExceptions.forEach((e, i) => out.push({ key: `consentExceptions[${i}] ${e.kind}`, source: e.source, confidence: e.confidence }));
  return out;
}

describe('built-in rule-sets', () => {
  it('the ids are exactly the fixed ids, each once', () => {
    const ids = BUILT_IN_RULESETS.map((r) => r.id);
    expect([...ids].sort()).toEqual([...FIXED_IDS].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(FIXED_IDS)('%s is found by id and parses with ruleSetSchema', (id) => {
    const rs = builtInRuleSet(id);
    expect(rs).toBeDefined();
    const parsed = ruleSetSchema.safeParse(rs);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    expect(parsed.data).toEqual(rs);
  });

  it('an unknown id finds nothing', () => {
    expect(builtInRuleSet('coe-ets-113')).toBeUndefined();
  });

  it.each(FIXED_IDS)('%s: every parameter has a non-empty legal source and a confidence C, S or U', (id) => {
    const rs = builtInRuleSet(id) as RuleSet;
    for (const key of PARAMETER_KEYS) {
      const prm = rs[key];
      expect(typeof prm.source === 'string' && prm.source.trim().length > 0, `${id}.${key}.source`).toBe(true);
      expect(CONFIDENCES, `${id}.${key}.confidence`).toContain(prm.confidence);
    }
    for (const p of parametersOf(rs)) {
      expect(typeof p.source === 'string' && p.source.trim().length > 0, `${id}.${p.key}.source`).toBe(true);
      expect(CONFIDENCES, `${id}.${p.key}.confidence`).toContain(p.confidence);
    }
  });

  it.each(FIXED_IDS)('%s: PARAMETER_KEYS lists every parameter the rule-set carries', (id) => {
    const rs = builtInRuleSet(id) as RuleSet;
    const carried = parametersOf(rs).filter((p) => !p.key.startsWith('consentExceptions')).map((p) => p.key);
    expect([...carried].sort()).toEqual([...PARAMETER_KEYS].sort());
  });

  it.each(FIXED_IDS)('%s: effectiveFrom is a real date and version and title are set', (id) => {
    const rs = builtInRuleSet(id) as RuleSet;
    expect(isIsoDate(rs.effectiveFrom)).toBe(true);
    expect(rs.version.length).toBeGreaterThan(0);
    expect(rs.title.length).toBeGreaterThan(0);
  });

  it('hk-ru-2021 (text not public) has no parameter marked C, consent exceptions included', () => {
    const rs = builtInRuleSet('hk-ru-2021') as RuleSet;
    const confirmed = parametersOf(rs).filter((p) => p.confidence === 'C').map((p) => p.key);
    expect(confirmed).toEqual([]);
  });

  it('hk-ru-2021 names the agreement in every source it borrows from the Russian pattern', () => {
    const rs = builtInRuleSet('hk-ru-2021') as RuleSet;
    for (const p of parametersOf(rs)) expect(p.source, p.key).toMatch(/Hong Kong–Russia/);
  });

  it('the schema refuses a parameter without a source', () => {
    const rs = builtInRuleSet('coe-ets-112') as RuleSet;
    const broken = { ...rs, minRemaining: { ...rs.minRemaining, source: '' } };
    expect(ruleSetSchema.safeParse(broken).success).toBe(false);
  });

  it('the schema refuses a confidence other than C, S or U', () => {
    const rs = builtInRuleSet('coe-ets-112') as RuleSet;
    const broken = { ...rs, minRemaining: { ...rs.minRemaining, confidence: 'X' } };
    expect(ruleSetSchema.safeParse(broken).success).toBe(false);
  });
});

describe('key parameters of the built-ins (docs/case-format.md)', () => {
  const rs = (id: string) => builtInRuleSet(id) as RuleSet;

  it('ETS 112: 6 months at receipt of the request, with the Art. 3(2) exception, counted to expiry; indeterminate passes', () => {
    expect(rs('coe-ets-112').referenceEvent.value).toBe('requestReceived');
    expect(rs('coe-ets-112').minRemaining.value).toEqual({ duration: { years: 0, months: 6, days: 0 }, effect: 'mandatory-with-exception' });
    expect(rs('coe-ets-112').remainingBasis.value).toBe('expiry');
    expect(rs('coe-ets-112').indeterminateBypass.value).toBe(true);
  });

  it('EU 2008/909: 36-month list threshold, six months an optional ground, partial recognition, no States\' agreement', () => {
    const eu = rs('eu-fd-2008-909');
    expect(eu.listExemption.value?.thresholdMonths).toBe(36);
    expect(eu.minRemaining.value?.effect).toBe('optional-refusal');
    expect(eu.partialTransfer.value).toBe(true);
    expect(eu.statesAgreementRequired.value).toBe(false);
    expect(eu.consentExceptions.map((e) => e.kind).sort()).toEqual(['deported-to-executing', 'fled-to-executing', 'national-living-in-executing']);
  });

  it('ETS 167 as amended and original differ only in their consent-free routes', () => {
    expect(rs('coe-ets-167').consentExceptions.map((e) => e.kind).sort()).toEqual(
      ['expulsion-administrative-any', 'expulsion-in-sentence', 'left-aware-of-judgment', 'left-aware-of-proceedings'],
    );
    expect(rs('coe-ets-167-original').consentExceptions.map((e) => e.kind).sort()).toEqual(
      ['expulsion-administrative-consequential', 'expulsion-in-sentence', 'fled-after-final-judgment'],
    );
  });

  it('US IPTP: minors under 18; Swiss SR 0.344.294: consent irrevocable after the States agree', () => {
    expect(rs('us-iptp').consent.value.minorAge).toBe(18);
    expect(rs('ch-0-344-294').consent.value.irrevocableAfter).toBe('states-agreement');
    expect(rs('ch-0-344-294').consent.confidence).toBe('C');
  });

  it('HK–US: 12 months, counted to the expected discharge with remission, marked unconfirmed', () => {
    expect(rs('hk-us-1997').minRemaining.value?.duration).toEqual({ years: 0, months: 12, days: 0 });
    expect(rs('hk-us-1997').remainingBasis.value).toBe('release-with-remission');
    expect(rs('hk-us-1997').remainingBasis.confidence).toBe('U');
  });

  it('US–Thailand and HK–Thailand: one year, a third served in Thailand; HK permanent residence the link for Hong Kong', () => {
    for (const id of ['us-th-1982', 'hk-th']) {
      expect(rs(id).minRemaining.value).toEqual({ duration: { years: 1, months: 0, days: 0 }, effect: 'mandatory' });
      expect(rs(id).minServed.value).toMatchObject({ numerator: 1, denominator: 3, sentencingStates: ['TH'] });
    }
    expect(rs('hk-th').link.value.byAdministeringState).toEqual({ HK: ['permanent-residence'] });
  });

  it('Italy–Brazil: death sentence a bar unless commuted, fines paid unless incapacity; Inter-American: a bar unless commuted too (the death penalty as the sentence to be served)', () => {
    expect(rs('it-br-2008').deathSentence.value).toBe('bar-unless-commuted');
    expect(rs('it-br-2008').financialObligations.value.rule).toBe('mandatory-paid-unless-incapacity');
    expect(rs('oas-1993').deathSentence.value).toBe('bar-unless-commuted');
    expect(rs('oas-1993').finality.value.definition).toBe('no-ordinary-appeal-and-period-expired');
  });
});
