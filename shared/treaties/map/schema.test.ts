/**
 * The treaty map is imported from files an officer is given: the same bounds as a case or a
 * rule-set (dates within 1900–2199, lists bounded), so a hostile map is refused, not stored.
 */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../domain/case.ts';
import { BUILT_IN_TREATY_MAP } from './built-in/index.ts';
import { treatyMapSchema } from './schema.ts';

function problems(map: unknown): string[] {
  const parsed = treatyMapSchema.safeParse(map);
  return parsed.success ? [] : parsed.error.issues.map(problemOf).map((p) => `${p.field}: ${p.messageKey ?? p.message}`);
}

const base = structuredClone(BUILT_IN_TREATY_MAP);

describe('treaty map bounds', () => {
  it('accepts the built-in map', () => {
    expect(problems(base)).toEqual([]);
  });

  it('refuses a party date past 2199 or before 1900, naming the field', () => {
    const late = structuredClone(base);
    late.instruments[0]!.parties[0]!.entryIntoForce = '9999-12-31';
    expect(problems(late)).toEqual(['instruments[0].parties[0].entryIntoForce: validation.date.range']);
    const early = structuredClone(base);
    early.effectiveFrom = '1899-12-31';
    expect(problems(early)).toEqual(['effectiveFrom: validation.date.range']);
  });

  it('refuses unbounded lists', () => {
    const many = structuredClone(base);
    many.instruments[0]!.basis = Array.from({ length: 51 }, (_, i) => `x-${i}`);
    expect(problems(many)).toHaveLength(1);
    expect(problems(many)[0]).toMatch(/^instruments\[0\]\.basis: /);
  });
});
