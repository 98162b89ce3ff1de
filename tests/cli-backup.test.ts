/**
 * The CLI on encrypted stores and `tsp backup` / `tsp restore`: TSP_DB_KEY creates and opens
 * encrypted stores (raw key, passphrase or the administrator's recovery key); a missing or
 * wrong key and a refused backup or restore exit 2 with the reasons and change nothing.
 * In-process through main(), plus one run as a real process.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { fileKind } from '../db/encryption.ts';
import { tempDir } from '../db/testing.ts';
import { unlockStore } from '../electron/keystore.ts';
import { runTsp } from './cli-io.ts';

const MARKER = 'ZYXWVUTSRQ';
const HEX_KEY = randomBytes(32).toString('hex');
let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.TSP_DB_KEY;
});

const file = (name: string) => path.join(dir, name);
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function tsp(key: string | undefined, ...args: string[]) {
  if (key === undefined) delete process.env.TSP_DB_KEY;
  else process.env.TSP_DB_KEY = key;
  return runTsp(...args);
}

/** An encrypted store made by the CLI, holding one case named MARKER. */
async function encryptedStore(name: string, key = HEX_KEY) {
  const caseFile = file(`${name}.case.json`);
  const person = (CASE_FIXTURES.formatExample as { person: object }).person;
  fs.writeFileSync(caseFile, JSON.stringify({ ...(CASE_FIXTURES.formatExample as object), person: { ...person, familyName: MARKER } }));
  const db = file(`${name}.sqlite`);
  expect((await tsp(key, 'cases', 'import', '--db', db, caseFile)).code).toBe(0);
  return db;
}

describe('TSP_DB_KEY', () => {
  it('creates an encrypted store that reads back with the key and shows no name in its bytes', async () => {
    const db = await encryptedStore('raw');
    expect(fileKind(db)).toBe('other');
    expect(fs.readFileSync(db).includes(MARKER)).toBe(false);
    const found = await tsp(HEX_KEY, 'cases', 'search', '--db', db, MARKER, '--json');
    expect(found.code).toBe(0);
    expect(JSON.parse(found.out)).toHaveLength(1);
  });

  it('exits 2 with what to do when the key is missing or wrong, leaving the file as it was', async () => {
    const db = await encryptedStore('refused');
    const before = sha(db);
    const none = await tsp(undefined, 'cases', 'search', '--db', db);
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toMatch(/is encrypted .*TSP_DB_KEY/);
    const wrong = await tsp(randomBytes(32).toString('hex'), 'cases', 'search', '--db', db);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/the key does not open/);
    const short = await tsp('short', 'cases', 'search', '--db', db);
    expect(short.err).toMatch(/TSP_DB_KEY: .*at least 12 characters/);
    expect(sha(db)).toBe(before);
  });

  it('takes a passphrase', async () => {
    const db = await encryptedStore('passphrase', 'a long enough passphrase');
    expect((await tsp('a long enough passphrase', 'cases', 'search', '--db', db)).out).toMatch(/1 case/);
  });

  it("takes the administrator's recovery key for a store the app encrypted", async () => {
    const db = file('app.sqlite');
    const { key, newRecoveryKey } = unlockStore(db, { safe: undefined });
    expect(key.kind).toBe('raw');
    const caseFile = file('app.case.json');
    fs.writeFileSync(caseFile, JSON.stringify(CASE_FIXTURES.minimal));
    const hex = key.kind === 'raw' ? key.bytes.toString('hex') : '';
    expect((await tsp(hex, 'cases', 'import', '--db', db, caseFile)).code).toBe(0);
    const search = await tsp(newRecoveryKey!.toLowerCase(), 'cases', 'search', '--db', db);
    expect(search.code).toBe(0);
    expect(search.out).toMatch(/SMITH/);
  });
});

