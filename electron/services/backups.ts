/**
 * Backups as the Settings page sees them (supervisors): the backup folder, the backups in it,
 * the one being written, the latest failure, and "back up now". The desktop app's scheduler
 * (electron/backups.ts, started in keystore-start.ts) provides them for its store's
 * connection; where none runs (the CLI, a test without one), the state is null and a backup
 * is refused: `tsp backup` makes them there.
 */
import type Database from 'better-sqlite3';
import type { BackupsState } from '../../shared/backups-schemas.ts';
import type { backupsContract } from '../../shared/contracts/backups.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers } from './handlers.ts';

/** What the scheduler offers the services; the actor is the signed-in user. */
export interface BackupControl {
  state(): BackupsState;
  backUpNow(actor: { db: Database.Database; clock: () => Date; userId: string }, reason: string): Promise<unknown>;
}

const controls = new WeakMap<Database.Database, BackupControl>();

/** Makes `control` the backups of the store open on `db`. */
export function provideBackups(db: Database.Database, control: BackupControl): void {
  controls.set(db, control);
}

function backupsState(ctx: ServiceContext): BackupsState | null {
  return controls.get(ctx.db)?.state() ?? null;
}

/**
 * Starts a backup in the background and answers at once with the state (running); the page
 * asks for the state until it is done. Its success or failure is in the state and, once
 * written, in the audit log under the user's name.
 */
function startBackup(ctx: ServiceContext): BackupsState {
  const control = controls.get(ctx.db);
  if (control === undefined) throw new ServiceError('not_found', 'error.backups_unavailable');
  if (control.state().running !== null) throw new ServiceError('conflict', 'error.backup_running');
  // The failure is kept in the state the page reads next; nothing to throw to.
  control.backUpNow({ db: ctx.db, clock: ctx.clock, userId: ctx.user.id }, 'asked for in Settings').catch(() => undefined);
  return control.state();
}

export const backupsHandlers: Handlers<keyof typeof backupsContract> = {
  'backups.state': (ctx) => backupsState(ctx),
  'backups.run': (ctx) => startBackup(ctx),
};
