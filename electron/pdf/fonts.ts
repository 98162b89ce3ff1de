/**
 * The fonts the PDFs embed, from the `@fontsource/noto-sans-tc` and `@fontsource/noto-sans-thai`
 * packages (never the system's, so Chinese and Thai names render on a machine without those
 * fonts): Noto Sans TC and Noto Sans Thai in weights 400 and 700.
 *
 * Fontsource splits the font into subsets. A character is drawn with the first of the named
 * subsets (Traditional Chinese with ASCII, Latin, Latin Extended, Cyrillic, Vietnamese) that
 * has it; anything else (full-width punctuation, rarer characters) with the numbered slice
 * whose CSS `unicode-range` lists it, as a browser would choose; Thai with Noto Sans Thai. pdfkit embeds only the
 * glyphs used (fontkit subsetting). The WOFF files are read once per process and unpacked
 * to TrueType (electron/pdf/woff.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);
const FILES = path.dirname(require.resolve('@fontsource/noto-sans-tc/files/noto-sans-tc-latin-400-normal.woff'));
const PACKAGE = path.dirname(FILES);
const THAI_FILES = path.dirname(require.resolve('@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff'));

export type Weight = 400 | 700;
const NAMED_SUBSETS = ['chinese-traditional', 'latin', 'latin-ext', 'cyrillic', 'vietnamese'] as const;

export interface SubsetFont {
  /** The name the PDF document registers it under. */
  name: string;
  /** The font as an sfnt (TrueType) buffer, for pdfkit to embed. */
  data: Buffer;
  font: fontkit.Font;
  unitsPerEm: number;
  widths: Map<number, number>;
}

const loaded = new Map<string, SubsetFont>();

function load(subset: string, weight: Weight, family = 'noto-sans-tc', folder = FILES): SubsetFont {
  const name = `${family}-${subset}-${weight}`;
  let font = loaded.get(name);
  if (font === undefined) {
    const file = path.join(folder, `${name}-normal.woff`);
    const data = woffToSfnt(fs.readFileSync(file));
    const opened = fontkit.create(data) as fontkit.Font;
    font = { name, data, font: opened, unitsPerEm: opened.unitsPerEm, widths: new Map() };
    loaded.set(name, font);
  }
  return font;
}

/** The numbered slices of one weight: [first, last] code point ranges per slice, from the package's CSS. */
const sliceRanges = new Map<Weight, { slice: string; ranges: [number, number][] }[]>();

function slicesOf(weight: Weight) {
  let slices = sliceRanges.get(weight);
  if (slices === undefined) {
    const css = fs.readFileSync(path.join(PACKAGE, `${weight}.css`), 'utf8');
    slices = [];
    for (const face of css.matchAll(/noto-sans-tc-(\d+)-\d+-normal\.woff\)[^}]*?unicode-range:\s*([^;]+);/g)) {
      const ranges = face[2]!.split(',').map((r): [number, number] => {
        const [first, last] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(first!, 16), parseInt(last ?? first!, 16)];
      });
      slices.push({ slice: face[1]!, ranges });
    }
    sliceRanges.set(weight, slices);
  }
  return slices;
}

/** Some slices ship without a usable cmap (fontkit cannot read it): they cover nothing. */
function covers(font: SubsetFont, codePoint: number): boolean {
  try {
    return font.font.hasGlyphForCodePoint(codePoint);
  } catch {
    return false;
  }
}

/** The font that draws `codePoint`; the Traditional Chinese subset (drawing .notdef) when none has it. */
export function fontFor(codePoint: number, weight: Weight): SubsetFont {
  for (const subset of NAMED_SUBSETS) {
    const font = load(subset, weight);
    if (covers(font, codePoint)) return font;
  }
  for (const { slice, ranges } of slicesOf(weight)) {
    if (ranges.some(([first, last]) => codePoint >= first && codePoint <= last)) {
      const font = load(slice, weight);
      if (covers(font, codePoint)) return font;
    }
  }
  const thai = load('thai', weight, 'noto-sans-thai', THAI_FILES);
  if (covers(thai, codePoint)) return thai;
  return load(NAMED_SUBSETS[0], weight);
}

/** Advance width of one character at 1 pt. */
export function advance(font: SubsetFont, codePoint: number): number {
  let width = font.widths.get(codePoint);
  if (width === undefined) {
    width = font.font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
    font.widths.set(codePoint, width);
  }
  return width;
}
