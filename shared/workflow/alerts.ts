/**
 * What is due on a case, with a date each: running deadlines, the rescreen date of its
 * latest assessment, a release date drawing near, and a transfer that would come too late
 * to leave the treaty's minimum remaining sentence. Sorted into overdue, this week, later.
 */
import { addPeriod, formatIsoDate, parseIsoDate, type DayNumber } from '../sentence/calendar.ts';
import type { Duration } from '../treaties/schema.ts';
import type { RunningDeadline } from './deadlines.ts';

export const ALERT_KINDS = ['deadline', 'rescreen', 'release-near', 'remaining-below-minimum', 'handover-planned', 'chase'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const URGENCIES = ['overdue', 'this-week', 'later'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** App conventions, not law: a release within this many days is "near". */
export const RELEASE_NEAR_DAYS = 180;
/**
 * Without a transfer deadline, a transfer is projected this many days ahead: the US says
 * "at least three months is typical" after approval (docs/domain.md "Deadlines").
 */
export const PROJECTED_TRANSFER_LEAD_DAYS = 90;
/** "This week": due today or within the next seven days. */
const WEEK = 7;

export interface Alert {
  kind: AlertKind;
  /** The deadline id, for kind "deadline". */
  id: string | null;
  /** When it is due: the deadline, the rescreen date, the release date, the last day a transfer keeps the minimum. */
  date: string;
  urgency: Urgency;
}

export function urgencyOf(date: string, today: string): Urgency {
  const d = parseIsoDate(date);
  const t = parseIsoDate(today);
  if (d < t) return 'overdue';
  return d <= t + WEEK ? 'this-week' : 'later';
}

/**
 * The last reference date that still leaves `minimum` before `release` (release >= that date +
 * minimum, as remaining-sentence tests it). It lies between the release less the longest the
 * minimum can last (366-day years, 31-day months) and less the shortest (365, 28): a search of
 * that window takes a step per halving, whatever the minimum, and null when its numbers are too
 * large to count days with (a stored minimum of millions of years).
 */
export function lastDayKeepingMinimum(release: DayNumber, minimum: Duration): DayNumber | null {
  let lo = release - (minimum.years * 366 + minimum.months * 31 + minimum.days);
  let hi = release - (minimum.years * 365 + minimum.months * 28 + minimum.days);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || addPeriod(lo, minimum) > release) return null;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (addPeriod(mid, minimum) <= release) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface AlertInput {
  today: string;
  deadlines: readonly RunningDeadline[];
  /** From the latest assessment: null when not assessed or not computable. */
  rescreenOn: string | null;
  releaseDate: string | null;
  /** The rule-set's minimum remaining sentence; null when it has none. */
  minRemaining: Duration | null;
  /** The due date of a running transfer deadline, if any: the transfer is projected then. */
  transferDueOn: string | null;
}

export function alertsFor(input: AlertInput): Alert[] {
  const { today } = input;
  const alert = (kind: AlertKind, date: string, id: string | null = null): Alert => ({ kind, id, date, urgency: urgencyOf(date, today) });
  const out = input.deadlines.map((d) => alert('deadline', d.dueOn, d.id));
  if (input.rescreenOn !== null) out.push(alert('rescreen', input.rescreenOn));
  if (input.releaseDate !== null) {
    const release = parseIsoDate(input.releaseDate);
    const t = parseIsoDate(today);
    if (release - t <= RELEASE_NEAR_DAYS) out.push(alert('release-near', input.releaseDate));
    if (input.minRemaining !== null) {
      const projected = input.transferDueOn === null ? t + PROJECTED_TRANSFER_LEAD_DAYS : parseIsoDate(input.transferDueOn);
      const lastDay = lastDayKeepingMinimum(release, input.minRemaining);
      if (lastDay !== null && projected > lastDay) out.push(alert('remaining-below-minimum', formatIsoDate(lastDay)));
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
