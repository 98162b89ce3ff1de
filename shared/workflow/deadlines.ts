/**
 * Procedural deadlines (docs/domain.md "Deadlines") computed from a rule-set's `deadlines` parameter and
 * the dates a case holds. A deadline starts on the date of its `after` anchor and is due
 * `days` calendar days later; it is met when its `until` anchor has a date (or, without one,
 * it runs while the case is open).
 *
 * Anchors: the case file's events (application, request, requestReceived, judgmentReceived,
 * statesAgreed), `agreement` (the States' agreement, SR 0.344.475), `final-decision` (the
 * decision recognising the judgment, 2008/909: the step "agreed"), `transferred`, or any
 * timeline kind (`status:<step>`, `closed:<outcome>`). An anchor the case cannot date yet
 * (or one the app does not record, such as `speciality-request-received`) leaves the deadline
 * out; the rule-set schema refuses any other name (anchors.ts).
 */
import type { CaseFile } from '../domain/case.ts';
import { formatIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { CASE_EVENT_ANCHORS } from './anchors.ts';

export type Deadline = RuleSet['deadlines']['value'][number];

/** The dates a case can anchor a deadline on: its file's events and the latest date of each timeline kind. */
export interface DeadlineAnchors {
  events: Partial<CaseFile['events']>;
  /** Timeline kind -> the date of its latest entry. */
  timeline: ReadonlyMap<string, string>;
}

export function anchorDate(anchor: string, a: DeadlineAnchors): string | null {
  if ((CASE_EVENT_ANCHORS as readonly string[]).includes(anchor)) return a.events[anchor as (typeof CASE_EVENT_ANCHORS)[number]] ?? null;
  switch (anchor) {
    case 'agreement':
      return a.events.statesAgreed ?? a.timeline.get('status:agreed') ?? null;
    case 'final-decision':
      return a.timeline.get('status:agreed') ?? a.events.statesAgreed ?? null;
    case 'transferred':
      return a.timeline.get('closed:transferred') ?? a.timeline.get('status:transferred') ?? null;
    default:
      return a.timeline.get(anchor) ?? null;
  }
}

export interface RunningDeadline {
  id: string;
  after: string;
  startedOn: string;
  dueOn: string;
  days: number;
  extendable: boolean;
}

/** The deadlines of a case that have started and are not yet met. */
export function runningDeadlines(deadlines: readonly Deadline[], anchors: DeadlineAnchors): RunningDeadline[] {
  return deadlines.flatMap((d) => {
    const startedOn = anchorDate(d.after, anchors);
    if (startedOn === null) return [];
    if (d.until !== undefined && anchorDate(d.until, anchors) !== null) return [];
    // Calendar days: 2008/909, receipt 2025-01-31 + 90 days = 2025-05-01.
    const dueOn = formatIsoDate(parseIsoDate(startedOn) + d.days);
    return [{ id: d.id, after: d.after, startedOn, dueOn, days: d.days, extendable: d.extendable }];
  });
}
