/**
 * The key of the audit chain (docs/storage-security.md, "The audit chain"). From schema 13 each
 * audit entry's hash is an HMAC-SHA256 under this key, so the chain cannot be recomputed by
 * someone who can edit the file but does not hold the key.
 *
 *   - An encrypted store: derived from the store's key with HKDF-SHA256 under its own label,
 *     so it is protected exactly as the data key is (keychain, recovery key) and needs no file;
 *     but a store encrypted after its chain was keyed keeps the key file it had as a plain store.
 *   - A plain store: 32 random bytes in `<store>.audit-key` beside it (mode 0600), made when
 *     the store is first opened for writing. It protects the chain against whoever has the
 *     store file without that file (a copy, a backup, a tool pointed at the file), not against
 *     whoever can read the folder.
 *
 * A connection learns its key when it is opened (db/connection.ts); the audit code reads it
 * from there (auditKeyOf).
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { StoreKey } from './encryption.ts';

export const AUDIT_KEY_BYTES = 32;
const LABEL = 'tsp-desk audit chain v1';
const HEX_KEY = /^[0-9a-f]{64}$/;

/** Thrown when a plain store's audit key is needed and its file is missing or damaged. */
export class AuditKeyError extends Error {}

/** The audit key of an encrypted store: HKDF-SHA256 of its key material under the audit label. */
export function auditKeyFromStoreKey(key: StoreKey): Buffer {
  const material = key.kind === 'raw' ? key.bytes : Buffer.from(key.text, 'utf8');
  return Buffer.from(hkdfSync('sha256', material, Buffer.from('tsp-desk'), Buffer.from(LABEL), AUDIT_KEY_BYTES));
}

/** Where a plain store keeps its audit key. */
export const auditKeyFileOf = (store: string): string => `${store}.audit-key`;

const isFileStore = (file: string): boolean => file !== '' && file !== ':memory:' && !file.startsWith('file::memory:');

/** Reads a plain store's audit key; undefined when it has none. */
export function readAuditKeyFile(store: string): Buffer | undefined {
  const file = auditKeyFileOf(store);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!HEX_KEY.test(text)) throw new AuditKeyError(`${file} does not hold an audit key (64 lowercase hexadecimal digits)`);
  return Buffer.from(text, 'hex');
}

/** A plain store's audit key, made (mode 0600, never over an existing file) when it has none. */
export function ensureAuditKeyFile(store: string): Buffer {
  const existing = readAuditKeyFile(store);
  if (existing !== undefined) return existing;
  const key = randomBytes(AUDIT_KEY_BYTES);
  try {
    fs.writeFileSync(auditKeyFileOf(store), `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return ensureAuditKeyFile(store);
    throw error;
  }
  return key;
}

/**
 * The audit key of a store file: its key file when it has one (a plain store, or one encrypted
 * after its chain was keyed: the chain keeps its key); else, encrypted, derived from its key;
 * else the key file made if `create` (opening for writing). An in-memory database gets a random key.
 */
export function auditKeyFor(store: string, key: StoreKey | undefined, create: boolean): Buffer | undefined {
  if (!isFileStore(store)) return key !== undefined ? auditKeyFromStoreKey(key) : randomBytes(AUDIT_KEY_BYTES);
  const file = readAuditKeyFile(store);
  if (file !== undefined) return file;
  if (key !== undefined) return auditKeyFromStoreKey(key);
  return create ? ensureAuditKeyFile(store) : undefined;
}

const keys = new WeakMap<Database.Database, Buffer>();

export function setAuditKey(db: Database.Database, key: Buffer | undefined): void {
  if (key === undefined) keys.delete(db);
  else keys.set(db, key);
}

/** The audit key this connection was opened with; undefined when none could be found. */
export const auditKeyOf = (db: Database.Database): Buffer | undefined => keys.get(db);
