import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesInput, type ListCasesInput } from '../shared/contracts/cases.ts';
import { caseSchema } from '../shared/domain/case.ts';
import { COUNT_CAP, searchCases } from './case-search.ts';
import { insertCase } from './cases-repo.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

/**
 * A store where one surname is common: 6,000 WONGs (more than the 5,000 from which the page
 * is found by walking the index of last updates) among 6,030 cases, and 30 LAMs. Case i was
 * last updated i minutes after 2024-01-01T00:00Z, and every 7th case is closed.
 */
const WONGS = 6000;
const LAMS = 30;
let store: TempStore;
const wongs: { id: string; at: string; closed: boolean }[] = [];

beforeAll(() => {
  store = tempStore();
  const kase = (familyName: string) => caseSchema.parse({ format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'GB', person: { familyName } });
  const wong = kase('WONG');
  const lam = kase('LAM');
  const close = store.db.prepare("UPDATE cases SET closed_at = ?, close_outcome = 'withdrawn', close_reason = 'test' WHERE id = ?");
  store.db.transaction(() => {
    for (let i = 0; i < WONGS + LAMS; i++) {
      const id = randomUUID();
      const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      insertCase(asWriter(store.db), id, i < WONGS ? wong : lam, at);
      const closed = i % 7 === 0;
      if (closed) close.run(at, id);
      if (i < WONGS) wongs.push({ id, at, closed });
    }
  })();
});
afterAll(() => store.dispose());

const search = (input: ListCasesInput) => searchCases(store.db, listCasesInput.parse(input));
/** The WONG cases newest first, ties (none here) by id. */
const newestFirst = (list: typeof wongs) => [...list].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)).map((w) => w.id);

describe('counting a text search', () => {
  it('counts exactly up to COUNT_CAP, then says "at least"', () => {
    expect(search({ text: 'lam', includeClosed: true })).toMatchObject({ total: LAMS, countCapped: false });
    expect(search({ text: 'wong', includeClosed: true })).toMatchObject({ total: COUNT_CAP, countCapped: true });
  });

  it('counts past the page asked for, so a next page is always announced', () => {
    // offset 950 + limit 100 = 1,050: the count goes to 1,051 and stops.
    expect(search({ text: 'wong', includeClosed: true, offset: 950, limit: 100 })).toMatchObject({ total: 1051, countCapped: true });
  });

  it('counts exactly without text, however many', () => {
    expect(search({ includeClosed: true })).toMatchObject({ total: WONGS + LAMS, countCapped: false });
  });
});

describe('the first page of a common name', () => {
  it('is the newest cases, as if every match had been sorted', () => {
    const page = search({ text: 'wong', includeClosed: true, limit: 100 });
    expect(page.items.map((i) => i.id)).toEqual(newestFirst(wongs).slice(0, 100));
    const open = search({ text: 'wong', limit: 100 });
    expect(open.items.map((i) => i.id)).toEqual(newestFirst(wongs.filter((w) => !w.closed)).slice(0, 100));
  });

  it('pages through every match once, in order, oldest first too', () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = search({ text: 'wong', includeClosed: true, sort: { field: 'updatedAt', dir: 'asc' }, offset, limit: 500 });
      seen.push(...page.items.map((i) => i.id));
      if (seen.length >= page.total && !page.countCapped) break;
    }
    expect(seen).toEqual(newestFirst(wongs).reverse());
  });
});
