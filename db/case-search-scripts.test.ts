import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesInput } from '../shared/contracts/cases.ts';
import { caseSchema } from '../shared/domain/case.ts';
import { searchCases } from './case-search.ts';
import { openDatabase } from './connection.ts';
import { findCase, insertCase, updateCase } from './cases-repo.ts';
import { foldHan, HAN_FOLD } from './han-fold.ts';
import { migrate } from './migrate.ts';
import { foldForSearch } from './search-fold.ts';
import { tempDir, tempStore, type TempStore, asWriter } from './testing.ts';

/**
 * Simplified and Traditional Chinese find each other (issue 18): names as Hong Kong, Macau and
 * Taiwan write them and as the Mainland writes them, each stored one way and searched the other,
 * whole or in part, alone or beside Latin words. Every index takes part: person_search (a word of
 * three characters or more), person_bigrams (two), person_chars (one).
 */
const PAIRS: [traditional: string, simplified: string][] = [
  ['陳大文', '陈大文'],
  ['黃志明', '黄志明'],
  ['劉德華', '刘德华'],
  ['鄭秀文', '郑秀文'],
  ['張學友', '张学友'],
  ['馮敬堯', '冯敬尧'],
  ['吳國強', '吴国强'],
  ['趙麗穎', '赵丽颖'],
  ['蘇永康', '苏永康'],
  ['鍾漢良', '钟汉良'],
  ['葉倩文', '叶倩文'],
  ['譚詠麟', '谭咏麟'],
];

let store: TempStore;
/** The case of each name stored as written in the column (`t`: Traditional, `s`: Simplified). */
const ids = new Map<string, string>();

const caseOf = (familyName: string, nativeName: string, aliases?: string[]) =>
  caseSchema.parse({ format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'CN', person: { familyName, givenNames: 'Test', nativeName, aliases } });

beforeAll(() => {
  store = tempStore();
  store.db.transaction(() => {
    PAIRS.forEach(([traditional, simplified], i) => {
      for (const [script, name] of [['t', traditional], ['s', simplified]] as const) {
        const id = randomUUID();
        ids.set(`${script}${i}`, id);
        insertCase(asWriter(store.db), id, caseOf(`PERSON${i}${script.toUpperCase()}`, name), '2024-01-01T00:00:00.000Z');
      }
    });
  })();
});
afterAll(() => store.dispose());

const found = (db: Database.Database, text: string) =>
  searchCases(db, listCasesInput.parse({ text, includeClosed: true, limit: 500 })).items.map((c) => c.id).sort();
const both = (i: number) => [ids.get(`t${i}`), ids.get(`s${i}`)].sort();

describe('Simplified and Traditional Chinese names', () => {
  PAIRS.forEach(([traditional, simplified], i) => {
    it(`${traditional} and ${simplified} find each other, whole, by two characters and by one`, () => {
      for (const written of [traditional, simplified]) {
        expect(found(store.db, written), written).toEqual(both(i));
        const chars = [...written];
        expect(found(store.db, chars.slice(0, 2).join('')), chars.slice(0, 2).join('')).toEqual(expect.arrayContaining(both(i)));
        expect(found(store.db, chars.slice(1).join('')), chars.slice(1).join('')).toEqual(expect.arrayContaining(both(i)));
      }
    });
  });

  it('finds a name written in one script beside Latin words written as stored', () => {
    expect(found(store.db, 'person0t 陈大文')).toEqual([ids.get('t0')]);
    expect(found(store.db, '陳大文 PERSON0S')).toEqual([ids.get('s0')]);
    expect(found(store.db, 'test 刘 德华')).toEqual(both(2));
  });

  it('finds a name whose characters mix the two scripts, by either', () => {
    const id = randomUUID();
    insertCase(asWriter(store.db), id, caseOf('MIXED', '陳大文黄志明'), '2024-01-02T00:00:00.000Z');
    expect(found(store.db, '陈大文黃志明')).toEqual([id]);
    expect(found(store.db, '文黃志')).toEqual([id]);
  });

  it('finds an alias and a Hong Kong variant (衞, 綫) by the standard and the Simplified form', () => {
    const id = randomUUID();
    insertCase(asWriter(store.db), id, caseOf('WAI', '李衞', ['黃綫']), '2024-01-02T00:00:00.000Z');
    for (const text of ['李衛', '李卫', '黄线', '黃線', '衛']) expect(found(store.db, text), text).toContain(id);
  });

  it('follows a renamed person: the new name is found in either script, the old one no longer', () => {
    const id = randomUUID();
    insertCase(asWriter(store.db), id, caseOf('RENAMED', '馬小玲'), '2024-01-03T00:00:00.000Z');
    expect(found(store.db, '马小玲')).toEqual([id]);
    const stored = findCase(store.db, id)!;
    const updated = updateCase(asWriter(store.db), { id, expectedVersion: stored.meta.version, case: { ...stored.case, person: { ...stored.case.person, nativeName: '楊小玲' } }, at: '2024-01-04T00:00:00.000Z' });
    expect(updated).toBe(true);
    expect(found(store.db, '杨小玲')).toEqual([id]);
    expect(found(store.db, '马小玲')).toEqual([]);
  });

  it('leaves names of other scripts as they were: a Latin, Cyrillic or Japanese kana text folds to itself', () => {
    for (const text of ['CHAN Tai Man', 'Иванов', 'やまだ', 'ศรีสุข', 'MÜLLER']) expect(foldHan(text)).toBe(text);
  });
});

