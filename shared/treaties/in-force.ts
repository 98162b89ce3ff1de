/**
 * The dated documents of the law: rule-set versions, jurisdiction profiles and treaty map
 * versions. Each version is immutable and hashed (the store refuses a change to one) and takes
 * effect from a day. Which version is in force on a day is one rule for all three, here: of the
 * stored versions, the one with the latest effective date on or before the day (of two with the
 * same date, the one stored last); with none, the built-in version, whatever its own date (the
 * law the app ships is the fallback, never "no law").
 */

/** What the rule reads of a stored version. */
export interface DatedVersion {
  /** YYYY-MM-DD. */
  effectiveFrom: string;
  /** When it was stored (ISO timestamp): breaks a tie between two versions effective the same day. */
  storedAt: string;
}

/** The stored version in force on `day` (YYYY-MM-DD), whatever order `stored` is in; else `builtIn`. */
export function inForceOn<V>(stored: readonly V[], day: string, datesOf: (version: V) => DatedVersion, builtIn?: V): V | undefined {
  let best: V | undefined;
  let bestDates: DatedVersion | undefined;
  for (const version of stored) {
    const dates = datesOf(version);
    if (dates.effectiveFrom > day) continue;
    if (bestDates === undefined || dates.effectiveFrom > bestDates.effectiveFrom || (dates.effectiveFrom === bestDates.effectiveFrom && dates.storedAt > bestDates.storedAt)) {
      best = version;
      bestDates = dates;
    }
  }
  return best ?? builtIn;
}