describe('tsp encrypt', () => {
  it('encrypts a plain store with TSP_DB_KEY, keeps its cases, audits it, and refuses to do it twice', async () => {
    const db = await encryptedStore('to-encrypt', '');
    expect(fileKind(db)).toBe('plain');
    expect(fs.readFileSync(db).includes(MARKER) || fs.readFileSync(`${db}-wal`).includes(MARKER)).toBe(true);
    const done = await tsp(HEX_KEY, 'encrypt', '--db', db);
    expect(done).toMatchObject({ code: 0 });
    expect(fileKind(db)).toBe('other');
    expect(fs.readFileSync(db).includes(MARKER)).toBe(false);
    // Beside it only its chain's audit key and head (db/audit-key.ts, db/audit-anchor.ts): no plain copy left.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('to-encrypt.sqlite')).sort()).toStrictEqual(['to-encrypt.sqlite', 'to-encrypt.sqlite.audit-head', 'to-encrypt.sqlite.audit-key']);
    expect((await tsp(HEX_KEY, 'cases', 'search', '--db', db, MARKER)).out).toMatch(/1 case/);
    const twice = await tsp(HEX_KEY, 'encrypt', '--db', db);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/not a plain SQLite store/);
  });

  it('tells how to encrypt when a key is given for a plain store', async () => {
    const db = await encryptedStore('plain-with-key', '');
    const opened = await tsp(HEX_KEY, 'cases', 'search', '--db', db);
    expect(opened.code).toBe(2);
    expect(opened.err).toMatch(/is not encrypted.*tsp encrypt --db FILE/);
  });
});

describe('tsp backup and tsp restore', () => {
  it('backs up an encrypted store encrypted, refuses to overwrite, and restores it', async () => {
    const db = await encryptedStore('live');
    const out = file('live-backup.sqlite');
    const backup = await tsp(HEX_KEY, 'backup', '--db', db, '--out', out);
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.out).toMatch(/encrypted with the store's key.*verified/);
    expect(fileKind(out)).toBe('other');

    const outHash = sha(out);
    const again = await tsp(HEX_KEY, 'backup', '--db', db, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/backup refused \(nothing was changed\)\n {2}- .*already exists/);
    expect(sha(out)).toBe(outHash);

    const restore = await tsp(HEX_KEY, 'restore', '--db', db, '--from', out);
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/The replaced store is kept as .*before-restore-/);
    expect((await tsp(HEX_KEY, 'cases', 'search', '--db', db, MARKER)).out).toMatch(/1 case/);
  });

  it('exits 2 on a restore from the live file itself or from a file that is not a store', async () => {
    const db = await encryptedStore('live2');
    const before = sha(db);
    const self = await tsp(HEX_KEY, 'restore', '--db', db, '--from', db);
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/restore refused.*\n.*live database itself/);
    fs.writeFileSync(file('notes.txt'), 'not a database '.repeat(400));
    const text = await tsp(HEX_KEY, 'restore', '--db', db, '--from', file('notes.txt'));
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/cannot be opened/);
    expect(sha(db)).toBe(before);
  });

  // Two real processes starting tsx: allow for a loaded machine.
  it('runs as a real process, with the key from the environment', { timeout: 90_000 }, async () => {
    const db = await encryptedStore('process');
    const out = file('process-backup.sqlite');
    const tsx = path.join('node_modules', '.bin', 'tsx');
    const run = (key: string | undefined, ...args: string[]) => {
      const env: NodeJS.ProcessEnv = { ...process.env };
      if (key === undefined) delete env.TSP_DB_KEY;
      else env.TSP_DB_KEY = key;
      return spawnSync(tsx, ['electron/cli.ts', ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
    };
    const ok = run(HEX_KEY, 'backup', '--db', db, '--out', out);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // stdin is not a terminal: no prompt, a clear refusal.
    const noKey = run(undefined, 'backup', '--db', db, '--out', file('other.sqlite'));
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/is encrypted .*TSP_DB_KEY/);
    expect(fs.existsSync(file('other.sqlite'))).toBe(false);
  });
});
