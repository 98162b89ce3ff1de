/**
 * Data loss at the edges: no command writes its output over the store or one of its
 * companions (-wal, -shm, the key file, the backups and attachments folders, a restore's
 * safety copy), however the path is spelled (a symlink, `..`, a hard link); an existing file is
 * replaced only with --force. Each refusal exits 2 and leaves the store and the target as they
 * were. Before this suite, `tsp cases export --out <the store>` replaced every case and the
 * audit log with a JSON file, and exited 0.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { createKeyFile } from '../../electron/keystore.ts';
import type { CliRun } from './entry.ts';
import { reliabilitySuite } from './harness.ts';
import { Sandbox } from './sandbox.ts';

const ENTRY = new URL('./entry.ts', import.meta.url);
const { badInput } = reliabilitySuite(import.meta.url);
const sandbox = new Sandbox();
let root: string;

interface Store {
  dir: string;
  db: string;
  key?: string;
  caseId: string;
}

const tsp = (args: string[], key?: string) => sandbox.call<CliRun>(ENTRY, 'tsp', [args], { timeoutMs: 60_000, env: { TSP_DB_KEY: key ?? null } });
const digest = (s: Store) => sandbox.call<{ digest: string; cases: number }>(ENTRY, 'digestOf', [s.db, s.key], { timeoutMs: 30_000 });

let plainTemplate: Store;
let encryptedTemplate: Store;

async function makeStore(name: string, encrypted: boolean): Promise<Store> {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  const db = path.join(dir, 's.sqlite');
  const key = encrypted ? createKeyFile(db, undefined).dataKey.toString('hex') : undefined;
  expect((await tsp(['demo', '--db', db, '--cases', '4'], key)).code).toBe(0);
  fs.mkdirSync(path.join(dir, 'backups'));
  expect((await tsp(['backup', '--db', db, '--out', path.join(dir, 'backups', 'tsp-desk-2026-11-29T101500Z.sqlite')], key)).code).toBe(0);
  fs.mkdirSync(path.join(dir, 'attachments', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'attachments', 'ab', 'abcdef'), randomBytes(64));
  fs.writeFileSync(path.join(dir, 's.sqlite.before-restore-20261101T000000Z'), 'the store as it was before a restore');
  const listed = (await tsp(['cases', 'search', '--db', db, '--json'], key)).out;
  return { dir, db, key, caseId: (JSON.parse(listed) as { id: string }[])[0]!.id };
}

/** A copy of a template store in a folder of its own: each attack gets a store nobody else touched. */
function freshCopy(template: Store): Store {
  const dir = fs.mkdtempSync(path.join(root, 'copy-'));
  fs.cpSync(template.dir, dir, { recursive: true });
  return { ...template, dir, db: path.join(dir, 's.sqlite') };
}

