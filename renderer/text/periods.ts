/**
 * The years, months and days between two calendar dates, counted the way terms are
 * (convention C1 of docs/date-conventions.md: whole calendar months first, month ends
 * clamped, then days), so "1 y 3 m 4 d" added to the first date gives the second.
 */
import { addMonths, parseIsoDate } from '../../shared/sentence/calendar.ts';
import type { Period } from '../../shared/sentence/calendar.ts';

export function periodBetween(fromIso: string, toIso: string): Period {
  let from = parseIsoDate(fromIso);
  let to = parseIsoDate(toIso);
  if (to < from) [from, to] = [to, from];
  // A first guess from the day count, then corrected by at most a month either way.
  let months = Math.max(0, Math.floor((to - from) / 31));
  while (addMonths(from, months + 1) <= to) months += 1;
  while (months > 0 && addMonths(from, months) > to) months -= 1;
  return { years: Math.floor(months / 12), months: months % 12, days: to - addMonths(from, months) };
}
