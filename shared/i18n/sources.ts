/**
 * The legal sources of the built-in law in the reader's language. Every parameter of a
 * built-in rule-set, jurisdiction profile and treaty-map row names its source in English
 * ("ETS 112 Art. 3(1)(c): at the time of receipt of the request for transfer"); these are
 * fixed texts of the product and read in Traditional Chinese as Hong Kong's legal usage writes
 * them (「《移交被判刑人士公約》第 3(1)(c) 條：於收到移交請求時」). A source that is not one of the
 * built-in strings (a legal officer's own rule-set, an import, an older built-in wording) is
 * stored free text and is shown as written. Stored data never changes: the translation is at
 * display.
 *
 * The Chinese is composed, not machine-made: the English is read left to right as a sequence
 * of known pieces (sources.zh-Hant.ts: instruments, places, whole clauses, kept names), article
 * citations ("Art. 3(1)(c)" → 第 3(1)(c) 條) and dates ("1 Dec 2005" → 2005年12月1日), joined
 * by punctuation made full-width. A source is translated only when every letter and digit
 * belongs to a piece; shared/i18n/sources.test.ts holds every built-in source to that.
 */
import { CLAMPED_THRESHOLD_READING } from '../eligibility/conditions/remaining-sentence.ts';
import { BUILT_IN_RULESETS } from '../treaties/library.ts';
import { BUILT_IN_TREATY_MAP } from '../treaties/map/built-in/index.ts';
import { BUILT_IN_PROFILES } from '../treaties/profile-schema.ts';
import { placeName } from '../reports/wording.ts';
import type { Locale } from './index.ts';
import { KEPT_AS_WRITTEN, MONTHS, PLACES, SOURCE_PHRASES } from './sources.zh-Hant.ts';

/** Every `source` text of the built-in rule-sets, profiles and treaty map (and the engine's own readings). */
function collectSources(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectSources(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'source' && typeof item === 'string') into.add(item);
      else collectSources(item, into);
    }
  }
  return into;
}

let builtIn: ReadonlySet<string> | null = null;

