import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesInput, type ListCasesInput } from '../shared/contracts/cases.ts';
import { caseSchema } from '../shared/domain/case.ts';
import { searchCases } from './case-search.ts';
import { findCase, insertCase, updateCase } from './cases-repo.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

let store: TempStore;

/** Three CHANs: one open, two closed (one transferred last week); one closed WONG. */
const PEOPLE = [
  { key: 'chanOpen', familyName: 'CHAN', givenNames: 'Tai Man', prisonNumber: 'CSD 21/04512', closed: false },
  { key: 'chanTransferred', familyName: 'CHAN', givenNames: 'Siu Ming', prisonNumber: 'CSD 23/04512', closed: true },
  { key: 'chanRefused', familyName: 'CHAN', givenNames: 'Ka Yan', prisonNumber: 'CSD 19/00001', closed: true },
  { key: 'wongClosed', familyName: 'WONG', givenNames: 'Kwok Wai', prisonNumber: 'CSD 18/00002', closed: true },
] as const;

const ids: Record<string, string> = {};

beforeAll(() => {
  store = tempStore();
  store.db.transaction(() => {
    for (const p of PEOPLE) {
      const id = randomUUID();
      ids[p.key] = id;
      const c = caseSchema.parse({
        format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'GB', status: 'screening',
        person: { familyName: p.familyName, givenNames: p.givenNames, prisonNumber: p.prisonNumber },
      });
      insertCase(asWriter(store.db), id, c, '2025-01-01T00:00:00.000Z');
      if (p.closed) {
        const stored = findCase(store.db, id);
        if (stored === undefined) throw new Error('missing case');
        updateCase(asWriter(store.db), { id, expectedVersion: 1, case: stored.case, at: '2025-02-01T00:00:00.000Z', closure: { closedAt: '2025-02-01T00:00:00.000Z', outcome: 'transferred', reason: 'handed over' } });
      }
    }
  })();
});
afterAll(() => store.dispose());

const search = (input: ListCasesInput) => searchCases(store.db, listCasesInput.parse(input));

describe('closed cases a search leaves out are counted, never hidden silently', () => {
  it('counts the closed cases a text search matches besides the open ones', () => {
    const list = search({ text: 'chan' });
    expect(list.items.map((i) => i.id)).toEqual([ids.chanOpen]);
    expect(list.closedMatching).toEqual({ total: 2, countCapped: false });
  });

  it('says so when no open case matches: the person transferred last week', () => {
    const list = search({ text: 'CSD 23/04512' });
    expect(list.total).toBe(0);
    expect(list.closedMatching).toEqual({ total: 1, countCapped: false });
    expect(search({ text: 'CSD 23/04512', includeClosed: true }).items.map((i) => i.id)).toEqual([ids.chanTransferred]);
  });

  it('counts them for a filter without text too', () => {
    expect(search({ sentencingState: 'HK' }).closedMatching).toEqual({ total: 3, countCapped: false });
    expect(search({ sentencingState: 'DE' }).closedMatching).toEqual({ total: 0, countCapped: false });
  });

  it('has nothing to say when closed cases are included, or when nothing narrows the list', () => {
    expect(search({ text: 'chan', includeClosed: true }).closedMatching).toBeUndefined();
    expect(search({}).closedMatching).toBeUndefined();
  });
});
