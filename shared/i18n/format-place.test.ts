/**
 * Place parameters (`a`, `b`, `state`, `partner`, `jurisdiction`) are ISO codes in the stored
 * explanations; a reader that knows place names (the renderer) passes `formatPlace` and gets
 * them by name. Every other parameter is written as before, and without `formatPlace` the
 * codes stay as they are (the CLI, the tests' English).
 */
import { describe, expect, it } from 'vitest';
import { t } from './index.ts';

const names: Record<string, string> = { CH: 'Switzerland', IN: 'India', 'US-TX': 'Texas' };
const formatPlace = (code: string) => names[code] ?? `?${code}`;

describe('place parameters', () => {
  it('are written by name when the reader gives formatPlace, the instrument by its label', () => {
    const params = { instrument: 'coe-ets-112', state: 'IN', on: { day: 0 }, moment: 'reference', opens: { day: 31 } };
    expect(t('en', 'cond.treatyBasis.notMet.not-yet', params, { formatPlace })).toBe(
      'the Transfer Convention (ETS 112) is not yet in force for India on 1970-01-01, the reference date: it is from 1970-02-01.',
    );
    expect(t('en', 'cond.treatyBasis.unknown.pattern', { instrument: 'ru-bilateral', a: 'CH', b: 'IN' }, { formatPlace })).toContain('binds Switzerland and India');
    expect(t('en', 'cond.stateConsent.given', { jurisdiction: 'US-TX' }, { formatPlace })).toBe('The authorities of Texas, under whose law the sentence was imposed, have consented.');
  });

  it('stay codes without formatPlace, and other string parameters never go through it', () => {
    expect(t('en', 'cond.treatyBasis.notMet.not-party', { state: 'IN', instrument: 'coe-ets-112' })).toBe('IN is not a party to the Transfer Convention (ETS 112).');
    expect(t('en', 'cond.treatyBasis.noMapEntry', { ruleSet: 'CH' }, { formatPlace })).toContain('(CH)');
  });
});
