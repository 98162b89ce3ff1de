/**
 * Message catalogs and the one formatter every shell uses. Explanations travel as keys
 * with parameters; each reader renders them in its language.
 */
import type { MessageParam, MessageParams } from '../messages.ts';
import { formatIsoDate, type Period } from '../sentence/calendar.ts';
import { en, type MessageKey } from './en.ts';
import { zhHant } from './zh-Hant.ts';

export type Locale = 'en' | 'zh-Hant';
export const LOCALES: readonly Locale[] = ['en', 'zh-Hant'];
export type { MessageKey };

const CATALOGS: Record<Locale, Record<string, string>> = { en, 'zh-Hant': zhHant };

export interface FormatOptions {
  /** How a date parameter is written; ISO `YYYY-MM-DD` by default. */
  formatDate?: (day: number) => string;
}

export function hasMessage(locale: Locale, key: string): boolean {
  return key in CATALOGS[locale];
}

/** A period in the locale's units, zero parts left out: "1 y 3 m 4 d", "1 年 3 個月 4 日". */
export function formatPeriod(locale: Locale, period: Period): string {
  const catalog = CATALOGS[locale];
  const parts: string[] = [];
  if (period.years) parts.push(`${period.years}${catalog['unit.years']}`);
  if (period.months) parts.push(`${period.months}${catalog['unit.months']}`);
  if (period.days || parts.length === 0) parts.push(`${period.days}${catalog['unit.days']}`);
  return parts.join(locale === 'en' ? ' ' : '');
}

function renderParam(locale: Locale, name: string, value: MessageParam, options: FormatOptions): string {
  if (typeof value === 'object') return 'day' in value ? (options.formatDate ?? formatIsoDate)(value.day) : formatPeriod(locale, value.period);
  if (typeof value === 'string') {
    const label = CATALOGS[locale][`param.${name}.${value}`];
    if (label !== undefined) return label;
  }
  return String(value);
}

/** Renders a message; an unknown key falls back to English, then to the key itself. */
export function t(locale: Locale, key: string, params: MessageParams = {}, options: FormatOptions = {}): string {
  const template = CATALOGS[locale][key] ?? en[key as MessageKey] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : renderParam(locale, name, value, options);
  });
}
