import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSchema } from '../shared/domain/case.ts';
import { loadCases } from './case-batch-loader.ts';
import { CASE_FIXTURES } from './case-fixtures.ts';
import { findCase, insertCase, updateCase } from './cases-repo.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

let store: TempStore;
const ids: string[] = [];

beforeAll(() => {
  store = tempStore();
  store.db.transaction(() => {
    // Every fixture twice, so that the rows of neighbouring cases interleave in each table.
    for (const round of [1, 2]) {
      for (const input of Object.values(CASE_FIXTURES)) {
        const id = randomUUID();
        insertCase(asWriter(store.db), id, caseSchema.parse(input), `2025-01-0${round}T10:00:00.000Z`);
        ids.push(id);
      }
    }
    // One case changed after it was created: version 2, its child rows replaced.
    const first = findCase(store.db, ids[0]!)!;
    updateCase(asWriter(store.db), { id: ids[0]!, expectedVersion: 1, case: { ...first.case, remandDays: 12 }, at: '2025-02-01T00:00:00.000Z' });
  })();
});
afterAll(() => store.dispose());

describe('loadCases', () => {
  it('loads each case exactly as findCase does, meta included', () => {
    const loaded = loadCases(store.db, ids);
    expect(loaded.size).toBe(ids.length);
    for (const id of ids) expect(loaded.get(id)).toStrictEqual(findCase(store.db, id));
    expect(loaded.get(ids[0]!)?.meta.version).toBe(2);
  });

  it('leaves out ids of no case, and loads any subset in any order', () => {
    const unknown = randomUUID();
    const some = [ids[3]!, unknown, ids[1]!];
    const loaded = loadCases(store.db, some);
    expect([...loaded.keys()].sort()).toEqual([ids[1]!, ids[3]!].sort());
    expect(loaded.get(ids[3]!)).toStrictEqual(findCase(store.db, ids[3]!));
    expect(loadCases(store.db, []).size).toBe(0);
  });
});
