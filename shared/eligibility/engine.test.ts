/**
 * The eligibility engine: verdict precedence, completeness of every assessment, flags, the
 * reference date, rescreen dates and the worked scenarios of docs/domain.md "Eligibility scenarios".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseFile } from '../domain/case.ts';
import { formatIsoDate } from '../sentence/calendar.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { type RuleSet } from '../treaties/schema.ts';
import { EVALUATORS, verdictOf } from './engine.ts';
import { CONDITION_IDS, type Assessment, type ConditionEffect, type ConditionId, type ConditionResult, type ConditionStatus, type Verdict } from './types.ts';
import { assessBuiltIn, makeCase, noArt74Declarations, ruleSet, type CasePatch } from './testing.ts';


const TODAY = '2024-06-30';
const run = (c: CaseFile, rs: RuleSet | string, on?: string) => assessBuiltIn(c, typeof rs === 'string' ? ruleSet(rs) : rs, TODAY, on);
const iso = (day: number | null) => (day === null ? null : formatIsoDate(day));
const statusOf = (a: Assessment, id: ConditionId) => a.conditions.find((r) => r.id === id)?.status;

const BUILT_IN_IDS = [
  'coe-ets-112', 'coe-ets-167', 'coe-ets-167-original', 'eu-fd-2008-909', 'us-th-1982', 'hk-th', 'hk-us-1997',
  'us-iptp', 'it-br-2008', 'ru-bilateral', 'ch-0-344-294', 'oas-1993', 'hk-ru-2021',
] as const;

describe('verdict precedence: a mandatory not_met beats unknown, unknown beats waived, waived beats met', () => {
  const r = (status: ConditionStatus, effect: ConditionEffect = 'mandatory'): ConditionResult => ({
    id: 'consent', status, effect, source: 'test', confidence: 'C', messageKey: 'test', params: {}, missing: [], flags: [], clearsOn: null,
  });

  it.each<[string, ConditionResult[], Verdict]>([
    ['nothing to check', [], 'eligible'],
    ['all met', [r('met'), r('met')], 'eligible'],
    ['not applicable only', [r('not_applicable')], 'eligible'],
    ['a waived condition', [r('met'), r('waived')], 'eligible_by_exception'],
    ['unknown beats waived', [r('waived'), r('unknown')], 'needs_information'],
    ['not_met beats unknown', [r('unknown'), r('not_met')], 'ineligible'],
    ['not_met beats unknown and waived, in any order', [r('waived'), r('unknown'), r('not_met'), r('met')], 'ineligible'],
    ['an optional refusal ground never decides', [r('not_met', 'optional_refusal'), r('met')], 'eligible'],
    ['a discretionary ground never decides', [r('not_met', 'discretionary_refusal')], 'eligible'],
    ['an unknown discretionary ground never decides', [r('unknown', 'discretionary_refusal'), r('waived')], 'eligible_by_exception'],
  ])('%s', (_name, conditions, verdict) => {
    expect(verdictOf(conditions)).toBe(verdict);
  });

  it('the verdict is the highest-ranked mandatory status, in any order of conditions', () => {
    const statuses: ConditionStatus[] = ['met', 'not_met', 'unknown', 'waived', 'not_applicable'];
    const effects: ConditionEffect[] = ['mandatory', 'optional_refusal', 'discretionary_refusal'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...statuses), fc.constantFrom(...effects)), { maxLength: 12 }), (pairs) => {
        const mandatory = pairs.filter(([, e]) => e === 'mandatory').map(([s]) => s);
        const expected: Verdict = mandatory.includes('not_met')
          ? 'ineligible'
          : mandatory.includes('unknown')
            ? 'needs_information'
            : mandatory.includes('waived')
              ? 'eligible_by_exception'
              : 'eligible';
        expect(verdictOf(pairs.map(([s, e]) => r(s, e)))).toBe(expected);
      }),
    );
  });
});

describe('every condition is evaluated exactly once, none skipped, for every built-in rule-set', () => {
  const cases: [string, CaseFile][] = [
    ['the minimal case', makeCase()],
    ['a life sentence', makeCase({ sentences: [{ id: 'S1', start: '2020-05-05', term: 'life', offences: ['O1'] }] })],
    ['an unserved sentence', makeCase({ sentences: [{ id: 'S1', start: null, term: { years: 2 }, offences: ['O1'] }] })],
    ['an empty case', makeCase({ person: { nationalities: null }, consent: null, sentences: [], offences: [], financialObligations: null, events: { application: null, request: null, requestReceived: null, judgmentReceived: null } })],
    ['a Thai case (minimum served applies)', makeCase({ sentencingState: 'TH', administeringState: 'US', person: { nationalities: ['US'] } })],
  ];

  for (const id of BUILT_IN_IDS) {
    it(`${id}: the ${CONDITION_IDS.length} conditions, in order, in every assessment`, () => {
      for (const [name, c] of cases) {
        const a = run(c, id);
        expect(a.conditions.map((r) => r.id), `${id} / ${name}`).toEqual([...CONDITION_IDS]);
        for (const r of a.conditions) expect(r.source.length, `${id} / ${name} / ${r.id}`).toBeGreaterThan(0);
      }
    });
  }

  it('the engine has one evaluator per condition id', () => {
    expect(EVALUATORS.length).toBe(CONDITION_IDS.length);
  });
});

describe('flags', () => {
  it('an eligible ETS 112 case without the States\' agreement: states_agreement_required (Art. 3(1)(f))', () => {
    const a = run(makeCase(), 'coe-ets-112');
    expect(a.verdict).toBe('eligible');
    expect(a.flags[0]).toBe('states_agreement_required');
  });

  it('an eligible-by-exception case needs the States\' agreement too', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], events: { requestReceived: '2023-09-16' } });
    const a = run(c, 'coe-ets-112');
    expect(a.verdict).toBe('eligible_by_exception');
    expect(a.flags).toContain('states_agreement_required');
  });

  it('once the States have agreed, the flag is gone', () => {
    expect(run(makeCase({ events: { statesAgreed: '2023-04-01' } }), 'coe-ets-112').flags).not.toContain('states_agreement_required');
  });

  it('an ineligible case carries no states_agreement_required flag', () => {
    const a = run(makeCase({ consent: { status: 'refused' } }), 'coe-ets-112');
    expect(a.verdict).toBe('ineligible');
    expect(a.flags).not.toContain('states_agreement_required');
  });

  it('EU 2008/909 needs no agreement of the executing State (Art. 4(1)(a)): no flag on an eligible case', () => {
    const a = run(makeCase({ sentencingState: 'DE' }), 'eu-fd-2008-909');
    expect(a.verdict).toBe('eligible');
    expect(a.flags).not.toContain('states_agreement_required');
  });

  it('no date for the reference event and no `on`: today is used and the reference is provisional', () => {
    const a = run(makeCase({ events: { requestReceived: null } }), 'coe-ets-112');
    expect(a.flags).toContain('reference_date_provisional');
    expect(a.referenceSource).toBe('today');
    expect(iso(a.referenceDate)).toBe(TODAY);
  });

  it('with the event date, the reference is not provisional', () => {
    const a = run(makeCase(), 'coe-ets-112');
    expect(a.flags).not.toContain('reference_date_provisional');
    expect(a.referenceSource).toBe('event');
  });

  it('with `on` and no event date, the reference is not provisional', () => {
    const a = run(makeCase({ events: { requestReceived: null } }), 'coe-ets-112', '2023-03-01');
    expect(a.flags).not.toContain('reference_date_provisional');
    expect(a.referenceSource).toBe('override');
  });

  it('the reference event is the rule-set\'s: US–Thailand counts from the application, not the receipt of the request', () => {
    const c = makeCase({ sentencingState: 'TH', administeringState: 'US', person: { nationalities: ['US'] }, events: { application: '2023-06-01', requestReceived: '2024-01-01' } });
    const a = run(c, 'us-th-1982');
    expect(iso(a.referenceDate)).toBe('2023-06-01');
    expect(a.referenceEvent).toBe('application');
  });

  it('discretionary and optional grounds surface as flags without changing an eligible verdict', () => {
    const dual = run(makeCase({ sentencingState: 'TH', administeringState: 'US', person: { nationalities: ['US', 'TH'] } }), 'us-th-1982');
    expect(dual.verdict).toBe('eligible');
    expect(dual.flags).toContain('discretionary_refusal:dual_national');
    const eu = run(makeCase({ sentencingState: 'DE', events: { judgmentReceived: '2026-01-01' } }), 'eu-fd-2008-909');
    expect(eu.verdict).toBe('eligible');
    expect(eu.flags).toContain('optional_refusal:remaining_time');
  });
});

describe('unconfirmed parameters', () => {
  it('T01 under ETS 112 uses only confirmed parameters: the only flag is states_agreement_required', () => {
    expect(run(makeCase(), 'coe-ets-112').flags).toEqual(['states_agreement_required']);
  });

  it('Hong Kong–Russia (every parameter unconfirmed): flagged unconfirmed_parameters', () => {
    const c = makeCase({ sentencingState: 'HK', administeringState: 'RU', person: { nationalities: ['RU'] } });
    expect(run(c, 'hk-ru-2021').flags).toContain('unconfirmed_parameters');
  });
});

describe('`on` overrides the event date', () => {
  it('assessed on 2026-01-01 instead of the receipt on 2023-03-01: the remaining time is counted from 2026-01-01', () => {
    const a = run(makeCase(), 'coe-ets-112', '2026-01-01');
    expect(iso(a.referenceDate)).toBe('2026-01-01');
    expect(a.referenceSource).toBe('override');
    expect(a.dates.remainingDays).toBe(165); // 2026-06-15 − 2026-01-01
    expect(statusOf(a, 'remaining-sentence')).toBe('waived');
    expect(a.verdict).toBe('eligible_by_exception');
  });

  it('the same case on its event date is eligible with 1202 days remaining (T01)', () => {
    const a = run(makeCase(), 'coe-ets-112');
    expect(a.verdict).toBe('eligible');
    expect(iso(a.referenceDate)).toBe('2023-03-01');
    expect(a.dates.remainingDays).toBe(1202);
  });
});

describe('rescreenOn: the first day a time-based failure clears', () => {
  const thai = (application: string, patch: CasePatch = {}) =>
    makeCase({
      sentencingState: 'TH',
      administeringState: 'HK',
      person: { nationalities: ['PH'], permanentResidence: ['HK'] },
      sentences: [{ id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1'] }],
      events: { application },
      ...patch,
    });

  it('T12: 485 of 731 days served when applying on 2022-06-01: the minimum is tested at the transfer, so the application stands: eligible, the transfer window opening on 2023-02-02', () => {
    // Changed from "ineligible, rescreen 2023-02-02" (docs/domain.md "Eligibility scenarios", T12): US–Thailand Art. II(6), which
    // Hong Kong–Thailand copies, asks for the minimum "at the time of transfer", not of the application.
    const a = run(thai('2022-06-01'), 'hk-th');
    expect(a.verdict).toBe('eligible');
    expect(a.rescreenOn).toBeNull();
    expect(iso(a.transferWindow?.from ?? null)).toBe('2023-02-02');
  });

  it('T12 with the minimum tested on the reference date (the earlier reading): ineligible, rescreen on 2023-02-02', () => {
    const hkth = ruleSet('hk-th');
    const a = run(thai('2022-06-01'), ruleSet('hk-th', { minServed: { ...hkth.minServed, value: { ...hkth.minServed.value!, testedAt: 'reference' } } }));
    expect(a.verdict).toBe('ineligible');
    expect(iso(a.rescreenOn)).toBe('2023-02-02');
  });

  it('T11: the same person on 2023-06-01 is eligible, no rescreen date', () => {
    const a = run(thai('2023-06-01'), 'hk-th');
    expect(a.verdict).toBe('eligible');
    expect(a.rescreenOn).toBeNull();
    expect(a.dates.servedDays).toBe(850);
  });

  it('a remaining-time failure never clears by waiting: rescreen null (1 year from 2023-01-01, application 2023-01-10)', () => {
    const c = thai('2023-01-10', { administeringState: 'US', person: { nationalities: ['US'] }, sentences: [{ id: 'S1', start: '2023-01-01', term: { years: 1 }, offences: ['O1'] }] });
    const a = run(c, 'us-th-1982');
    expect(a.verdict).toBe('ineligible');
    expect(statusOf(a, 'remaining-sentence')).toBe('not_met');
    expect(a.rescreenOn).toBeNull();
  });

  it('the minimum is served only when less than a year is left, yet the person is never without a date: applied with a year left, transfer from 2023-06-02 (15 months from 2023-01-01)', () => {
    // Before, both were tested on the application: no day ever met both ("rescreen null"). Art. II(4)
    // tests the year at the application, Art. II(6) the minimum at the transfer.
    const c = thai('2023-02-01', { administeringState: 'US', person: { nationalities: ['US'] }, sentences: [{ id: 'S1', start: '2023-01-01', term: { months: 15 }, offences: ['O1'] }] });
    const a = run(c, 'us-th-1982');
    expect(a.verdict).toBe('eligible');
    expect(statusOf(a, 'minimum-served')).toBe('met');
    expect(statusOf(a, 'remaining-sentence')).toBe('met');
    // Window: one third of 456 days (2023-01-01 -> 2024-04-01) = 152 -> 2023-06-02; to the day before release, 2024-03-31.
    expect([iso(a.transferWindow?.from ?? null), iso(a.transferWindow?.to ?? null)]).toEqual(['2023-06-02', '2024-03-31']);
    expect(a.flags).not.toContain('transfer_window_closed');
  });

  it('a failure that is not time-based (an excluded offence) leaves no rescreen date, even with a minimum not yet served', () => {
    const c = thai('2022-06-01', { offences: [{ id: 'O1', categories: ['excluded:state-security'], dualCriminality: 'yes' }] });
    const a = run(c, 'hk-th');
    expect(a.verdict).toBe('ineligible');
    expect(a.rescreenOn).toBeNull();
  });

  it('Inter-American Art. I(3): appeal period running until 2023-03-10 (final not recorded, no appeal): rescreen on 2023-03-11', () => {
    const c = makeCase({ sentencingState: 'MX', administeringState: 'CA', person: { nationalities: ['CA'] }, judgment: { final: null, appealPending: false, appealPeriodEnds: '2023-03-10' } });
    const a = run(c, 'oas-1993');
    expect(a.verdict).toBe('ineligible');
    expect(iso(a.rescreenOn)).toBe('2023-03-11');
  });

  it('Inter-American Art. I(3): recorded not final while the appeal period runs to 2023-03-10, no appeal pending: rescreen on 2023-03-11', () => {
    const c = makeCase({ sentencingState: 'MX', administeringState: 'CA', person: { nationalities: ['CA'] }, judgment: { final: false, appealPending: false, appealPeriodEnds: '2023-03-10' } });
    const a = run(c, 'oas-1993');
    expect(a.verdict).toBe('ineligible');
    expect(iso(a.rescreenOn)).toBe('2023-03-11');
  });

  it('T15: an appeal pending leaves no date (rescreen on the appeal\'s disposal)', () => {
    const c = makeCase({ sentencingState: 'US', administeringState: 'MX', person: { nationalities: ['MX'] }, judgment: { appealPending: true } });
    const a = run(c, 'us-iptp');
    expect(a.verdict).toBe('ineligible');
    expect(a.rescreenOn).toBeNull();
  });

  it('a verdict that is not ineligible has no rescreen date', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], events: { requestReceived: '2023-09-16' } });
    expect(run(c, 'coe-ets-112').rescreenOn).toBeNull();
  });

  it('on its rescreen date, a case is no longer ineligible', () => {
    const hkth = ruleSet('hk-th');
    const atReference = ruleSet('hk-th', { minServed: { ...hkth.minServed, value: { ...hkth.minServed.value!, testedAt: 'reference' } } });
    const a = run(thai('2022-06-01'), atReference);
    const later = run(thai('2022-06-01'), atReference, iso(a.rescreenOn) as string);
    expect(later.verdict).toBe('eligible');
    const dayBefore = run(thai('2022-06-01'), atReference, formatIsoDate((a.rescreenOn as number) - 1));
    expect(dayBefore.verdict).toBe('ineligible');
  });
});

describe('scenarios of docs/domain.md "Eligibility scenarios"', () => {
  it('T01 (ETS 112): eligible; release 2026-06-15, expiry 2026-06-14, 1202 days', () => {
    const a = run(makeCase(), 'coe-ets-112');
    expect(a.verdict).toBe('eligible');
    expect(iso(a.dates.releaseDate)).toBe('2026-06-15');
    expect(iso(a.dates.sentenceExpiryDate)).toBe('2026-06-14');
    expect(a.dates.remainingDays).toBe(1202);
  });

  it('T02/T03 (ETS 112): exactly six months eligible; one day short eligible by exception', () => {
    const two = (requestReceived: string) => makeCase({ sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], events: { requestReceived } });
    expect(run(two('2023-09-15'), 'coe-ets-112').verdict).toBe('eligible');
    const t03 = run(two('2023-09-16'), 'coe-ets-112');
    expect(t03.verdict).toBe('eligible_by_exception');
    expect(t03.dates.remainingDays).toBe(181);
  });

  it('T06 (ETS 112): a life sentence is eligible, with no release date and no remaining days', () => {
    const a = run(makeCase({ sentences: [{ id: 'S1', start: '2020-05-05', term: 'life', offences: ['O1'] }], events: { requestReceived: '2023-04-01' } }), 'coe-ets-112');
    expect(a.verdict).toBe('eligible');
    expect(a.dates.releaseDate).toBeNull();
    expect(a.dates.remainingDays).toBeNull();
  });

  it('T07 (ETS 112): remand 120 days: release 2024-07-04, 154 days, eligible by exception', () => {
    const a = run(makeCase({ sentences: [{ id: 'S1', start: '2022-11-01', term: { years: 2 }, offences: ['O1'] }], remandDays: 120, events: { requestReceived: '2024-02-01' } }), 'coe-ets-112');
    expect(a.verdict).toBe('eligible_by_exception');
    expect(iso(a.dates.releaseDate)).toBe('2024-07-04');
    expect(a.dates.remainingDays).toBe(154);
  });

  it('T08 (ETS 112): consecutive 18 + 12 months from 2022-01-10: release 2024-07-10, 222 days, eligible', () => {
    const c = makeCase({
      sentences: [
        { id: 'S1', start: '2022-01-10', term: { months: 18 }, offences: ['O1'] },
        { id: 'S2', start: null, term: { months: 12 }, consecutiveTo: 'S1', offences: ['O1'] },
      ],
      events: { requestReceived: '2023-12-01' },
    });
    const a = run(c, 'coe-ets-112');
    expect(a.verdict).toBe('eligible');
    expect(iso(a.dates.releaseDate)).toBe('2024-07-10');
    expect(a.dates.remainingDays).toBe(222);
  });

  const t10 = makeCase({
    sentencingState: 'HK',
    administeringState: 'US',
    person: { nationalities: ['US'] },
    sentences: [{ id: 'S1', start: '2023-01-16', term: { years: 3 }, offences: ['O1'] }],
    remandDays: 60,
    events: { request: '2024-03-01' },
  });

  it('T10 (HK–US, basis release with remission): discharge 2024-11-17 < 2025-03-01: ineligible', () => {
    const a = run(t10, 'hk-us-1997');
    expect(a.verdict).toBe('ineligible');
    expect(a.dates.remissionDays).toBe(365);
    expect(iso(a.dates.expectedDischargeDate)).toBe('2024-11-17');
    expect(iso(a.dates.releaseDate)).toBe('2024-11-17');
    expect(iso(a.dates.sentenceExpiryDate)).toBe('2025-11-16');
    expect(a.dates.remainingDays).toBe(261);
    expect(a.rescreenOn).toBeNull();
  });

  it('T10 (HK–US, basis expiry): release 2025-11-17 >= 2025-03-01 passes the time test, but the agreement has not operated since 19 Aug 2020: ineligible', () => {
    const hkus = ruleSet('hk-us-1997');
    const a = run(t10, ruleSet('hk-us-1997', { remainingBasis: { ...hkus.remainingBasis, value: 'expiry' } }));
    expect(a.verdict).toBe('ineligible');
    expect(statusOf(a, 'remaining-sentence')).toBe('met');
    expect(statusOf(a, 'treaty-basis')).toBe('not_met');
    expect(iso(a.dates.releaseDate)).toBe('2025-11-17');
    expect(a.dates.remainingDays).toBe(626);
  });

  it('T13 (US–Thailand): an offence against the King: ineligible, although the time tests pass', () => {
    const c = makeCase({
      sentencingState: 'TH',
      administeringState: 'US',
      person: { nationalities: ['US'] },
      sentences: [{ id: 'S1', start: '2019-08-01', term: { years: 12 }, offences: ['O1'] }],
      offences: [{ id: 'O1', description: 'offence against the King', categories: ['excluded:head-of-state-or-family'], dualCriminality: 'yes' }],
      events: { application: '2024-01-10' },
    });
    const a = run(c, 'us-th-1982');
    expect(a.verdict).toBe('ineligible');
    expect(statusOf(a, 'excluded-offences')).toBe('not_met');
    expect(statusOf(a, 'remaining-sentence')).toBe('met');
    expect(statusOf(a, 'minimum-served')).toBe('met');
  });

  it('T17 (ETS 112): consent withdrawn before the States agreed: ineligible', () => {
    const c = makeCase({
      sentences: [{ id: 'S1', start: '2022-02-01', term: { years: 4 }, offences: ['O1'] }],
      consent: { status: 'withdrawn', withdrawnOn: '2023-05-10' },
      events: { requestReceived: '2023-05-02', statesAgreed: '2023-06-20' },
    });
    expect(run(c, 'coe-ets-112').verdict).toBe('ineligible');
  });

  it('T19 (ETS 112): the guardian\'s consent for a person with a mental illness: eligible, release 2027-09-01', () => {
    const c = makeCase({
      person: { representativeNeeded: true },
      sentences: [{ id: 'S1', start: '2022-09-01', term: { years: 5 }, offences: ['O1'] }],
      consent: { status: 'given', by: 'representative', date: '2023-12-01' },
      events: { requestReceived: '2024-01-15' },
    });
    const a = run(c, 'coe-ets-112');
    expect(a.verdict).toBe('eligible');
    expect(iso(a.dates.releaseDate)).toBe('2027-09-01');
    expect(a.dates.remainingDays).toBe(1325);
  });

  const t21 = (optOut: string[], dualCriminality: string, category: string, maxPenaltyMonths: number, map = noArt74Declarations()) => {
    const eu = ruleSet('eu-fd-2008-909');
    const rs = ruleSet('eu-fd-2008-909', { listExemption: { ...eu.listExemption, value: { thresholdMonths: 36, optOutStates: optOut } } });
    const c = makeCase({
      sentencingState: 'DE',
      administeringState: 'PL',
      person: { nationalities: ['PL'], livesIn: 'PL' },
      sentences: [{ id: 'S1', start: '2023-06-01', term: { years: 2 }, offences: ['O1'] }],
      offences: [{ id: 'O1', categories: [category], maxPenaltyMonths, dualCriminality }],
      consent: { status: 'refused', opinionRecorded: true },
      events: { judgmentReceived: '2024-01-15' },
    });
    // The scenario's premise: Poland made no Art. 7(4) declaration (the built-in map cannot say: below).
    return assessBuiltIn(c, rs, TODAY, undefined, map);
  };

  it('T21 (EU 2008/909): list offence without dual criminality, no consent, opinion on file: eligible, release 2025-06-01', () => {
    const a = t21([], 'no', 'eu:computer-related-crime', 60);
    expect(a.verdict).toBe('eligible');
    expect(iso(a.dates.releaseDate)).toBe('2025-06-01');
    expect(a.dates.remainingDays).toBe(503);
    expect(a.flags).not.toContain('states_agreement_required');
  });

  it('T21 on the built-in map, which knows twelve Art. 7(4) declarations but not whose: needs information, dual criminality unknown (never eligible on a guess)', () => {
    const a = t21([], 'no', 'eu:computer-related-crime', 60, builtInTreatyMap());
    expect(a.verdict).toBe('needs_information');
    expect(statusOf(a, 'dual-criminality')).toBe('unknown');
  });

  it('T23 (EU 2008/909): Art. 7(4) opt-out, dual criminality not assessed: needs information', () => {
    expect(t21(['PL'], 'unknown', 'eu:swindling', 48).verdict).toBe('needs_information');
  });

  it('EU 2008/909: remand not recorded does not hold up an otherwise eligible case (the six-month ground is optional)', () => {
    const c = makeCase({ sentencingState: 'DE', remandDays: null });
    const a = run(c, 'eu-fd-2008-909');
    expect(statusOf(a, 'remaining-sentence')).toBe('unknown');
    expect(a.verdict).toBe('eligible');
  });

  const t26 = (incapacityToPay: boolean) =>
    makeCase({
      sentencingState: 'IT',
      administeringState: 'BR',
      person: { nationalities: ['BR'] },
      sentences: [{ id: 'S1', start: '2021-01-01', term: { years: 5 }, offences: ['O1'] }],
      financialObligations: [{ kind: 'fine', amount: 10000, currency: 'EUR', paid: false, incapacityToPay }],
      events: { requestReceived: '2024-09-01' },
    });

  it('T26 (Italy–Brazil): unpaid fine, no incapacity: ineligible; T26b with absolute incapacity: eligible', () => {
    const a = run(t26(false), 'it-br-2008');
    expect(a.verdict).toBe('ineligible');
    expect(a.rescreenOn).toBeNull();
    expect(iso(a.dates.releaseDate)).toBe('2026-01-01');
    expect(run(t26(true), 'it-br-2008').verdict).toBe('eligible');
  });

  it('T26 under the Russian pattern: the unpaid fine is only a discretionary ground (flagged); the pattern names no agreement, so the treaty basis is unknown', () => {
    const a = run(t26(false), 'ru-bilateral');
    expect(a.flags).toContain('discretionary_refusal:financial_obligations');
    expect(statusOf(a, 'treaty-basis')).toBe('unknown');
    expect(a.verdict).toBe('needs_information');
  });

  const t28 = makeCase({
    sentences: [{ id: 'S1', start: '2022-06-20', term: { years: 4 }, offences: ['O1'] }],
    expulsion: { kind: 'administrative', date: '2023-02-01' },
    consent: { status: 'refused', opinionRecorded: true },
    events: { requestReceived: '2024-06-03' },
  });

  it('T28 (ETS 167 as amended): administrative expulsion, consent refused, opinion on file: consent dispensed; between Switzerland and Poland the amended Protocol does not apply (Poland does not apply CETS 222)', () => {
    const a = run(t28, 'coe-ets-167');
    expect(statusOf(a, 'consent')).toBe('met');
    expect(statusOf(a, 'treaty-basis')).toBe('not_met');
    expect(a.verdict).toBe('ineligible');
    expect(a.dates.remainingDays).toBe(747);
  });

  it('T28b (ETS 167 original): needs information (is the order consequential to the sentence?)', () => {
    expect(run(t28, 'coe-ets-167-original').verdict).toBe('needs_information');
  });

  it('T28c (Art. 3(6) declaration by the administering State): ineligible', () => {
    const amended = ruleSet('coe-ets-167');
    const declared = ruleSet('coe-ets-167', {
      consentExceptions: amended.consentExceptions.map((e) => ({ ...e, notForAdministeringStates: ['PL'] })),
    });
    expect(run(t28, declared).verdict).toBe('ineligible');
  });
});
