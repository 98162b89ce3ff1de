/**
 * Words for a document another State reads: dates in words ("20 November 2025",
 * "2025年11月20日"), States and places by name (Intl, the same names the screens show), terms
 * as "6 years and 3 months". Pure: Intl is the language's, in Node and in the browser alike.
 */
import { formatIsoDate, isIsoDate } from '../sentence/calendar.ts';
import { hasMessage, t, type FormatOptions, type Locale } from '../i18n/index.ts';

const TAG: Record<Locale, string> = { en: 'en-GB', 'zh-Hant': 'zh-Hant-HK' };
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const regionNames = new Map<Locale, Intl.DisplayNames>();

/** A civil date in words; a stored value that is not a date, as written. */
export function dateInWords(locale: Locale, iso: string): string {
  if (!isIsoDate(iso)) return iso;
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(TAG[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant (ISO 8601, UTC) in words to the second: "7 December 2026, 15:52:07 UTC"; anything else as written. */
export function instantInWords(locale: Locale, iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  if (match === null || !isIsoDate(match[1]!)) return iso;
  return `${dateInWords(locale, match[1]!)}${locale === 'en' ? ', ' : ' '}${match[2]!} UTC`;
}

/** How a message's parameters read on a paper: dates in words, places by name. */
export function paperFormat(locale: Locale): FormatOptions {
  return { formatDate: (day) => dateInWords(locale, formatIsoDate(day)), formatPlace: (code) => placeName(locale, code) };
}

/** A State or place by its name in the reader's language (Hong Kong is named as a place, never "State"). */
export function placeName(locale: Locale, code: string): string {
  let names = regionNames.get(locale);
  if (names === undefined) {
    names = new Intl.DisplayNames([TAG[locale]], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A term in words: "6 years and 3 months", "6年3個月". */
export function termInWords(locale: Locale, term: { years: number; months: number; days: number }): string {
  if (locale === 'zh-Hant') {
    const parts = [term.years ? `${term.years}年` : '', term.months ? `${term.months}個月` : '', term.days ? `${term.days}日` : ''].filter(Boolean);
    return parts.join('') || '0日';
  }
  const unit = (n: number, one: string, many: string) => (n === 0 ? '' : `${n} ${n === 1 ? one : many}`);
  const parts = [unit(term.years, 'year', 'years'), unit(term.months, 'month', 'months'), unit(term.days, 'day', 'days')].filter(Boolean);
  if (parts.length === 0) return '0 days';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** A list in the reader's language: "Russia and Kazakhstan", "俄羅斯、哈薩克". */
export function listInWords(locale: Locale, items: readonly string[]): string {
  if (locale === 'zh-Hant') return items.join('、');
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** An instrument by its title (a rule-set the catalogue does not name, by its id as written). */
export function instrumentTitle(locale: Locale, ruleSetId: string): string {
  if (!hasMessage(locale, `param.instrument.${ruleSetId}`)) return ruleSetId;
  const title = t(locale, `param.instrument.${ruleSetId}`);
  return title.charAt(0).toLocaleUpperCase(locale) + title.slice(1);
}