/** The source strings of the built-in law: the only ones translated. */
export function builtInSources(): ReadonlySet<string> {
  builtIn ??= collectSources([BUILT_IN_RULESETS, BUILT_IN_PROFILES, BUILT_IN_TREATY_MAP, CLAMPED_THRESHOLD_READING], new Set());
  return builtIn;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

const MONTH = alternation(Object.keys(MONTHS));
const PLACE = alternation(Object.keys(PLACES));

/** One article number with its paragraphs: 3(1)(c), II(7)(b), 4(1)-(5), 12-17, 2:14(1)(b). */
const CITE = String.raw`(?:[0-9]+[A-Z]*|[IVX]+)(?:\([0-9a-z]+\))*(?:-(?:[0-9]+|[IVX]+)?(?:\([0-9a-z]+\))*)?`;
const CITES = String.raw`${CITE}(?:(?:, | and )(?:${CITE}|\([0-9a-z]+\))(?![.\d]))*`;

/** Article numbers in Chinese: "4(1)-(5), 5 and (e)" → "4(1)至(5)、5及(e)". */
const citesZh = (cites: string) => cites.replace(/-/g, '至').replace(/, /g, '、').replace(/ and /g, '及');

interface Piece {
  readonly pattern: RegExp;
  readonly render: (m: RegExpExecArray) => string;
}

const sticky = (source: string) => new RegExp(source, 'y');

/** The pieces a source is read as, each tried at every word start; the longest match wins. */
const PIECES: readonly Piece[] = [
  { pattern: sticky(alternation(Object.keys(SOURCE_PHRASES))), render: (m) => SOURCE_PHRASES[m[0]] as string },
  // A quotation in another language is kept, in Chinese quotation marks.
  { pattern: sticky(alternation(KEPT_AS_WRITTEN)), render: (m) => m[0].replace(/^"(.*)"$/, '「$1」') },
  // "ETS 167 Art. 3(1) as amended by CETS 222 Art. 2" → …第 3(1) 條（經《修訂議定書》（CETS 222）第 2 條修訂）.
  {
    pattern: sticky(String.raw`as amended by CETS 222(?: Arts?\. (${CITES}))?`),
    render: (m) => `（經${SOURCE_PHRASES['CETS 222']}${m[1] === undefined ? '' : `第 ${citesZh(m[1])} 條`}修訂）`,
  },
  // "DOJ Criminal Resource Manual 732 (6)": a section and its paragraph, as written.
  { pattern: sticky(String.raw`\d+ \(\d+\)`), render: (m) => m[0] },
  // Bilateral instruments by their parties: "Hong Kong–Italy agreement (1999)" → 香港與意大利協定（1999）.
  {
    pattern: sticky(String.raw`(${PLACE})–(${PLACE}) (?:agreement|Agreement|arrangement|Treaty|treaty)(?: \((\d{4})\))?`),
    render: (m) => {
      const kind = /arrangement/.test(m[0]) ? '安排' : /[Tt]reaty/.test(m[0]) ? '條約' : '協定';
      const [a, b] = m[1] === 'Macao' && m[2] === 'Hong Kong' ? ['Hong Kong', 'Macao'] : [m[1], m[2]];
      return `${PLACES[a as string]}與${PLACES[b as string]}${kind}${m[3] === undefined ? '' : `（${m[3]}）`}`;
    },
  },
  { pattern: sticky(String.raw`Arts?\. (${CITES})`), render: (m) => `第 ${citesZh(m[1] as string)} 條` },
  { pattern: sticky(String.raw`(?:ss?|r)\. (${CITES})`), render: (m) => `第 ${citesZh(m[1] as string)} 條` },
  { pattern: sticky(String.raw`§§? (${CITES})`), render: (m) => `第 ${citesZh(m[1] as string)} 條` },
  { pattern: sticky(String.raw`para (${CITES})`), render: (m) => `第 ${citesZh(m[1] as string)} 段` },
  { pattern: sticky(String.raw`(\d{1,2}) (${MONTH}) (\d{4})`), render: (m) => `${m[3]}年${MONTHS[m[2] as string]}月${Number(m[1])}日` },
  { pattern: sticky(String.raw`(${MONTH}) (\d{4})`), render: (m) => `${m[2]}年${MONTHS[m[1] as string]}月` },
  { pattern: sticky(String.raw`\[([CSU])\]`), render: (m) => `[${m[1]}]` },
  { pattern: sticky(String.raw`\(((?:19|20)\d\d)\)`), render: (m) => `（${m[1]}年）` },
  { pattern: sticky(String.raw`(?:19|20)\d\d(?![-/.:\d])`), render: (m) => `${m[0]}年` },
  // Any other number is a citation, kept as written: 732, 5140.42, 2:14(1)(b), 1999-2000.
  { pattern: sticky(String.raw`\d+(?:[./:_-]\d+)*(?:\([0-9a-z]+\))*`), render: (m) => m[0] },
];

/** Punctuation between pieces, full-width as Chinese writes it. */
const GLUE: Readonly<Record<string, string>> = { ';': '；', ':': '：', ',': '，', '.': '。', '(': '（', ')': '）', '-': '，' };

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isWide = (c: string | undefined) => c !== undefined && /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(c);

interface Reading {
  readonly zh: string;
  /** The English words no piece covered; the rendering is complete when there are none. */
  readonly unread: readonly string[];
}

/** A piece's Chinese, or a punctuation mark or space between pieces (`glue`, as the English has it). */
interface Part {
  readonly text: string;
  readonly glue: boolean;
}

/** Reads an English source as pieces; exported for the coverage test. */
export function readSource(english: string): Reading {
  const parts: Part[] = [];
  const unread: string[] = [];
  let i = 0;
  while (i < english.length) {
    const c = english[i] as string;
    let best: { length: number; text: string } | null = null;
    if (!isWordChar(english[i - 1]) || !isWordChar(c)) {
      for (const piece of PIECES) {
        piece.pattern.lastIndex = i;
        const m = piece.pattern.exec(english);
        if (m === null || m[0].length === 0 || (best !== null && m[0].length <= best.length)) continue;
        // A piece ends at a word's end: "Art. 3" is no piece of "Art. 30".
        if (isWordChar(m[0].at(-1)) && isWordChar(english[i + m[0].length])) continue;
        best = { length: m[0].length, text: piece.render(m) };
      }
    }
    if (best !== null) {
      parts.push({ text: best.text, glue: false });
      i += best.length;
    } else if (isWordChar(c)) {
      const word = /^[\p{L}\p{N}'’.-]+/u.exec(english.slice(i))?.[0] ?? c;
      unread.push(word);
      parts.push({ text: word, glue: false });
      i += word.length;
    } else {
      parts.push({ text: c, glue: true });
      i += 1;
    }
  }
  return { zh: join(parts), unread };
}

/**
 * The pieces joined as Chinese is written: punctuation full-width (but a comma between two
 * Latin citations, "NL WETS 2:4, 2:25"), a space only where a Chinese piece meets a Latin one
 * (第 3(1)(c) 條), never beside full-width punctuation.
 */
function join(parts: readonly Part[]): string {
  const pieces = parts.filter((part) => !(part.glue && part.text === ' '));
  let out = '';
  pieces.forEach((part, k) => {
    let text = part.text;
    if (part.glue) {
      const previous = pieces[k - 1];
      const before = previous?.glue === false ? previous.text.at(-1) : undefined;
      const after = pieces[k + 1]?.text[0];
      const betweenLatin = text === ',' && (isWordChar(before) || before === ')') && !isWide(before) && isWordChar(after) && !isWide(after);
      text = betweenLatin ? ', ' : (GLUE[text] ?? text);
    } else {
      const last = out.at(-1);
      const first = text[0];
      const latinAndChinese = (isWide(last) && isWordChar(first) && !isWide(first)) || (isWordChar(last) && !isWide(last) && isWide(first));
      const bothLatin = isWordChar(last) && !isWide(last) && isWordChar(first) && !isWide(first);
      if (latinAndChinese || bothLatin) text = ` ${text}`;
    }
    out += text;
  });
  return out.replace(/ *([\u3000-\u303f\uff00-\uffef]) */g, '$1').trim();
}

/** A built-in source in Chinese; null when a word is left (never, for a built-in one: see the tests). */
function builtInZh(source: string): string | null {
  if (!builtInSources().has(source)) return null;
  const reading = readSource(source);
  return reading.unread.length === 0 ? reading.zh : null;
}

/** "NL's declaration under Art. 3(4): <a treaty-map source>" (shared/eligibility/conditions/nationality.ts). */
const DECLARATION = /^([A-Z]{2}(?:-[A-Z0-9]{1,3})?)'s declaration under Art\. ([^:]+): ([\s\S]+)$/;

/** One part of a condition's source: a built-in source, or a State's declaration citing one. */
function part(text: string): string | null {
  const declaration = DECLARATION.exec(text);
  if (declaration === null) return builtInZh(text);
  const cited = builtInZh(declaration[3] as string);
  return cited === null ? null : `${placeName('zh-Hant', declaration[1] as string)}根據第 ${declaration[2] as string} 條作出的聲明：${cited}`;
}

/**
 * Built-in sources joined as the engine joins them for a condition (shared/eligibility/
 * conditions: "A; B", "A; counted to: B"); null unless every part is a built-in source.
 */
function parts(text: string): string | null {
  const whole = part(text);
  if (whole !== null) return whole;
  for (let at = text.indexOf('; '); at !== -1; at = text.indexOf('; ', at + 1)) {
    const head = part(text.slice(0, at));
    if (head === null) continue;
    const rest = text.slice(at + 2);
    const countedTo = rest.startsWith('counted to: ');
    const tail = parts(countedTo ? rest.slice('counted to: '.length) : rest);
    if (tail !== null) return `${head}；${countedTo ? '計算至：' : ''}${tail}`;
  }
  return null;
}

/** The condition sources the engine writes itself (shared/eligibility/conditions/treaty-basis.ts). */
function conditionSource(source: string): string | null {
  if (source === 'Treaty map') return '條約地圖';
  if (source === 'Treaty map: no entry for this rule-set') return '條約地圖：此規則集沒有條目';
  // A Cap. 513 arrangement for one case: its title is the legal officer's, shown as written.
  if (source.startsWith('Arrangement for this case: ')) return `為本個案作出的安排：${source.slice('Arrangement for this case: '.length)}`;
  if (source.startsWith('Treaty map: ')) {
    const rows = parts(source.slice('Treaty map: '.length));
    return rows === null ? null : `條約地圖：${rows}`;
  }
  return parts(source);
}

const cache = new Map<string, string>();

/**
 * A legal source in the reader's language: a built-in source, or a condition's source made of
 * built-in ones, in Chinese; any other (a legal officer's own) as written.
 */
export function sourceText(source: string, locale: Locale): string {
  if (locale === 'en') return source;
  let zh = cache.get(source);
  if (zh === undefined) {
    zh = conditionSource(source) ?? source;
    cache.set(source, zh);
  }
  return zh;
}

/**
 * A message's parameters with its `source` (the legal source a step or a refusal cites: a
 * remission exclusion's, an enforcement procedure's) in the reader's language.
 */
export function withSourceIn<P extends Readonly<Record<string, unknown>>>(params: P, locale: Locale): P {
  return typeof params.source === 'string' ? { ...params, source: sourceText(params.source, locale) } : params;
}