beforeAll(async () => {
  root = tempDir();
  plainTemplate = await makeStore('plain', false);
  encryptedTemplate = await makeStore('encrypted', true);
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const COMMANDS: Record<string, (s: Store, out: string) => string[]> = {
  'cases export': (s, out) => ['cases', 'export', '--db', s.db, '--out', out],
  dossier: (s, out) => ['dossier', '--db', s.db, '--case', s.caseId, '--out', out],
  'report statistics': (s, out) => ['report', 'statistics', '--db', s.db, '--from', '2000-01-01', '--to', '2030-12-31', '--format', 'csv', '--out', out],
  'treaties export': (s, out) => ['treaties', 'export', '--db', s.db, 'coe-ets-112', '--out', out],
};

/** The ways to name the store or a companion; each builds the path (and any link it needs) in a fresh copy. */
const TARGETS: Record<string, (s: Store) => string> = {
  'the store itself': (s) => s.db,
  'its -wal file': (s) => `${s.db}-wal`,
  'its -shm file': (s) => `${s.db}-shm`,
  'its key file': (s) => `${s.db}.keys.json`,
  'the backups folder': (s) => path.join(s.dir, 'backups'),
  'a new file in the backups folder': (s) => path.join(s.dir, 'backups', 'export.json'),
  'a backup': (s) => path.join(s.dir, 'backups', 'tsp-desk-2026-11-29T101500Z.sqlite'),
  'a new file in the attachments folder': (s) => path.join(s.dir, 'attachments', 'ab', 'new.json'),
  "a restore's safety copy": (s) => `${s.db}.before-restore-20261101T000000Z`,
  'the store through a symlink': (s) => {
    fs.symlinkSync(s.db, path.join(s.dir, 'link.json'));
    return path.join(s.dir, 'link.json');
  },
  'the store through a symlinked folder': (s) => {
    fs.symlinkSync(s.dir, path.join(root, `${path.basename(s.dir)}-alias`));
    return path.join(root, `${path.basename(s.dir)}-alias`, 's.sqlite');
  },
  'the store through ..': (s) => path.join(s.dir, 'attachments', '..', '..', path.basename(s.dir), 's.sqlite'),
  'the store through a hard link': (s) => {
    fs.linkSync(s.db, path.join(s.dir, 'hard.json'));
    return path.join(s.dir, 'hard.json');
  },
  'the store as a relative path': (s) => path.relative(process.cwd(), s.db),
};

function fileState(file: string): string | null {
  try {
    const stat = fs.lstatSync(file);
    return stat.isFile() ? fs.readFileSync(file).toString('base64') : `${stat.mode}`;
  } catch {
    return null;
  }
}

async function expectRefused(template: Store, command: string, target: string) {
  const s = freshCopy(template);
  const out = TARGETS[target]!(s);
  const before = await digest(s);
  const targetBefore = fileState(out);
  const keyFileBefore = fileState(`${s.db}.keys.json`);
  const run = await tsp(COMMANDS[command]!(s, out), s.key);
  expect(run.code, run.err).toBe(2);
  expect(run.err).toContain('refused to write');
  expect(await digest(s)).toEqual(before);
  expect(fileState(out)).toBe(targetBefore);
  expect(fileState(`${s.db}.keys.json`)).toBe(keyFileBefore);
}

describe('an output never lands on the store or its companions (exit 2, nothing changed)', () => {
  for (const command of Object.keys(COMMANDS)) {
    for (const target of Object.keys(TARGETS)) {
      badInput(`${command} --out ${target}`, () => expectRefused(plainTemplate, command, target));
    }
    for (const target of ['the store itself', 'its key file', 'a backup']) {
      badInput(`${command} --out ${target}, on an encrypted store`, () => expectRefused(encryptedTemplate, command, target));
    }
  }
});

/** Whether the temporary folder ignores case (macOS, Windows): a file is found under its name in capitals. */
function caseInsensitiveTmp(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-case-probe-'));
  try {
    fs.writeFileSync(path.join(probe, 'store.sqlite'), '');
    return fs.existsSync(path.join(probe, 'STORE.SQLITE'));
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

describe('on a file system that ignores case (not this Linux machine: skipped here)', () => {
  (caseInsensitiveTmp() ? badInput : it.skip)('cases export --out the store written in capitals', async () => {
    const s = freshCopy(plainTemplate);
    const before = await digest(s);
    const run = await tsp(COMMANDS['cases export']!(s, path.join(s.dir, 'S.SQLITE')));
    expect(run.code, run.err).toBe(2);
    expect(await digest(s)).toEqual(before);
  });
});

describe('an existing file is replaced only with --force, through a temporary file renamed into place', () => {
  for (const command of Object.keys(COMMANDS)) {
    badInput(`${command} refuses an existing file without --force and replaces it with --force`, async () => {
      const s = freshCopy(plainTemplate);
      const out = path.join(s.dir, 'existing.out');
      fs.writeFileSync(out, 'an earlier export, kept');
      const refused = await tsp(COMMANDS[command]!(s, out), s.key);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('already exists: give --force to replace it');
      expect(fs.readFileSync(out, 'utf8')).toBe('an earlier export, kept');
      const forced = await tsp([...COMMANDS[command]!(s, out), '--force'], s.key);
      expect(forced.code, forced.err).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).not.toBe('an earlier export, kept');
      expect(fs.readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
    badInput(`${command} refuses a folder or a missing folder as its output`, async () => {
      const s = freshCopy(plainTemplate);
      for (const out of [path.join(s.dir, 'attachments', '..'), path.join(s.dir, 'no-such-folder', 'x.out')]) {
        const run = await tsp(COMMANDS[command]!(s, out), s.key);
        expect(run.code, run.err).toBe(2);
        expect(run.err).toMatch(/is a folder|does not exist|is in the attachments folder|is the store/);
      }
      expect(fs.existsSync(path.join(s.dir, 'no-such-folder'))).toBe(false);
    });
  }
  badInput('--force does not open the store to an output either', async () => {
    const s = freshCopy(plainTemplate);
    const before = await digest(s);
    const run = await tsp([...COMMANDS['cases export']!(s, s.db), '--force']);
    expect(run.code).toBe(2);
    expect(await digest(s)).toEqual(before);
  });
});

describe('tsp backup refuses what would replace a companion of the store or of another store', () => {
  badInput("backup --out the key file's name, on a plain store that has none", async () => {
    const s = freshCopy(plainTemplate);
    const run = await tsp(['backup', '--db', s.db, '--out', `${s.db}.keys.json`]);
    expect(run.code, run.err).toBe(2);
    expect(fs.existsSync(`${s.db}.keys.json`)).toBe(false);
  });
  badInput("backup --out a restore's safety copy", async () => {
    const s = freshCopy(plainTemplate);
    const before = fileState(`${s.db}.before-restore-20261101T000000Z`);
    expect((await tsp(['backup', '--db', s.db, '--out', `${s.db}.before-restore-20261101T000000Z`])).code).toBe(2);
    expect(fileState(`${s.db}.before-restore-20261101T000000Z`)).toBe(before);
  });
  badInput("backup --out a name whose key file beside it belongs to another store", async () => {
    const s = freshCopy(encryptedTemplate);
    const other = path.join(s.dir, 'other.sqlite');
    fs.writeFileSync(`${other}.keys.json`, "another store's key file");
    const run = await tsp(['backup', '--db', s.db, '--out', other], s.key);
    expect(run.code, run.err).toBe(2);
    expect(fs.readFileSync(`${other}.keys.json`, 'utf8')).toBe("another store's key file");
    expect(fs.existsSync(other)).toBe(false);
  });
});
