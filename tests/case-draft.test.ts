/**
 * The case form's draft (renderer/form/case-draft.ts): a case opened in the form and saved without
 * a change is the case it was, "none" ([]) and "unknown" (null) kept apart in every list field.
 */
import { describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { caseSchema, type CaseFile } from '../shared/domain/case.ts';
import { changedFields } from '../shared/domain/case-diff.ts';
import { caseOf, draftOf } from '../renderer/form/case-draft.ts';

const base = caseSchema.parse(CASE_FIXTURES.formatExample);
const unchanged = (c: CaseFile) => caseSchema.parse(caseOf(draftOf(c), c));

describe('a list field saved unchanged by the form', () => {
  it.each([
    ['none recorded', [] as string[], [] as string[]],
    ['unknown', null, null],
    ['listed', ['PL', 'RU'], ['PL', 'RU']],
  ])('permanent residence, nationalities, aliases and offence categories %s stay so', (_, value, expected) => {
    const c: CaseFile = {
      ...base,
      person: { ...base.person, permanentResidence: value, nationalities: value, aliases: value },
      offences: base.offences.map((o) => ({ ...o, categories: value === null || value.length === 0 ? value : ['eu:fraud'] })),
    };
    const saved = unchanged(c);
    expect(saved.person.permanentResidence).toEqual(expected);
    expect(saved.person.nationalities).toEqual(expected);
    expect(saved.person.aliases).toEqual(expected);
    expect(saved.offences.map((o) => o.categories)).toEqual(base.offences.map(() => (expected === null || expected.length === 0 ? expected : ['eu:fraud'])));
  });

  it('a list the officer empties becomes unknown; an offence new in the form has unknown categories', () => {
    const draft = draftOf(base);
    draft.nationalities = '';
    draft.offences[0]!.categories = [];
    const saved = caseSchema.parse(caseOf({ ...draft, offences: [...draft.offences, { ...draft.offences[1]!, key: 'new', id: 'O3' }] }, base));
    expect(saved.person.nationalities).toBeNull();
    expect(saved.offences.map((o) => o.categories)).toEqual([null, [], null]);
  });

  it('the example case saved unchanged changes no field (as the audit trail and a version conflict name changes)', () => {
    expect(changedFields(base, unchanged(base))).toEqual([]);
    for (const fixture of Object.values(CASE_FIXTURES)) {
      const c = caseSchema.parse(fixture);
      expect(changedFields(c, unchanged(c))).toEqual([]);
    }
  });
});
