/**
 * The store's data key and where it is kept (docs/storage-security.md): a random 256-bit key
 * per store, never written in clear. Beside the database, `<store>.keys.json` holds it twice:
 *   - wrapped by the operating system's keychain (Electron safeStorage: DPAPI, Keychain,
 *     libsecret), so the app opens the store without asking, on this machine and account;
 *   - wrapped by the administrator's recovery key (scrypt, then AES-256-GCM), shown once at
 *     setup, so a lost keychain (new machine, reinstalled OS) does not lose the data.
 * Electron is injected (`SafeStorage`) so this runs and is tested under plain Node.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import { encryptStoreFile, shredPlainLeftovers } from '../db/encryption-migration.ts';
import { DATA_KEY_BYTES, fileKind, rawKey, type StoreKey } from '../db/encryption.ts';

/** Electron's safeStorage, reduced to what is used. */
export interface SafeStorage {
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(wrapped: Buffer): string;
}

export const keyFileOf = (dbFile: string): string => `${dbFile}.keys.json`;

const FORMAT = 'tsp-keys/1';
/** scrypt cost: 2^15 × 8 × 128 B = 32 MiB and about 0.1 s per try, for a key of 200 random bits. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const RECOVERY_BYTES = 25; // 200 bits: 40 base32 characters, shown as 8 groups of 5
const RECOVERY_TEXT = /^[A-Z2-7]{40}$/;

interface KeyFile {
  format: typeof FORMAT;
  /** The first 16 hex digits of sha256(data key): tells a wrong unwrap from a right one. */
  keyId: string;
  safeStorage: string | null;
  recovery: { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string; tag: string; wrapped: string };
}

export type KeystoreProblem = 'recovery_needed' | 'wrong_recovery_key' | 'key_file_missing' | 'key_file_invalid';

export class KeystoreError extends Error {
  constructor(
    readonly problem: KeystoreProblem,
    message: string,
  ) {
    super(message);
  }
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** A new recovery key: 200 random bits as 8 groups of 5 characters (A–Z, 2–7), e.g. `K7Q2M-...`. */
export function generateRecoveryKey(): string {
  return base32(randomBytes(RECOVERY_BYTES)).match(/.{5}/g)!.join('-');
}

/** As typed: any case, spaces and dashes ignored. */
export function normaliseRecoveryKey(text: string): string {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (!RECOVERY_TEXT.test(compact)) throw new KeystoreError('wrong_recovery_key', 'a recovery key is 8 groups of 5 letters A–Z and digits 2–7');
  return compact;
}

const keyIdOf = (dataKey: Buffer) => createHash('sha256').update(dataKey).digest('hex').slice(0, 16);
const kek = (recoveryKey: string, salt: Buffer, params: { N: number; r: number; p: number }) =>
  scryptSync(normaliseRecoveryKey(recoveryKey), salt, 32, { ...params, maxmem: SCRYPT_MAXMEM });

function wrapForRecovery(dataKey: Buffer, recoveryKey: string): KeyFile['recovery'] {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek(recoveryKey, salt, SCRYPT), iv);
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

function unwrapWithRecovery(file: KeyFile, recoveryKey: string): Buffer {
  const r = file.recovery;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek(recoveryKey, Buffer.from(r.salt, 'base64'), r), Buffer.from(r.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(r.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(r.wrapped, 'base64')), decipher.final()]);
  } catch (error) {
    if (error instanceof KeystoreError) throw error;
    throw new KeystoreError('wrong_recovery_key', 'the recovery key does not open this store');
  }
}

function readKeyFile(dbFile: string): KeyFile {
  const name = keyFileOf(dbFile);
  if (!fs.existsSync(name)) throw new KeystoreError('key_file_missing', `${name} is missing: the store's key cannot be found`);
  const parsed = JSON.parse(fs.readFileSync(name, 'utf8')) as KeyFile;
  if (parsed.format !== FORMAT || typeof parsed.keyId !== 'string' || typeof parsed.recovery?.wrapped !== 'string') {
    throw new KeystoreError('key_file_invalid', `${name} is not a TSP Desk key file`);
  }
  return parsed;
}

