/** What every service is called with: the store, the clock and the acting user. */
import type Database from 'better-sqlite3';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import type { Role } from '../../shared/vocabularies.ts';
import type { ShellInfo } from '../diagnostics/shell-info.ts';

export interface ServiceContext {
  db: Database.Database;
  /** The time of a write; injected so tests and replays are deterministic. */
  clock: () => Date;
  user: { id: string; name: string; role: Role };
}

/**
 * "Today" for a service (YYYY-MM-DD, the clock's local calendar day), read from one place. The
 * router reads the clock once per call and hands the services a clock stopped at that instant
 * (electron/router.ts), so a write and the assessment it runs never fall on two days.
 */
export function todayOf(ctx: Pick<ServiceContext, 'clock'>): string {
  return formatIsoDate(todayFrom(ctx.clock()));
}

/** One app's session (electron/services/session.ts): the store, the clock, and who is signed in (null: nobody). */
export interface Session {
  readonly db: Database.Database;
  readonly clock: () => Date;
  user: ServiceContext['user'] | null;
  /** The operating-system account at the keyboard: who a user was before sign-in existed. */
  readonly osUser?: string | undefined;
  /** Failed sign-ins in a row that lock an account (default MAX_FAILED_SIGN_INS; the office server, which also stops each address sooner, sets more). */
  readonly accountLockAfter?: number | undefined;
  /** What the shell knows of itself (version, platform, diagnostics log), for Settings › About; a plain Node process's without. */
  shell?: ShellInfo;
}
