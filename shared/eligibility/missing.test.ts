/**
 * Every fact the engine can ask for has a name in both languages: a case with every fact it
 * may leave unrecorded left unrecorded, assessed under every built-in rule-set, between the
 * States of each, asks for them all; each must read as words on a screen, never as a path.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhHant } from '../i18n/zh-Hant.ts';
import { BUILT_IN_RULESETS } from '../treaties/library.ts';
import { fieldOfMissing } from './missing.ts';
import { assessBuiltIn, makeCase } from './testing.ts';

const UNRECORDED = {
  person: { nationalities: null, livesIn: null, representativeNeeded: null, domiciliaryOfSentencingState: null },
  judgment: { final: null, appealPending: null, otherProceedingsPending: null, deathSentence: true, deathSentenceCommuted: null, jurisdiction: null },
  offences: [{ id: 'O1', description: 'Burglary', categories: null, maxPenaltyMonths: null, dualCriminality: null }],
  consent: { status: null, by: null, date: null, withdrawnOn: null, verified: null, opinionRecorded: null, stateAuthority: null },
  financialObligations: null,
  remandDays: null,
};

describe('fieldOfMissing', () => {
  it('drops the index and the note: the field a screen names', () => {
    expect(['offences[0].categories', 'consent.by (legal representative)', 'person.nationalities'].map(fieldOfMissing)).toEqual([
      'offences.categories',
      'consent.by',
      'person.nationalities',
    ]);
  });
});

describe('the facts an assessment asks for', () => {
  const asked = new Set<string>();
  for (const rs of BUILT_IN_RULESETS) {
    const [sentencingState, administeringState] = rs.id.startsWith('hk-') ? ['HK', 'GB'] : rs.id.startsWith('us-') ? ['US', 'MX'] : ['NL', 'PL'];
    for (const c of [makeCase({ ...UNRECORDED, sentencingState, administeringState }), makeCase({ ...UNRECORDED, sentencingState: administeringState, administeringState: sentencingState })]) {
      for (const condition of assessBuiltIn(c, rs, '2024-01-01').conditions) for (const m of condition.missing) asked.add(fieldOfMissing(m));
    }
  }

  it('are many (the case leaves them unrecorded)', () => {
    expect(asked.size).toBeGreaterThan(10);
  });

  it('each has a name in English and in Traditional Chinese', () => {
    expect([...asked].filter((field) => !(`ui.field.${field}` in en) || !(`ui.field.${field}` in zhHant)).sort()).toEqual([]);
  });
});
