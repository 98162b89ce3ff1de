/**
 * Opens the case store: one SQLite file in WAL mode (readers never block the writer),
 * foreign keys enforced, a busy timeout for a second process (the CLI next to the app),
 * and synchronous=FULL because a committed audit entry must survive a power cut.
 * The driver is better-sqlite3-multiple-ciphers (the better-sqlite3 API with SQLCipher
 * encryption): with a key the file is encrypted, without one it is plain SQLite (db/encryption.ts).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import Driver from 'better-sqlite3-multiple-ciphers';
import { anchorHead } from './audit-anchor.ts';
import { AuditKeyError, auditKeyFileOf, auditKeyFor, setAuditKey } from './audit-key.ts';
import { sealIfNeeded } from './audit-seal.ts';
import { unlock, type StoreKey } from './encryption.ts';
import { migrate } from './migrate.ts';
import { fillPersonKeys } from './person-keys.ts';
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
  /** The audit key to use instead of the store's own (db/audit-key.ts): a restore checks a backup with the live store's. */
  auditKey?: Buffer | undefined;
}

/**
 * The file opened and unlocked, nothing else but temporary files kept in memory and the audit
 * key looked up: no migration, nothing written (backups, restore, verification).
 */
export function openFile(file: string, options: OpenOptions = {}): Database.Database {
  // A new store is made readable by its owner only (SQLite gives its -wal and -shm the same mode).
  if (!options.fileMustExist && isFilePath(file) && !fs.existsSync(file)) fs.writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
  const db: Database.Database = new Driver(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    fileMustExist: options.fileMustExist ?? false,
  });
  if (options.nativeBinding) bindings.set(db, options.nativeBinding);
  try {
    unlock(db, file, options.key);
    // Sorts, indexes being built and temporary tables stay in memory, never in a plain temporary file.
    db.pragma('temp_store = MEMORY');
    // The search indexes' triggers call tsp_han (migration 0018): every connection that may write a person has it.
    registerSearchFunctions(db);
    let auditKey = options.auditKey;
    if (auditKey === undefined) {
      try {
        auditKey = auditKeyFor(file, options.key, false);
      } catch (error) {
        if (!(error instanceof AuditKeyError)) throw error;
      }
    }
    setAuditKey(db, auditKey);
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
    const versions = migrate(db);
    fillPersonKeys(db);
    ensureAuditKey(db, file, options);
    sealIfNeeded(db);
    anchorHead(db);
    options.onMigrated?.(versions);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A store opened for writing needs its audit key: a plain store's is made beside it when it
 * has none yet — but never over a chain already keyed under a key that is now missing (that
 * would fork the evidence); then the key file must be put back.
 */
function ensureAuditKey(db: Database.Database, file: string, options: OpenOptions): void {
  if (options.auditKey !== undefined) return;
  const existing = auditKeyFor(file, options.key, false);
  if (existing !== undefined) return setAuditKey(db, existing);
  const keyed = (db.pragma('table_info(audit_log)') as { name: string }[]).some((c) => c.name === 'keyed');
  if (keyed && db.prepare('SELECT 1 FROM audit_log WHERE keyed = 1 LIMIT 1').get() !== undefined) {
    throw new AuditKeyError(`the audit key of ${file} is missing (${auditKeyFileOf(file)}): its chain is keyed under it; put the file back (from a backup of the store)`);
  }
  setAuditKey(db, auditKeyFor(file, undefined, true));
}

const bindings = new WeakMap<Database.Database, string>();

/** The driver build a connection was opened with (the Electron app's copy), for another connection beside it. */
export const nativeBindingOf = (db: Database.Database): string | undefined => bindings.get(db);

const isFilePath = (file: string): boolean => file !== '' && file !== ':memory:' && !file.startsWith('file:');
