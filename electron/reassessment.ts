/**
 * Re-assessment in the main process (issue 21), like the backups (backups.ts): when a version of
 * the law takes effect — a rule-set, a jurisdiction profile or the treaty map — the app runs it by
 * itself, at the start and then daily (a look every hour: a version dated today takes effect at
 * midnight), resuming any run left unfinished (the app closed, a run stopped); and at once when a
 * legal officer confirms it after a save (`rulesets.reassess`, services/reassess-report.ts). A
 * run the app starts by itself acts as the user who stored the version (or began the run), with a
 * reason saying the app ran it; every assessment and batch is audited as any other.
 *
 * One run at a time, a batch of 1,000 cases per write transaction. A worker thread
 * (reassess-worker.ts) prepares the next two batches — reading the cases, running the engine,
 * writing out and hashing the documents — while this thread stores the one before
 * (storeReportBatch: the documents the store lacks, the assessments, due dates, audit entries
 * and the report's items), so the engine's work and the writes overlap, and the window is
 * answered between batches. Progress is the report's count of items (the Treaties pages show
 * it); cancel stops a run once the batch being written has committed, and the rest waits for the
 * next look.
 */
import type Database from 'better-sqlite3';
import { startReassessInput } from '../shared/contracts/rulesets.ts';
import { reportCounts } from '../db/reassess-reports-repo.ts';
import { findUser } from '../db/users-repo.ts';
import { NODE_TIMERS, type Timers } from './backups.ts';
import type { ReassessWorkerAnswer, ReassessWorkerJob, ReassessWorkerRequest } from './reassess-worker.ts';
import type { ServiceContext } from './services/context.ts';
import { prepareBatch, REASSESS_BATCH_SIZE, type BatchRequest, type PreparedItem } from './services/reassess.ts';
import { provideReassessment, type ReassessControl } from './services/reassess-control.ts';
import { batchRequest, openReassessment, pendingVersions, requireReport, storeReportBatch, unfinishedReports } from './services/reassess-report.ts';
import { write } from './services/write.ts';
import { startWorker } from './worker-thread.ts';

/** Batches prepared ahead of the one being written: the worker is never idle while this thread writes. */
const AHEAD = 2;

/** What prepares batches: a worker thread (the app), or this thread (tests). */
interface Preparer {
  prepare(batch: BatchRequest): Promise<PreparedItem[]>;
  close(): void;
}

