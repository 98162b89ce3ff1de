/**
 * The check of a handover planned for a date (issue 19): the case assessed as if the handover
 * happened then (the case fact `events.transferPlanned`, which the conditions tested at the
 * transfer read: the treaty in force, a minimum served, a minor's age), what of the sentence
 * remains on that day against the instrument's minimum, and whether the transfer window
 * (Assessment.transferWindow) closes before it. Pure: the service runs the engine and hands
 * the stored assessment here.
 *
 * Refusing (lifecycle.ts guards): nothing of the sentence left on the planned date; a condition
 * tested at the transfer failing then. Warning only: less than the minimum remaining on the
 * planned date (the minimum is tested at the rule-set's reference event, which may be long
 * past), the window closing first, or the check impossible (no sentence dates).
 */
import type { StoredAssessment } from '../api-schemas.ts';
import { addPeriod, formatIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import type { Duration } from '../treaties/schema.ts';

export const HANDOVER_WARNINGS = ['remaining_below_minimum', 'window_closes_first', 'not_checked'] as const;
export type HandoverWarning = (typeof HANDOVER_WARNINGS)[number];

export interface HandoverCheck {
  plannedOn: string;
  verdict: StoredAssessment['verdict'];
  /** The conditions not met on the planned date. */
  failing: string[];
  /** The release the remaining time counts to (the rule-set's basis), if computed. */
  releaseDate: string | null;
  /** Days of the sentence left on the planned date. */
  remainingDays: number | null;
  minimum: Duration | null;
  /** The last day of the transfer window, if it has one. */
  windowClosesOn: string | null;
  warnings: { code: HandoverWarning; date: string | null }[];
}

export function checkHandover(plannedOn: string, assessment: StoredAssessment, minimum: Duration | null): HandoverCheck {
  const d = assessment.dates;
  const release = d.basis === 'release-with-remission' ? (d.expectedDischargeDate ?? d.releaseDate) : d.releaseDate;
  const planned = parseIsoDate(plannedOn);
  const warnings: HandoverCheck['warnings'] = [];
  if (release === null) warnings.push({ code: 'not_checked', date: null });
  else if (minimum !== null && addPeriod(planned, minimum) > parseIsoDate(release)) warnings.push({ code: 'remaining_below_minimum', date: release });
  const closes = assessment.transferWindow?.to ?? null;
  if (closes !== null && closes < plannedOn) warnings.push({ code: 'window_closes_first', date: closes });
  return {
    plannedOn,
    verdict: assessment.verdict,
    failing: assessment.conditions.filter((c) => c.effect === 'mandatory' && c.status === 'not_met').map((c) => c.id),
    releaseDate: release,
    remainingDays: release === null ? null : parseIsoDate(release) - planned,
    minimum,
    windowClosesOn: closes === null ? null : formatIsoDate(parseIsoDate(closes)),
    warnings,
  };
}
