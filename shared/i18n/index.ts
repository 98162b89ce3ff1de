/**
 * Message catalogs and the one formatter every shell uses. Explanations travel as keys
 * with parameters; each reader renders them in its language.
 *
 * A message is a template with `{name}` placeholders; a message with a count is written in
 * ICU message format (`{days, plural, one {# day} other {# days}}`; Chinese has only `other`)
 * and formatted by FormatJS's intl-messageformat, which picks the form by the language's
 * plural rules and writes `#` as a number of that language ("1,202").
 */
import { IntlMessageFormat } from 'intl-messageformat';
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
  /**
   * How a place parameter (`a`, `b`, `state`, `partner`: an ISO 3166-1 code; `jurisdiction`: an
   * ISO 3166-2 code) is written, e.g. by its name in the reader's language; as is by default.
   */
  formatPlace?: (code: string) => string;
}

/** Parameters other than `instrument` that carry an instrument's id. */
const INSTRUMENT_ROLES: ReadonlySet<string> = new Set(['instead', 'via']);

/** The parameters that carry a place's code (the treaty map's explanations, a constituent State's consent). */
export const PLACE_PARAMS: ReadonlySet<string> = new Set(['a', 'b', 'state', 'partner', 'jurisdiction']);

export function hasMessage(locale: Locale, key: string): boolean {
  return key in CATALOGS[locale];
}

/** A period in words, zero parts left out: "1 year 3 months 4 days", "1年3個月4日" (never "1 y"). */
export function formatPeriod(locale: Locale, period: Period): string {
  const unit = (key: 'unit.years' | 'unit.months' | 'unit.days', n: number) => String(compile(locale, CATALOGS[locale][key] ?? en[key]).format.format({ n }));
  const parts: string[] = [];
  if (period.years) parts.push(unit('unit.years', period.years));
  if (period.months) parts.push(unit('unit.months', period.months));
  if (period.days || parts.length === 0) parts.push(unit('unit.days', period.days));
  return parts.join(locale === 'en' ? ' ' : '');
}

function renderParam(locale: Locale, name: string, value: MessageParam, options: FormatOptions): string {
  if (typeof value === 'object') return 'day' in value ? (options.formatDate ?? formatIsoDate)(value.day) : formatPeriod(locale, value.period);
  if (typeof value === 'string') {
    if (options.formatPlace !== undefined && PLACE_PARAMS.has(name)) return options.formatPlace(value);
    // An instrument named in another role (the one that applies instead, the one a scheme goes through) by its title too.
    const label = CATALOGS[locale][`param.${INSTRUMENT_ROLES.has(name) ? 'instrument' : name}.${value}`];
    if (label !== undefined) return label;
    // What is missing, when it names fields of the case: by their labels, never by path.
    if (name === 'missing') return value.split(', ').map((item) => fieldInWords(locale, item)).join(locale === 'en' ? ', ' : '、');
  }
  return String(value);
}

/**
 * A field of the case file by its label ("Offence 1: Our maximum penalty for the offence" for
 * `offences[0].administeringMaxPenaltyMonths`); anything the catalog has no label for, as written.
 */
export function fieldInWords(locale: Locale, path: string): string {
  const key = `ui.field.${path.replace(/\[\d+\]/g, '')}`;
  const label = CATALOGS[locale][key] ?? (en as Record<string, string>)[key];
  if (label === undefined) return path;
  const row = /^(sentences|offences)\[(\d+)\]/.exec(path);
  if (row === null) return label;
  const which = t(locale, row[1] === 'sentences' ? 'ui.form.sentence.n' : 'ui.form.offence.n', { n: Number(row[2]) + 1 });
  return t(locale, 'ui.treaties.editor.fieldLabel', { parameter: which, part: label });
}

/** Whether a template is an ICU message with a plural or select (the others are plain `{name}` templates). */
export function isIcuMessage(template: string): boolean {
  return /\{\s*\w+\s*,\s*(plural|selectordinal|select)\s*,/.test(template);
}

interface CompiledMessage {
  format: IntlMessageFormat;
  /** Every argument the message names; those chosen among plural forms need a number. */
  args: Set<string>;
  counts: Set<string>;
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

function collectArgs(elements: readonly Element[], args: Set<string>, counts: Set<string>): void {
  for (const el of elements) {
    if (!('value' in el) || typeof el.value !== 'string' || el.type === 0 /* literal */) continue;
    args.add(el.value);
    if ('options' in el) {
      if ('pluralType' in el) counts.add(el.value);
      for (const option of Object.values(el.options)) collectArgs(option.value, args, counts);
    }
  }
}

const compiled = new Map<string, CompiledMessage>();

function compile(locale: Locale, template: string): CompiledMessage {
  const cacheKey = `${locale}\u0000${template}`;
  let message = compiled.get(cacheKey);
  if (message === undefined) {
    // ignoreTag: a `<` in a message is text, never markup.
    const format = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    const args = new Set<string>();
    const counts = new Set<string>();
    collectArgs(format.getAst(), args, counts);
    message = { format, args, counts };
    compiled.set(cacheKey, message);
  }
  return message;
}

/** A count as a number: a number, or digits a caller already wrote with separators ("1,204"). */
function countOf(value: MessageParam | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(value)) return Number(value.replace(/,/g, ''));
  return undefined;
}

function formatIcu(locale: Locale, template: string, params: MessageParams, options: FormatOptions): string {
  const message = compile(locale, template);
  const values: Record<string, string | number> = {};
  for (const name of message.args) {
    const value = params[name];
    const count = message.counts.has(name) ? countOf(value) : undefined;
    // A missing parameter stays visible as `{name}`, as in a plain template.
    values[name] = count ?? (value === undefined ? `{${name}}` : renderParam(locale, name, value, options));
  }
  return String(message.format.format(values));
}

/** Renders a message; an unknown key falls back to English, then to the key itself. */
export function t(locale: Locale, key: string, params: MessageParams = {}, options: FormatOptions = {}): string {
  const own = CATALOGS[locale][key];
  const template = own ?? en[key as MessageKey] ?? key;
  if (isIcuMessage(template)) return formatIcu(own === undefined ? 'en' : locale, template, params, options);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : renderParam(locale, name, value, options);
  });
}
