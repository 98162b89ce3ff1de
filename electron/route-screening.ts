/**
 * The route index screened in the main process (issue 16), like the re-assessment runner
 * (reassessment.ts): at the start and then at every look (hourly: a screen holds for one day,
 * one case version and one version of the law), the open cases without a fresh screen are
 * screened a step at a time, the window's calls answered between steps. An officer who picks
 * "Has an open route today" then finds the index ready instead of waiting for it (about 40 s
 * for 100,000 cases on the first use of a day); the list's own step (`routes.screen`) stays for
 * what this has not reached yet. Derived data only: nothing is audited (services/route-index.ts).
 */
import type Database from 'better-sqlite3';
import { NODE_TIMERS, type Timers } from './backups.ts';
import { screenStep } from './services/route-index.ts';

/** Open cases screened per step (one transaction): about 10 ms each, so the window waits at most a few seconds for a step. */
const STEP = 250;

export interface RouteScreeningOptions {
  db: Database.Database;
  clock: () => Date;
  timers?: Timers | undefined;
  /** The first look, after the start; default 20 s (after the re-assessment runner's first look). */
  firstCheckAfterMs?: number | undefined;
  /** How often to look; default one hour. */
  checkEveryMs?: number | undefined;
  step?: number | undefined;
  onError?: ((error: Error) => void) | undefined;
}

export interface RouteScreener {
  /** One look now: screens every open case without a fresh screen; resolves with how many it screened. */
  check(): Promise<number>;
  /** Stops the timers and the look under way after its current step. */
  stop(): void;
}

export function startRouteScreening(options: RouteScreeningOptions): RouteScreener {
  const { db, clock } = options;
  const timers = options.timers ?? NODE_TIMERS;
  const step = options.step ?? STEP;
  let stopped = false;
  let looking: Promise<number> | null = null;

  async function look(): Promise<number> {
    let screened = 0;
    while (!stopped) {
      const state = screenStep(db, clock(), step);
      screened += state.screened;
      if (state.stale === 0 || state.screened === 0) break;
      // The window's calls are answered between steps.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return screened;
  }

  const screener: RouteScreener = {
    check() {
      looking ??= look().finally(() => {
        looking = null;
      });
      return looking;
    },
    stop() {
      stopped = true;
      timers.clear(first);
      timers.clear(every);
    },
  };
  const scheduled = () => {
    screener.check().catch((error: Error) => options.onError?.(error));
  };
  const first = timers.setTimeout(scheduled, options.firstCheckAfterMs ?? 20_000);
  const every = timers.setInterval(scheduled, options.checkEveryMs ?? 60 * 60 * 1000);
  return screener;
}
