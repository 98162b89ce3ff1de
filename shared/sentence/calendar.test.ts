/**
 * Civil-date arithmetic (calendar.ts) against date-fns as an independent oracle.
 *
 * date-fns works on local `Date`s; every comparison goes through `yyyy-MM-dd` strings built
 * from local calendar fields (never through timestamps), so the machine's time zone and its
 * daylight-saving changes cannot shift a date. date-fns `addMonths` clamps a missing day to
 * the month's last day, as convention C1 does.
 */
import { addDays as dfAddDays, addMonths as dfAddMonths, differenceInCalendarDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addPeriod,
  ageOn,
  daysInMonth,
  formatIsoDate,
  fromCivil,
  isIsoDate,
  isLeapYear,
  lastDayOfMonth,
  parseIsoDate,
  toCivil,
} from './calendar.ts';

const FIRST = fromCivil(1900, 1, 1);
const LAST = fromCivil(2200, 12, 31);
const EPOCH = new Date(1970, 0, 1);

/** The local Date of a day number, built by date-fns from the epoch (independent of toCivil). */
const dateOf = (day: number): Date => dfAddDays(EPOCH, day);
const isoOf = (date: Date): string => format(date, 'yyyy-MM-dd');
const localDate = (iso: string): Date => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

const day = fc.integer({ min: FIRST, max: LAST });
/** A real calendar date 1900-2200 as an ISO string, made by date-fns. */
const isoDate = day.map((d) => isoOf(dateOf(d)));
/** A day that ends a month (including every 28/29 February). */
const monthEnd = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => isoOf(new Date(year, month, 0)));

describe('day numbers (Hinnant days_from_civil / civil_from_days)', () => {
  it('day 0 is 1970-01-01 and 2000-03-01 is day 11017', () => {
    expect(fromCivil(1970, 1, 1)).toBe(0);
    expect(toCivil(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(fromCivil(2000, 3, 1)).toBe(11017);
    expect(formatIsoDate(-1)).toBe('1969-12-31');
  });

  it('formatIsoDate names the same calendar day as date-fns for every day 1900-2200', () => {
    fc.assert(fc.property(day, (d) => formatIsoDate(d) === isoOf(dateOf(d))), { numRuns: 2000 });
  });

  it('fromCivil(toCivil(d)) is d for every day 1900-2200', () => {
    fc.assert(
      fc.property(day, (d) => {
        const c = toCivil(d);
        return fromCivil(c.year, c.month, c.day) === d;
      }),
      { numRuns: 2000 },
    );
  });

  it('toCivil(fromCivil(y, m, d)) gives back y, m, d for every real date 1900-2200', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const y = Number(iso.slice(0, 4));
        const m = Number(iso.slice(5, 7));
        const d = Number(iso.slice(8, 10));
        expect(toCivil(fromCivil(y, m, d))).toEqual({ year: y, month: m, day: d });
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive days differ by exactly one across month, year and century ends', () => {
    expect(fromCivil(2024, 3, 1) - fromCivil(2024, 2, 29)).toBe(1);
    expect(fromCivil(2023, 3, 1) - fromCivil(2023, 2, 28)).toBe(1);
    expect(fromCivil(2000, 3, 1) - fromCivil(2000, 2, 29)).toBe(1); // 2000 is a leap year (divisible by 400)
    expect(fromCivil(2100, 3, 1) - fromCivil(2100, 2, 28)).toBe(1); // 2100 is not
    expect(fromCivil(2024, 1, 1) - fromCivil(2023, 12, 31)).toBe(1);
  });

  it('the number of days between two dates is date-fns differenceInCalendarDays', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => parseIsoDate(b) - parseIsoDate(a) === differenceInCalendarDays(localDate(b), localDate(a))),
      { numRuns: 2000 },
    );
  });
});

