/**
 * Properties of the enforcement computation over random incoming cases (one to three
 * sentences, concurrent or consecutive, fixed or life terms, our maxima known, unknown or life,
 * any procedure and decision, any handover and profiles):
 * - the enforced term never ends after the sentence imposed, nor after our maximum;
 * - time served is never lost: what was served abroad and what remains here add up to the
 *   whole enforced term;
 * - the projected release is never before the handover, and remission never lengthens a term.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCase, type CaseFile } from '../domain/case.ts';
import { t } from '../i18n/index.ts';
import { formatIsoDate, fromCivil } from '../sentence/calendar.ts';
import { termEnd } from '../sentence/compute.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import { DEFAULT_PROFILE, profileFor } from '../treaties/jurisdictions.ts';
import { computeEnforcement } from './compute.ts';
import { monthsTerm } from './limits.ts';
import type { Enforcement } from './types.ts';

const FROM = fromCivil(1995, 1, 1);
const TO = fromCivil(2040, 12, 31);
const HK = profileFor('HK');
const PROFILES: JurisdictionProfile[] = [
  DEFAULT_PROFILE,
  profileFor('GB'),
  HK,
  { ...HK, transferredRemission: { value: 'part-served-here', source: 'test', confidence: 'U' } },
];

const termArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ years: fc.nat(15), months: fc.nat(14), days: fc.nat(60) }).filter((x) => x.years + x.months + x.days > 0) },
  { weight: 1, arbitrary: fc.constantFrom('life' as const, 'indeterminate' as const) },
);
const maximumArb = fc.oneof(
  { weight: 6, arbitrary: fc.nat(240) },
  { weight: 1, arbitrary: fc.constant('life' as const) },
  { weight: 1, arbitrary: fc.constant(null) },
);

interface Input {
  c: CaseFile;
  handover: number;
  sentencing: JurisdictionProfile;
  administering: JurisdictionProfile;
}

const inputArb: fc.Arbitrary<Input> = fc
  .record({
    first: fc.integer({ min: FROM, max: TO }),
    sentences: fc.array(
      fc.record({ offset: fc.nat(900), consecutive: fc.boolean(), term: termArb, offences: fc.subarray(['O1', 'O2', 'O3'], { minLength: 1 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    maxima: fc.tuple(maximumArb, maximumArb, maximumArb),
    remand: fc.option(fc.nat(500), { freq: 5 }),
    ruleSetId: fc.constantFrom('coe-ets-112', 'eu-fd-2008-909', 'hk-th'),
    procedure: fc.constantFrom(null, 'continued', 'conversion'),
    decision: fc.option(fc.record({ term: termArb, authority: fc.constant('Court') }), { freq: 2 }),
    handoverAfter: fc.integer({ min: -30, max: 6000 }),
    sentencing: fc.constantFrom(...PROFILES.slice(0, 3)),
    administering: fc.constantFrom(...PROFILES),
  })
  .map((r) => {
    const raw = {
      format: 'tsp-case/1',
      sentencingState: 'TH',
      administeringState: 'HK',
      direction: 'incoming',
      ruleSetId: r.ruleSetId,
      person: { familyName: 'TEST' },
      sentences: r.sentences.map((s, i) => ({
        id: `S${i + 1}`,
        term: s.term,
        offences: s.offences,
        ...(i > 0 && s.consecutive ? { consecutiveTo: `S${i}` } : { start: formatIsoDate(r.first + s.offset) }),
      })),
      remandDays: r.remand,
      offences: ['O1', 'O2', 'O3'].map((id, i) => ({ id, administeringMaxPenaltyMonths: r.maxima[i] })),
      enforcement: { procedure: r.procedure, decision: r.decision === null ? null : { ...r.decision, date: formatIsoDate(r.first + 400) } },
    };
    const parsed = parseCase(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return { c: parsed.value, handover: r.first + r.handoverAfter, sentencing: r.sentencing, administering: r.administering };
  });

const compute = ({ c, handover, sentencing, administering }: Input): Enforcement =>
  computeEnforcement(c, { today: TO, handover, sentencingProfile: sentencing, administeringProfile: administering });

const RUNS = { numRuns: 1500 };

describe('enforcement properties', () => {
  it('the enforced term never ends after the sentence imposed, nor after our maximum', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = compute(input);
        if (e.enforced?.kind !== 'fixed') return;
        if (e.imposed.kind === 'fixed') {
          expect(e.enforced.nominalRelease).toBeLessThanOrEqual(e.imposed.nominalRelease);
          expect(e.enforced.releaseDate).toBeLessThanOrEqual(e.imposed.releaseDate);
        }
        // One sentence whose every offence has a maximum in months: the enforced term ends no later than that maximum would.
        const [only] = input.c.sentences;
        if (input.c.sentences.length === 1 && only !== undefined) {
          const maxima = only.offences.map((id) => input.c.offences.find((o) => o.id === id)?.administeringMaxPenaltyMonths);
          if (maxima.every((m) => typeof m === 'number')) {
            const highest = Math.max(...(maxima as number[]));
            expect(e.enforced.nominalRelease).toBeLessThanOrEqual(termEnd(e.enforced.start, monthsTerm(highest), input.sentencing.monthEnd.value));
          }
        }
        if (e.ceilingRelease !== null) expect(e.enforced.nominalRelease).toBeLessThanOrEqual(e.ceilingRelease);
      }),
      RUNS,
    );
  });

  it('a decision that aggravates or exceeds our maximum is never applied', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = compute(input);
        if (e.decision === null) return;
        if (e.decision.aggravates || e.decision.exceedsMaximum === true) {
          expect(e.status).toBe('decision_refused');
          expect(e.enforced).toBeNull();
        }
        if (e.enforced?.basis === 'decision') expect(e.decision.accepted).toBe(true);
      }),
      RUNS,
    );
  });

  it('time served is never lost: served abroad and still to serve here add up to the whole enforced term', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = compute(input);
        if (e.enforced?.kind !== 'fixed') return;
        const served = e.served!;
        expect(served.custodyDays).toBe(Math.max(0, input.handover - e.enforced.start));
        expect(served.remandDays).toBe(input.c.remandDays ?? 0);
        const remaining = e.remainingDays!;
        expect(served.totalDays + remaining).toBeGreaterThanOrEqual(e.enforced.termDays);
        if (e.enforced.releaseDate > input.handover && input.handover >= e.enforced.start) {
          expect(served.totalDays + remaining).toBe(e.enforced.termDays);
        }
      }),
      RUNS,
    );
  });

  it('the projected release is never before the handover, and remission never makes it later', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = compute(input);
        if (e.release === null) return;
        const release = e.release;
        expect(release.projectedRelease).toBeGreaterThanOrEqual(input.handover);
        expect(release.remissionDays).toBeGreaterThanOrEqual(0);
        if (e.enforced?.kind === 'fixed') expect(release.projectedRelease).toBeLessThanOrEqual(Math.max(e.enforced.releaseDate, input.handover));
        expect(e.flags.includes('release_due_on_arrival')).toBe(release.expectedRelease <= input.handover);
      }),
      RUNS,
    );
  });

  it('every case gets an answer whose steps read in both languages', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = compute(input);
        for (const s of e.steps) {
          for (const locale of ['en', 'zh-Hant'] as const) expect(t(locale, s.key, s.params)).not.toMatch(/\{\w+\}|^enforce\./);
        }
      }),
      { numRuns: 300 },
    );
  });
});
