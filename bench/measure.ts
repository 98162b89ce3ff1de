/**
 * What every benchmark returns, and the small timing helpers they share.
 *
 * A row compares what we measured (`ours`) with a peer or limit (`reference`); `ratio` is
 * ours / reference (or the reverse for times, see `lowerIsBetter`), and `pass` says whether
 * the goal is met. A figure not measured is null, never a guess, and its `note` says why.
 */

export interface Row {
  metric: string;
  /** Our figure in `unit`; null when not measured. */
  ours: number | null;
  /** The peer's figure or the limit, in the same unit; null when there is none. */
  reference: number | null;
  /** ours / reference for rates, reference / ours for times: above 1 is better for us. */
  ratio: number | null;
  /** The goal in words, e.g. "ratio >= 10" or "p95 <= 20 ms". */
  goal: string;
  /** null when not measured. */
  pass: boolean | null;
  unit: string;
  /** What each side computes, or why the row is not measured. */
  note: string;
}

/** The sizes of a run: the sizes, or small ones for the smoke test. */
export interface BenchSizes {
  engineCases: number;
  importCases: number;
  /** Persons (each with a complete case) of the store searched and opened by the memory run. */
  largeStore: number;
  searchQueries: number;
  ui: boolean;
}

export const FULL: BenchSizes = {
  engineCases: 100_000,
  importCases: 100_000,
  largeStore: 1_000_000,
  searchQueries: 100,
  ui: true,
};

export const QUICK: BenchSizes = {
  engineCases: 2_000,
  importCases: 1_000,
  largeStore: 12_000,
  searchQueries: 40,
  ui: false,
};

/** Progress goes to stderr so that `--json` keeps stdout for the JSON alone. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Milliseconds taken by `work`. */
export function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export async function timedAsync(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const round = (n: number, digits: number): number => Number(n.toFixed(digits));

/** A rate compared with a peer's rate (both per second): higher is better. */
export function rateRow(metric: string, ours: number, reference: number, minRatio: number, goal: string, note: string, unit = '/s'): Row {
  const ratio = ours / reference;
  return { metric, ours: round(ours, 0), reference: round(reference, 0), ratio: round(ratio, 3), goal, pass: ratio >= minRatio, unit, note };
}

/** A time compared with a limit or a peer's time: lower is better, ratio = reference / ours. */
export function timeRow(metric: string, ours: number, reference: number, minRatio: number, goal: string, note: string, unit = 'ms'): Row {
  const ratio = reference / ours;
  return { metric, ours: round(ours, 2), reference: round(reference, 2), ratio: round(ratio, 3), goal, pass: ratio >= minRatio, unit, note };
}

/** One round of a ratio row: ours and the peer measured one after the other, in the same unit. */
export interface Round {
  ours: number;
  reference: number;
}

/**
 * A ratio row over several rounds alternating ours and the peer in one run (so that a busier
 * spell of the machine falls on both): the median of the rounds' ratios, with their spread in
 * the note; ours and reference are the medians of their own figures. `kind` rate: higher is
 * better (ratio = ours / reference); time: lower is better (ratio = reference / ours).
 */
export function roundsRow(metric: string, kind: 'rate' | 'time', rounds: readonly Round[], minRatio: number, goal: string, note: string, unit: string): Row {
  const ratios = rounds.map((r) => (kind === 'rate' ? r.ours / r.reference : r.reference / r.ours));
  const ratio = median(ratios);
  const digits = kind === 'rate' ? 0 : 2;
  const spread = `${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}×`;
  return {
    metric, ours: round(median(rounds.map((r) => r.ours)), digits), reference: round(median(rounds.map((r) => r.reference)), digits), ratio: round(ratio, 3),
    goal, pass: ratio >= minRatio, unit,
    note: `${note} Median ratio of ${rounds.length} rounds alternating ours and the peer (spread ${spread}); ours and reference: the medians of their rounds.`,
  };
}

export function notMeasured(metric: string, goal: string, unit: string, note: string, reference: number | null = null): Row {
  return { metric, ours: null, reference, ratio: null, goal, pass: null, unit, note };
}

/** A benchmark that threw: reported as failed with the error, so the run still ends with a table. */
export function failedRow(metric: string, goal: string, unit: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return { metric, ours: null, reference: null, ratio: null, goal, pass: false, unit, note: `failed: ${message.split('\n')[0]}` };
}

function formatNumber(n: number | null, unit: string): string {
  if (n === null) return '—';
  const text = Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-GB') : String(n);
  return `${text} ${unit}`;
}

/** The rows as a plain-text table (metric, ours, reference, ratio, goal, pass). */
export function formatTable(rows: readonly Row[]): string {
  const header = ['metric', 'ours', 'reference', 'ratio', 'goal', 'pass'];
  const cells = rows.map((r) => [
    r.metric,
    formatNumber(r.ours, r.unit),
    formatNumber(r.reference, r.unit),
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.goal,
    r.pass === null ? 'n/a' : r.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]) => c.map((cell, i) => (i === 1 || i === 2 || i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const notes = rows.map((r, i) => `${i + 1}. ${r.metric}: ${r.note}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), '', 'Notes:', ...notes].join('\n');
}
