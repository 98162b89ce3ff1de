/**
 * Opens the case store: one SQLite file in WAL mode (readers never block the writer),
 * foreign keys enforced, a busy timeout for a second process (the CLI next to the app),
 * and synchronous=FULL because a committed audit entry must survive a power cut.
 */
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { registerSearchFunctions } from './search-fold.ts';

export interface OpenOptions {
  /** better-sqlite3 built for another ABI (the Electron app's copy, see scripts/electron-native.mjs). */
  nativeBinding?: string | undefined;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const db = options.nativeBinding ? new Database(file, { nativeBinding: options.nativeBinding }) : new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    // 32 MiB of page cache (the default is 2 MiB): a desktop app can afford it and the case
    // list of a large store then stays in memory.
    db.pragma('cache_size = -32768');
    registerSearchFunctions(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