describe('ISO dates (YYYY-MM-DD)', () => {
  it('formatIsoDate(parseIsoDate(s)) is s for every real date 1900-2200', () => {
    fc.assert(fc.property(isoDate, (iso) => formatIsoDate(parseIsoDate(iso)) === iso), { numRuns: 2000 });
  });

  it('parseIsoDate(formatIsoDate(d)) is d', () => {
    fc.assert(fc.property(day, (d) => parseIsoDate(formatIsoDate(d)) === d), { numRuns: 1000 });
  });

  it('parseIsoDate rejects 2023-02-29 (2023 is not a leap year)', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(parseIsoDate('2024-02-29')).toBe(fromCivil(2024, 2, 29));
  });

  it('parseIsoDate rejects month 13 (2023-13-01)', () => {
    expect(() => parseIsoDate('2023-13-01')).toThrow(RangeError);
    expect(isIsoDate('2023-13-01')).toBe(false);
  });

  it("parseIsoDate rejects an unpadded month ('2023-1-01')", () => {
    expect(() => parseIsoDate('2023-1-01')).toThrow(RangeError);
    expect(isIsoDate('2023-1-01')).toBe(false);
  });

  it('parseIsoDate rejects day 0, day 31 of a 30-day month, signs and spaces', () => {
    for (const bad of ['2023-04-00', '2023-04-31', '2023-00-10', '+023-04-10', '2023-04-1 ', ' 2023-04-1', '2023-04-10T00:00', '20230410', '']) {
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
    }
  });

  it('a date is valid exactly when date-fns builds the same calendar day from it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        return isIsoDate(iso) === (isoOf(new Date(y, m - 1, d)) === iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('leap years follow the Gregorian rule (1900 and 2100 are not leap years, 2000 is)', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2200].map(isLeapYear)).toEqual([false, true, false, true, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('C1 month addition (clamped to the last day of the target month)', () => {
  const plus = (iso: string, months: number) => formatIsoDate(addMonths(parseIsoDate(iso), months));

  it.each([
    ['2023-08-31', 6, '2024-02-29'],
    ['2023-03-31', 1, '2023-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2099-12-31', 2, '2100-02-28'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(plus(start, months)).toBe(expected);
  });

  it('adding months agrees with date-fns addMonths (which clamps like C1) for any day and -1200..1200 months', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const expected = isoOf(dfAddMonths(dateOf(d), n));
        fc.pre(expected >= '1900-01-01' && expected <= '2200-12-31');
        expect(formatIsoDate(addMonths(d, n))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('adding months to a month end agrees with date-fns (every 28/29/30/31 and 29 February)', () => {
    fc.assert(
      fc.property(monthEnd, fc.integer({ min: 0, max: 24 }), (iso, n) => {
        expect(formatIsoDate(addMonths(parseIsoDate(iso), n))).toBe(isoOf(dfAddMonths(localDate(iso), n)));
      }),
      { numRuns: 2000 },
    );
  });

  it('the result of adding months is always a real date in the target month', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 600 }), (d, n) => {
        const result = formatIsoDate(addMonths(d, n));
        const start = toCivil(d);
        const end = toCivil(addMonths(d, n));
        expect(isIsoDate(result)).toBe(true);
        expect(end.year * 12 + end.month - (start.year * 12 + start.month)).toBe(n);
        expect(end.day).toBe(Math.min(start.day, daysInMonth(end.year, end.month)));
      }),
      { numRuns: 1000 },
    );
  });

  it('addPeriod adds the calendar months first, then the days (2023-08-31 + 6 months 1 day = 2024-03-01)', () => {
    expect(formatIsoDate(addPeriod(parseIsoDate('2023-08-31'), { years: 0, months: 6, days: 1 }))).toBe('2024-03-01');
    expect(formatIsoDate(addPeriod(parseIsoDate('2024-02-29'), { years: 1, months: 0, days: 0 }))).toBe('2025-02-28');
    expect(formatIsoDate(addPeriod(parseIsoDate('2023-01-31'), { years: 1, months: 1, days: 0 }))).toBe('2024-02-29');
  });

  it('addPeriod equals date-fns addMonths(12Y + M) then addDays(D)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 400 }), (d, years, months, days) => {
        const expected = isoOf(dfAddDays(dfAddMonths(dateOf(d), years * 12 + months), days));
        fc.pre(expected <= '2200-12-31');
        expect(formatIsoDate(addPeriod(d, { years, months, days }))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('lastDayOfMonth of any day in February 2024 is 2024-02-29, in February 2100 it is 2100-02-28', () => {
    expect(formatIsoDate(lastDayOfMonth(parseIsoDate('2024-02-03')))).toBe('2024-02-29');
    expect(formatIsoDate(lastDayOfMonth(parseIsoDate('2100-02-03')))).toBe('2100-02-28');
  });
});

describe('age in whole years', () => {
  const age = (born: string, on: string) => ageOn(parseIsoDate(born), parseIsoDate(on));

  it('a person turns N on the anniversary of birth, not the day before', () => {
    expect(age('2006-05-10', '2024-05-09')).toBe(17);
    expect(age('2006-05-10', '2024-05-10')).toBe(18);
  });

  it('a 29 February birthday counts on 1 March in a common year (17 on 28 February 2022, 18 on 1 March 2022)', () => {
    expect(age('2004-02-29', '2022-02-28')).toBe(17);
    expect(age('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('a 29 February birthday counts on 29 February in a leap year (2024-02-29: 20; the day before: 19)', () => {
    expect(age('2004-02-29', '2024-02-28')).toBe(19);
    expect(age('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('age agrees with the whole years date-fns counts between the dates (birthday on 29 February moved to 1 March)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [born, on] = a <= b ? [a, b] : [b, a];
        // Oracle: the number of anniversaries reached, where a 29 February anniversary in a
        // common year falls on 1 March.
        const by = Number(born.slice(0, 4));
        const oy = Number(on.slice(0, 4));
        const anniversaryIn = (year: number) => {
          const md = born.slice(5);
          if (md === '02-29' && !(new Date(year, 1, 29).getMonth() === 1)) return `${year}-03-01`;
          return `${year}-${md}`;
        };
        const expected = oy - by - (on < anniversaryIn(oy) ? 1 : 0);
        expect(age(born, on)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
