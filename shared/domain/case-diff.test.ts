/** The fields that changed between two versions of a case, as paths the form knows. */
import { describe, expect, it } from 'vitest';
import { changedFields } from './case-diff.ts';

describe('changedFields', () => {
  const base = {
    person: { familyName: 'CHAN', givenNames: 'Tai Man', nationalities: ['GB'] },
    sentences: [{ id: 'S1', start: '2024-01-10', term: { years: 2, months: 0, days: 0 } }],
    consent: null,
  };

  it.each<[string, unknown, string[]]>([
    ['nothing', structuredClone(base), []],
    ['the family name', { ...base, person: { ...base.person, familyName: 'CHEN' } }, ['person.familyName']],
    ['a sentence starting a day later and a nationality added', { ...base, person: { ...base.person, nationalities: ['GB', 'HK'] }, sentences: [{ ...base.sentences[0], start: '2024-01-11' }] },
      ['person.nationalities[1]', 'sentences[0].start']],
    ['a second sentence', { ...base, sentences: [...base.sentences, { id: 'S2', start: null, term: 'life' }] }, ['sentences[1]']],
    ['a term changed in months only', { ...base, sentences: [{ ...base.sentences[0], term: { years: 2, months: 6, days: 0 } }] }, ['sentences[0].term.months']],
    ['consent recorded where there was none', { ...base, consent: { status: 'given' } }, ['consent']],
    ['a field left out where it was null: the same', { person: base.person, sentences: base.sentences }, []],
    ['a consent with every fact unrecorded where there was none: the same', { ...base, consent: { status: null, by: null, date: null } }, []],
  ])('%s', (_, after, paths) => {
    expect(changedFields(base, after)).toEqual(paths);
  });

  it('tells "none" (an empty list) from "not recorded"', () => {
    expect(changedFields({ person: { nationalities: null } }, { person: { nationalities: [] } })).toEqual(['person.nationalities']);
    expect(changedFields({ person: { nationalities: [] } }, { person: {} })).toEqual(['person.nationalities']);
  });

  it('is symmetric in the paths it names', () => {
    const after = { ...base, person: { ...base.person, givenNames: null }, sentences: [] };
    expect(changedFields(after, base)).toEqual(changedFields(base, after));
  });
});
