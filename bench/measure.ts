/** Runs a function repeatedly for at least `minMs` and reports operations per second (median of rounds). */
export interface Measurement {
  name: string;
  opsPerSecond: number;
  rounds: number;
}

export function measure(name: string, op: () => void, opsPerCall = 1, minMs = 600, rounds = 5): Measurement {
  // Warm up so the JIT has compiled the hot path before we time it.
  const warmEnd = performance.now() + 150;
  while (performance.now() < warmEnd) op();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < minMs / rounds) {
      op();
      calls++;
      now = performance.now();
    }
    rates.push((calls * opsPerCall * 1000) / (now - start));
  }
  rates.sort((a, b) => a - b);
  return { name, opsPerSecond: rates[Math.floor(rates.length / 2)] as number, rounds };
}

export function formatRate(ops: number): string {
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)} M/s`;
  if (ops >= 1e3) return `${(ops / 1e3).toFixed(1)} k/s`;
  return `${ops.toFixed(1)} /s`;
}
