import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesInput, type ListCasesInput } from '../shared/contracts/cases.ts';
import { caseSchema } from '../shared/domain/case.ts';
import { searchCases } from './case-search.ts';
import { findCase, insertCase, updateCase } from './cases-repo.ts';
import { foldForSearch } from './search-fold.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

let store: TempStore;
const ids: Record<string, string> = {};

interface Person {
  familyName: string;
  givenNames?: string;
  nativeName?: string;
  aliases?: string[];
  prisonNumber?: string;
}

const PEOPLE: Record<string, { person: Person; reference?: string; sentencingState?: string; administeringState?: string; status?: string; updatedAt: string }> = {
  ivanovLatin: { person: { familyName: 'IVANOV', givenNames: 'Pyotr', nativeName: 'Иванов Пётр', prisonNumber: 'ИК-5/012345' }, updatedAt: '2024-01-05' },
  ivanovaCyrillic: { person: { familyName: 'Иванова', givenNames: 'Ольга', aliases: ['Olya'] }, administeringState: 'RU', updatedAt: '2024-01-04' },
  chanTaiMan: { person: { familyName: 'CHAN', givenNames: 'Tai Man', nativeName: '陳大文', aliases: ['Peter CHAN'], prisonNumber: 'CSD 21/04512' }, reference: 'CSD-2024-0012', status: 'screening', updatedAt: '2024-01-03' },
  leeWai: { person: { familyName: 'LEE', givenNames: 'Wai', nativeName: '李偉', prisonNumber: 'CSD 19/00077' }, status: 'screening', updatedAt: '2024-01-02' },
  srisuk: { person: { familyName: 'SRISUK', givenNames: 'Somchai', nativeName: 'สมชาย ศรีสุข', prisonNumber: '2566/01234' }, sentencingState: 'TH', administeringState: 'US', updatedAt: '2024-01-01' },
  muller: { person: { familyName: 'MÜLLER', givenNames: 'Jürgen', prisonNumber: 'A1234BC' }, reference: 'REF_100%', sentencingState: 'DE', updatedAt: '2023-12-31' },
};

function caseOf(p: (typeof PEOPLE)[string]) {
  return caseSchema.parse({
    format: 'tsp-case/1',
    reference: p.reference ?? null,
    sentencingState: p.sentencingState ?? 'HK',
    administeringState: p.administeringState ?? 'RU',
    status: p.status ?? 'draft',
    person: p.person,
  });
}

beforeAll(() => {
  store = tempStore();
  store.db.transaction(() => {
    for (const [key, p] of Object.entries(PEOPLE)) {
      ids[key] = randomUUID();
      insertCase(asWriter(store.db), ids[key], caseOf(p), `${p.updatedAt}T00:00:00.000Z`);
    }
  })();
});
afterAll(() => store.dispose());

const search = (input: ListCasesInput) => searchCases(store.db, listCasesInput.parse(input));
const found = (text: string) => search({ text, sort: { field: 'updatedAt', dir: 'desc' } }).items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

