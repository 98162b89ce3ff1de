import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inForceOn, type DatedVersion } from './in-force.ts';

interface V extends DatedVersion { name: string }
const v = (name: string, effectiveFrom: string, storedAt = '2025-01-01T00:00:00.000Z'): V => ({ name, effectiveFrom, storedAt });
const dates = (x: V): DatedVersion => x;
const BUILT_IN = v('built-in', '2099-01-01');

describe('the version in force on a day: one rule for rule-sets, profiles and the treaty map', () => {
  it.each([
    // day, expected: stored 2020-01-01 (A), 2024-07-01 (B), 2024-07-01 stored later (C)
    ['2019-12-31', 'built-in'], // before every stored version: the built-in, though its own date is later
    ['2020-01-01', 'A'], // effective on its own first day
    ['2024-06-30', 'A'], // the day before B takes effect
    ['2024-07-01', 'C'], // B and C take effect the same day: the one stored last
    ['2030-01-01', 'C'],
  ])('on %s: %s', (day, expected) => {
    const stored = [v('A', '2020-01-01'), v('B', '2024-07-01', '2025-01-01T00:00:00.000Z'), v('C', '2024-07-01', '2025-03-01T00:00:00.000Z')];
    expect(inForceOn(stored, day, dates, BUILT_IN)?.name).toBe(expected);
    expect(inForceOn([...stored].reverse(), day, dates, BUILT_IN)?.name).toBe(expected);
  });

  it('is nothing without a stored version in force and without a built-in', () => {
    expect(inForceOn([v('A', '2020-01-01')], '2019-01-01', dates)).toBeUndefined();
  });

  const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
  const version = fc.record({ name: fc.string(), effectiveFrom: day, storedAt: fc.integer({ min: 0, max: 1e6 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString()) });

  it('picks, in any order, a version effective by the day that no other version effective by then succeeds', () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 12 }), day, (stored, on) => {
        const found = inForceOn(stored, on, dates);
        const effective = stored.filter((x) => x.effectiveFrom <= on);
        if (effective.length === 0) {
          expect(found).toBeUndefined();
          return;
        }
        expect(found).toBeDefined();
        expect(found!.effectiveFrom <= on).toBe(true);
        for (const other of effective) {
          expect(other.effectiveFrom > found!.effectiveFrom || (other.effectiveFrom === found!.effectiveFrom && other.storedAt > found!.storedAt)).toBe(false);
        }
      }),
    );
  });
});
