/**
 * A message that arrived as data (a condition's explanation, a date step, an error), worded
 * as the screens write it: dates by locale, places by name in the officer's language (never
 * their codes), and an English sentence that begins with a parameter ("the Transfer
 * Convention … binds …") begun with a capital.
 */
import type { StoredMessageParams } from '../../shared/api-schemas.ts';
import { t, type FormatOptions, type Locale } from '../../shared/i18n/index.ts';
import { toMessageParams } from '../../shared/vocabularies.ts';
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

export function renderMessage(locale: Locale, key: string, params: StoredMessageParams = {}): string {
  const worded = t(locale, key, toMessageParams(params), messageOptions(locale));
  return locale === 'en' && worded !== '' ? worded.charAt(0).toLocaleUpperCase('en') + worded.slice(1) : worded;
}
