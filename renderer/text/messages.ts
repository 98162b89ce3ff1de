/**
 * A message that arrived as data (a condition's explanation, a date step, an error), worded
 * as the screens write it: dates by locale, places by name in the officer's language (never
 * their codes), an English sentence that begins with a parameter ("the Transfer
 * Convention … binds …") begun with a capital, and in Chinese no space left between two
 * Chinese characters (the catalogues space out the codes a place parameter once was).
 */
import { en } from '../../shared/i18n/en.ts';
import { t, type FormatOptions, type Locale } from '../../shared/i18n/index.ts';
import { toMessageParams, type StoredMessageParams } from '../../shared/messages.ts';
import { withSourceIn } from './legal-sources.ts';
import { formatsFor } from './formats.ts';
import { placeName } from './subdivisions.ts';

const options = new Map<Locale, FormatOptions>();

export function messageOptions(locale: Locale): FormatOptions {
  let o = options.get(locale);
  if (o === undefined) {
    const formats = formatsFor(locale);
    o = { formatDate: formats.day, formatPlace: (code) => placeName(locale, formats.region, code) };
    options.set(locale, o);
  }
  return o;
}

/** A space between two Chinese characters or full-width punctuation marks. */
const SPACE_IN_CHINESE = /(?<=[\p{Script=Han}\u3000-\u303f\uff01-\uff60]) +(?=[\p{Script=Han}\u3000-\u303f\uff01-\uff60])/gu;

export function renderMessage(locale: Locale, key: string, params: StoredMessageParams = {}): string {
  const worded = t(locale, key, toMessageParams(withSourceIn(params, locale)), messageOptions(locale));
  if (locale !== 'en') return worded.replace(SPACE_IN_CHINESE, '');
  // Only a sentence that begins with a parameter: a field's message ("is required") stays as written.
  const startsWithParam = (en as Record<string, string>)[key]?.startsWith('{') === true;
  return startsWithParam ? worded.charAt(0).toLocaleUpperCase('en') + worded.slice(1) : worded;
}
