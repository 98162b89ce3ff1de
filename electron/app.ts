/**
 * Opens TSP Desk on a database file and returns the router the shells call: the Electron
 * main process, the CLI and the Chromium test shell. No Electron here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/connection.ts';
import { createRouter, type Router } from './router.ts';
import type { ServiceContext } from './services/context.ts';
import { bootstrapAdmin, listUsers } from './services/users.ts';
import type { Database } from 'better-sqlite3';

export const DATABASE_FILE = 'tsp-desk.sqlite';

export interface AppOptions {
  /** The SQLite file; its folder is created if missing. */
  file: string;
  /** Who is at the keyboard: the first user of a new store becomes its administrator. */
  osUser: string;
  nativeBinding?: string | undefined;
  clock?: () => Date;
}

export interface OpenedApp {
  db: Database;
  context: ServiceContext;
  router: Router;
  close(): void;
}

/**
 * The acting user: the store's user of that name, else its first administrator. Sign-in with
 * passwords is not part of this version; on a single-user desktop the OS account identifies
 * the officer, and every write is attributed to them.
 */
function sessionUser(db: Database, clock: () => Date, osUser: string): ServiceContext['user'] {
  const probe: ServiceContext = { db, clock, user: { id: '', name: osUser, role: 'admin' } };
  let users = listUsers(probe);
  if (users.length === 0) {
    bootstrapAdmin(db, clock, { name: osUser });
    users = listUsers(probe);
  }
  const user = users.find((u) => u.name === osUser) ?? users.find((u) => u.role === 'admin') ?? users[0];
  if (!user) throw new Error('the store has no user');
  return { id: user.id, name: user.name, role: user.role };
}

export function openApp(options: AppOptions): OpenedApp {
  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const db = openDatabase(options.file, { nativeBinding: options.nativeBinding });
  const clock = options.clock ?? (() => new Date());
  const context: ServiceContext = { db, clock, user: sessionUser(db, clock, options.osUser) };
  return { db, context, router: createRouter(context), close: () => db.close() };
}
