/**
 * The key of the store a CLI command opens (docs/storage-security.md). From `TSP_DB_KEY`, or
 * asked for (without echo) when stdin is a terminal and the store is encrypted:
 *   - 64 hexadecimal digits: the raw 256-bit data key;
 *   - the administrator's recovery key (8 groups of 5), when the store has a key file beside it;
 *   - anything else: a passphrase of at least 12 characters (SQLCipher's own key derivation).
 * With TSP_DB_KEY set, a new store is created encrypted; `tsp encrypt` encrypts a plain one.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { fileKind, parseKeyText, rawKey, StoreKeyError, type StoreKey } from '../../db/encryption.ts';
import { encryptStoreFile } from '../../db/encryption-migration.ts';
import { openApp } from '../app.ts';
import { actorOf, auditStoreEvent } from '../backups.ts';
import { keyFileOf, KeystoreError, normaliseRecoveryKey, unlockKeyFile } from '../keystore.ts';
import type { Role } from '../../shared/vocabularies.ts';
import { authorizeWriter, cliOsUser, type WriterProof } from './identity.ts';
import { UsageError, type CliIo } from './io.ts';

export interface KeySource {
  env: Record<string, string | undefined>;
  /** Asks for the key on the terminal; absent when stdin is not one. */
  ask?: ((question: string) => Promise<string>) | undefined;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const muted = rl as unknown as { _writeToOutput: (text: string) => void };
    process.stderr.write(question);
    muted._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export const processKeySource = (): KeySource => ({ env: process.env, ask: process.stdin.isTTY ? askHidden : undefined });

function isRecoveryKey(text: string): boolean {
  try {
    normaliseRecoveryKey(text);
    return true;
  } catch {
    return false;
  }
}

export async function cliStoreKey(db: string | undefined, source: KeySource = processKeySource()): Promise<StoreKey | undefined> {
  if (db === undefined) return undefined;
  const encrypted = fileKind(db) === 'other';
  let secret = source.env.TSP_DB_KEY;
  if ((secret === undefined || secret === '') && encrypted && source.ask) secret = await source.ask(`Key, passphrase or recovery key of ${db}: `);
  if (secret === undefined || secret === '') return undefined;
  try {
    if (fs.existsSync(keyFileOf(db)) && isRecoveryKey(secret)) return rawKey(unlockKeyFile(db, { recoveryKey: secret }).dataKey);
    return parseKeyText(secret);
  } catch (error) {
    if (error instanceof StoreKeyError || error instanceof KeystoreError) throw new UsageError(`TSP_DB_KEY: ${error.message}`);
    throw error;
  }
}

/**
 * `tsp encrypt --db FILE`: encrypts a plain store in place with the key in TSP_DB_KEY (a raw key
 * or passphrase; db/encryption-migration.ts: verified copy, then the plain file shredded)
 * and audits it. The store must not be open elsewhere.
 */
export function runEncrypt(io: CliIo, db: string | undefined, key: StoreKey | undefined, proof: WriterProof = {}): number {
  if (!db) throw new UsageError('use: TSP_DB_KEY=… tsp encrypt --db FILE');
  if (fileKind(db) !== 'plain') throw new UsageError(`${db} is not a plain SQLite store (missing, empty or already encrypted): nothing to encrypt`);
  if (key === undefined) throw new UsageError('set TSP_DB_KEY to the new key: 64 hexadecimal digits or a passphrase of at least 12 characters');
  // Who encrypts must be able to write to the store: proved before anything changes.
  const plain = openApp({ file: db, osUser: cliOsUser(), clock: io.now });
  let writer: { id: string; name: string; role: Role };
  try {
    authorizeWriter(plain, proof);
    writer = plain.context.user;
  } finally {
    plain.close();
  }
  const report = encryptStoreFile(db, key);
  const app = openApp({ file: db, osUser: cliOsUser(), key, clock: io.now });
  try {
    app.session.user = writer;
    auditStoreEvent(actorOf(app.context), 'store.encrypt', db, 'tsp encrypt', { cipher: 'sqlcipher-4', tables: Object.keys(report.after.rowCounts).length });
  } finally {
    app.close();
  }
  io.out(`Encrypted ${db} (verified: ${report.after.audit?.entries ?? 0} audit entries, every table's rows); the plain file was overwritten and removed.\n`);
  return 0;
}
