/** A case file's problems say what is wrong: a missing value is required, a value of the wrong kind says which kind belongs. */
import { describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { parseCase, type FieldProblem } from './case.ts';

const example = CASE_FIXTURES.formatExample as { person: Record<string, unknown> } & Record<string, unknown>;
const problemAt = (input: unknown, field: string): FieldProblem | undefined => {
  const parsed = parseCase(input);
  return parsed.ok ? undefined : parsed.errors.find((p) => p.field === field);
};

describe('a case file problem', () => {
  it.each([
    // field, the value given, the key of what is said
    ['person.nationalities', 'RU', 'validation.list'], // a code where a list of codes belongs
    ['person.representativeNeeded', 'no', 'validation.boolean'],
    ['person.dateOfBirth', 19850314, 'validation.date.type'], // the field's own key, not "is required"
  ])('%s given %j says %s', (field, value, key) => {
    const [, name] = field.split('.') as [string, string];
    const person = { ...example.person, [name]: value };
    expect(problemAt({ ...example, person }, field)).toMatchObject({ messageKey: key });
  });

  it('is "required" where the value is missing', () => {
    const { administeringState: _missing, ...withoutIt } = example;
    expect(problemAt(withoutIt, 'administeringState')).toMatchObject({ messageKey: 'validation.required' });
  });
});
