/**
 * Every Traditional Chinese message follows docs/glossary.md (generated from glossary.ts): no
 * avoided variant, the chosen term wherever the English names the concept, full-width
 * punctuation in Chinese text.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { avoidedVariants, GLOSSARY, glossaryMarkdown, halfWidthPunctuation } from './glossary.ts';
import { zhHant } from './zh-Hant.ts';

const DOC = new URL('../../docs/glossary.md', import.meta.url);
const zhEntries = Object.entries(zhHant) as [string, string][];

describe('the Traditional Chinese glossary', () => {
  it('docs/glossary.md is exactly what glossaryMarkdown() generates', () => {
    if (process.env.TSP_WRITE_GLOSSARY_DOC === '1') fs.writeFileSync(DOC, glossaryMarkdown());
    const onDisk = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    expect(onDisk, 'docs/glossary.md is stale: TSP_WRITE_GLOSSARY_DOC=1 npx vitest run shared/i18n/glossary.test.ts').toBe(glossaryMarkdown());
  });

  it('finds an avoided variant, but not inside a longer correct word', () => {
    expect(avoidedVariants('由判刑國拒絕').map((f) => f.variant)).toEqual(['判刑國']);
    expect(avoidedVariants('由法定代表人同意')).toEqual([]);
    expect(avoidedVariants('由法定代表同意').map((f) => f.variant)).toEqual(['法定代表']);
    expect(avoidedVariants('《移交被判刑人士條例》')).toEqual([]);
    expect(avoidedVariants('致被判刑人的通知').map((f) => f.variant)).toEqual(['被判刑人']);
    expect(avoidedVariants('個案：監獄編號').map((f) => f.variant)).toEqual(['監獄編號']);
  });

  it('finds half-width punctuation beside Chinese, not in ICU syntax or section numbers', () => {
    expect(halfWidthPunctuation('判刑地: {state}')).toEqual(['地:']);
    expect(halfWidthPunctuation('死刑(已減輕)')).toEqual(['(已', '輕)']);
    expect(halfWidthPunctuation('共 {count, plural, other {# 宗}}個案')).toEqual([]);
    expect(halfWidthPunctuation('第 513 章第 3(1)(b) 條')).toEqual([]);
  });

  it('every term is written once: no term is another term’s avoided variant', () => {
    const chosen = new Set(GLOSSARY.map((term) => term.zh));
    for (const term of GLOSSARY) for (const variant of term.avoid) expect(chosen.has(variant), variant).toBe(false);
  });

  it('no zh-Hant message writes an avoided variant', () => {
    const found = zhEntries.flatMap(([key, value]) => avoidedVariants(value).map((f) => `${key}: ${f.variant} → ${f.term.zh} (“${value}”)`));
    expect(found).toEqual([]);
  });

  it('a zh-Hant message whose English names a concept writes its term', () => {
    const missing: string[] = [];
    for (const term of GLOSSARY) {
      if (term.enMatches === undefined) continue;
      const forms = term.zhForms ?? [term.zh];
      for (const [key, zh] of zhEntries) {
        // A placeholder's name ("{instrument}", "{handover}") is no English word.
        const english = (en as Record<string, string>)[key]?.replace(/\{\w+\}/g, '{}');
        if (english === undefined || !term.enMatches.test(english) || key in (term.exceptKeys ?? {})) continue;
        if (!forms.some((form) => zh.includes(form))) missing.push(`${key}: ${term.en} → ${forms.join(' / ')} (“${english}” / “${zh}”)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('Chinese text has full-width punctuation', () => {
    const found = zhEntries.flatMap(([key, value]) => halfWidthPunctuation(value).map((p) => `${key}: “${p}” in “${value}”`));
    expect(found).toEqual([]);
  });
});
