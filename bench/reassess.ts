/**
 * Re-assessment as the app runs it when a version of the law takes effect
 * (electron/reassessment.ts: a treaty map version governs every open case naming a rule-set, so
 * all the imported cases): the runner of the main process, the engine on its worker thread, a
 * report with an item per case, 1,000 cases a write transaction. In a full run the code is the
 * compiled main process (dist-electron/, as the app runs it, the worker thread included); a
 * --quick run uses the TypeScript sources.
 *
 * On the imported store (no assessment yet), with the clock fixed on one day:
 *   1. map version A: every case assessed for the first time (all its content new);
 *   2. map version B: every case re-assessed, unchanged (same facts, same outcome): the rows
 *      timed and measured (bytes added to the file), then written again alone into a copy of the
 *      store as it was before this run — the write-only floor;
 *   3. map version C: the same as 2, the engine on the writing thread (no worker), for comparison.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import { auditKeyFileOf } from '../db/audit-key.ts';
import { openDatabase } from '../db/connection.ts';
import { DEMO_TODAY } from '../electron/services/demo.ts';
import { BUILT_IN_TREATY_MAP } from '../shared/treaties/map/built-in/index.ts';
// @ts-expect-error the build script is plain JavaScript
import { buildElectron } from '../scripts/build-electron.mjs';
import { progress, timed, timedAsync, timeRow, type Row } from './measure.ts';

type AppModule = typeof import('../electron/app.ts');
type RunnerModule = typeof import('../electron/reassessment.ts');
type MapModule = typeof import('../electron/services/treaty-map.ts');

const NOW = new Date(`${DEMO_TODAY}T12:00:00.000Z`);
const NO_TIMERS = { setTimeout: () => null, setInterval: () => null, clear: () => undefined };
const LIMIT_S = 10;
const BYTES_LIMIT = 1024;
const FLOOR_LIMIT = 1.3;

async function load(compiled: boolean): Promise<{ app: AppModule; runner: RunnerModule; map: MapModule }> {
  if (!compiled) {
    return { app: await import('../electron/app.ts'), runner: await import('../electron/reassessment.ts'), map: await import('../electron/services/treaty-map.ts') };
  }
  progress('reassess: compiling the main process (dist-electron/)');
  (buildElectron as () => void)();
  const at = (file: string) => pathToFileURL(path.resolve(import.meta.dirname, '..', 'dist-electron', file)).href;
  return {
    app: (await import(at('electron/app.js'))) as AppModule,
    runner: (await import(at('electron/reassessment.js'))) as RunnerModule,
    map: (await import(at('electron/services/treaty-map.js'))) as MapModule,
  };
}

/** Bytes of the file's pages in use, the WAL checkpointed into it. */
function usedBytes(db: Database.Database): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  return pages * (db.pragma('page_size', { simple: true }) as number);
}

interface Marks {
  assessmentRow: number;
  auditSeq: number;
  snapshotId: number;
}

const marksOf = (db: Database.Database): Marks => ({
  assessmentRow: db.prepare('SELECT coalesce(max(rowid), 0) FROM assessments').pluck().get() as number,
  auditSeq: db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number,
  snapshotId: db.prepare('SELECT coalesce(max(id), 0) FROM assessment_snapshots').pluck().get() as number,
});

interface RunOutcome {
  ms: number;
  cases: number;
  bytes: number;
  batches: number;
  marks: Marks;
}

/** Stores treaty map `version` (in force) and lets the runner re-assess its open cases; `copyTo`: the store as it was just before the run. */
async function run(m: Awaited<ReturnType<typeof load>>, file: string, version: string, worker: boolean, copyTo?: string): Promise<RunOutcome> {
  const app = m.app.openApp({ file, osUser: 'bench', clock: () => NOW });
  try {
    m.map.saveTreatyMap(app.context, { map: { ...structuredClone(BUILT_IN_TREATY_MAP), version, effectiveFrom: '2025-01-01' }, reason: `bench: map ${version}` });
    const before = usedBytes(app.db);
    if (copyTo !== undefined) {
      fs.copyFileSync(file, copyTo);
      // With its audit key: the copy's chain is keyed under it (db/audit-key.ts).
      if (fs.existsSync(auditKeyFileOf(file))) fs.copyFileSync(auditKeyFileOf(file), auditKeyFileOf(copyTo));
    }
    const marks = marksOf(app.db);
    let batches = 0;
    let cases = 0;
    const runner = m.runner.startReassessmentRunner({
      db: app.db, clock: () => NOW, timers: NO_TIMERS, worker: worker ? { file } : undefined,
      onProgress: (_id, done, total) => {
        batches += 1;
        cases = total;
        if (batches % 20 === 0) progress(`reassess (map ${version}): ${done}/${total}`);
      },
      onError: (error) => {
        throw error;
      },
    });
    const ms = await timedAsync(() => runner.check());
    runner.stop();
    return { ms, cases, batches, bytes: usedBytes(app.db) - before, marks };
  } finally {
    app.close();
  }
}

