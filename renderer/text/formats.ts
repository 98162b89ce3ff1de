/**
 * Dates, numbers and place names written the way each locale writes them: en-GB for
 * English ("15 Jan 2025"), zh-Hant-HK for Traditional Chinese ("2025年1月15日").
 * Calendar dates are days without a time zone, so they are formatted in UTC; timestamps
 * (when something was done) in the officer's own time zone.
 */
import type { Locale } from '../../shared/i18n/index.ts';
import { formatIsoDate, isIsoDate, type DayNumber } from '../../shared/sentence/calendar.ts';

export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', 'zh-Hant': 'zh-Hant-HK' };

export interface Formats {
  /** A calendar date `YYYY-MM-DD`. */
  date(iso: string): string;
  /** A calendar date with its weekday, for dates someone has to act on. */
  deadline(iso: string): string;
  /** A day number of shared/sentence/calendar. */
  day(day: DayNumber): string;
  /** An ISO timestamp, in local time. */
  dateTime(timestamp: string): string;
  /** The local calendar date of an ISO timestamp. */
  localDate(timestamp: string): string;
  number(value: number): string;
  /** The name of a State or territory from its ISO 3166-1 code; the code when unknown. */
  region(code: string): string;
}

function utcDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** Made on first use: each of Intl's formatters loads its locale data when made (tens of ms at a window's start), and a screen needs only some. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function buildFormats(locale: Locale): Formats {
  const tag = INTL_LOCALE[locale];
  const date = lazy(() => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
  const deadline = lazy(() => new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
  const dateTime = lazy(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }));
  const localDate = lazy(() => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric' }));
  const stamp = (format: () => Intl.DateTimeFormat) => (timestamp: string) => {
    const when = new Date(timestamp);
    return Number.isNaN(when.getTime()) ? timestamp : format().format(when);
  };
  const number = lazy(() => new Intl.NumberFormat(tag));
  const regions = lazy(() => new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' }));
  // Each name is looked up once (a list page names the same few States on every row; the filters name them all).
  const regionNames = new Map<string, string>();
  const formatDate = (iso: string) => (isIsoDate(iso) ? date().format(utcDate(iso)) : iso);
  return {
    date: formatDate,
    deadline: (iso) => (isIsoDate(iso) ? deadline().format(utcDate(iso)) : iso),
    day: (day) => formatDate(formatIsoDate(day)),
    dateTime: stamp(dateTime),
    localDate: stamp(localDate),
    number: (value) => number().format(value),
    region: (code) => {
      let name = regionNames.get(code);
      if (name === undefined) {
        try {
          name = regions().of(code) ?? code;
        } catch {
          name = code;
        }
        regionNames.set(code, name);
      }
      return name;
    },
  };
}

const cache = new Map<Locale, Formats>();

export function formatsFor(locale: Locale): Formats {
  let formats = cache.get(locale);
  if (formats === undefined) {
    formats = buildFormats(locale);
    cache.set(locale, formats);
  }
  return formats;
}

/**
 * Makes the formatters the case list uses (dates, numbers, States' names). The first of Intl's
 * formatters a renderer process makes loads ICU's locale data (40–60 ms at a window's start):
 * renderer/boot.ts calls this while the rest of the code is still on its way, rather than the
 * list's first render paying for it.
 */
export function warmFormats(locale: Locale): void {
  const formats = formatsFor(locale);
  formats.number(0);
  formats.date('2000-01-01');
  formats.localDate('2000-01-01T00:00:00Z');
  formats.region('GB');
}
