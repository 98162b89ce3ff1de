import { describe, expect, it } from 'vitest';
import { nameKey, nameProblem, normaliseName } from './names.ts';

describe('names', () => {
  it.each([
    ['\u202E', 'invisible'],
    ['\u200B\u200D \u2060\uFEFF', 'invisible'],
    [`Z${'\u0301'.repeat(8)}`, 'marks'],
    ['Marék', null],
    ['', null],
    ['   ', null],
    ['\u0645\u200C\u06CC', null],
  ] as const)('%j -> %s', (text, problem) => {
    expect(nameProblem(text)).toBe(problem);
  });

  it('stores blank space as an empty name and drops controls, keeping joiners', () => {
    expect(normaliseName('  ')).toBe('');
    expect(normaliseName('KOWAL\u202EIKSL')).toBe('KOWALIKSL');
    expect(normaliseName('\u0645\u200C\u06CC')).toBe('\u0645\u200C\u06CC');
    expect(nameKey('\u0645\u200C\u06CC')).toBe('\u0645\u06CC');
  });
});