/**
 * The floor: what run 2 wrote, written again alone into the copy of the store as it was before
 * it, in the same transactions (the report and its entry; then per batch its new documents, each
 * case's assessment, due dates and audit entry, the report's items and the batch's entry), by
 * prepared INSERTs of every column, with the same schema, triggers (the audit chain's and the
 * latest assessment's included) and pragmas. Only the transactions are timed: no reading, no
 * engine, no JSON, no hashing.
 */
function writeFloorMs(source: string, copy: string, marks: Marks): number {
  const from = openDatabase(source);
  const to = openDatabase(copy);
  try {
    type Rec = Record<string, unknown>;
    const audit = from.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(marks.auditSeq) as (Rec & { action: string; entity_id: string; after: string })[];
    const assessments = new Map((from.prepare('SELECT * FROM assessments WHERE rowid > ?').all(marks.assessmentRow) as Rec[]).map((a) => [a.id as string, a]));
    const snapshots = new Map((from.prepare('SELECT * FROM assessment_snapshots WHERE id > ?').all(marks.snapshotId) as Rec[]).map((s) => [s.id as number, s]));
    const reportIds = new Set(audit.flatMap((e) => (e.action.endsWith('.reassess') ? [(JSON.parse(e.after) as { reportId: string }).reportId] : [])));
    const reports = [...reportIds].map((id) => from.prepare('SELECT * FROM reassess_reports WHERE id = ?').get(id) as Rec);
    const items = [...reportIds].flatMap((id) => from.prepare('SELECT * FROM reassess_items WHERE report_id = ? ORDER BY position').all(id) as (Rec & { position: number })[]);
    const due = new Map((from.prepare('SELECT * FROM case_due_dates').all() as (Rec & { case_id: string })[]).map((d) => [d.case_id, d]));

    // Every column as it is in the source (whatever the schema holds by then).
    const inserter = (table: string, sample: Rec, conflict = '') => {
      const cols = Object.keys(sample);
      return to.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ${conflict}`);
    };
    const cached = new Map<string, ReturnType<typeof inserter>>();
    const insert = (table: string, row: Rec, conflict = '') => {
      let statement = cached.get(table);
      if (statement === undefined) cached.set(table, (statement = inserter(table, row, conflict)));
      statement.run(row);
    };
    const dueConflict = `ON CONFLICT (case_id) DO UPDATE SET rescreen_on = excluded.rescreen_on, release_date = excluded.release_date, discharge_date = excluded.discharge_date
      WHERE rescreen_on IS NOT excluded.rescreen_on OR release_date IS NOT excluded.release_date OR discharge_date IS NOT excluded.discharge_date`;
    // The transactions, built before the timer: the report and its entry; then each batch's new documents, assessments with their
    // due dates and audit entries, items and batch entry (the order storeReportBatch writes them in).
    const itemAt = new Map(items.map((i) => [i.position, i]));
    const written = new Set<number>();
    const transactions: (() => void)[][] = [];
    let entries: Rec[] = [];
    for (const entry of audit) {
      if (entry.action.endsWith('.reassess')) {
        transactions.push([...reports.map((r) => () => insert('reassess_reports', r)), () => insert('audit_log', entry)]);
      } else if (entry.action === 'assessment.run') {
        entries.push(entry);
      } else if (entry.action.endsWith('.reassess.batch')) {
        const { from: first, cases } = JSON.parse(entry.after) as { from: number; cases: number };
        const batch = Array.from({ length: cases }, (_, k) => itemAt.get(first + k)!);
        const entryOf = new Map(entries.map((e) => [(JSON.parse(e.after as string) as { assessmentId: string }).assessmentId, e]));
        entries = [];
        const docs: (() => void)[] = [];
        const rows: (() => void)[] = [];
        for (const item of batch) {
          const a = item.after_assessment_id === null ? undefined : assessments.get(item.after_assessment_id as string);
          if (a === undefined) continue;
          for (const ref of [a.case_snapshot_id, a.result_id, a.texts_id] as (number | null)[]) {
            if (ref === null || written.has(ref) || !snapshots.has(ref)) continue;
            written.add(ref);
            const doc = snapshots.get(ref)!;
            docs.push(() => insert('assessment_snapshots', doc));
          }
          const d = due.get(a.case_id as string)!;
          const e = entryOf.get(a.id as string)!;
          rows.push(() => insert('assessments', a), () => insert('case_due_dates', d, dueConflict), () => insert('audit_log', e));
        }
        transactions.push([...docs, ...rows, ...batch.map((item) => () => insert('reassess_items', item)), () => insert('audit_log', entry)]);
      }
    }
    let ms = 0;
    for (const ops of transactions) ms += timed(() => to.transaction(() => ops.forEach((op) => op()))());
    return ms;
  } finally {
    from.close();
    to.close();
  }
}

export async function reassessBenchmarks(file: string, expected: number, compiled: boolean): Promise<Row[]> {
  const m = await load(compiled);
  const n = expected.toLocaleString('en-GB');
  progress(`reassess: ${n} cases assessed for the first time (map version A)`);
  const first = await run(m, file, 'bench-A', true);
  progress(`reassess: ${n} cases re-assessed, unchanged (map version B)`);
  const copy = `${file}.before-reassess`;
  try {
    const second = await run(m, file, 'bench-B', true, copy);
    if (second.cases !== expected) throw new Error(`the re-assessment selected ${second.cases} cases, not ${expected}`);
    progress('reassess: the same rows written again alone (the floor)');
    const floor = writeFloorMs(file, copy, second.marks);
    progress(`reassess: ${n} cases re-assessed again, the engine on the writing thread (map version C)`);
    const alone = await run(m, file, 'bench-C', false);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const perCase = (r: RunOutcome) => Math.round(r.bytes / r.cases);
    const how = `${compiled ? 'The compiled main process (dist-electron/)' : 'The TypeScript sources (--quick)'}: electron/reassessment.ts runs the report of a treaty map version that took effect (every open case naming a rule-set), ${second.batches} batches of 1,000 cases, each prepared on the worker thread (cases and latest assessments read, engine, documents written out and sha256-hashed) two batches ahead of the one this thread writes in one transaction (new documents, assessment row, due dates where changed, hash-chained audit entry, report item; one batch entry). Clock fixed on ${DEMO_TODAY}.`;
    return [
      timeRow(`reassess: ${n} stored cases when a version takes effect (engine on a worker thread)`, second.ms / 1000, LIMIT_S, 1, `<= ${LIMIT_S} s`,
        `${how} Unchanged cases (a new map version, the same outcome for every case): ${s(second.ms)}, worker start included. The same run with the engine on the writing thread (no worker): ${s(alone.ms)}. The first assessment of the same cases (all content new: ${perCase(first).toLocaleString('en-GB')} bytes a case): ${s(first.ms)}. Reference = the ${LIMIT_S} s limit.`, 's'),
      timeRow('reassess: bytes added to the store per re-assessment of an unchanged case', perCase(second), BYTES_LIMIT, 1, '<= 1 kB',
        `Growth of the file's pages in use (WAL checkpointed) over the run of 2, divided by its ${n} cases: the assessment row naming its three documents (the case and the outcome shared with the case's assessment before, the law's texts shared by the cases reading the same sources) and its 3 index entries, its assessment.run audit entry (hash-chained) and its index entry, the report's item; due dates unchanged, not rewritten. First assessment (all new): ${perCase(first).toLocaleString('en-GB')} bytes a case. Reference = 1,024 bytes.`, 'B'),
      timeRow('reassess: time as a multiple of the write-only floor in the same run', second.ms / floor, FLOOR_LIMIT, 1, `<= ${FLOOR_LIMIT}×`,
        `Run 2 (${s(second.ms)}) over the same rows written again alone into a copy of the store as it was before it, in the same transactions (new documents, assessments, due dates, an audit entry per case, items, batch entries), same schema, triggers and pragmas (synchronous=FULL), nothing else: ${s(floor)}. With the engine on the writing thread: ${(alone.ms / floor).toFixed(2)}×. Reference = ${FLOOR_LIMIT}×.`, '×'),
    ];
  } finally {
    for (const suffix of ['', '-wal', '-shm', '.audit-key', '.audit-head']) fs.rmSync(`${copy}${suffix}`, { force: true });
  }
}
