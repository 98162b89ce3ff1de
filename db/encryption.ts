/**
 * Encryption at rest: the store's key, how it is given to SQLite (SQLCipher 4 format through
 * better-sqlite3-multiple-ciphers), what a file on disk is (plain SQLite or not), and the one
 * migration of a plain store to an encrypted one (docs/storage-security.md).
 *
 * A key is either the raw 256-bit data key (what the app keeps, wrapped, beside the store:
 * no key derivation at open) or a passphrase (SQLCipher derives the key with PBKDF2-HMAC-SHA512,
 * 256,000 iterations: about a quarter of a second per open).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';

export type StoreKey = { kind: 'raw'; bytes: Buffer } | { kind: 'passphrase'; text: string };

export const DATA_KEY_BYTES = 32;
const RAW_HEX = /^[0-9a-fA-F]{64}$/;
export const MIN_PASSPHRASE_LENGTH = 12;

export type StoreKeyProblem = 'wrong_key' | 'key_required' | 'not_encrypted' | 'not_a_database';

/** A store that cannot be opened with the key given (or without one); nothing was written. */
export class StoreKeyError extends Error {
  constructor(
    readonly problem: StoreKeyProblem,
    message: string,
  ) {
    super(message);
  }
}

/** `TSP_DB_KEY` and the prompt: 64 hexadecimal digits are the raw data key, anything else a passphrase. */
export function parseKeyText(text: string): StoreKey {
  const trimmed = text.trim();
  if (RAW_HEX.test(trimmed)) return { kind: 'raw', bytes: Buffer.from(trimmed, 'hex') };
  if (trimmed.length < MIN_PASSPHRASE_LENGTH) {
    throw new StoreKeyError('wrong_key', `a key is 64 hexadecimal digits or a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  return { kind: 'passphrase', text: trimmed };
}

/** A key that crossed a thread boundary (a worker's job) arrives with its Buffer as a plain Uint8Array. */
export const keyAfterTransfer = (key: StoreKey | undefined): StoreKey | undefined =>
  key?.kind === 'raw' ? { kind: 'raw', bytes: Buffer.from(key.bytes) } : key;

export function rawKey(bytes: Buffer): StoreKey {
  if (bytes.length !== DATA_KEY_BYTES) throw new StoreKeyError('wrong_key', `a data key is ${DATA_KEY_BYTES} bytes, not ${bytes.length}`);
  return { kind: 'raw', bytes };
}

/** The value of PRAGMA key / rekey: x'…' for a raw key (SQLCipher skips the KDF), a quoted string otherwise. */
function keyLiteral(key: StoreKey): string {
  return key.kind === 'raw' ? `"x'${key.bytes.toString('hex')}'"` : `'${key.text.replaceAll("'", "''")}'`;
}

function useSqlCipher(db: Database.Database): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** What is on disk, read from the first 16 bytes; an encrypted file looks like random bytes. */
export function fileKind(file: string): 'missing' | 'empty' | 'plain' | 'other' {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'empty';
    return read === head.length && head.equals(SQLITE_HEADER) ? 'plain' : 'other';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Gives the key to a connection just opened (before any other statement, so a wrong key
 * writes nothing) and proves it by reading the schema. Without a key, proves the file is
 * plain SQLite. Throws StoreKeyError with what to do.
 */
export function unlock(db: Database.Database, file: string, key: StoreKey | undefined): void {
  if (key !== undefined) {
    useSqlCipher(db);
    db.pragma(`key = ${keyLiteral(key)}`);
  }
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    const kind = fileKind(file);
    // A file that starts as plain SQLite and still is not one is damaged, not encrypted: its own error (SQLITE_NOTADB).
    if (key === undefined && kind === 'plain') throw error;
    if (key === undefined) throw new StoreKeyError('key_required', `${file} is encrypted or not a database: give its key (TSP_DB_KEY)`);
    if (kind === 'plain') throw new StoreKeyError('not_encrypted', `${file} is not encrypted: open it without a key, or encrypt it first (tsp encrypt --db FILE)`);
    throw new StoreKeyError('wrong_key', `the key does not open ${file}: it is another store's key, or the file is not a TSP Desk database`);
  }
}

/**
 * Encrypts a plain database file, in place and in rollback-journal mode, as SQLite3
 * Multiple Ciphers requires; the caller works on a copy (see encryptStoreFile).
 */
export function encryptInPlace(db: Database.Database, key: StoreKey): void {
  db.pragma('journal_mode = DELETE');
  useSqlCipher(db);
  db.pragma(`rekey = ${keyLiteral(key)}`);
}
