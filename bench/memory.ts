/** Peak RSS of the Node side on a large store, measured in a child process (bench/memory-child.ts). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { progress, timeRow, type Row } from './measure.ts';

const LIMIT_MB = 500;

export function memoryBenchmark(file: string, cases: number): Row {
  const child = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
  progress(`memory: child process on ${cases.toLocaleString('en-GB')} cases`);
  // From the project root, where `--import tsx` resolves.
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, file], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`memory child exited with ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  const report = JSON.parse(last) as { cases: number; startRssMb: number; maxRssMb: number; source: string; inheritedMaxRssMb: number; steps: string[] };
  return timeRow(
    `memory: peak RSS of the Node side, ${cases.toLocaleString('en-GB')} cases`,
    report.maxRssMb, LIMIT_MB, 1, `<= ${LIMIT_MB} MB`,
    `A fresh Node process (tsx loader included, ${report.startRssMb} MB at start) opens the app on the large store (${report.cases.toLocaleString('en-GB')} open cases listed) and does: ${report.steps.join('; ')}. Peak from ${report.source} (resourceUsage().maxRSS read ${report.inheritedMaxRssMb} MB at the child's start: on Linux it keeps the parent's peak across exec). Reference = the ${LIMIT_MB} MB limit.`,
    'MB',
  );
}
