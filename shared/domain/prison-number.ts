/**
 * A prison number as it is compared: "CSD 16/98475", "csd16/98475" and "ＣＳＤ１６／９８４７５" are one
 * number, as are "6189-8084" and "61898084". The key keeps the letters and digits alone, in
 * compatibility form (NFKC: full-width digits and letters become ASCII) and lower case. The store
 * keeps it beside each person (person_keys, migration 0016, written by db/cases-repo.ts): search
 * finds a number by it (db/case-search.ts), and a new case's duplicate check compares it.
 */

/** The letters and digits of a prison number, folded; '' when it has none. */
export function prisonNumberKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The shortest key a search looks up by prefix (db/case-search.ts): shorter ones are fragments of too many numbers. */
export const PRISON_KEY_MIN_SEARCH = 4;

/** The key a search text is looked up by, when it may be a prison number: enough letters and digits, a digit among them. */
export function prisonKeyOfSearch(text: string): string | undefined {
  const key = prisonNumberKey(text);
  return [...key].length >= PRISON_KEY_MIN_SEARCH && /\p{N}/u.test(key) ? key : undefined;
}