function workerPreparer(job: ReassessWorkerJob): Preparer {
  const worker = startWorker('reassess-worker', job);
  const waiting = new Map<number, { resolve: (items: PreparedItem[]) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: ReassessWorkerAnswer) => {
    const w = waiting.get(answer.seq);
    waiting.delete(answer.seq);
    if (answer.ok) w?.resolve(answer.items);
    else w?.reject(Object.assign(new Error(answer.message), { code: answer.code }));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the re-assessment thread stopped (exit code ${code})`)));
  return {
    prepare: (batch) =>
      failure !== null
        ? Promise.reject(failure)
        : new Promise((resolve, reject) => {
            seq += 1;
            waiting.set(seq, { resolve, reject });
            worker.postMessage({ seq, batch } satisfies ReassessWorkerRequest);
          }),
    close: () => void worker.terminate(),
  };
}

const threadPreparer = (db: Database.Database): Preparer => ({
  prepare: (batch) => Promise.resolve().then(() => prepareBatch(db, batch)),
  close: () => undefined,
});

export interface ReassessRunnerOptions {
  db: Database.Database;
  clock: () => Date;
  /** The store as the worker thread opens it (file, key, native module); without it batches are prepared on this thread. */
  worker?: ReassessWorkerJob | undefined;
  timers?: Timers | undefined;
  /** The first look, after the start; default 10 s (the window is up by then). */
  firstCheckAfterMs?: number | undefined;
  /** How often to look for a version that took effect; default one hour. */
  checkEveryMs?: number | undefined;
  batchSize?: number | undefined;
  /** After each batch committed. */
  onProgress?: ((reportId: string, done: number, total: number) => void) | undefined;
  /** A run that failed part-way (its batches committed stay; it is resumed at the next look). */
  onError?: ((error: Error) => void) | undefined;
}

export interface ReassessRunner extends ReassessControl {
  /** One look now: starts every pending version (as the user who stored it) and resumes every unfinished run; resolves when they have run. */
  check(): Promise<void>;
  /** Resolves once no run is running or waiting. */
  idle(): Promise<void>;
  /** Forgets the waiting runs and the timers, stops the running one (what was committed stays) and its thread. */
  stop(): void;
}

/** How a run the app starts by itself says why. */
const SUBJECT_TEXT = { 'rule-set': (id: string) => `rule-set ${id}`, profile: (code: string) => `jurisdiction profile ${code}`, 'treaty-map': () => 'the treaty map' };

/** Reads only (which versions are pending, which runs unfinished): never the context of a write. */
const READER: ServiceContext['user'] = { id: 'system', name: 'system', role: 'viewer' };

export function startReassessmentRunner(options: ReassessRunnerOptions): ReassessRunner {
  const { db, clock } = options;
  const timers = options.timers ?? NODE_TIMERS;
  const size = options.batchSize ?? REASSESS_BATCH_SIZE;
  const queue: { ctx: ServiceContext; reportId: string }[] = [];
  let active: { reportId: string; cancelled: boolean; preparer: Preparer | null } | null = null;
  let draining: Promise<void> | null = null;
  let stopped = false;

  const contextOf = (userId: string): ServiceContext | null => {
    const user = findUser(db, userId);
    return user === undefined ? null : { db, clock, user: { id: user.id, name: user.name, role: user.role } };
  };

  async function run(ctx: ServiceContext, reportId: string, state: NonNullable<typeof active>): Promise<void> {
    const report = requireReport(ctx, reportId);
    const preparer = options.worker === undefined ? threadPreparer(db) : workerPreparer(options.worker);
    state.preparer = preparer;
    try {
      const selection = JSON.parse(report.case_ids) as string[];
      const ahead: { from: number; request: BatchRequest; items: Promise<PreparedItem[]> }[] = [];
      let next = reportCounts(db, report.id).done;
      const fill = () => {
        while (ahead.length < AHEAD && !state.cancelled) {
          const request = batchRequest(ctx, selection.slice(next, next + size));
          if (request.ids.length === 0) return;
          const items = preparer.prepare(request);
          items.catch(() => undefined); // awaited below, or dropped when the run stops
          ahead.push({ from: next, request, items });
          next += request.ids.length;
        }
      };
      fill();
      for (let batch = ahead.shift(); batch !== undefined; batch = ahead.shift()) {
        const items = await batch.items;
        if (state.cancelled) return;
        const { from, request } = batch;
        const progress = write(ctx, (scope) => storeReportBatch(ctx, scope, report, from, request, items));
        options.onProgress?.(reportId, progress.done, progress.total);
        fill();
        // The window's calls are answered between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      preparer.close();
    }
  }

  function drain(): Promise<void> {
    draining ??= (async () => {
      for (let next = queue.shift(); next !== undefined && !stopped; next = queue.shift()) {
        const state = { reportId: next.reportId, cancelled: false, preparer: null };
        active = state;
        try {
          await run(next.ctx, next.reportId, state);
        } catch (error) {
          if (!state.cancelled) options.onError?.(error instanceof Error ? error : new Error(String(error)));
        } finally {
          active = null;
        }
      }
      draining = null;
    })();
    return draining;
  }

  const isRunning = (reportId: string) => active?.reportId === reportId || queue.some((q) => q.reportId === reportId);

  const runner: ReassessRunner = {
    start(ctx, reportId) {
      if (stopped || isRunning(reportId)) return;
      queue.push({ ctx, reportId });
      void drain();
    },
    cancel(reportId) {
      const waiting = queue.findIndex((q) => q.reportId === reportId);
      if (waiting >= 0) queue.splice(waiting, 1);
      if (active?.reportId !== reportId) return waiting >= 0;
      active.cancelled = true;
      return true;
    },
    isRunning,
    async check() {
      const reader: ServiceContext = { db, clock, user: READER };
      for (const p of pendingVersions(reader)) {
        const ctx = contextOf(p.createdBy);
        if (ctx === null) continue;
        const reason = `Version ${p.version} of ${SUBJECT_TEXT[p.subject](p.ruleSetId)} in force from ${p.effectiveFrom}: re-assessed by the app`;
        const progress = openReassessment(ctx, startReassessInput.parse({ subject: p.subject, ruleSetId: p.ruleSetId, version: p.version, reason }));
        if (!progress.finished) runner.start(ctx, progress.reportId);
      }
      for (const report of unfinishedReports(reader)) {
        const ctx = contextOf(report.created_by);
        if (ctx !== null) runner.start(ctx, report.id);
      }
      await runner.idle();
    },
    idle: () => draining ?? Promise.resolve(),
    stop() {
      stopped = true;
      timers.clear(first);
      timers.clear(every);
      queue.length = 0;
      if (active !== null) {
        active.cancelled = true;
        active.preparer?.close();
      }
    },
  };

  const look = () => {
    runner.check().catch((error: Error) => options.onError?.(error));
  };
  const first = timers.setTimeout(look, options.firstCheckAfterMs ?? 10_000);
  const every = timers.setInterval(look, options.checkEveryMs ?? 60 * 60 * 1000);
  provideReassessment(db, runner);
  return runner;
}
