/**
 * Every parameter of every built-in rule-set reads as words in both languages: no catalog
 * key left showing, no JSON, no English in the Chinese text where a label exists.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/index.ts';
import { describeConsentRoute, describeParameter } from './describe.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from './library.ts';
import { PARAMETER_GROUPS } from './parameter-groups.ts';
import { PARAMETER_KEYS } from './schema.ts';

describe('describeParameter', () => {
  it.each(LOCALES)('words every parameter of every built-in in %s', (locale) => {
    for (const r of BUILT_IN_RULESETS) {
      for (const key of PARAMETER_KEYS) {
        const words = describeParameter(locale, key, r[key].value as never);
        expect(words, `${r.id} ${key}`).not.toMatch(/treaties\.|param\.|ui\.|\{"|\[\{/);
        expect(words.length, `${r.id} ${key}`).toBeGreaterThan(0);
      }
      for (const route of r.consentExceptions) expect(describeConsentRoute(locale, route)).not.toMatch(/param\.|treaties\./);
    }
  });

  it('names States and places, never by code, in each language', () => {
    const usOnly = builtInRuleSet('us-iptp')!.subnationalConsent.value;
    expect(describeParameter('en', 'subnationalConsent', usOnly)).toContain('United States');
    expect(describeParameter('zh-Hant', 'subnationalConsent', usOnly)).toContain('美國');
    for (const locale of LOCALES) expect(describeParameter(locale, 'subnationalConsent', { sentencingStates: ['US', 'HK'] })).not.toMatch(/\b(US|HK)\b/);
  });

  it('says what the minimum remaining means, in each language', () => {
    const hkUs = builtInRuleSet('hk-us-1997')!;
    expect(describeParameter('en', 'minRemaining', hkUs.minRemaining.value)).toBe('At least 12 months to serve (mandatory)');
    expect(describeParameter('zh-Hant', 'minRemaining', hkUs.minRemaining.value)).toBe('尚須服刑至少12個月（強制）');
    expect(describeParameter('en', 'minRemaining', null)).toBe('No minimum');
  });

  it('says a dual-nationality rule that differs by sentencing State, side by side, the place by its name', () => {
    const hkGb = builtInRuleSet('hk-gb')!;
    expect(describeParameter('en', 'dualNationality', hkGb.dualNationality.value)).toBe('Allowed; sentenced in Hong Kong SAR China: Bars the transfer');
    expect(describeParameter('zh-Hant', 'dualNationality', hkGb.dualNationality.value)).toBe('容許；於中國香港特別行政區判刑：不得移交');
  });
});

describe('PARAMETER_GROUPS', () => {
  it('holds every parameter exactly once', () => {
    const keys = PARAMETER_GROUPS.flatMap((g) => g.keys);
    expect([...keys].sort()).toEqual([...PARAMETER_KEYS].sort());
  });
});
