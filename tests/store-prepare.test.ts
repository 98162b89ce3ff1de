/**
 * The desktop start brings the store's schema up to date on a worker thread
 * (app.ts prepareStoreInWorker) before opening it, so that its window goes on answering during
 * a long migration; the opening after it reports the version the file had, so the start's
 * one-time work for an updated store (sealing older attachments) still happens.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFile } from '../db/connection.ts';
import { fileKind, rawKey } from '../db/encryption.ts';
import { migrate, schemaVersion } from '../db/migrate.ts';
import { registerSearchFunctions } from '../db/search-fold.ts';
import { tempDir } from '../db/testing.ts';
import { openApp, prepareStoreInWorker } from '../electron/app.ts';
import { openFailureMessage } from '../electron/keystore-start.ts';

const LATEST = fs.readdirSync(path.resolve(import.meta.dirname, '../db/migrations')).filter((f) => f.endsWith('.sql')).length;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const storeFile = () => {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'data', 'tsp-desk.sqlite');
};

describe('prepareStoreInWorker', () => {
  it('brings an encrypted store from schema 7 up to date on a worker thread, with the key that crossed to it', async () => {
    const file = storeFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = rawKey(randomBytes(32));
    const old = openFile(file, { key });
    registerSearchFunctions(old);
    migrate(old, { to: 7 });
    old.close();

    expect(await prepareStoreInWorker({ file, key })).toStrictEqual({ from: 7, to: LATEST });
    expect(fileKind(file)).toBe('other'); // still encrypted
    const desk = openApp({ file, key, osUser: 'ada', migratedFrom: 7 });
    try {
      expect(schemaVersion(desk.db)).toBe(LATEST);
      // What the start's later steps go by (keystore-start.ts seals attachments when it is under 8).
      expect(desk.migratedFrom).toBe(7);
    } finally {
      desk.close();
    }
  });

  it('creates a new store, its folder included, and says it was new', async () => {
    const file = storeFile();
    expect(await prepareStoreInWorker({ file })).toStrictEqual({ from: 0, to: LATEST });
    // Without migratedFrom, an opening reports what it found itself: the schema already current.
    const desk = openApp({ file, osUser: 'ada' });
    expect(desk.migratedFrom).toBe(LATEST);
    desk.close();
  });

  it('rejects with the opening’s error when the key is wrong or missing', async () => {
    const file = storeFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    openFile(file, { key: rawKey(randomBytes(32)) }).exec('CREATE TABLE t (x)');
    await expect(prepareStoreInWorker({ file, key: rawKey(randomBytes(32)) })).rejects.toThrow(/key/i);
    await expect(prepareStoreInWorker({ file })).rejects.toThrow(/encrypted|key/i);
  });
});

describe('openFailureMessage', () => {
  it('says in the user’s language that no data was lost, with the reason and where the backups are', () => {
    const error = new Error('SQLITE_CORRUPT: database disk image is malformed');
    expect(openFailureMessage('en', error)).toStrictEqual({
      title: 'The case store cannot be opened',
      text: expect.stringMatching(/^TSP Desk could not open the case store or bring it up to date\. No data was lost.*\n\nReason: SQLITE_CORRUPT: database disk image is malformed\n\n.*backups folder/s),
    });
    expect(openFailureMessage('zh-Hant', error)).toStrictEqual({
      title: '無法開啟個案資料庫',
      text: expect.stringMatching(/^TSP Desk 無法開啟個案資料庫或將其更新。資料並無遺失.*原因（英文）：SQLITE_CORRUPT: database disk image is malformed.*backups 資料夾/s),
    });
  });
});
