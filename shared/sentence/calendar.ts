/**
 * Civil-date arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian).
 *
 * Every date in TSP Desk is a calendar date without time or zone: a sentence starts on a
 * day and ends on a day. Working on integers keeps the arithmetic exact (no daylight-saving
 * hour, no timezone shifting a date by one) and fast enough for the engine's budget.
 * The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
 * date-fns is used in the tests as an independent oracle for these functions.
 */

export type DayNumber = number;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function fromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toCivil(days: DayNumber): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(iso: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = iso.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** True when `iso` is a real calendar date written `YYYY-MM-DD` (2023-02-29 is not). */
export function isIsoDate(iso: string): boolean {
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return false;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses `YYYY-MM-DD`; throws on anything that is not a real calendar date. */
export function parseIsoDate(iso: string): DayNumber {
  if (!isIsoDate(iso)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${iso}`);
  return fromCivil(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10));
}

export function formatIsoDate(days: DayNumber): string {
  const { year, month, day } = toCivil(days);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Convention C1: adds calendar months; a day that does not exist in the target month is
 * clamped to that month's last day (2023-08-31 + 6 months = 2024-02-29).
 */
export function addMonths(days: DayNumber, months: number): DayNumber {
  const { year, month, day } = toCivil(days);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return fromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function lastDayOfMonth(days: DayNumber): DayNumber {
  const { year, month } = toCivil(days);
  return fromCivil(year, month, daysInMonth(year, month));
}

export function isFirstOfMonth(days: DayNumber): boolean {
  return toCivil(days).day === 1;
}

/** Today's calendar date in the given clock's local time zone. */
export function todayFrom(now: Date): DayNumber {
  return fromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole years of age on `on` for a person born on `born` (a 29 February birthday counts on 1 March). */
export function ageOn(born: DayNumber, on: DayNumber): number {
  const b = toCivil(born);
  const o = toCivil(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1;
  return age;
}

/** A period of years, months and days, as terms and treaty minimums are written. */
export interface Period {
  years: number;
  months: number;
  days: number;
}

/** C5: the date a period after `day` (calendar months per C1, then days). */
export function addPeriod(day: DayNumber, period: Period): DayNumber {
  return addMonths(day, period.years * 12 + period.months) + period.days;
}
