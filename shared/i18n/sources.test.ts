/**
 * The legal sources of the built-in law read in Traditional Chinese; any other source is shown
 * as written. When a built-in source changes, the coverage test names the English words no
 * piece of sources.zh-Hant.ts covers: add the clause there (docs/glossary.md, "Legal sources").
 */
import { describe, expect, it } from 'vitest';
import { avoidedVariants, halfWidthPunctuation } from './glossary.ts';
import { builtInSources, readSource, sourceText, withSourceIn } from './sources.ts';
import { KEPT_AS_WRITTEN, SOURCE_PHRASES } from './sources.zh-Hant.ts';

const WORD = /\p{Script=Latin}+(?:[-.’']\p{Script=Latin}+)*/gu;
/**
 * The Latin a Chinese source may keep: the names, numbers and foreign titles kept as written,
 * the Council of Europe's treaty numbers (ETS, CETS, as the catalogue names the instruments),
 * the confidence marks [C] [S] [U], the app's own name and its conventions (TSP Desk C2, C3).
 */
const ALLOWED_LATIN = new Set(
  [...KEPT_AS_WRITTEN, 'ETS', 'CETS', 'C', 'S', 'U', 'TSP', 'Desk', 'C2', 'C3', 'Program Statement', 'Yahoo', 'HMPPS']
    .flatMap((name) => name.match(WORD) ?? []),
);

/** Latin words, leaving out what is a number: paragraph letters (3(1)(c)), 240ZA, Roman article numbers (II(7)(b)). */
const latinWords = (zh: string) => zh.replace(/\([a-z]\)|\d+[A-Z]+\b|\b[IVX]+\b/g, ' ').match(WORD) ?? [];

describe('the built-in legal sources in Traditional Chinese', () => {
  const sources = [...builtInSources()];

  it('gathers every source of the built-in rule-sets, profiles and treaty map', () => {
    expect(sources.length).toBeGreaterThan(600);
    expect(sources).toContain('ETS 112 Art. 3(1)(f)'); // a rule-set
    expect(sources).toContain('Criminal Procedure Ordinance (Cap. 221) s. 67A'); // Hong Kong's profile
    expect(sources).toContain('None recorded'); // a profile's default
    expect(sources).toContain('Hansard, written answer of 21 October 1986'); // the treaty map
  });

  it('every built-in source is read whole: no English word is left untranslated', () => {
    const left = sources.flatMap((source) => {
      const { unread } = readSource(source);
      return unread.length === 0 ? [] : [`${unread.join(' ')}  ←  ${source}`];
    });
    expect(left).toEqual([]);
  });

  it('no Latin word is left but the names and numbers kept as written', () => {
    const found = sources.flatMap((source) => latinWords(sourceText(source, 'zh-Hant')).filter((w) => !ALLOWED_LATIN.has(w)).map((w) => `${w}  ←  ${source}`));
    expect(found).toEqual([]);
  });

  it('the Chinese follows the glossary and has full-width punctuation', () => {
    const found = sources.flatMap((source) => {
      const zh = sourceText(source, 'zh-Hant');
      return [...avoidedVariants(zh).map((f) => `${f.variant} → ${f.term.zh}`), ...halfWidthPunctuation(zh)].map((f) => `${f}  ←  ${zh}`);
    });
    expect(found).toEqual([]);
  });

  it('keeps every article number, section and year of the English', () => {
    // ETS 112 is named by its title, 《移交被判刑人士公約》, as the catalogue names it.
    const numbers = (s: string) => new Set(s.replace(/ETS 112/g, '').match(/\d+/g) ?? []);
    const lost = sources.flatMap((source) => {
      const zh = numbers(sourceText(source, 'zh-Hant'));
      return [...numbers(source)].filter((n) => !zh.has(n)).map((n) => `${n}  ←  ${source}`);
    });
    expect(lost).toEqual([]);
  });

  it('every piece of the table is used by a built-in source (none is dead)', () => {
    const used = new Set<string>();
    for (const source of sources) for (const phrase of Object.keys(SOURCE_PHRASES)) if (source.includes(phrase)) used.add(phrase);
    expect(Object.keys(SOURCE_PHRASES).filter((phrase) => !used.has(phrase))).toEqual([]);
  });
});

describe('sourceText', () => {
  it.each([
    ['ETS 112 Art. 3(1)(f)', '《移交被判刑人士公約》第 3(1)(f) 條'],
    ['ETS 112 Art. 3(1)(c): at the time of receipt of the request for transfer', '《移交被判刑人士公約》第 3(1)(c) 條：於收到移交請求時'],
    ['ETS 112 Arts. 4(1)-(5), 5, 6, 7(2), 12-17', '《移交被判刑人士公約》第 4(1)至(5)、5、6、7(2)、12至17 條'],
    ['ETS 112 Art. 5(4): "promptly", no figure', '《移交被判刑人士公約》第 5(4) 條：「從速」，未定日數'],
    [
      'ETS 167 Art. 3(1) as amended by CETS 222 Art. 2 ("or an administrative decision")',
      '《附加議定書》（ETS 167）第 3(1) 條（經《修訂議定書》（CETS 222）第 2 條修訂）（「或行政決定」）',
    ],
    ['FD 2008/909 Art. 6(2)(a), opinion Art. 6(3) (NL WETS 2:5(a), 2:27)', '第 2008/909 號框架決定第 6(2)(a) 條，意見：第 6(3) 條（NL WETS 2:5(a), 2:27）'],
    [
      'Hong Kong–Italy agreement (1999), text not read; pattern: ETS 112 Art. 3(1)(c): at the time of receipt of the request for transfer',
      '香港與意大利協定（1999），未閱其文本；範本：《移交被判刑人士公約》第 3(1)(c) 條：於收到移交請求時',
    ],
    [
      'Cap. 513 s. 2 (read, version of 1 Dec 2005): an inward warrant is one issued under s. 3(1)(a), an outward warrant one issued under s. 3(1)(b); s. 3 itself (who issues them, on what conditions) was not read [U]; Hong Kong–UK agreement (1997), text not read: pattern: ETS 112 Arts. 4(1)-(5), 5, 6, 7(2), 12-17',
      '《移交被判刑人士條例》（第 513 章）第 2 條（已閱，2005年12月1日版本）：移交入境手令是根據第 3(1)(a) 條發出的手令，移交出境手令是根據第 3(1)(b) 條發出的手令；未閱第 3 條本身（由誰發出、有何條件）[U]；香港與英國協定（1997），未閱其文本：範本：《移交被判刑人士公約》第 4(1)至(5)、5、6、7(2)、12至17 條',
    ],
    ['Prison Rules (Cap. 234A) r. 69: up to one third of the actual term plus s. 67A custody, never below 31 days, not for life', '《監獄規則》（第 234A 章）第 69 條：最多為實際刑期加第 67A 條羈押期的三分之一，不少於 31 日，不適用於終身監禁'],
    ['Hansard, written answer of 21 October 1986', '英國國會議事錄，1986年10月21日書面答覆'],
    ['Law 10 February 2015 n. 17 (GU n. 52 of 4 March 2015); La Rassegna (ISGI-CNR): "entrata in vigore: 20 aprile 2016"', '意大利2015年2月10日第 17 號法律（GU n. 52，2015年3月4日）；La Rassegna（ISGI-CNR）：「entrata in vigore: 20 aprile 2016」'],
    ['None recorded', '未有記錄'],
  ])('%s', (english, chinese) => {
    expect(sourceText(english, 'zh-Hant')).toBe(chinese);
    expect(sourceText(english, 'en')).toBe(english);
  });

  it('shows a source that is not a built-in one as written, even one made of known words', () => {
    // A legal officer's own rule-set: stored free text.
    expect(sourceText('Agreement with Ruritania, Art. 4 as read by the Legal Division', 'zh-Hant')).toBe('Agreement with Ruritania, Art. 4 as read by the Legal Division');
    expect(sourceText('ETS 112 Art. 3(1)(c), as the desk reads it', 'zh-Hant')).toBe('ETS 112 Art. 3(1)(c), as the desk reads it');
    // Written like a built-in source but not one: still the officer's text.
    expect(builtInSources().has('ETS 112 Art. 30')).toBe(false);
    expect(sourceText('ETS 112 Art. 30', 'zh-Hant')).toBe('ETS 112 Art. 30');
    expect(sourceText('《條例》第 3 條', 'zh-Hant')).toBe('《條例》第 3 條');
  });

  it.each([
    [
      'ETS 112 Art. 3(1)(c); exceptional cases by agreement, Art. 3(2); counted to: ETS 112 Art. 3(1)(c) "sentence to serve": counted to expiry net of credits (app reading)',
      '《移交被判刑人士公約》第 3(1)(c) 條；特殊情況下可經協議移交，第 3(2) 條；計算至：《移交被判刑人士公約》第 3(1)(c) 條「尚待服的刑期」：計至扣除各項扣減後的刑期屆滿日（本系統的解讀）',
    ],
    [
      'ETS 112 Art. 3(1)(c); exceptional cases by agreement, Art. 3(2); TSP Desk convention C1: a day the month lacks counts as its last day (app reading)',
      '《移交被判刑人士公約》第 3(1)(c) 條；特殊情況下可經協議移交，第 3(2) 條；TSP Desk 慣例 C1：該月份沒有的日子以該月最後一日計（本系統的解讀）',
    ],
    ['ETS 112 Art. 3(1)(e); FD 2008/909 (no excluded offences)', '《移交被判刑人士公約》第 3(1)(e) 條；第 2008/909 號框架決定（無排除的罪行）'],
    [
      'Treaty map: Hansard, written answer of 21 October 1986; BGBl. III Nr. 110/2007 (Austria), scope of ETS 112',
      '條約地圖：英國國會議事錄，1986年10月21日書面答覆；BGBl. III Nr. 110/2007（奧地利），《移交被判刑人士公約》的適用範圍',
    ],
    [
      "ETS 112 Art. 3(1)(a); a State may define \"national\" by declaration (Art. 3(4)); NL's declaration under Art. 3(4): Verdragenbank (NL treaty database), ETS 112 declarations",
      '《移交被判刑人士公約》第 3(1)(a) 條；國家或地方可以聲明界定「國民」（第 3(4) 條）；荷蘭根據第 3(4) 條作出的聲明：Verdragenbank（荷蘭條約資料庫），《移交被判刑人士公約》聲明',
    ],
    ['Treaty map', '條約地圖'],
    ['Arrangement for this case: Hong Kong–Ruritania, Mr Chan', '為本個案作出的安排：Hong Kong–Ruritania, Mr Chan'],
  ])('a condition’s source joined by the engine: %s', (english, chinese) => {
    expect(sourceText(english, 'zh-Hant')).toBe(chinese);
  });

  it('a joined source with a part that is not built in is shown as written, whole', () => {
    expect(sourceText('ETS 112 Art. 3(1)(e); the Legal Division’s note', 'zh-Hant')).toBe('ETS 112 Art. 3(1)(e); the Legal Division’s note');
    expect(sourceText('Treaty map: Ruritanian gazette 12/2024', 'zh-Hant')).toBe('Treaty map: Ruritanian gazette 12/2024');
  });

  it('a message’s source parameter is translated with it, other parameters untouched', () => {
    expect(withSourceIn({ categories: 'excluded:state-security', source: 'None recorded' }, 'zh-Hant')).toEqual({ categories: 'excluded:state-security', source: '未有記錄' });
    expect(withSourceIn({ source: 'None recorded' }, 'en')).toEqual({ source: 'None recorded' });
    expect(withSourceIn({ count: 3 }, 'zh-Hant')).toEqual({ count: 3 });
  });

  it('does not read an article number inside a longer one', () => {
    expect(readSource('ETS 112 Art. 30').zh).toBe('《移交被判刑人士公約》第 30 條');
    expect(readSource('Art. 3 of the Ruritanian code').unread).toEqual(['of', 'the', 'Ruritanian', 'code']);
  });
});
