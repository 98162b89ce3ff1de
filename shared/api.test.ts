/** mayCall answers from the roles each channel declares, so screens and router agree. */
import { describe, expect, it } from 'vitest';
import { API, AREAS, CHANNELS, mayCall } from './api.ts';
import { ROLES } from './vocabularies.ts';

describe('mayCall', () => {
  it.each([
    ['legal', 'rulesets.save', true],
    ['supervisor', 'rulesets.save', true],
    ['officer', 'rulesets.save', false],
    ['viewer', 'rulesets.save', false],
    [undefined, 'cases.list', false],
  ] as const)('%s may call %s: %s', (role, channel, expected) => {
    expect(mayCall(role, channel)).toBe(expected);
  });

  it('agrees with every channel’s declared roles', () => {
    for (const channel of CHANNELS) for (const role of ROLES) expect(mayCall(role, channel)).toBe((API[channel].roles as readonly string[]).includes(role));
  });
});

describe('the areas', () => {
  it('name each channel once: no channel is in two areas', () => {
    const named = Object.values(AREAS).flatMap((area) => Object.keys(area));
    expect(new Set(named).size).toBe(named.length);
    for (const channel of named) expect(CHANNELS).toContain(channel);
  });
});
