import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSchema, type CaseFile } from '../shared/domain/case.ts';
import { caseStatuses } from '../shared/vocabularies.ts';
import { CASE_FIXTURES } from './case-fixtures.ts';
import { findCase, insertCase, updateCase } from './cases-repo.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.dispose());

const AT = '2025-01-15T10:00:00.000Z';

/** Saves a case and reads it back, in its own transaction, as the services do. */
function roundTrip(c: CaseFile): CaseFile | undefined {
  const id = randomUUID();
  store.db.transaction(() => insertCase(asWriter(store.db), id, c, AT))();
  return findCase(store.db, id)?.case;
}

describe('a case file saved and loaded back', () => {
  for (const [name, input] of Object.entries(CASE_FIXTURES)) {
    it(`is exactly the parsed file: ${name}`, () => {
      const parsed = caseSchema.parse(input);
      expect(roundTrip(parsed)).toStrictEqual(parsed);
    });
  }

  it('keeps null (unknown) apart from false, 0 and empty lists', () => {
    const loaded = roundTrip(caseSchema.parse(CASE_FIXTURES.allNull));
    expect(loaded?.person.representativeNeeded).toBeNull();
    expect(loaded?.person.nationalities).toBeNull();
    expect(loaded?.remandDays).toBeNull();
    expect(loaded?.financialObligations).toBeNull();
    expect(loaded?.offences[0]?.categories).toBeNull();
    const known = roundTrip(caseSchema.parse(CASE_FIXTURES.formatExample));
    expect(known?.person.representativeNeeded).toBe(false);
    expect(known?.person.permanentResidence).toEqual([]);
    expect(known?.offences[1]?.categories).toEqual([]);
  });

  it('stores unknown as SQL NULL, not as 0 or an empty text', () => {
    const loaded = roundTrip(caseSchema.parse(CASE_FIXTURES.minimal));
    expect(loaded).toBeDefined();
    const row = store.db
      .prepare(`SELECT p.representative_needed, p.nationalities, c.judgment_final, c.remand_days, c.financial_obligations_known
                FROM cases c JOIN persons p ON p.id = c.person_id WHERE p.family_name = 'SMITH'`)
      .get();
    expect(row).toEqual({ representative_needed: null, nationalities: null, judgment_final: null, remand_days: null, financial_obligations_known: null });
  });

  it('is exact for arbitrary valid case files (property)', () => {
    fc.assert(
      fc.property(arbitraryCaseInput(), (input) => {
        const parsed = caseSchema.parse(JSON.parse(JSON.stringify(input)));
        expect(roundTrip(parsed)).toStrictEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });

  it('is exact after an update replaces every part of the case', () => {
    const id = randomUUID();
    const first = caseSchema.parse(CASE_FIXTURES.consecutiveChain);
    const second = caseSchema.parse(CASE_FIXTURES.lifeChinese);
    store.db.transaction(() => insertCase(asWriter(store.db), id, first, AT))();
    const written = store.db.transaction(() => updateCase(asWriter(store.db), { id, expectedVersion: 1, case: second, at: AT }))();
    expect(written).toBe(true);
    const loaded = findCase(store.db, id);
    expect(loaded?.case).toStrictEqual(second);
    expect(loaded?.meta.version).toBe(2);
    // A second writer that read version 1 is refused and changes nothing.
    const stale = store.db.transaction(() => updateCase(asWriter(store.db), { id, expectedVersion: 1, case: first, at: AT }))();
    expect(stale).toBe(false);
    expect(findCase(store.db, id)?.case).toStrictEqual(second);
  });
});

// ---------------------------------------------------------------- an arbitrary tsp-case/1

/** Unknown, written either way: null or left out (undefined disappears through JSON). */
const unknownOr = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
  fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) });

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('陳大文', 'Иванов', 'สมชาย', "O'Brien", '%_\\"'));
const isoDay = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const country = fc.constantFrom('HK', 'RU', 'TH', 'US', 'GB', 'IT', 'BR', 'NL', 'DE', 'PH', 'MO', 'CN');
const bool = unknownOr(fc.boolean());
// Within the bounds of both (shared/domain/bounds.ts: remand 36,525 days, a maximum penalty 12,000 months).
const count = fc.nat({ max: 12_000 });
const term = fc.oneof(
  fc.constantFrom('life', 'indeterminate'),
  fc.record({ years: fc.nat({ max: 40 }), months: fc.nat({ max: 11 }), days: fc.nat({ max: 400 }) }).filter((t) => t.years + t.months + t.days > 0),
);

