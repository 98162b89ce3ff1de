/**
 * Every string the screens show comes from the catalogs of shared/i18n, through `Text`:
 * `ui(key)` for the screens' own labels (typed keys), `message(key, params)` for the
 * explanations the engine and the services send as keys with stored parameters.
 */
import type { StoredMessageParams } from '../../shared/messages.ts';
import { formatPeriod, hasMessage, t, type Locale, type MessageKey } from '../../shared/i18n/index.ts';
import { sourceText } from './legal-sources.ts';
import type { Period } from '../../shared/sentence/calendar.ts';
import { useDesk } from '../store/index.ts';
import { formatsFor, type Formats } from './formats.ts';
import { messageOptions, renderMessage } from './messages.ts';

export interface Text extends Formats {
  locale: Locale;
  ui(key: MessageKey, params?: Record<string, string | number>): string;
  /** A message key that arrived as data (a condition's explanation, a step, an error); places by name. */
  message(key: string, params?: StoredMessageParams): string;
  /** Whether the catalog has a key built from data (e.g. `ui.field.<path>`). */
  has(key: string): boolean;
  /** "1 y 3 m 4 d". */
  period(period: Period): string;
  /** "459 days". */
  days(count: number): string;
  /** A legal source: a built-in one in the officer's language, any other as written (shared/i18n/sources.ts). */
  source(source: string): string;
}

function buildText(locale: Locale): Text {
  const formats = formatsFor(locale);
  const options = messageOptions(locale);
  return {
    ...formats,
    locale,
    ui: (key, params = {}) => t(locale, key, params, options),
    message: (key, params = {}) => renderMessage(locale, key, params),
    has: (key) => hasMessage(locale, key),
    period: (period) => formatPeriod(locale, period),
    days: (count) => t(locale, 'ui.days', { count }),
    source: (source) => sourceText(source, locale),
  };
}

const cache = new Map<Locale, Text>();

export function textFor(locale: Locale): Text {
  let text = cache.get(locale);
  if (text === undefined) {
    text = buildText(locale);
    cache.set(locale, text);
  }
  return text;
}

export function useText(): Text {
  // Read for its change only: a screen shown in Chinese before the translation of legal sources had loaded renders again once it has.
  useDesk((s) => s.legalSourcesLoaded);
  return textFor(useDesk((s) => s.locale));
}
