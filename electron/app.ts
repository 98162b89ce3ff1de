/**
 * Opens TSP Desk on a database file and returns the router the shells call: the Electron
 * main process, the CLI and the Chromium test shell. No Electron here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { anchorHead } from '../db/audit-anchor.ts';
import { openDatabase } from '../db/connection.ts';
import type { StoreKey } from '../db/encryption.ts';
import { createSessionRouter, type Router } from './router.ts';
import { runInWorker } from './worker-thread.ts';
import type { ShellInfo } from './diagnostics/shell-info.ts';
import type { ServiceContext } from './services/context.ts';
import type { Session } from './services/context.ts';
import { openSession, sessionContext } from './services/session.ts';
import { bootstrapAdmin, listUsers } from './services/users.ts';
import type { Database } from 'better-sqlite3';

export const DATABASE_FILE = 'tsp-desk.sqlite';

export interface AppOptions {
  /** The SQLite file; its folder is created if missing. */
  file: string;
  /**
   * How the acting user is known. 'password' (the desktop app): nobody is signed in until
   * someone signs in with a password (electron/services/session.ts). 'os-user' (the default:
   * the CLI, benchmarks, tests): the store's user named `osUser`, else its first supervisor,
   * is signed in from the start; the first user of a new store is created as its supervisor.
   */
  signIn?: 'os-user' | 'password';
  /** Who is at the keyboard, for the 'os-user' sign-in. */
  osUser: string;
  nativeBinding?: string | undefined;
  /** The store's key (docs/storage-security.md); none: a plain file. */
  key?: StoreKey | undefined;
  clock?: () => Date;
  /**
   * The schema version the file had before prepareStoreInWorker brought it up to date in this
   * start, which openApp then reports as its own `migratedFrom`.
   */
  migratedFrom?: number | undefined;
  /**
   * What the shell knows of itself (electron/main.ts: the version, the platform, the diagnostics
   * log, where the router's unexpected failures then go); a plain Node process's without.
   */
  shell?: ShellInfo | undefined;
}

/** Schema versions before and after a store's migrations (0 before: a new file). */
export interface SchemaVersions {
  from: number;
  to: number;
}

/** What prepareStoreInWorker's thread is given. */
export type PrepareJob = Pick<AppOptions, 'file' | 'key' | 'nativeBinding'>;

/**
 * Brings the store's schema up to date on a worker thread, before openApp: after an update a large
 * store's migrations can take a while (the search index of schema 10 took 23 s over a million
 * persons), and the main process must go on answering its window meanwhile (electron/main.ts).
 */
export function prepareStoreInWorker(job: PrepareJob): Promise<SchemaVersions> {
  fs.mkdirSync(path.dirname(path.resolve(job.file)), { recursive: true, mode: 0o700 });
  return runInWorker<SchemaVersions>('store-prepare-worker', { file: job.file, key: job.key, nativeBinding: job.nativeBinding });
}

export interface OpenedApp {
  db: Database;
  /** The schema version the file had before this opening migrated it (0: a new store). */
  migratedFrom: number;
  /** Who is signed in; it lives here, in the main process only. */
  session: Session;
  /** The signed-in user's context; throws when nobody is signed in. */
  readonly context: ServiceContext;
  router: Router;
  close(): void;
}

/** The 'os-user' sign-in: the store's user of that name, else its first supervisor. */
function sessionUser(db: Database, clock: () => Date, osUser: string): ServiceContext['user'] {
  const probe: ServiceContext = { db, clock, user: { id: '', name: osUser, role: 'supervisor' } };
  let users = listUsers(probe);
  if (users.length === 0) {
    bootstrapAdmin(db, clock, { name: osUser });
    users = listUsers(probe);
  }
  const user = users.find((u) => u.name === osUser) ?? users.find((u) => u.role === 'supervisor') ?? users[0];
  if (!user) throw new Error('the store has no user');
  return { id: user.id, name: user.name, role: user.role };
}

export function openApp(options: AppOptions): OpenedApp {
  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true, mode: 0o700 });
  let migratedFrom = 0;
  const db = openDatabase(options.file, { nativeBinding: options.nativeBinding, key: options.key, onMigrated: ({ from }) => (migratedFrom = options.migratedFrom ?? from) });
  const clock = options.clock ?? (() => new Date());
  const session = openSession(db, clock, options.signIn === 'password' ? null : sessionUser(db, clock, options.osUser), options.osUser);
  const log = options.shell?.log;
  if (options.shell !== undefined) session.shell = options.shell;
  return {
    db,
    migratedFrom,
    session,
    get context() {
      const context = sessionContext(session);
      if (context === null) throw new Error('nobody is signed in');
      return context;
    },
    router: log ? createSessionRouter(session, (message) => log.error(message)) : createSessionRouter(session),
    close: () => {
      if (db.open) anchorHead(db);
      db.close();
    },
  };
}