/** Every pair of OpenCC's character table (Traditional -> Simplified), as the property's alphabet. */
const TABLE: [string, string][] = traditionalToSimplified.split('|').map((entry) => entry.split(' ') as [string, string]);

describe('the fold', () => {
  it('folds a text written in Traditional characters and the same text in Simplified characters to one text (fast-check, OpenCC table)', () => {
    const pair = fc.oneof(fc.constantFrom(...TABLE), fc.constantFrom(...PAIRS.flatMap(([t, s]) => [...t].map((ch, k): [string, string] => [ch, [...s][k]!]))),
      fc.constantFrom<[string, string]>(['A', 'A'], ['z', 'z'], [' ', ' '], ['-', '-'], ['1', '1']));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 12 }), (pairs) => {
        const traditional = pairs.map(([t]) => t).join('');
        const simplified = pairs.map(([, s]) => s).join('');
        expect(foldForSearch(traditional)).toBe(foldForSearch(simplified));
        expect(foldHan(traditional)).toBe(foldHan(simplified));
      }),
      { numRuns: 500 },
    );
  });

  it('turns each character into one character (positions and lengths kept) and is idempotent', () => {
    for (const [from, to] of HAN_FOLD) {
      expect([...to]).toHaveLength(1);
      expect(HAN_FOLD.has(to), `${from} -> ${to}`).toBe(false);
    }
    fc.assert(fc.property(fc.array(fc.constantFrom(...HAN_FOLD.keys(), 'a', '陳', ' '), { maxLength: 10 }).map((a) => a.join('')), (text) => {
      expect([...foldHan(text)]).toHaveLength([...text].length);
      expect(foldHan(foldHan(text))).toBe(foldHan(text));
    }));
  });
});

describe('migration 0018', () => {
  it('refolds the name indexes of a store made before it: a Traditional name stored at version 17 is found by its Simplified form', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'v17.sqlite');
      const old = new Database(file);
      migrate(old, { to: 17 });
      const insert = old.prepare('INSERT INTO persons (id, family_name, given_names, native_name, aliases) VALUES (?, ?, ?, ?, ?)');
      insert.run(1, 'CHAN', 'Tai Man', '陳大文', JSON.stringify(['黃小明']));
      insert.run(2, 'LEE', 'Wai', '李偉', null);
      insert.run(3, 'SMITH', 'John', null, JSON.stringify(['Johnny']));
      for (const [person, state] of [[1, 'HK'], [2, 'HK'], [3, 'GB']] as const) {
        old.prepare(`INSERT INTO cases (id, person_id, sentencing_state, administering_state, status, version, created_at, updated_at)
          VALUES (?, ?, ?, 'CN', 'draft', 1, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`).run(`case-${person}`, person, state);
      }
      // Before: the indexes hold the names as written (a Simplified word would match none of them).
      expect(old.prepare('SELECT native_name FROM person_search WHERE rowid = 1').pluck().get()).toBe('陳大文');
      old.close();

      const db = openDatabase(file);
      try {
        const caseIds = (text: string) => searchCases(db, listCasesInput.parse({ text, includeClosed: true })).items.map((c) => c.id).sort();
        for (const text of ['陈大文', '陳大文', '陈大', '陈', '黄小明', '李伟', '伟']) expect(caseIds(text), text).toEqual([text.includes('伟') || text.includes('偉') ? 'case-2' : 'case-1']);
        expect(caseIds('johnny')).toEqual(['case-3']);
        // Only the persons whose names fold were written again; the others' rows are as they were.
        expect(db.prepare('SELECT rowid, native_name, aliases FROM person_search ORDER BY rowid').raw().all()).toEqual([
          [1, '陈大文', '黄小明'], [2, '李伟', null], [3, null, 'Johnny'],
        ]);
        expect(db.prepare('SELECT native_name FROM person_chars WHERE rowid = 1').pluck().get()).toBe('陈 大 文');
        // The stored names themselves are untouched: the fold is in the indexes only.
        expect(db.prepare('SELECT native_name FROM persons WHERE id = 1').pluck().get()).toBe('陳大文');
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
