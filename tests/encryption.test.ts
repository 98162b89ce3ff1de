/**
 * Encryption at rest on real files: a name written through the services cannot be found in
 * the bytes of the database or its -wal without the key (and can in a plain store, so the
 * search works); a missing or wrong key fails with a message and leaves the file untouched;
 * a plain store is encrypted by copy, verification and replacement.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../db/audit-repo.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { openDatabase } from '../db/connection.ts';
import { encryptStoreFile, plainLeftoverOf } from '../db/encryption-migration.ts';
import { fileKind, parseKeyText, rawKey, StoreKeyError, type StoreKey } from '../db/encryption.ts';
import { tempDir } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { createCase, getCase } from '../electron/services/cases.ts';

const MARKER = 'ZYXWVUTSRQ';
const KEY = rawKey(randomBytes(32));
const person = (CASE_FIXTURES.formatExample as { person: object }).person;
const caseNamed = (familyName: string) => ({ ...(CASE_FIXTURES.formatExample as object), person: { ...person, familyName } });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function storePath(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'store.sqlite');
}

const bytesOf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
const holdsMarker = (file: string) => bytesOf(file).includes(MARKER) || bytesOf(`${file}-wal`).includes(MARKER);
const sha = (file: string) => createHash('sha256').update(bytesOf(file)).digest('hex');

/** A store with one case named MARKER, left open with its -wal not checkpointed. */
function storeWithMarker(key: StoreKey | undefined) {
  const file = storePath();
  const app = openApp({ file, osUser: 'ada', key });
  const record = createCase(app.context, { case: caseNamed(MARKER), reason: 'referral' });
  return { file, app, record };
}

function keyProblem(open: () => unknown): string {
  try {
    open();
  } catch (error) {
    if (error instanceof StoreKeyError) return error.problem;
    throw error;
  }
  return 'opened';
}

describe('an encrypted store', () => {
  it('holds no readable name in the file or its -wal, before and after a checkpoint', () => {
    const { file, app } = storeWithMarker(KEY);
    expect(bytesOf(`${file}-wal`).length).toBeGreaterThan(0); // the case is in the -wal now
    expect(holdsMarker(file)).toBe(false);
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(holdsMarker(file)).toBe(false);
    app.close();
    expect(fileKind(file)).toBe('other'); // not even the "SQLite format 3" header
    expect(holdsMarker(file)).toBe(false);
  });

  it('is the control: a plain store shows the same name in its bytes', () => {
    const { file, app } = storeWithMarker(undefined);
    expect(holdsMarker(file)).toBe(true);
    app.close();
    expect(fileKind(file)).toBe('plain');
  });

  it('opens with its key and reads back what was written', () => {
    const { file, app, record } = storeWithMarker(KEY);
    app.close();
    const again = openApp({ file, osUser: 'ada', key: KEY });
    expect(getCase(again.context, { id: record.id }).case.person.familyName).toBe(MARKER);
    expect(verifyAuditChain(again.db).ok).toBe(true);
    again.close();
  });

  it('refuses to open without a key, with a wrong key or with a key on a plain file, and writes nothing', () => {
    const { file, app } = storeWithMarker(KEY);
    app.close();
    const before = sha(file);
    expect(keyProblem(() => openDatabase(file))).toBe('key_required');
    expect(keyProblem(() => openDatabase(file, { key: rawKey(randomBytes(32)) }))).toBe('wrong_key');
    expect(keyProblem(() => openDatabase(file, { key: parseKeyText('not the right passphrase') }))).toBe('wrong_key');
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const plain = storePath();
    openDatabase(plain).close();
    expect(keyProblem(() => openDatabase(plain, { key: KEY }))).toBe('not_encrypted');
  });

  it('says what to do when the key is wrong', () => {
    const { file, app } = storeWithMarker(KEY);
    app.close();
    expect(() => openDatabase(file, { key: rawKey(randomBytes(32)) })).toThrow(/the key does not open/);
    expect(() => openDatabase(file)).toThrow(/is encrypted .*give its key \(TSP_DB_KEY\)/);
  });

  it('works with a passphrase as well as a raw key', () => {
    const key = parseKeyText('correct horse battery staple');
    const { file, app, record } = storeWithMarker(key);
    app.close();
    expect(holdsMarker(file)).toBe(false);
    const again = openApp({ file, osUser: 'ada', key: parseKeyText('  correct horse battery staple ') });
    expect(getCase(again.context, { id: record.id }).version).toBe(1);
    again.close();
  });
});

describe('parseKeyText (TSP_DB_KEY)', () => {
  it.each([
    ['64 hex digits are the raw data key', 'ab'.repeat(32), 'raw'],
    ['upper-case hex too', 'AB'.repeat(32), 'raw'],
    ['63 hex digits are a passphrase', 'a'.repeat(63), 'passphrase'],
    ['a sentence is a passphrase', 'four words make a key', 'passphrase'],
  ])('%s', (_what, text, kind) => {
    expect(parseKeyText(text).kind).toBe(kind);
  });

  it('refuses a passphrase shorter than 12 characters', () => {
    expect(() => parseKeyText('short')).toThrow(/at least 12 characters/);
  });
});

describe('encrypting a plain store', () => {
  it('replaces it by a verified encrypted copy with the same cases and audit chain, leaving no plain file', () => {
    const { file, app, record } = storeWithMarker(undefined);
    app.close();
    const report = encryptStoreFile(file, KEY);
    expect(report.after.rowCounts).toStrictEqual(report.before.rowCounts);
    expect(report.after.lastAuditHash).toBe(report.before.lastAuditHash);
    expect(fileKind(file)).toBe('other');
    expect(holdsMarker(file)).toBe(false);
    // Only the chain's audit key and head stay beside it (db/audit-key.ts, db/audit-anchor.ts).
    const leftovers = fs.readdirSync(path.dirname(file)).filter((f) => f !== path.basename(file) && !f.endsWith('.audit-key') && !f.endsWith('.audit-head'));
    expect(leftovers).toStrictEqual([]);
    expect(fs.existsSync(plainLeftoverOf(file))).toBe(false);

    const again = openApp({ file, osUser: 'ada', key: KEY });
    expect(getCase(again.context, { id: record.id }).case.person.familyName).toBe(MARKER);
    expect(verifyAuditChain(again.db).ok).toBe(true);
    again.close();
  });

  it('refuses a file that is already encrypted, leaving it as it was', () => {
    const { file, app } = storeWithMarker(KEY);
    app.close();
    const before = sha(file);
    expect(() => encryptStoreFile(file, KEY)).toThrow(/not a plain SQLite file/);
    expect(sha(file)).toBe(before);
  });
});
