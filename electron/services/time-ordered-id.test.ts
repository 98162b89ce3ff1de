import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedUuid } from './time-ordered-id.ts';

describe('timeOrderedUuid', () => {
  it('is a version-7 UUID whose first 48 bits are the milliseconds', () => {
    // 2026-11-29T10:00:00.000Z = 1,795,946,400,000 ms = 0x01a2_26bf_4900
    const id = timeOrderedUuid(Date.UTC(2026, 10, 29, 10));
    expect(id).toMatch(/^01a226bf-4900-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('sorts as the times it was made at', () => {
    const ms = fc.integer({ min: 0, max: 2 ** 48 - 1 });
    fc.assert(fc.property(ms, ms, (a, b) => {
      fc.pre(a !== b);
      expect(timeOrderedUuid(a) < timeOrderedUuid(b)).toBe(a < b);
    }));
  });

  it('differs between ids of the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(1_000)));
    expect(ids.size).toBe(1000);
  });
});
