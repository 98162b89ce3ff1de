/**
 * The engine is total on valid input: whatever facts are known or unknown, every case file
 * that parses gets an assessment under every built-in rule-set, with every condition, a
 * verdict that follows from them, and dates only where the sentence has fixed terms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../domain/case.ts';
import { formatIsoDate, fromCivil } from '../sentence/calendar.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { BUILT_IN_RULESETS } from '../treaties/library.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { assess, verdictOf } from './engine.ts';
import { CONDITION_IDS } from './types.ts';

const day = fc.integer({ min: fromCivil(1995, 1, 1), max: fromCivil(2035, 12, 31) }).map(formatIsoDate);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const state = fc.constantFrom('HK', 'GB', 'NL', 'TH', 'US', 'RU', 'IT', 'BR', 'DE', 'PL', 'MX');
const term = fc.oneof(
  { weight: 8, arbitrary: fc.record({ years: fc.nat(30), months: fc.nat(24), days: fc.nat(400) }).filter((t) => t.years + t.months + t.days > 0) },
  { weight: 1, arbitrary: fc.constantFrom('life' as const, 'indeterminate' as const) },
);

const caseFile = fc
  .record({
    sentencingState: state,
    administeringState: state,
    terms: fc.array(fc.record({ term, start: maybe(day), consecutive: fc.boolean(), dc: maybe(fc.constantFrom('yes', 'no', 'unknown')) }), { minLength: 0, maxLength: 4 }),
    categories: maybe(fc.subarray(['eu:swindling', 'eu:rape', 'excluded:state-security', 'excluded:head-of-state-or-family'])),
    maxPenaltyMonths: maybe(fc.nat(400)),
    remandDays: maybe(fc.nat(2000)),
    nationalities: maybe(fc.subarray(['HK', 'GB', 'NL', 'TH', 'US', 'RU', 'IT', 'BR', 'DE', 'PL', 'MX'])),
    permanentResidence: maybe(fc.subarray(['HK', 'GB', 'TH'])),
    livesIn: maybe(state),
    dateOfBirth: maybe(day),
    representativeNeeded: maybe(fc.boolean()),
    judgment: fc.record({ final: maybe(fc.boolean()), appealPending: maybe(fc.boolean()), appealPeriodEnds: maybe(day), otherProceedingsPending: maybe(fc.boolean()), deathSentence: maybe(fc.boolean()), deathSentenceCommuted: maybe(fc.boolean()) }),
    consent: maybe(fc.record({ status: maybe(fc.constantFrom('given', 'refused', 'withdrawn', 'not-asked')), by: maybe(fc.constantFrom('person', 'representative')), withdrawnOn: maybe(day), verified: maybe(fc.boolean()), opinionRecorded: maybe(fc.boolean()) })),
    financialObligations: maybe(fc.array(fc.record({ kind: fc.constantFrom('fine', 'compensation', 'costs', 'confiscation'), paid: maybe(fc.boolean()), incapacityToPay: maybe(fc.boolean()) }), { maxLength: 3 })),
    expulsion: maybe(fc.record({ kind: fc.constantFrom('in-sentence', 'administrative-consequential', 'administrative') })),
    left: maybe(fc.record({ when: maybe(fc.constantFrom('after-final-judgment', 'during-proceedings')), to: maybe(state) })),
    events: fc.record({ application: maybe(day), request: maybe(day), requestReceived: maybe(day), judgmentReceived: maybe(day), statesAgreed: maybe(day) }),
  })
  .map((f) => ({
    format: 'tsp-case/1',
    sentencingState: f.sentencingState,
    administeringState: f.administeringState,
    person: { familyName: 'X', nationalities: f.nationalities, permanentResidence: f.permanentResidence, livesIn: f.livesIn, dateOfBirth: f.dateOfBirth, representativeNeeded: f.representativeNeeded },
    judgment: f.judgment,
    sentences: f.terms.map((t, i) => ({ id: `S${i + 1}`, start: t.start, term: t.term, consecutiveTo: i > 0 && t.consecutive ? `S${i}` : null, offences: [`O${i + 1}`] })),
    offences: f.terms.map((t, i) => ({ id: `O${i + 1}`, categories: f.categories, maxPenaltyMonths: f.maxPenaltyMonths, dualCriminality: t.dc })),
    remandDays: f.remandDays,
    consent: f.consent,
    financialObligations: f.financialObligations,
    expulsion: f.expulsion,
    leftSentencingState: f.left,
    events: f.events,
  }));

describe('the engine on any valid case file', () => {
  it('assesses under every built-in rule-set without failing, every condition present, the verdict following from them', () => {
    fc.assert(
      fc.property(caseFile, fc.constantFrom(...BUILT_IN_RULESETS), maybe(fc.integer({ min: fromCivil(1995, 1, 1), max: fromCivil(2035, 12, 31) })), (input, ruleSet, on) => {
        const parsed = parseCase(input);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const a = assess(parsed.value, ruleSet, { today: fromCivil(2026, 11, 29), on, profile: profileFor(parsed.value.sentencingState), map: builtInTreatyMap() });
        expect(a.conditions.map((c) => c.id)).toEqual([...CONDITION_IDS]);
        expect(a.verdict).toBe(verdictOf(a.conditions));
        if (a.rescreenOn !== null) {
          expect(a.verdict).toBe('ineligible');
          expect(a.rescreenOn).toBeGreaterThan(a.referenceDate);
        }
        for (const c of a.conditions) if (c.status === 'unknown') expect(c.missing.length).toBeGreaterThan(0);
        const fixed = parsed.value.sentences.length > 0 && parsed.value.sentences.every((s) => typeof s.term === 'object');
        if (!fixed) expect(a.dates.remainingDays).toBeNull();
        // The release date is on the rule-set's basis; the expiry is always the sentence's last day net of credit.
        if (a.dates.releaseDate !== null && a.dates.sentenceExpiryDate !== null) {
          if (a.dates.basis === 'expiry') expect(a.dates.sentenceExpiryDate).toBe(a.dates.releaseDate - 1);
          else expect(a.dates.sentenceExpiryDate).toBeGreaterThanOrEqual(a.dates.releaseDate - 1);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
