/**
 * Names of people as the app keeps and compares them. A name is stored in Unicode NFC, without
 * the format controls that have no place in a name and let two different names look alike or
 * one name display as another: bidirectional embeddings, overrides and isolates (a right-to-left
 * override shows "ABC" as "CBA"), direction marks, zero-width spaces, word joiners, the byte-order
 * mark, soft hyphens, tag characters. The zero-width joiner and non-joiner stay: Persian and
 * Indic names need them to be written correctly. Search and duplicate checks also drop those two
 * and variation selectors (nameKey). Refused: a name with nothing visible left, and a run of
 * more than MAX_COMBINING_RUN combining marks on one letter (stacked marks draw over the lines
 * above and below; Burmese and Tibetan stack four at most).
 */

/** Removed from every stored name. */
const STRIPPED = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;
/** Also ignored when names are compared or searched: joiners, the grapheme joiner, variation selectors. */
const INVISIBLE = /\u034F|\u200C|\u200D|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;
export const MAX_COMBINING_RUN = 6;
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_RUN + 1},}`, 'u');

/** The name as stored: NFC, without the controls above, trimmed. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').replace(STRIPPED, '').trim();
}

/** The name as compared and searched: normalised, without joiners and variation selectors. */
export function nameKey(text: string): string {
  return normaliseName(text).replace(INVISIBLE, '');
}

/**
 * Why a name is refused: `invisible` (characters were given but none is visible once the
 * controls are gone), `marks` (too many combining marks in a row); null when it is fine. Blank
 * space alone is not refused: it is trimmed away like any other surrounding space.
 */
export function nameProblem(text: string): 'invisible' | 'marks' | null {
  const written = text.replace(/\s+/gu, '');
  if (written.length > 0 && nameKey(written) === '') return 'invisible';
  if (COMBINING_RUN.test(text.normalize('NFC'))) return 'marks';
  return null;
}
