/**
 * Simplified and Traditional Chinese characters folded to one form, so that 陈大文 finds 陳大文
 * and the reverse (issue 18). The data is OpenCC's (opencc-js, pinned; Apache-2.0):
 * TSCharacters (Traditional -> Simplified) and the Hong Kong and Taiwan variant tables
 * (HKVariantsRev, TWVariantsRev: 衞 -> 衛, 綫 -> 線, 裡 -> 裏).
 *
 * Every pair of those tables joins two characters into one group (衛 卫 衞, 裏 里 裡), and each
 * character of a group folds to the same one: the group's Simplified form (the one character
 * that is no key of TSCharacters), else its lowest code point. One character becomes one
 * character, so a fold never changes a text's length or where its characters are: it can run
 * inside the search indexes (the SQL function tsp_han, db/search-fold.ts) and inside tsp_fold,
 * and both agree. OpenCC's phrase tables (one word to another: 乾隆 stays 乾隆, 頭髮 -> 头发)
 * cannot be used one character at a time: see docs/architecture.md "Search".
 */
import hongKongVariants from 'opencc-js/dict/HKVariantsRev';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import taiwanVariants from 'opencc-js/dict/TWVariantsRev';

/** An OpenCC table as opencc-js ships it: "from to|from to|...", a key and its candidates. */
const pairsOf = (table: string): [string, string][] =>
  table.split('|').flatMap((entry) => {
    const [from, ...to] = entry.split(' ');
    return from === undefined ? [] : to.map((each): [string, string] => [from, each]);
  });

/** A single code point: only a character of one code point can be folded to another in place. */
const isCharacter = (text: string): boolean => [...text].length === 1;

function buildFold(): Map<string, string> {
  const pairs = [traditionalToSimplified, hongKongVariants, taiwanVariants].flatMap(pairsOf)
    .filter(([from, to]) => isCharacter(from) && isCharacter(to));
  const parent = new Map<string, string>();
  const root = (ch: string): string => {
    let r = ch;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(ch, r);
    return r;
  };
  for (const [from, to] of pairs) {
    for (const ch of [from, to]) if (!parent.has(ch)) parent.set(ch, ch);
    const [a, b] = [root(from), root(to)];
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, string[]>();
  for (const ch of parent.keys()) groups.set(root(ch), [...(groups.get(root(ch)) ?? []), ch]);
  const traditional = new Set(pairsOf(traditionalToSimplified).map(([from]) => from));
  const fold = new Map<string, string>();
  for (const group of groups.values()) {
    const byCodePoint = [...group].sort((x, y) => x.codePointAt(0)! - y.codePointAt(0)!);
    const simplified = byCodePoint.filter((ch) => !traditional.has(ch));
    const target = (simplified.length === 1 ? simplified[0] : byCodePoint[0])!;
    for (const ch of group) if (ch !== target) fold.set(ch, target);
  }
  return fold;
}

/** Each character that folds, with the character it folds to (about 3,200). */
export const HAN_FOLD: ReadonlyMap<string, string> = buildFold();

/**
 * Every character that folds is at or above U+3400 (CJK Extension A; those beyond the BMP are
 * surrogate pairs, also above it): a text with none is returned as it is, after one scan.
 */
const MAY_FOLD = /[\u3400-\uffff]/;

/** The text with each Chinese character in its folded form; every other character as it was. */
export function foldHan(text: string): string {
  if (!MAY_FOLD.test(text)) return text;
  let folded = '';
  for (const ch of text) folded += (ch.charCodeAt(0) >= 0x3400 ? HAN_FOLD.get(ch) : undefined) ?? ch;
  return folded;
}
