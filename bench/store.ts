/** Store benchmarks (filled in once the case store exists). */
import type { Measurement } from './measure.ts';

export async function storeBenchmarks(): Promise<(Measurement & { ratio?: string })[]> {
  return [];
}
