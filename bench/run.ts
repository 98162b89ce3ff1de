/**
 * `npm run bench`: TSP Desk beside its peers and limits, in one run (issue 9). Ratios, not
 * absolute times, are what carry across machines.
 *
 *   npm run bench                 the table (progress on stderr)
 *   npm run -s bench -- --json    the rows as a JSON array, nothing else on stdout
 *   npm run bench -- --quick      small sizes (the smoke test in npm test); goals not meaningful
 *
 * Writes bench/out/latest.json (rows, sizes, machine); a --quick run writes latest-quick.json,
 * so the smoke test in npm test never replaces the figures of a full run. Each section that throws becomes a
 * failed row with the error, so the run always ends with the whole table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_TODAY, generateDemoCases } from '../electron/services/demo.ts';
import { parseIsoDate } from '../shared/sentence/calendar.ts';
import { encryptionBenchmarks } from './encryption.ts';
import { spreadsheetImportBenchmark } from './imports.ts';
import { engineBenchmarks, ENGINE_RULESET } from './engine.ts';
import { failedRow, formatTable, FULL, notMeasured, progress, QUICK, type Row } from './measure.ts';
import { memoryBenchmark } from './memory.ts';
import { reassessBenchmarks } from './reassess.ts';
import { importBenchmarks, searchBenchmarks, seedLargeStore } from './store.ts';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const quick = args.has('--quick');
const sizes = quick ? QUICK : FULL;
const n = (k: number) => k.toLocaleString('en-GB');

const cpus = os.cpus();
const machine = { node: process.version, cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, platform: `${os.platform()} ${os.arch()}` };
const started = performance.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-bench-'));
const rows: Row[] = [];

async function section(name: string, work: () => Row[] | Promise<Row[]>): Promise<void> {
  try {
    rows.push(...(await work()));
  } catch (error) {
    progress(`${name} FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    rows.push(failedRow(name, 'see note', '', error));
  }
}

try {
  const count = Math.max(sizes.engineCases, sizes.importCases);
  progress(`generating ${n(count)} demo cases (${quick ? 'quick' : 'full'} run; ${machine.cpu}, ${machine.cores} cores, node ${machine.node})`);
  // Every case names a rule-set, so that the re-assessment takes them all.
  const cases = generateDemoCases(count, 1).map((c) => (c.ruleSetId == null ? { ...c, ruleSetId: ENGINE_RULESET } : c));
  const today = parseIsoDate(DEMO_TODAY);

  await section('engine', () => engineBenchmarks(cases.slice(0, sizes.engineCases), today));

  let importFile: string | null = null;
  await section('store: import', () => {
    const outcome = importBenchmarks(cases.slice(0, sizes.importCases), dir);
    importFile = outcome.file;
    return outcome.rows;
  });
  const imported = importFile as string | null;
  await section('encryption', () => encryptionBenchmarks(cases.slice(0, quick ? 500 : 10_000), dir));
  await section('imports', () => spreadsheetImportBenchmark(cases.slice(0, quick ? 500 : 10_000), dir));
  if (imported !== null) {
    await section('reassess', () => reassessBenchmarks(imported, sizes.importCases, !quick));
  } else {
    rows.push(notMeasured('reassess', '<= 10 s', 's', 'not measured: the import it runs on failed', 10));
  }

  if (imported !== null) {
    const { routesBenchmark } = await import('./routes.ts');
    await section('routes', () => [routesBenchmark(imported, sizes.importCases)]);
  } else {
    rows.push(notMeasured('routes', '>= 50,000/s', 'routes/s', 'not measured: the import it runs on failed', 50_000));
  }

  if (imported !== null) {
    const { officeBenchmarks } = await import('./office.ts');
    await section('office', () => officeBenchmarks(imported, dir, quick ? 5 : 50, quick ? 3 : 60));
  } else {
    rows.push(notMeasured('office', 'no call refused, no write lost', 'ms', 'not measured: the import it runs on failed'));
  }

  if (sizes.ui && imported !== null) {
    const { uiBenchmarks } = await import('./ui.ts');
    await section('ui', () => uiBenchmarks(imported, sizes.importCases));
  } else {
    const why = quick ? 'not measured in --quick runs (needs a renderer build and Chromium).' : 'not measured: the import store it runs on failed.';
    rows.push(
      notMeasured('ui: the case list within the running app (from a case back to the list)', '<= 200 ms', 'ms', why, 200),
      notMeasured('ui: app start to the first rows of the case list', '<= 400 ms', 'ms', why, 400),
      notMeasured('ui: open a case from the list', '<= 200 ms', 'ms', why, 200),
    );
  }

  // After the UI benchmark: the report benchmark closes a share of the imported cases.
  if (imported !== null) {
    const { reportsBenchmarks } = await import('./reports.ts');
    await section('reports', () => reportsBenchmarks(imported, sizes.importCases));
  } else {
    rows.push(
      notMeasured(`reports: statistics XLSX over ${n(sizes.importCases)} cases`, '<= 10 s', 's', 'not measured: the import store it runs on failed.', 10),
      notMeasured('reports: one dossier PDF', '<= 1 s', 's', 'not measured: the import store it runs on failed.', 1),
    );
  }

  progress(`large store: seeding ${n(sizes.largeStore)} cases by SQL`);
  let large: Awaited<ReturnType<typeof seedLargeStore>> | null = null;
  await section('large store', () => {
    large = seedLargeStore(path.join(dir, 'large.sqlite'), sizes.largeStore, cases);
    return [];
  });
  const store = large as Awaited<ReturnType<typeof seedLargeStore>> | null;
  if (store !== null) {
    await section('search', () => searchBenchmarks(store, sizes.largeStore, sizes.searchQueries));
    await section('memory', () => [memoryBenchmark(store.file, sizes.largeStore)]);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const seconds = Math.round((performance.now() - started) / 1000);
progress(`done in ${seconds} s`);
const out = new URL('./out/', import.meta.url);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(new URL(quick ? 'latest-quick.json' : 'latest.json', out), `${JSON.stringify({ at: new Date().toISOString(), quick, seconds, machine, sizes, rows }, null, 2)}\n`);

if (json) {
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} else {
  process.stdout.write(`TSP Desk benchmarks${quick ? ' (--quick: small sizes, goals not meaningful)' : ''}\n`);
  process.stdout.write(`Machine: node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ${machine.platform}; ${seconds} s\n\n`);
  process.stdout.write(`${formatTable(rows)}\n`);
}
