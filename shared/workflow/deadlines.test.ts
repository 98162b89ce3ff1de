/** Deadlines and alerts with the date arithmetic written out (docs/domain.md "Deadlines"). */
import { describe, expect, it } from 'vitest';
import { parseIsoDate, formatIsoDate } from '../sentence/calendar.ts';
import { builtInRuleSet } from '../treaties/library.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { alertsFor, lastDayKeepingMinimum, urgencyOf } from './alerts.ts';
import { anchorDate, runningDeadlines, type Deadline, type DeadlineAnchors } from './deadlines.ts';

const eu = (builtInRuleSet('eu-fd-2008-909') as RuleSet).deadlines.value;
const anchors = (events: DeadlineAnchors['events'], timeline: Record<string, string> = {}): DeadlineAnchors => ({ events, timeline: new Map(Object.entries(timeline)) });

describe('deadlines per rule-set', () => {
  it('2008/909: 90 days to decide after receipt: 2025-01-31 + 90 days = 2025-05-01 (28 to 02-28, 59 to 03-31, 89 to 04-30)', () => {
    expect(runningDeadlines(eu, anchors({ judgmentReceived: '2025-01-31' }))).toEqual([
      { id: 'recognition-decision', after: 'judgmentReceived', startedOn: '2025-01-31', dueOn: '2025-05-01', days: 90, extendable: true },
    ]);
  });

  it('2008/909: once decided, the decision deadline is met and 30 days to transfer run: 2025-04-20 + 30 = 2025-05-20', () => {
    const a = anchors({ judgmentReceived: '2025-01-31' }, { 'status:agreed': '2025-04-20' });
    expect(runningDeadlines(eu, a).map((d) => [d.id, d.dueOn])).toEqual([['transfer-after-decision', '2025-05-20']]);
    expect(runningDeadlines(eu, anchors({}, { 'status:agreed': '2025-04-20', 'closed:transferred': '2025-05-15' }))).toEqual([]);
  });

  it('SR 0.344.475: 30 days after the States agree: 2024-12-15 + 30 = 2025-01-14 (16 days to 12-31, 14 more)', () => {
    const takeover: Deadline[] = [{ id: 'takeover-after-agreement', after: 'agreement', days: 30, extendable: true, until: 'transferred' }];
    expect(runningDeadlines(takeover, anchors({ statesAgreed: '2024-12-15' }))[0]?.dueOn).toBe('2025-01-14');
    expect(runningDeadlines(takeover, anchors({}, { 'status:agreed': '2024-12-15' }))[0]?.dueOn).toBe('2025-01-14');
  });

  it('US IPTP: 14 days for the prosecutors after the request: 2024-02-20 + 14 = 2024-03-05 (leap year: 9 days to 02-29)', () => {
    const us = (builtInRuleSet('us-iptp') as RuleSet).deadlines.value;
    expect(runningDeadlines(us, anchors({ request: '2024-02-20' }))[0]?.dueOn).toBe('2024-03-05');
  });

  it('a deadline whose anchor is not dated, or not known, has not started', () => {
    expect(runningDeadlines(eu, anchors({}))).toEqual([]);
    expect(anchorDate('speciality-request-received', anchors({ request: '2024-01-01' }))).toBeNull();
  });
});

describe('urgency', () => {
  it.each([
    ['2025-03-09', 'overdue'], // yesterday
    ['2025-03-10', 'this-week'], // today
    ['2025-03-17', 'this-week'], // today + 7
    ['2025-03-18', 'later'], // today + 8
  ])('due %s, today 2025-03-10: %s', (date, urgency) => {
    expect(urgencyOf(date, '2025-03-10')).toBe(urgency);
  });
});

describe('alerts', () => {
  const base = { today: '2025-03-10', deadlines: [], rescreenOn: null, releaseDate: null, minRemaining: null, transferDueOn: null };

  it('the last day a transfer keeps six months: release 2025-12-31 - 6 months = 2025-06-30 (2025-07-01 + 6 m = 2026-01-01, too late)', () => {
    expect(formatIsoDate(lastDayKeepingMinimum(parseIsoDate('2025-12-31'), { years: 0, months: 6, days: 0 }) as number)).toBe('2025-06-30');
    // Month ends clamp (C1): 2025-08-31 + 6 m = 2026-02-28, so release 2026-02-28 still allows 2025-08-31.
    expect(formatIsoDate(lastDayKeepingMinimum(parseIsoDate('2026-02-28'), { years: 0, months: 6, days: 0 }) as number)).toBe('2025-08-31');
  });

  it('remaining below the minimum at the projected transfer: today + 90 days = 2025-06-08 is after the last day 2025-05-31', () => {
    // Release 2025-11-30; six months before is 2025-05-30 + ... : 2025-05-31 + 6 m = 2025-11-30 exactly, so 2025-05-31 is the last day.
    const alerts = alertsFor({ ...base, releaseDate: '2025-11-30', minRemaining: { years: 0, months: 6, days: 0 } });
    expect(alerts).toContainEqual({ kind: 'remaining-below-minimum', id: null, date: '2025-05-31', urgency: 'later' });
  });

  it('no alert when the projected transfer still leaves the minimum; the transfer deadline is the projection when there is one', () => {
    expect(alertsFor({ ...base, releaseDate: '2026-03-10', minRemaining: { years: 0, months: 6, days: 0 } })).toEqual([]);
    // With a transfer due 2025-09-15, release 2026-03-10 leaves less than six months (last day 2025-09-10).
    expect(alertsFor({ ...base, releaseDate: '2026-03-10', minRemaining: { years: 0, months: 6, days: 0 }, transferDueOn: '2025-09-15' }).map((a) => a.kind)).toEqual([
      'remaining-below-minimum',
    ]);
  });

  it('release near (within 180 days), rescreen date reached, deadlines: sorted by date', () => {
    const alerts = alertsFor({
      ...base,
      rescreenOn: '2025-03-01',
      releaseDate: '2025-09-01', // 175 days after 2025-03-10
      deadlines: [{ id: 'recognition-decision', after: 'judgmentReceived', startedOn: '2024-12-12', dueOn: '2025-03-12', days: 90, extendable: true }],
    });
    expect(alerts.map((a) => [a.kind, a.date, a.urgency])).toEqual([
      ['rescreen', '2025-03-01', 'overdue'],
      ['deadline', '2025-03-12', 'this-week'],
      ['release-near', '2025-09-01', 'later'],
    ]);
  });
});
