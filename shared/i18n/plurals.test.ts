/**
 * Messages with a count are ICU plural messages (FormatJS's intl-messageformat): "1 day", "2 days"
 * in English; Chinese has one form ("1 日", "2 日"). Every such message parses and formats for 0, 1
 * and 2 in both languages, and no English message writes a count before a plural noun by hand.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { isIcuMessage, LOCALES, t, type Locale } from './index.ts';
import { zhHant } from './zh-Hant.ts';

const CATALOGS: Record<Locale, Record<string, string>> = { en, 'zh-Hant': zhHant };
const PLURAL_NOUNS = 'days?|weeks?|months?|years?|cases?|minutes?|characters?|entries|entry|items?|documents?|verdicts?|levels?|accents?';

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

/** Each plural argument of a message with the forms it offers (`one`, `other`, ...). */
function pluralForms(elements: readonly Element[], out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const el of elements) {
    if (!('options' in el)) continue;
    if ('pluralType' in el) {
      const forms = out.get(el.value) ?? new Set<string>();
      for (const form of Object.keys(el.options)) forms.add(form);
      out.set(el.value, forms);
    }
    for (const option of Object.values(el.options)) pluralForms(option.value, out);
  }
  return out;
}

/** Every argument a message names. */
function argumentsOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]!))];
}

const pluralKeys = Object.keys(en).filter((key) => isIcuMessage(en[key as keyof typeof en]));

describe('plural messages (ICU message format)', () => {
  it('there are plural messages, and each is plural in both catalogues', () => {
    expect(pluralKeys.length).toBeGreaterThan(50);
    expect(pluralKeys.filter((key) => !isIcuMessage(zhHant[key as keyof typeof zhHant]))).toEqual([]);
  });

  it('no English message writes a count before a plural noun outside a plural ("1 days")', () => {
    const bare = new RegExp(`\\{\\w+\\}\\s(?:more |open )?(?:${PLURAL_NOUNS})\\b`);
    const offenders = Object.entries(en).filter(([, template]) => bare.test(template.replace(/\{\s*\w+\s*,\s*plural\s*,(?:[^{}]|\{[^{}]*\})*\}/g, '')));
    expect(offenders).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`every plural message in ${locale} parses, offers only the forms of the language, and formats for 0, 1 and 2`, () => {
      const categories = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
      for (const key of pluralKeys) {
        const template = CATALOGS[locale][key]!;
        const forms = pluralForms(new IntlMessageFormat(template, locale, undefined, { ignoreTag: true }).getAst());
        expect(forms.size, `${locale} ${key}`).toBeGreaterThan(0);
        for (const [arg, offered] of forms) {
          expect(offered.has('other'), `${locale} ${key} ${arg}`).toBe(true);
          // English needs both forms; Chinese has only "other".
          expect([...categories].filter((c) => !offered.has(c)), `${locale} ${key} ${arg}`).toEqual([]);
          expect([...offered].filter((form) => !categories.has(form as Intl.LDMLPluralRule) && !/^=\d+$/.test(form)), `${locale} ${key} ${arg}`).toEqual([]);
        }
        for (const n of [0, 1, 2]) {
          const params = Object.fromEntries(argumentsOf(template).map((arg) => [arg, forms.has(arg) ? n : 'X']));
          const text = t(locale, key, params);
          expect(text, `${locale} ${key} n=${n}`).not.toMatch(/NaN|\{|\}/);
          expect(text, `${locale} ${key} n=${n}`).not.toBe(key);
          if (locale === 'en' && n === 1) expect(text, `${key} n=1`).not.toMatch(new RegExp(`\\b1 (?:more |open )?(?:days|weeks|months|years|cases|minutes|characters|entries|items|documents|verdicts|levels|accents)\\b`));
          if (locale === 'en' && n !== 1) expect(text, `${key} n=${n}`).not.toMatch(new RegExp(`\\b${n} (?:more |open )?(?:day|week|month|year|case|minute|character|entry|item|document|verdict|level|accent)\\b`));
        }
      }
    });
  }

  it('writes "1 day" and "2 days", "0 days", and a count with the language\'s separators', () => {
    expect([0, 1, 2, 1202].map((count) => t('en', 'ui.days', { count }))).toEqual(['0 days', '1 day', '2 days', '1,202 days']);
    expect([0, 1, 2, 1202].map((count) => t('zh-Hant', 'ui.days', { count }))).toEqual(['0 日', '1 日', '2 日', '1,202 日']);
  });

  it('agrees the verb with the count: "1 case matches", "2 cases match"; "1 day remains"', () => {
    expect(t('en', 'reports.ui.cases', { count: 1 })).toBe('1 case matches the filters and was open during the period.');
    expect(t('en', 'reports.ui.cases', { count: 2 })).toBe('2 cases match the filters and were open during the period.');
    expect(t('zh-Hant', 'reports.ui.cases', { count: 1 })).toBe('共有 1 宗個案符合篩選條件，並於期間內未結束。');
    const params = { remaining: 1, reference: '2025-01-01', release: '2025-01-02', basis: 'expiry', required: '6 m', threshold: '2025-07-01' };
    expect(t('en', 'cond.remaining.notMet', params)).toMatch(/^Only 1 day remains on 2025-01-01/);
    expect(t('en', 'cond.remaining.notMet', { ...params, remaining: 2 })).toMatch(/^Only 2 days remain on 2025-01-01/);
  });

  it('keeps the other parameters of a plural message as the plain templates write them: dates, labels, a missing one as {name}', () => {
    expect(t('en', 'step.remaining.expiry', { release: { day: 20_000 }, reference: { day: 19_999 }, days: 1 })).toBe(
      'Remaining: 2024-10-04 − 2024-10-03 = 1 day (to release at expiry, net of credit).',
    );
    expect(t('en', 'step.remaining.expiry', { days: 3 })).toBe('Remaining: {release} − {reference} = 3 days (to release at expiry, net of credit).');
    expect(t('en', 'ui.cases.count', { shown: '1,000+', total: 1 })).toBe('1,000+ of 1 case');
  });

  it('reads a count already written with separators ("1,204") as the number it writes', () => {
    expect(t('en', 'ui.cases.count', { shown: '12', total: '1,204' })).toBe('12 of 1,204 cases');
    expect(t('en', 'due.count', { count: '1' })).toBe('1 item');
  });
});
