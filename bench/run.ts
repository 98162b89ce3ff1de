/**
 * `npm run bench`: throughput of the engine and its parts, each beside a peer measured in the
 * same run (ratios, not absolute times, are what carry across machines). Writes bench/out/latest.json.
 */
import fs from 'node:fs';
import { addMonths as dfAddMonths, differenceInCalendarDays } from 'date-fns';
import { parseCase } from '../shared/domain/case.ts';
import { assess } from '../shared/eligibility/engine.ts';
import { assessmentToJson } from '../shared/eligibility/report.ts';
import { addMonths, fromCivil } from '../shared/sentence/calendar.ts';
import { BUILT_IN_RULESETS } from '../shared/treaties/library.ts';
import { benchCases } from './engine-cases.ts';
import { formatRate, measure, type Measurement } from './measure.ts';
import { storeBenchmarks } from './store.ts';

const ENGINE_TARGET = 100_000; // assessments per second on one core (the engine's budget)

const cases = benchCases(2000);
const rawCases = cases.map((c) => JSON.stringify(c));
const today = fromCivil(2026, 11, 29);
let sink = 0;

let i = 0;
const engine = measure('engine: assess one case (all conditions, dates, rescreen)', () => {
  const c = cases[i % cases.length]!;
  const r = assess(c, BUILT_IN_RULESETS[i % BUILT_IN_RULESETS.length]!, { today });
  sink += r.conditions.length;
  i++;
});
const parse = measure('peer: validate one tsp-case/1 file (zod)', () => {
  sink += parseCase(JSON.parse(rawCases[i++ % rawCases.length]!)).ok ? 1 : 0;
});
const render = measure('peer: render one assessment as JSON contract (en)', () => {
  const r = assess(cases[i % cases.length]!, BUILT_IN_RULESETS[i++ % BUILT_IN_RULESETS.length]!, { today });
  sink += JSON.stringify(assessmentToJson(r)).length;
});

const DAYS = Array.from({ length: 1000 }, (_, k) => fromCivil(1990 + (k % 40), 1 + (k % 12), 1 + (k % 31 > 27 ? 28 : k % 31)));
const DATES = DAYS.map((d) => new Date(Date.UTC(1970, 0, 1 + d)));
const ours = measure('calendar: addMonths on day numbers', () => {
  for (let k = 0; k < 1000; k++) sink += addMonths(DAYS[k]!, k % 40);
}, 1000);
const dateFns = measure('peer: date-fns addMonths + differenceInCalendarDays', () => {
  for (let k = 0; k < 1000; k++) sink += differenceInCalendarDays(dfAddMonths(DATES[k]!, k % 40), DATES[k]!);
}, 1000);

const rows: (Measurement & { ratio?: string })[] = [
  { ...engine, ratio: `${(engine.opsPerSecond / ENGINE_TARGET).toFixed(2)}× the 100,000/s target` },
  { ...parse, ratio: `engine is ${(engine.opsPerSecond / parse.opsPerSecond).toFixed(1)}× faster than validating the file` },
  { ...render, ratio: `${(render.opsPerSecond / engine.opsPerSecond).toFixed(2)}× the engine alone` },
  { ...ours, ratio: `${(ours.opsPerSecond / dateFns.opsPerSecond).toFixed(1)}× date-fns` },
  dateFns,
  ...(await storeBenchmarks()),
];

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`TSP Desk benchmarks (node ${process.version}, one core)\n`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${formatRate(r.opsPerSecond).padStart(11)}  ${r.ratio ?? ''}`);
fs.mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('./out/latest.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
if (sink === -1) console.log('');
