/**
 * The re-assessment runner as the services see it. In the app, the main process runs a report's
 * batches in the background, the engine on a worker thread (electron/reassessment.ts), and
 * provides this control for its store's connection; the channels then start, follow and stop
 * runs through it. Where none runs (the CLI, a test without one), each `rulesets.reassessStep`
 * call processes the next batch on its own thread (reassess-report.ts).
 */
import type Database from 'better-sqlite3';
import type { ServiceContext } from './context.ts';

export interface ReassessControl {
  /** Runs the report's remaining cases in the background as `ctx`'s user; a report already running is left to its run. */
  start(ctx: ServiceContext, reportId: string): void;
  /** Stops the report's run once the batch being written has committed: it stays unfinished, resumed later. False: it was not running. */
  cancel(reportId: string): boolean;
  /** Whether the report is being run (or waits its turn) now. */
  isRunning(reportId: string): boolean;
}

const controls = new WeakMap<Database.Database, ReassessControl>();

/** Makes `control` the runner of re-assessments on the store open on `db`. */
export function provideReassessment(db: Database.Database, control: ReassessControl): void {
  controls.set(db, control);
}

export function reassessControlOf(db: Database.Database): ReassessControl | undefined {
  return controls.get(db);
}
