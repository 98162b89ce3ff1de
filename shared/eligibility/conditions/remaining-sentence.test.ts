/**
 * Minimum time still to serve at the reference date (C5: release >= REF + N months, equality passes).
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRemainingSentence } from './remaining-sentence.ts';
import { type CaseFile } from '../../domain/case.ts';
import { formatIsoDate } from '../../sentence/calendar.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import type { ConditionResult } from '../types.ts';
import { makeCase, ruleSet, contextOf, expectCondition } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet, on?: string) => evaluateRemainingSentence(contextOf(c, rs, on));
const dateParam = (r: ConditionResult, key: string) => formatIsoDate((r.params[key] as { day: number }).day);

describe('at least six months to serve at receipt of the request (ETS 112 Art. 3(1)(c)), exception Art. 3(2)', () => {
  const ets112 = ruleSet('coe-ets-112');

  it('T01: 5 years from 2021-06-15, received 2023-03-01: release 2026-06-15 >= 2023-09-01, 1202 days: met', () => {
    const r = evaluate(makeCase(), ets112);
    expectCondition(r, 'met', 'mandatory', 'ETS 112 Art. 3(1)(c)');
    expect(dateParam(r, 'release')).toBe('2026-06-15');
    expect(dateParam(r, 'threshold')).toBe('2023-09-01');
    expect(r.params.remaining).toBe(1202);
  });

  it('T02: exactly six months (release 2024-03-15 = received 2023-09-15 + 6 months): met', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], events: { requestReceived: '2023-09-15' } });
    const r = evaluate(c, ets112);
    expectCondition(r, 'met', 'mandatory', 'Art. 3(1)(c)');
    expect(r.params.remaining).toBe(182);
  });

  it('T03: one day short (threshold 2024-03-16 > release 2024-03-15): waived under the Art. 3(2) exception', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], events: { requestReceived: '2023-09-16' } });
    const r = evaluate(c, ets112);
    expectCondition(r, 'waived', 'mandatory', 'Art. 3(2)');
    expect(r.params.remaining).toBe(181);
  });

  it('T07: remand of 120 days brings release to 2024-07-04 < 2024-08-01: waived', () => {
    const c = makeCase({
      sentences: [{ id: 'S1', start: '2022-11-01', term: { years: 2 }, offences: ['O1'] }],
      remandDays: 120,
      events: { requestReceived: '2024-02-01' },
    });
    const r = evaluate(c, ets112);
    expectCondition(r, 'waived', 'mandatory', 'Art. 3(1)(c)');
    expect(dateParam(r, 'release')).toBe('2024-07-04');
    expect(r.params.remaining).toBe(154);
  });

  it('T07: the shortfall is the remand credit’s alone (2024-11-01 without it): the result takes the credit’s source and confidence', () => {
    const t07 = (patch: Parameters<typeof makeCase>[0] = {}) => evaluate(makeCase({
      sentences: [{ id: 'S1', start: '2022-11-01', term: { years: 2 }, offences: ['O1'] }],
      remandDays: 120,
      events: { requestReceived: '2024-02-01' },
      ...patch,
    }), ets112);
    // A State without a profile: the default day-for-day credit, C3, unconfirmed.
    const r = t07({ sentencingState: 'FR' });
    expect(r.confidence).toBe('U');
    expect(r.source).toContain('C3');
    // England and Wales's credit is sourced (Criminal Justice Act 2003 s. 240ZA): the result is as sure as that.
    const gb = t07({ sentencingState: 'GB' });
    expect(gb.confidence).toBe('S');
    expect(gb.source).toContain('s. 240ZA');
    // A shortfall without the credit too (received 2024-06-01: threshold 2024-12-01 > 2024-11-01) rests on the dates alone.
    const anyway = t07({ sentencingState: 'FR', events: { requestReceived: '2024-06-01' } });
    expect(anyway.status).toBe('waived');
    expect(anyway.source).not.toContain('C3');
  });

  it('T08: consecutive sentences count to the end of the chain (2024-07-10 >= 2024-06-01): met', () => {
    const c = makeCase({
      sentences: [
        { id: 'S1', start: '2022-01-10', term: { months: 18 }, offences: ['O1'] },
        { id: 'S2', start: null, term: { months: 12 }, consecutiveTo: 'S1', offences: ['O1'] },
      ],
      events: { requestReceived: '2023-12-01' },
    });
    const r = evaluate(c, ets112);
    expectCondition(r, 'met', 'mandatory', 'Art. 3(1)(c)');
    expect(dateParam(r, 'release')).toBe('2024-07-10');
    expect(r.params.remaining).toBe(222);
  });

  it('T06: a life sentence is indeterminate and passes without a date', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2020-05-05', term: 'life', offences: ['O1'] }], events: { requestReceived: '2023-04-01' } });
    const r = evaluate(c, ets112);
    expectCondition(r, 'met', 'mandatory', 'or if the sentence is indeterminate');
    expect(r.messageKey).toBe('cond.remaining.indeterminate');
  });

  // C1 clamps a day the month lacks to its last day: received 2023-08-31, + 6 months = 2024-02-29. Read as a period
  // running to the end of 29 February, the six months would need custody on that day, a release on 2024-03-01.
  const clamped = (start: string, received: string) =>
    makeCase({ sentences: [{ id: 'S1', start, term: { months: 18 }, offences: ['O1'] }], events: { requestReceived: received } });

  it('received 2023-08-31, released 2024-02-29 (18 months from 2022-08-29): met only because C1 clamps 31 February to 29; a reading, not certain: confidence U, the convention named', () => {
    const r = evaluate(clamped('2022-08-29', '2023-08-31'), ets112);
    expectCondition(r, 'met', 'mandatory', 'ETS 112 Art. 3(1)(c)');
    expect(dateParam(r, 'threshold')).toBe('2024-02-29');
    expect(dateParam(r, 'release')).toBe('2024-02-29');
    expect(r.messageKey).toBe('cond.remaining.met.clamped');
    expect(r.confidence).toBe('U');
    expect(r.source).toContain('TSP Desk convention C1');
  });

  it('received 2023-08-29, released 2024-02-29: the threshold 2024-02-29 is no clamp (29 August + 6 months), met as confirmed', () => {
    const r = evaluate(clamped('2022-08-29', '2023-08-29'), ets112);
    expect([r.status, r.messageKey, r.confidence]).toEqual(['met', 'cond.remaining.met', 'C']);
  });

  it('received 2023-08-31, released 2024-03-01 (18 months from 2022-09-01): met on either reading, confirmed', () => {
    const r = evaluate(clamped('2022-09-01', '2023-08-31'), ets112);
    expect([r.status, r.messageKey, r.confidence]).toEqual(['met', 'cond.remaining.met', 'C']);
  });

  it('received 2023-08-31, released 2024-02-28 (18 months from 2022-08-28): short on either reading, waived under Art. 3(2), confirmed', () => {
    const r = evaluate(clamped('2022-08-28', '2023-08-31'), ets112);
    expect([r.status, r.confidence]).toEqual(['waived', 'C']);
  });

  // A person who escaped: 3 years from 2019-01-01 (release 2022-01-01 had the sentence run on), at large since 2020-01-01
  // with two years still to serve; the time at large is not served. Request received 2023-03-01.
  const escaped = (since: string | null) =>
    makeCase({ sentences: [{ id: 'S1', start: '2019-01-01', term: { years: 3 }, offences: ['O1'] }], custody: { status: 'at-large', since }, events: { requestReceived: '2023-03-01' } });

  it('at large since 2020-01-01, before the computed release 2022-01-01: not "nothing left" but unknown (the dates count the time at large as served)', () => {
    const r = evaluate(escaped('2020-01-01'), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(c)');
    expect(r.messageKey).toBe('cond.remaining.atLarge');
    expect(dateParam(r, 'since')).toBe('2020-01-01');
    expect(r.missing.map((m) => m.split(' ')[0])).toEqual(['sentences[0].start']);
  });

  it('at large since a day not recorded: unknown as well', () => {
    expectCondition(evaluate(escaped(null), ets112), 'unknown', 'mandatory', 'Art. 3(1)(c)');
  });

  it('at large since 2020-01-01 on a 10-year sentence from 2019-01-01: passes as computed (time at large can only lengthen what remains)', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2019-01-01', term: { years: 10 }, offences: ['O1'] }], custody: { status: 'at-large', since: '2020-01-01' }, events: { requestReceived: '2023-03-01' } });
    expectCondition(evaluate(c, ets112), 'met', 'mandatory', 'Art. 3(1)(c)');
  });

  it('at large since 2023-10-01, after the request was received on 2023-09-01: the sentence ran until then; 3 years from 2021-01-01 (release 2024-01-01) is short of 2024-03-01, waived as computed', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2021-01-01', term: { years: 3 }, offences: ['O1'] }], custody: { status: 'at-large', since: '2023-10-01' }, events: { requestReceived: '2023-09-01' } });
    expectCondition(evaluate(c, ets112), 'waived', 'mandatory', 'Art. 3(2)');
  });

  it('remand not recorded while the release would pass: unknown (credit could only bring it earlier), remandDays missing', () => {
    const r = evaluate(makeCase({ remandDays: null }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(c)');
    expect(r.missing).toEqual(['remandDays']);
  });

  it('remand not recorded while the release already falls short: the failure stands (waived), not unknown', () => {
    const c = makeCase({ sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], remandDays: null, events: { requestReceived: '2023-09-16' } });
    expectCondition(evaluate(c, ets112), 'waived', 'mandatory', 'Art. 3(2)');
  });

  it('no sentence data: unknown, sentences missing', () => {
    const r = evaluate(makeCase({ sentences: [] }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(c)');
    expect(r.missing).toEqual(['sentences']);
  });

  it('nothing left to serve on the reference date: not met, not waived (no exception can transfer a served sentence)', () => {
    const r = evaluate(makeCase(), ets112, '2026-06-15');
    expectCondition(r, 'not_met', 'mandatory', 'Art. 3(1)(c)');
  });

  it('a rule-set without a minimum remaining period: not applicable', () => {
    const rs = ruleSet('coe-ets-112', { minRemaining: { ...ets112.minRemaining, value: null } });
    expectCondition(evaluate(makeCase(), rs, '2026-06-01'), 'not_applicable', 'mandatory', 'ETS 112 Art. 3(1)(c)');
  });
});

describe('mandatory minimum without exception (US–Thailand Art. II(4): one year at the application)', () => {
  const usth = ruleSet('us-th-1982');
  const fromThailand = (application: string) =>
    makeCase({
      sentencingState: 'TH',
      administeringState: 'US',
      person: { nationalities: ['US'] },
      sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }],
      events: { application, requestReceived: '2000-01-01' },
    });

  it('release 2024-03-15, application 2023-03-15: exactly one year: met', () => {
    expectCondition(evaluate(fromThailand('2023-03-15'), usth), 'met', 'mandatory', 'US–Thailand Treaty Art. II(4)');
  });

  it('application 2023-03-16: one day short: not met (no exception), no rescreen date', () => {
    const r = evaluate(fromThailand('2023-03-16'), usth);
    expectCondition(r, 'not_met', 'mandatory', 'US–Thailand Treaty Art. II(4)');
    expect(r.clearsOn).toBeNull();
  });

  // C2 clamps a term end the month lacks: 2 years 6 months from 2022-08-31 ends on 31 February 2025, counted as 28 February
  // (release 2025-02-28, last day in custody 27 February). Read as ending on that month's last day (HMPPS), the last day is
  // 28 February and the release 2025-03-01: the one day that decides here.
  const clampedTerm = (start: string) =>
    makeCase({
      sentencingState: 'TH', administeringState: 'US', person: { nationalities: ['US'] },
      sentences: [{ id: 'S1', start, term: { years: 2, months: 6 }, offences: ['O1'] }],
      events: { application: '2024-03-01', requestReceived: '2000-01-01' },
    });

  it('2 years 6 months from 2022-08-31, application 2024-03-01: release 2025-02-28 is one day short of 2025-03-01 only because C2 clamps the term end: not met, but on the profile\'s unconfirmed convention, so U and named', () => {
    const r = evaluate(clampedTerm('2022-08-31'), usth);
    expectCondition(r, 'not_met', 'mandatory', 'US–Thailand Treaty Art. II(4)');
    expect([dateParam(r, 'release'), dateParam(r, 'threshold')]).toEqual(['2025-02-28', '2025-03-01']);
    expect(r.confidence).toBe('U');
    expect(r.source).toContain('counted to: TSP Desk convention C2 (calendar months, clamped to month end)');
  });

  it('a clamp earlier in a consecutive chain counts too: 6 months from 2022-08-31 (C2: to 2023-02-28), then 2 years from there (to 2025-02-28); application 2024-03-01: one day short, U', () => {
    const c = makeCase({
      sentencingState: 'TH', administeringState: 'US', person: { nationalities: ['US'] },
      sentences: [
        { id: 'S1', start: '2022-08-31', term: { months: 6 }, offences: ['O1'] },
        { id: 'S2', start: null, term: { years: 2 }, consecutiveTo: 'S1', offences: ['O1'] },
      ],
      events: { application: '2024-03-01', requestReceived: '2000-01-01' },
    });
    const r = evaluate(c, usth);
    expect([r.status, r.confidence, dateParam(r, 'release')]).toEqual(['not_met', 'U', '2025-02-28']);
  });

  it('2 years 6 months from 2022-08-28 (no clamp), application 2024-03-01: release 2025-02-28, one day short on any convention: not met, confirmed', () => {
    const r = evaluate(clampedTerm('2022-08-28'), usth);
    expect([r.status, r.confidence, dateParam(r, 'release')]).toEqual(['not_met', 'C', '2025-02-28']);
  });
});

describe('optional refusal ground (EU 2008/909 Art. 9(1)(h): less than six months when the judgment is received)', () => {
  const eu = ruleSet('eu-fd-2008-909');
  const received = (judgmentReceived: string) =>
    makeCase({ sentencingState: 'DE', sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], events: { judgmentReceived } });

  it('six months exactly (received 2023-09-15): met; the ground stays optional (effect optional_refusal)', () => {
    expectCondition(evaluate(received('2023-09-15'), eu), 'met', 'optional_refusal', 'FD 2008/909 Art. 9(1)(h)');
  });

  it('remand not recorded: unknown, but only as an optional ground (effect optional_refusal), so it cannot hold up the verdict', () => {
    const r = evaluate(makeCase({ sentencingState: 'DE', remandDays: null }), eu);
    expectCondition(r, 'unknown', 'optional_refusal', 'FD 2008/909 Art. 9(1)(h)');
    expect(r.missing).toEqual(['remandDays']);
  });

  it('less than six months (received 2023-09-16): not met as an optional refusal ground, flagged optional_refusal:remaining_time', () => {
    const r = evaluate(received('2023-09-16'), eu);
    expectCondition(r, 'not_met', 'optional_refusal', 'FD 2008/909 Art. 9(1)(h)');
    expect(r.flags).toEqual(['optional_refusal:remaining_time']);
  });
});

describe('remaining time counted to the expected discharge with remission (Hong Kong–US, T10)', () => {
  const hkus = ruleSet('hk-us-1997');
  const t10 = makeCase({
    sentencingState: 'HK',
    administeringState: 'US',
    person: { nationalities: ['US'] },
    sentences: [{ id: 'S1', start: '2023-01-16', term: { years: 3 }, offences: ['O1'] }],
    remandDays: 60,
    events: { request: '2024-03-01' },
  });

  it('basis release-with-remission: discharge 2024-11-17 < 2025-03-01: not met (12 months, no exception)', () => {
    const r = evaluate(t10, hkus);
    expectCondition(r, 'not_met', 'mandatory', 'BOP Program Statement 5140.42 CN-1');
    expect(dateParam(r, 'release')).toBe('2024-11-17');
    expect(dateParam(r, 'threshold')).toBe('2025-03-01');
    expect(r.params.remaining).toBe(261);
  });

  it('basis expiry: release 2025-11-17 >= 2025-03-01: met (626 days)', () => {
    const expiry = ruleSet('hk-us-1997', { remainingBasis: { ...hkus.remainingBasis, value: 'expiry' } });
    const r = evaluate(t10, expiry);
    expectCondition(r, 'met', 'mandatory', 'BOP Program Statement 5140.42 CN-1');
    expect(dateParam(r, 'release')).toBe('2025-11-17');
    expect(r.params.remaining).toBe(626);
  });
});
