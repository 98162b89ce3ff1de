/**
 * Backups as the Settings page sees them (supervisors): the backup folder, the backups in it,
 * the one being written, the latest failure, and "back up now". The desktop app's scheduler
 * (electron/backups.ts, started in keystore-start.ts) provides them for its store's
 * connection; where none runs (the CLI, a test without one), the state is null and a backup
 * is refused: `tsp backup` makes them there.
 */
import type Database from 'better-sqlite3';
import type { BackupInspection, BackupsState, RestoreRequested } from '../../shared/backups-schemas.ts';
import type { backupsContract } from '../../shared/contracts/backups.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers, Input } from './handlers.ts';

/** What the scheduler offers the services; the actor is the signed-in user. */
export interface BackupControl {
  state(): BackupsState;
  backUpNow(actor: { db: Database.Database; clock: () => Date; userId: string }, reason: string): Promise<unknown>;
}

/**
 * Restoring a backup (electron/pending-restore.ts): what a backup holds, and a restore asked for,
 * done at the next start. `null` from inspect: no such backup in the folder.
 */
export interface RestoreControl {
  inspect(name: string): BackupInspection | null;
  /** Refused with the backup's problems when it does not verify. */
  request(ctx: ServiceContext, name: string, reason: string): RestoreRequested | { problems: string[] };
}

const controls = new WeakMap<Database.Database, BackupControl>();
const restores = new WeakMap<Database.Database, RestoreControl>();

/** Makes `control` the restores of the store open on `db`. */
export function provideRestore(db: Database.Database, control: RestoreControl): void {
  restores.set(db, control);
}

function restoreControl(ctx: ServiceContext): RestoreControl {
  const control = restores.get(ctx.db);
  if (control === undefined) throw new ServiceError('not_found', 'error.backups_unavailable');
  return control;
}

/** What a backup of the folder holds, verified as a restore would verify it (reads only). */
export function inspectBackup(ctx: ServiceContext, { name }: Input<'backups.inspect'>): BackupInspection {
  const found = restoreControl(ctx).inspect(name);
  if (found === null) throw new ServiceError('not_found', 'error.backup_not_found', [{ field: 'name', message: `no backup ${name}` }]);
  return found;
}

/** A restore asked for by a supervisor: the backup verified, the request audited; done when the app starts again. */
export function requestRestore(ctx: ServiceContext, { name, reason }: Input<'backups.restore'>): RestoreRequested {
  const control = restoreControl(ctx);
  if (control.inspect(name) === null) throw new ServiceError('not_found', 'error.backup_not_found', [{ field: 'name', message: `no backup ${name}` }]);
  const requested = control.request(ctx, name, reason);
  if ('problems' in requested) throw new ServiceError('conflict', 'error.backup_not_verified', requested.problems.map((message) => ({ field: 'name', message })));
  return requested;
}

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
  'backups.inspect': inspectBackup,
  'backups.restore': requestRestore,
};
