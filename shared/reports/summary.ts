/**
 * A list of day counts summarised as the reports print it: how many, average, median,
 * 90th percentile, shortest and longest. Null figures when the list is empty (no "0 days"
 * that was never measured).
 *
 * Median: the middle value, or the mean of the two middle values of an even count.
 * 90th percentile: nearest rank, the value at position ceil(0.9 × n) of the sorted list,
 * so it is always a duration that some case really took.
 */
export interface DaysSummary {
  count: number;
  average: number | null;
  median: number | null;
  p90: number | null;
  shortest: number | null;
  longest: number | null;
}

/** Rounds to one decimal place, as the tables print averages and medians. */
function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

export function summarise(days: readonly number[]): DaysSummary {
  const n = days.length;
  if (n === 0) return { count: 0, average: null, median: null, p90: null, shortest: null, longest: null };
  const sorted = Float64Array.from(days).sort();
  const middle = n >> 1;
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  let total = 0;
  for (const d of sorted) total += d;
  return {
    count: n,
    average: oneDecimal(total / n),
    median: oneDecimal(median),
    p90: sorted[Math.ceil(0.9 * n) - 1]!,
    shortest: sorted[0]!,
    longest: sorted[n - 1]!,
  };
}
