/**
 * Run in its own Node process by bench/memory.ts, so that nothing the main benchmark process
 * has allocated counts: opens the app on a large store and does an officer's typical work,
 * then prints one JSON line with its peak resident set size.
 *
 * On Linux the peak is VmHWM of /proc/self/status: process.resourceUsage().maxRSS (getrusage)
 * keeps the high-water mark across exec, so a child started by a large parent reports the
 * parent's peak. Elsewhere maxRSS is used.
 *
 *   node --import tsx bench/memory-child.ts <store.sqlite>
 */
import fs from 'node:fs';
import { runAssessment } from '../electron/services/assessments.ts';
import { exportCases } from '../electron/services/case-files.ts';
import { getCase, listCaseEvents, listCases } from '../electron/services/cases.ts';
import { listCasesInput } from '../shared/contracts/cases.ts';
import { openApp } from '../electron/app.ts';
import { reassessCases } from '../electron/services/reassess.ts';
import { LIST_LIMIT_MAX } from '../shared/vocabularies.ts';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: memory-child.ts <store.sqlite>');
const mb = (kb: number) => Math.round(kb / 1024);
/** Peak RSS in KiB, and where it was read. */
function peakKb(): { kb: number; source: string } {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return { kb: Number(match[1]), source: 'VmHWM (/proc/self/status)' };
  } catch {
    // not Linux
  }
  return { kb: process.resourceUsage().maxRSS, source: 'process.resourceUsage().maxRSS' };
}
const startRss = mb(peakKb().kb);
const inheritedMaxRss = mb(process.resourceUsage().maxRSS);

const app = openApp({ file, osUser: 'bench' });
const ctx = app.context;
const steps: string[] = [];
const step = (name: string, work: () => void) => {
  const started = performance.now();
  work();
  steps.push(`${name} ${Math.round(performance.now() - started)} ms`);
};

let ids: string[] = [];
let total = 0;
step('first page of the case list', () => {
  const page = listCases(ctx, listCasesInput.parse({}));
  total = page.total;
});
step('page through 10,000 cases of the list', () => {
  for (let offset = 0; offset < 10_000; offset += LIST_LIMIT_MAX) {
    ids.push(...listCases(ctx, listCasesInput.parse({ offset, limit: LIST_LIMIT_MAX })).items.map((c) => c.id));
  }
});
step('10 name searches', () => {
  for (const text of ['wong', 'silva', 'Иванов', '陳大文', 'CSD 19', 'maria', 'kuzn', 'ศรีสุข', 'smith', 'ИК-12']) listCases(ctx, listCasesInput.parse({ text }));
});
step('open 500 cases with their timeline', () => {
  for (const id of ids.slice(0, 500)) {
    getCase(ctx, { id });
    listCaseEvents(ctx, { caseId: id });
  }
});
step('assess 500 cases one by one', () => {
  for (const id of ids.slice(0, 500)) runAssessment(ctx, { caseId: id, ruleSetId: 'coe-ets-112' });
});
step('re-assess 10,000 cases in batches', () => {
  reassessCases(ctx, { ids, ruleSetId: 'coe-ets-112' });
});
step('export 2,000 cases', () => {
  exportCases(ctx, { ids: ids.slice(0, 2000) });
});
ids = [];
app.close();

const peak = peakKb();
process.stdout.write(`${JSON.stringify({ cases: total, startRssMb: startRss, maxRssMb: mb(peak.kb), source: peak.source, inheritedMaxRssMb: inheritedMaxRss, steps })}\n`);