describe('text search over names, aliases and prison numbers', () => {
  it('finds Latin names by any part, in any case', () => {
    expect(found('IVANOV')).toEqual(['ivanovLatin']);
    expect(found('ivan')).toEqual(['ivanovLatin']);
    expect(found('peter')).toEqual(['chanTaiMan']);
  });

  it('finds Cyrillic names by any part, in any case', () => {
    expect(found('Иванов')).toEqual(['ivanovLatin', 'ivanovaCyrillic']);
    expect(found('Иван')).toEqual(['ivanovLatin', 'ivanovaCyrillic']);
    expect(found('ИВАНОВА')).toEqual(['ivanovaCyrillic']);
    expect(found('ольга')).toEqual(['ivanovaCyrillic']);
  });

  it('finds Chinese names by the whole name or two characters of it', () => {
    expect(found('陳大文')).toEqual(['chanTaiMan']);
    expect(found('大文')).toEqual(['chanTaiMan']);
    expect(found('李偉')).toEqual(['leeWai']);
    expect(found('偉')).toEqual(['leeWai']);
  });

  it('finds Thai names', () => {
    expect(found('ศรีสุข')).toEqual(['srisuk']);
  });

  it('finds a prison number from a fragment, in any script', () => {
    expect(found('04512')).toEqual(['chanTaiMan']);
    expect(found('CSD')).toEqual(['chanTaiMan', 'leeWai']);
    expect(found('ик-5')).toEqual(['ivanovLatin']);
    expect(found('1234')).toEqual(['ivanovLatin', 'srisuk', 'muller']);
    expect(found('01234')).toEqual(['ivanovLatin', 'srisuk']);
  });

  it('matches short words (under three characters) anywhere in a field, with the same folding', () => {
    expect(found('ol')).toEqual(['ivanovaCyrillic']); // alias "Olya"
    expect(found('ОЛ')).toEqual(['ivanovaCyrillic']); // Ольга
    expect(found('mü')).toEqual(['muller']);
    expect(found('mu')).toEqual(['muller']);
    expect(found('文')).toEqual(['chanTaiMan']); // the last character of 陳大文
    expect(found('大文')).toEqual(['chanTaiMan']);
    expect(found('陳文')).toEqual([]); // not adjacent
    expect(found('ик')).toEqual(['ivanovLatin']); // ИК-5/012345
    expect(found('uc')).toEqual([]); // SRISUK ends "...uk", Somchai; no "uc" in any field
    // Not across two fields: IVANOV's given name is Pyotr, so "vp" must not match "...OV" + "Py...".
    expect(found('vp')).toEqual([]);
    // Several short words: each must match, in any field (Tai Man; 陳大文).
    expect(found('ta ma')).toEqual(['chanTaiMan']);
    expect(found('大 文')).toEqual(['chanTaiMan']);
    expect(found('ta ol')).toEqual([]);
  });

  it('matches a short word with no letter or digit by scanning', () => {
    // "/" is in every prison number written with one.
    expect(found('/')).toEqual(['ivanovLatin', 'chanTaiMan', 'leeWai', 'srisuk']);
    expect(found('k/')).toEqual([]);
  });

  it('ignores Latin diacritics both ways', () => {
    expect(found('muller')).toEqual(['muller']);
    expect(found('jürgen')).toEqual(['muller']);
    expect(foldForSearch('JOSÉ Müller')).toBe('jose muller');
    // Not a Latin diacritic: ё stays ё, as in the index.
    expect(foldForSearch('Пётр')).toBe('пётр');
  });

  it('needs every word to match, across fields', () => {
    expect(found('chan tai')).toEqual(['chanTaiMan']);
    expect(found('chan 大文')).toEqual(['chanTaiMan']);
    expect(found('chan pyotr')).toEqual([]);
    expect(found('lee 偉')).toEqual(['leeWai']);
  });

  it('also finds the case reference, taking %, _ and quotes literally', () => {
    expect(found('csd-2024')).toEqual(['chanTaiMan']);
    expect(found('4-00')).toEqual(['chanTaiMan']); // CSD-2024-0012
    expect(found('0012')).toEqual(['chanTaiMan']);
    // Two characters with a digit: the reference by LIKE, and the names and prison numbers
    // ("12" in 012345, 04512, 01234, A1234BC).
    expect(found('12')).toEqual(['ivanovLatin', 'chanTaiMan', 'srisuk', 'muller']);
    expect(found('REF_100%')).toEqual(['muller']);
    expect(found('REF%')).toEqual([]);
    expect(found('"; DROP TABLE cases; --')).toEqual([]);
    expect(found('"CHAN"')).toEqual([]);
  });

  it('follows a change of name (the index is kept in sync by triggers)', () => {
    const id = ids.srisuk as string;
    const stored = findCase(store.db, id);
    if (stored === undefined) throw new Error('missing case');
    const renamed = { ...stored.case, person: { ...stored.case.person, familyName: 'WONGSAWAT', nativeName: 'สมชาย วงศ์สวัสดิ์' } };
    store.db.transaction(() => updateCase(asWriter(store.db), { id, expectedVersion: 1, case: renamed, at: '2024-01-01T00:00:00.000Z' }))();
    expect(found('srisuk')).toEqual([]);
    expect(found('ศรีสุข')).toEqual([]);
    expect(found('wongsawat')).toEqual(['srisuk']);
    expect(found('วงศ์สวัสดิ์')).toEqual(['srisuk']);
  });
});

describe('the case list', () => {
  it('filters by status and States, and counts the whole match', () => {
    expect(search({ status: 'screening' }).total).toBe(2);
    expect(search({ sentencingState: 'DE' }).items.map((i) => i.id)).toEqual([ids.muller]);
    expect(search({ administeringState: 'US', sentencingState: 'TH' }).items.map((i) => i.id)).toEqual([ids.srisuk]);
    expect(search({ verdict: 'not_assessed' }).total).toBe(6);
    expect(search({ verdict: 'eligible' }).total).toBe(0);
  });

  it('filters by several statuses at once: cases at any of them', () => {
    expect(search({ status: ['screening'] }).total).toBe(2);
    expect(search({ status: ['screening', 'draft'] }).total).toBe(6);
    expect(search({ status: ['draft', 'closed'] }).items.map((i) => i.status)).toEqual(['draft', 'draft', 'draft', 'draft']);
    expect(() => search({ status: [] })).toThrow();
  });

  it('sorts and pages without repeating or skipping a case', () => {
    const all = search({ sort: { field: 'familyName', dir: 'asc' }, limit: 500 }).items.map((i) => i.familyName);
    expect(all).toEqual(['CHAN', 'IVANOV', 'LEE', 'MÜLLER', 'WONGSAWAT', 'Иванова']);
    const pages = [0, 2, 4].flatMap((offset) => search({ sort: { field: 'familyName', dir: 'asc' }, offset, limit: 2 }).items.map((i) => i.familyName));
    expect(pages).toEqual(all);
    const byReference = search({ sort: { field: 'reference', dir: 'asc' } }).items.map((i) => i.reference);
    expect(byReference.slice(0, 2)).toEqual(['CSD-2024-0012', 'REF_100%']);
    expect(byReference.slice(2)).toEqual([null, null, null, null]);
  });

  it('returns what the list shows of each case', () => {
    const item = search({ text: '陳大文' }).items[0];
    expect(item).toMatchObject({
      id: ids.chanTaiMan, reference: 'CSD-2024-0012', familyName: 'CHAN', givenNames: 'Tai Man', nativeName: '陳大文',
      prisonNumber: 'CSD 21/04512', sentencingState: 'HK', administeringState: 'RU', status: 'screening', verdict: null, version: 1,
    });
  });
});
