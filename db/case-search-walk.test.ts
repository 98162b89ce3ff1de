import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesInput, type ListCasesInput } from '../shared/contracts/cases.ts';
import { caseSchema } from '../shared/domain/case.ts';
import { COUNT_CAP, searchCases } from './case-search.ts';
import { insertCase } from './cases-repo.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

/**
 * The page of a common short word, sorted by last update: the newest cases are checked one by
 * one first (40 × the cases up to the page's end: 400 for a first page of 10), and only if they
 * hold less than the page are all the word's matches looked up. A store where the 1,000 oldest
 * cases are HO Ka and the 450 newest WU Ka: "ka" fills a page from the newest cases, "ho"
 * is in none of the newest 400. Case i was last updated i minutes after 2024-01-01T00:00Z;
 * every 7th case is closed.
 */
const HOS = COUNT_CAP;
const WUS = 450;
let store: TempStore;
const cases: { id: string; at: string; closed: boolean; familyName: string }[] = [];

beforeAll(() => {
  store = tempStore();
  const kase = (familyName: string) =>
    caseSchema.parse({ format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'GB', person: { familyName, givenNames: 'Ka' } });
  const ho = kase('HO');
  const wu = kase('WU');
  const close = store.db.prepare("UPDATE cases SET closed_at = ?, close_outcome = 'withdrawn', close_reason = 'test' WHERE id = ?");
  store.db.transaction(() => {
    for (let i = 0; i < HOS + WUS; i++) {
      const id = randomUUID();
      const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      const familyName = i < HOS ? 'HO' : 'WU';
      insertCase(asWriter(store.db), id, familyName === 'HO' ? ho : wu, at);
      const closed = i % 7 === 0;
      if (closed) close.run(at, id);
      cases.push({ id, at, closed, familyName });
    }
  })();
});
afterAll(() => store.dispose());

const ids = (input: ListCasesInput) => searchCases(store.db, listCasesInput.parse(input)).items.map((i) => i.id);
/** What the page must be: the matching cases sorted by last update (ties, none here, by id). */
const expected = (match: (c: (typeof cases)[number]) => boolean, dir: 'asc' | 'desc', offset: number, limit: number) =>
  cases
    .filter(match)
    .sort((a, b) => (dir === 'desc' ? -1 : 1) * (a.at.localeCompare(b.at) || a.id.localeCompare(b.id)))
    .slice(offset, offset + limit)
    .map((c) => c.id);

describe('the first page of a common short word', () => {
  it('is found among the newest cases when they hold it', () => {
    expect(ids({ text: 'ka', includeClosed: true, limit: 10 })).toEqual(expected(() => true, 'desc', 0, 10));
    expect(ids({ text: 'KA', limit: 10 })).toEqual(expected((c) => !c.closed, 'desc', 0, 10));
    // Oldest first, the window is the oldest 400 cases.
    expect(ids({ text: 'ho', includeClosed: true, limit: 10, sort: { field: 'updatedAt', dir: 'asc' } })).toEqual(expected((c) => c.familyName === 'HO', 'asc', 0, 10));
  });

  it('is found among all the matches when the newest cases hold less than the page', () => {
    // The newest 400 cases are all WU: none is HO.
    expect(ids({ text: 'ho', includeClosed: true, limit: 10 })).toEqual(expected((c) => c.familyName === 'HO', 'desc', 0, 10));
    // 40 × (50 + 10) = 2,400 newest cases: more than the store holds, so every case is checked.
    expect(ids({ text: 'ho', includeClosed: true, offset: 50, limit: 10 })).toEqual(expected((c) => c.familyName === 'HO', 'desc', 50, 10));
  });

  it('counts up to the cap, as before', () => {
    expect(searchCases(store.db, listCasesInput.parse({ text: 'ho', includeClosed: true }))).toMatchObject({ total: COUNT_CAP, countCapped: true });
    expect(searchCases(store.db, listCasesInput.parse({ text: 'wu', includeClosed: true }))).toMatchObject({ total: WUS, countCapped: false });
  });
});