function arbitraryCaseInput(): fc.Arbitrary<unknown> {
  return fc
    .record({ sentenceCount: fc.nat({ max: 4 }), offenceCount: fc.nat({ max: 4 }) })
    .chain(({ sentenceCount, offenceCount }) => {
      const offenceIds = Array.from({ length: offenceCount }, (_, i) => `O${i + 1}`);
      // Each sentence may follow one written before it, so chains never loop.
      const sentences = fc.tuple(
        ...Array.from({ length: sentenceCount }, (_, i) =>
          fc.record({
            id: fc.constant(`S${i + 1}`),
            start: unknownOr(isoDay),
            term,
            consecutiveTo: i === 0 ? unknownOr(fc.constant<string | null>(null)) : unknownOr(fc.integer({ min: 1, max: i }).map((k) => `S${k}`)),
            offences: offenceCount === 0 ? fc.constant([]) : fc.array(fc.constantFrom(...offenceIds), { maxLength: 3 }),
          }),
        ),
      );
      const offences = fc.tuple(
        ...offenceIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            description: unknownOr(text),
            categories: unknownOr(fc.array(fc.constantFrom('eu:fraud', 'eu:rape', 'excluded:military', 'x:y'), { maxLength: 3 })),
            maxPenaltyMonths: unknownOr(count),
            administeringMaxPenaltyMonths: unknownOr(fc.oneof(count, fc.constant('life'))),
            dualCriminality: unknownOr(fc.constantFrom('yes', 'no', 'unknown')),
          }),
        ),
      );
      return fc.record({
        format: fc.constant('tsp-case/1'),
        reference: unknownOr(text),
        sentencingState: country,
        administeringState: country,
        direction: unknownOr(fc.constantFrom('outgoing', 'incoming')),
        ruleSetId: unknownOr(fc.constantFrom('coe-ets-112', 'hk-th', 'custom-x')),
        status: unknownOr(fc.constantFrom(...caseStatuses)),
        person: fc.record({
          familyName: text.filter((s) => s.trim() !== ''),
          givenNames: unknownOr(text),
          nativeName: unknownOr(text),
          aliases: unknownOr(fc.array(text, { maxLength: 3 })),
          prisonNumber: unknownOr(text),
          dateOfBirth: unknownOr(isoDay),
          nationalities: unknownOr(fc.array(country, { maxLength: 3 })),
          permanentResidence: unknownOr(fc.array(country, { maxLength: 2 })),
          livesIn: unknownOr(country),
          representativeNeeded: bool,
        }),
        judgment: fc.record({
          date: unknownOr(isoDay), final: bool, appealPending: bool, appealPeriodEnds: unknownOr(isoDay),
          otherProceedingsPending: bool, deathSentence: bool, deathSentenceCommuted: bool,
        }),
        sentences,
        remandDays: unknownOr(count),
        offences,
        consent: unknownOr(
          fc.record({
            status: unknownOr(fc.constantFrom('given', 'refused', 'withdrawn', 'not-asked')),
            by: unknownOr(fc.constantFrom('person', 'representative')),
            date: unknownOr(isoDay), withdrawnOn: unknownOr(isoDay), verified: bool, opinionRecorded: bool,
          }),
        ),
        financialObligations: unknownOr(
          fc.array(
            fc.record({
              kind: fc.constantFrom('fine', 'compensation', 'costs', 'confiscation'),
              amount: unknownOr(fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true })),
              currency: unknownOr(fc.constantFrom('EUR', 'HKD', 'THB')),
              paid: bool,
              incapacityToPay: bool,
            }),
            { maxLength: 3 },
          ),
        ),
        expulsion: unknownOr(fc.record({ kind: fc.constantFrom('in-sentence', 'administrative-consequential', 'administrative'), date: unknownOr(isoDay) })),
        leftSentencingState: unknownOr(
          fc.record({ date: unknownOr(isoDay), when: unknownOr(fc.constantFrom('after-final-judgment', 'during-proceedings')), to: unknownOr(country) }),
        ),
        enforcement: unknownOr(
          fc.record({
            procedure: unknownOr(fc.constantFrom('continued', 'conversion')),
            decision: unknownOr(fc.record({ authority: unknownOr(text), date: unknownOr(isoDay), term })),
          }),
        ),
        events: fc.record({
          application: unknownOr(isoDay), request: unknownOr(isoDay), requestReceived: unknownOr(isoDay),
          judgmentReceived: unknownOr(isoDay), statesAgreed: unknownOr(isoDay),
        }),
      });
    });
}
