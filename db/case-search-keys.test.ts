import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesInput } from '../shared/contracts/cases.ts';
import { caseSchema } from '../shared/domain/case.ts';
import { prisonNumberKey } from '../shared/domain/prison-number.ts';
import { searchCases } from './case-search.ts';
import { findCase, insertCase, updateCase } from './cases-repo.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

let store: TempStore;
const ids: Record<string, string> = {};

const PEOPLE = {
  chan: { familyName: 'CHAN', givenNames: 'Tai Man', prisonNumber: 'CSD 16/98475' },
  lee: { familyName: 'LEE', givenNames: 'Wai', prisonNumber: '6189-8084' },
  wong: { familyName: 'WONG', givenNames: 'Kwok', prisonNumber: 'CSD 16/98400' },
  ho: { familyName: 'HO', givenNames: 'Man' },
} as const;

const caseOf = (person: object) => caseSchema.parse({ format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'GB', status: 'screening', person });

beforeAll(() => {
  store = tempStore();
  store.db.transaction(() => {
    for (const [key, person] of Object.entries(PEOPLE)) {
      ids[key] = randomUUID();
      insertCase(asWriter(store.db), ids[key], caseOf(person), '2025-01-01T00:00:00.000Z');
    }
  })();
});
afterAll(() => store.dispose());

const found = (text: string) => searchCases(store.db, listCasesInput.parse({ text, sort: { field: 'familyName', dir: 'asc' } }))
  .items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

describe('prison numbers match without their punctuation, spaces or case', () => {
  it('keys a number by its letters and digits, folded', () => {
    expect(prisonNumberKey('CSD 16/98475')).toBe('csd1698475');
    expect(prisonNumberKey('ＣＳＤ１６／９８４７５')).toBe('csd1698475');
    expect(prisonNumberKey('6189-8084')).toBe('61898084');
    expect(prisonNumberKey(' / - ')).toBe('');
  });

  it('finds "CSD 16/98475" from "csd16/98475", and "6189-8084" from "61898084"', () => {
    expect(found('csd16/98475')).toEqual(['chan']);
    expect(found('CSD1698475')).toEqual(['chan']);
    expect(found('ＣＳＤ１６／９８４７５')).toEqual(['chan']);
    expect(found('61898084')).toEqual(['lee']);
    expect(found('6189 8084')).toEqual(['lee']);
  });

  it('finds numbers by their start, four letters or digits at least, a digit among them', () => {
    expect(found('csd16-984')).toEqual(['chan', 'wong']);
    expect(found('61898')).toEqual(['lee']);
    // Without a digit the key is not used (a name search): "csd" alone finds no one by name.
    expect(found('c.s.d')).toEqual([]);
  });

  it('follows a change of prison number, and a number removed', () => {
    const stored = findCase(store.db, ids.lee as string);
    if (stored === undefined) throw new Error('missing case');
    const renumbered = { ...stored.case, person: { ...stored.case.person, prisonNumber: 'PIC 77/1234' } };
    store.db.transaction(() => updateCase(asWriter(store.db), { id: ids.lee as string, expectedVersion: 1, case: renumbered, at: '2025-01-02T00:00:00.000Z' }))();
    expect(found('61898084')).toEqual([]);
    expect(found('pic771234')).toEqual(['lee']);
    const removed = { ...renumbered, person: { ...renumbered.person, prisonNumber: null } };
    store.db.transaction(() => updateCase(asWriter(store.db), { id: ids.lee as string, expectedVersion: 2, case: removed, at: '2025-01-03T00:00:00.000Z' }))();
    expect(found('pic771234')).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM person_keys').pluck().get()).toBe(2);
  });

  it('fills on opening the keys a migration to schema 16 left empty', () => {
    // What 0016 leaves: a row per prison number, its key NULL.
    store.db.prepare('UPDATE person_keys SET prison_number_key = NULL').run();
    expect(found('csd16/98475')).toEqual([]);
    store.reopen();
    expect(found('csd16/98475')).toEqual(['chan']);
    expect(store.db.prepare('SELECT count(*) FROM person_keys WHERE prison_number_key IS NULL').pluck().get()).toBe(0);
  });
});
