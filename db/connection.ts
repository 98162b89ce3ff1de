/**
 * Opens the case store: one SQLite file in WAL mode (readers never block the writer),
 * foreign keys enforced, a busy timeout for a second process (the CLI next to the app),
 * and synchronous=FULL because a committed audit entry must survive a power cut.
 * The driver is better-sqlite3-multiple-ciphers (the better-sqlite3 API with SQLCipher
 * encryption): with a key the file is encrypted, without one it is plain SQLite (db/encryption.ts).
 */
import type Database from 'better-sqlite3';
import Driver from 'better-sqlite3-multiple-ciphers';
import { unlock, type StoreKey } from './encryption.ts';
import { migrate } from './migrate.ts';
import { registerSearchFunctions } from './search-fold.ts';

export interface OpenOptions {
  /** The driver built for another ABI (the Electron app's copy, see scripts/electron-native.mjs). */
  nativeBinding?: string | undefined;
  /** The store's key: the file is (or is created) encrypted. None: a plain file. */
  key?: StoreKey | undefined;
  /** Refuse a missing file instead of creating one. */
  fileMustExist?: boolean | undefined;
  /** Told the schema versions before and after openDatabase's migrations (0 before: a new file). */
  onMigrated?: ((versions: { from: number; to: number }) => void) | undefined;
}

/** The file opened and unlocked, nothing else: no pragma, no migration (backups, restore, verification). */
export function openFile(file: string, options: OpenOptions = {}): Database.Database {
  const db: Database.Database = new Driver(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    fileMustExist: options.fileMustExist ?? false,
  });
  try {
    unlock(db, file, options.key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const db = openFile(file, options);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    // 32 MiB of page cache (the default is 2 MiB): a desktop app can afford it and the case
    // list of a large store then stays in memory.
    db.pragma('cache_size = -32768');
    registerSearchFunctions(db);
    const versions = migrate(db);
    options.onMigrated?.(versions);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
