/**
 * Release under the administering State's rules (ETS 112 Art. 9(3): enforcement is governed by
 * its law): the projected remission of its profile on the enforced term, counted either on the
 * whole term from its original start or only on the part served here (the profile's
 * `transferredRemission`), and never a release before the handover. Projected: remission can
 * be forfeited.
 */
import type { DayNumber } from '../sentence/calendar.ts';
import type { Step } from '../sentence/compute.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import { DEFAULT_TRANSFERRED_REMISSION } from '../treaties/jurisdictions.ts';
import type { ReleaseProjection } from './types.ts';

export interface EnforcedTerm {
  start: DayNumber;
  nominalRelease: DayNumber;
  releaseDate: DayNumber;
  termDays: number;
}

/** R = min(floor(T × fraction), T − k − floor) when the actual term exceeds the floor, else 0 (C4). */
function remissionOn(termDays: number, creditDays: number, rule: NonNullable<JurisdictionProfile['remission']>): { cap: number; actual: number; days: number } {
  const actual = termDays - creditDays;
  const cap = Math.floor((termDays * rule.numerator) / rule.denominator);
  return { cap, actual, days: actual > rule.minActualTermDays ? Math.min(cap, actual - rule.minActualTermDays) : 0 };
}

export function projectRelease(t: EnforcedTerm, handover: DayNumber, remandDays: number, profile: JurisdictionProfile, steps: Step[]): ReleaseProjection {
  const rule = profile.remission;
  const day = (d: DayNumber) => ({ day: d });
  if (rule === null) {
    const projected = Math.max(t.releaseDate, handover);
    steps.push({ key: 'enforce.step.noRemission', params: { profile: profile.name, release: day(t.releaseDate) } });
    return { remissionDays: 0, base: null, baseSource: null, baseConfidence: null, expectedRelease: t.releaseDate, projectedRelease: projected };
  }
  const base = profile.transferredRemission ?? DEFAULT_TRANSFERRED_REMISSION;
  const fraction = `${rule.numerator}/${rule.denominator}`;
  let days: number;
  if (base.value === 'whole-term') {
    const r = remissionOn(t.termDays, remandDays, rule);
    days = r.days;
    steps.push({
      key: 'enforce.step.remission.whole-term',
      params: {
        source: rule.source, termDays: t.termDays, actualDays: r.actual, fraction, cap: r.cap, floorDays: rule.minActualTermDays,
        remissionDays: days, release: day(t.releaseDate), discharge: day(t.releaseDate - days), base: base.value,
      },
    });
  } else {
    // Only the part served here counts, as the actual term of a sentence begun at the handover.
    const here = Math.max(0, t.releaseDate - handover);
    const r = remissionOn(here, 0, rule);
    days = r.days;
    steps.push({
      key: 'enforce.step.remission.part-served-here',
      params: {
        source: rule.source, hereDays: here, fraction, cap: r.cap, floorDays: rule.minActualTermDays,
        remissionDays: days, release: day(t.releaseDate), discharge: day(t.releaseDate - days), base: base.value,
      },
    });
  }
  const expected = t.releaseDate - days;
  const projected = Math.max(expected, handover);
  return { remissionDays: days, base: base.value, baseSource: base.source, baseConfidence: base.confidence, expectedRelease: expected, projectedRelease: projected };
}