function writeKeyFile(dbFile: string, content: KeyFile, exclusive: boolean): void {
  const name = keyFileOf(dbFile);
  const staged = `${name}.new`;
  fs.writeFileSync(staged, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  if (exclusive && fs.existsSync(name)) {
    fs.rmSync(staged);
    throw new KeystoreError('key_file_invalid', `${name} already exists`);
  }
  fs.renameSync(staged, name);
}

function wrapBySafeStorage(dataKey: Buffer, safe: SafeStorage | undefined): string | null {
  return safe?.available() ? safe.encrypt(dataKey.toString('hex')).toString('base64') : null;
}

/** A new data key for a new store, written wrapped beside it; the recovery key is returned to be shown once. */
export function createKeyFile(dbFile: string, safe: SafeStorage | undefined): { dataKey: Buffer; recoveryKey: string } {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const recoveryKey = generateRecoveryKey();
  writeKeyFile(dbFile, { format: FORMAT, keyId: keyIdOf(dataKey), safeStorage: wrapBySafeStorage(dataKey, safe), recovery: wrapForRecovery(dataKey, recoveryKey) }, true);
  return { dataKey, recoveryKey };
}

export interface Unlocked {
  dataKey: Buffer;
  via: 'safeStorage' | 'recovery';
}

/**
 * The data key: from the keychain when it can unwrap it, else from the recovery key. After a
 * recovery on a machine with a keychain, the key is wrapped for this keychain again.
 */
export function unlockKeyFile(dbFile: string, options: { safe?: SafeStorage | undefined; recoveryKey?: string | undefined }): Unlocked {
  const file = readKeyFile(dbFile);
  const { safe, recoveryKey } = options;
  if (file.safeStorage !== null && safe?.available()) {
    try {
      const dataKey = Buffer.from(safe.decrypt(Buffer.from(file.safeStorage, 'base64')), 'hex');
      if (dataKey.length === DATA_KEY_BYTES && keyIdOf(dataKey) === file.keyId) return { dataKey, via: 'safeStorage' };
    } catch {
      // another machine's or account's keychain: fall through to the recovery key
    }
  }
  if (recoveryKey === undefined) {
    const why = safe?.available() ? 'this computer\'s keychain cannot unwrap the store\'s key' : 'the operating system offers no keychain here (on Linux: no Secret Service)';
    throw new KeystoreError('recovery_needed', `${why}: give the administrator's recovery key (TSP_DB_KEY)`);
  }
  const dataKey = unwrapWithRecovery(file, recoveryKey);
  if (keyIdOf(dataKey) !== file.keyId) throw new KeystoreError('wrong_recovery_key', 'the recovery key does not open this store');
  const rewrapped = wrapBySafeStorage(dataKey, safe);
  if (rewrapped !== null) writeKeyFile(dbFile, { ...file, safeStorage: rewrapped }, false);
  return { dataKey, via: 'recovery' };
}

export interface StoreUnlock {
  key: StoreKey;
  /** A recovery key made now (new key file): show it once to the administrator. */
  newRecoveryKey: string | null;
  /** The store was plain and has just been encrypted: audit it once opened. */
  encryptedExisting: boolean;
  via: Unlocked['via'] | 'new';
}

/**
 * What the app does at start, before opening the store: unlock its key, or make one for a
 * new store, or make one and encrypt an existing plain store (db/encryption-migration.ts).
 */
export function unlockStore(dbFile: string, options: { safe?: SafeStorage | undefined; recoveryKey?: string | undefined; nativeBinding?: string | undefined }): StoreUnlock {
  shredPlainLeftovers(dbFile);
  const kind = fileKind(dbFile);
  let unlocked: { dataKey: Buffer; newRecoveryKey: string | null; via: StoreUnlock['via'] };
  if (fs.existsSync(keyFileOf(dbFile))) {
    const { dataKey, via } = unlockKeyFile(dbFile, options);
    unlocked = { dataKey, newRecoveryKey: null, via };
  } else if (kind === 'other') {
    throw new KeystoreError('key_file_missing', `${dbFile} is encrypted but ${keyFileOf(dbFile)} is missing: put the key file back (from the backup folder)`);
  } else {
    const { dataKey, recoveryKey } = createKeyFile(dbFile, options.safe);
    unlocked = { dataKey, newRecoveryKey: recoveryKey, via: 'new' };
  }
  const key = rawKey(unlocked.dataKey);
  // A plain store, or one whose encryption was interrupted after the key file was written.
  const encryptedExisting = kind === 'plain';
  if (encryptedExisting) encryptStoreFile(dbFile, key, { nativeBinding: options.nativeBinding });
  return { key, newRecoveryKey: unlocked.newRecoveryKey, encryptedExisting, via: unlocked.via };
}
