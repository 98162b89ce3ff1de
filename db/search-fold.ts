/**
 * The text folding used where the trigram index cannot help (queries of one or two
 * characters): lower case in every script and, for Latin letters only, no diacritics —
 * the same equivalences the index's tokenizer (trigram, remove_diacritics 1) applies — and
 * Traditional and Simplified Chinese characters folded to one form (db/han-fold.ts).
 * Registered on each connection as the SQL function tsp_fold(text); the Chinese fold alone as
 * tsp_han(text), which the search indexes' triggers apply to what they index (migration 0018),
 * so that an index and tsp_fold agree.
 */
import type Database from 'better-sqlite3';
import { foldHan } from './han-fold.ts';

const LATIN_WITH_MARKS = /([A-Za-z])[\u0300-\u036f]+/g;
/** Latin letters that can carry a diacritic (precomposed or combining); other text needs no normalising. */
const MAY_HAVE_LATIN_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/;

export function foldForSearch(text: string): string {
  // The scan calls this once per person per query: skip normalising where it changes nothing.
  if (!MAY_HAVE_LATIN_MARKS.test(text)) return foldHan(text.toLowerCase());
  return foldHan(text.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC').toLowerCase());
}

export function registerSearchFunctions(db: Database.Database): void {
  db.function('tsp_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldForSearch(value) : null));
  db.function('tsp_han', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldHan(value) : null));
}
