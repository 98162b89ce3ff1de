/**
 * A message travels as a key and its parameters; each reader words it in its language
 * (shared/i18n). In memory a date parameter is a day number; stored (in an assessment, an
 * enforcement computation) it is written out as `{ date: 'YYYY-MM-DD' }`. Zod-free: the
 * renderer's first screen and the engine need these without loading the schemas.
 */
import { formatIsoDate, isIsoDate, parseIsoDate, type DayNumber, type Period } from './sentence/calendar.ts';

export interface DateParam {
  day: DayNumber;
}
interface PeriodParam {
  period: Period;
}
export type MessageParam = string | number | DateParam | PeriodParam;
export type MessageParams = Record<string, MessageParam>;

/** A message parameter as stored (the schema that checks it: storedParamsSchema, shared/contracts/assessments.ts). */
type StoredMessageParam = string | number | { date: string } | { period: Period };
export type StoredMessageParams = Record<string, StoredMessageParam>;

/** Parameters as stored: day numbers written as ISO dates. */
export function storedParams(params: MessageParams): StoredMessageParams {
  // A copy whose dates and periods are then replaced in place: the same keys in the same order, twice as fast as building it key by key.
  const out = { ...params } as StoredMessageParams;
  for (const name in params) {
    const value = params[name] as MessageParams[string];
    if (typeof value === 'object') out[name] = 'day' in value ? { date: formatIsoDate(value.day) } : { period: { ...value.period } };
  }
  return out;
}

/**
 * Stored parameters back to the shape the i18n formatter takes (`{ day }` for dates). A stored
 * date that is not a calendar date (written by an older version: a year past 9999) is shown as
 * it was written rather than failing the whole page.
 */
export function toMessageParams(params: StoredMessageParams): MessageParams {
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] =
      typeof value !== 'object' ? value : 'date' in value ? (isIsoDate(value.date) ? { day: parseIsoDate(value.date) } : value.date) : { period: { ...value.period } };
  }
  return out;
}
