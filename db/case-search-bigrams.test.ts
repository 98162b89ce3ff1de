import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesInput } from '../shared/contracts/cases.ts';
import { caseSchema } from '../shared/domain/case.ts';
import { normaliseName } from '../shared/domain/names.ts';
import { searchCases } from './case-search.ts';
import { insertCase } from './cases-repo.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

/**
 * Words of one or two characters, looked up in person_bigrams (0010) or person_chars (0006),
 * find exactly the persons a scan finds: those whose fields, folded by tsp_fold, hold the folded
 * word. Names are drawn from characters where an index and tsp_fold could disagree: case,
 * precomposed and decomposed diacritics ("é", "e" + U+0301), ſ, the Kelvin and Ångström signs,
 * Cyrillic ё, Thai vowel marks, Han characters (Traditional and Simplified forms of one: tsp_han,
 * migration 0018), spaces and punctuation.
 */
const ALPHABET = ['a', 'L', 'i', 'I', 'k', '\u212a', 'é', 'É', 'e\u0301', 'e', 't', 'ſ', 's', '\u212b', 'Å', 'ü', 'u', '1', '2', 'ё', 'е',
  'и', 'ศ', 'ร', '\u0e35', '陳', '陈', '大', '文', '李', '黃', '黄', '衞', '卫', ' ', '-', '/'];

let store: TempStore;

beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.dispose());

/** What a scan finds: the case ids of every person whose folded fields hold the folded word (each word, for several), the words written as names are stored (NFC). */
function scanned(text: string): string[] {
  const words = normaliseName(text).split(/\s+/u).filter((w) => w !== '');
  return store.db.prepare(`SELECT c.id FROM cases c JOIN persons p ON p.id = c.person_id
    WHERE ${words.map(() => `instr(tsp_fold(coalesce(p.family_name, '') || char(1) || coalesce(p.given_names, '') || char(1) ||
      coalesce(p.native_name, '') || char(1) || coalesce(p.aliases, '') || char(1) || coalesce(p.prison_number, '')), tsp_fold(?)) > 0`).join(' AND ')}
    ORDER BY c.id`).pluck().all(...words) as string[];
}

const found = (text: string) =>
  searchCases(store.db, listCasesInput.parse({ text, includeClosed: true, limit: 500 })).items.map((i) => i.id).sort();

const name = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('').trim()).filter((s) => s !== '');

function add(person: { familyName: string; givenNames?: string; nativeName?: string; aliases?: string[] }): void {
  insertCase(asWriter(store.db), randomUUID(), caseSchema.parse({ format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'GB', person }), '2024-01-01T00:00:00.000Z');
}

describe('short words over the bigram and character indexes', () => {
  it('find what a scan finds', () => {
    fc.assert(
      fc.property(
        fc.record({ familyName: name, givenNames: fc.option(name, { nil: undefined }), nativeName: fc.option(name, { nil: undefined }), aliases: fc.option(fc.array(name, { maxLength: 2 }), { nil: undefined }) }),
        fc.array(fc.array(fc.constantFrom(...ALPHABET.filter((c) => c.trim() !== '')), { minLength: 1, maxLength: 2 }).map((w) => w.join('')).filter((w) => [...w].length <= 2), { minLength: 1, maxLength: 2 }),
        (person, words) => {
          add(person);
          const text = words.join(' ');
          expect(found(text)).toEqual(scanned(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('find a word typed in another case or without its diacritics, or decomposed', () => {
    add({ familyName: 'LI', givenNames: 'Hélène', nativeName: '李大文' });
    // Typed decomposed, stored composed (NFC: shared/domain/names.ts).
    add({ familyName: 'NGUYE\u0302N', givenNames: 'Thi' });
    for (const [text, family] of [['li', 'LI'], ['Li', 'LI'], ['he', 'LI'], ['HÉ', 'LI'], ['大文', 'LI'], ['李大', 'LI'], ['en', 'NGUY\u00caN'], ['ên', 'NGUY\u00caN'], ['e\u0302n', 'NGUY\u00caN']] as const) {
      expect(found(text), text).toEqual(scanned(text));
      const families = searchCases(store.db, listCasesInput.parse({ text, includeClosed: true, limit: 500 })).items.map((i) => i.familyName);
      expect(families, text).toContain(family);
    }
    // Not adjacent, or across two fields (LI + Hélène).
    for (const text of ['李文', 'ih']) expect(found(text), text).toEqual(scanned(text));
  });
});
