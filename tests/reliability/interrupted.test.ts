/**
 * Backups and restores cut short: a process writing a backup or restoring one is killed
 * (SIGKILL) at points spread over its run. After each kill the store is in place and whole —
 * the old one, or for a restore the restored one — and the next start of the app removes
 * what the cut left (`.part`, `.part-journal`, `.restoring`) and records it in the audit log.
 * The copies are flushed to the disk before they are renamed into place, and the folder after.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, vi } from 'vitest';
import { verifyAuditChain } from '../../db/audit-repo.ts';
import { inspectStore } from '../../db/backup.ts';
import { openFile } from '../../db/connection.ts';
import { tempDir } from '../../db/testing.ts';
import { openApp } from '../../electron/app.ts';
import { actorOf, backupStore, listBackups, restoreStore } from '../../electron/backups.ts';
import { protectOpenedStore } from '../../electron/keystore-start.ts';
import { listAuditEntries } from '../../db/audit-repo.ts';
import { seedDemo } from '../../electron/services/demo.ts';
import { reliabilitySuite } from './harness.ts';

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'interrupt-child.ts');
const { fault } = reliabilitySuite(import.meta.url);
let root: string;
let template: string;
let backupName: string;
/** How long an uninterrupted run of each takes here (measured once), to spread the kills over it. */
const took = { backup: 0, restore: 0 };

function run(mode: 'backup' | 'restore', live: string, other: string, killAfterMs: number | null): Promise<'done' | 'killed'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, live, other], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (killAfterMs !== null && out.startsWith('started\n') && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (out.includes('done')) resolve('done');
      else if (signal === 'SIGKILL') resolve('killed');
      else reject(new Error(`the ${mode} child failed (${code}): ${err}`));
    });
  });
}

/** A copy of the template store in a folder of its own. */
function fresh(): { dir: string; live: string } {
  const dir = fs.mkdtempSync(path.join(root, 'run-'));
  fs.cpSync(template, dir, { recursive: true });
  return { dir, live: path.join(dir, 's.sqlite') };
}

function casesOf(file: string): string {
  const db = openFile(file, { fileMustExist: true });
  try {
    const inspection = inspectStore(db);
    expect(inspection.integrity).toEqual(['ok']);
    expect(verifyAuditChain(db).ok).toBe(true);
    return JSON.stringify(db.prepare('SELECT id, version FROM cases ORDER BY id').raw().all());
  } finally {
    db.close();
  }
}

/** The app's start on a plain store (electron/keystore-start.ts): it removes what runs cut short left, and says so in the audit log. */
function nextStart(live: string) {
  const app = openApp({ file: live, osUser: 'reliability' });
  protectOpenedStore(app, live, { key: { kind: 'passphrase', text: 'unused-by-a-plain-store' }, newRecoveryKey: null, encryptedExisting: false, via: 'safeStorage' }, {}).stop();
  return app;
}

const leftovers = (dir: string) =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(part|part-journal|restoring|restoring-journal)$/.test(f));

beforeAll(async () => {
  root = tempDir();
  template = path.join(root, 'template');
  fs.mkdirSync(path.join(template, 'backups'), { recursive: true });
  const live = path.join(template, 's.sqlite');
  const app = openApp({ file: live, osUser: 'reliability' });
  seedDemo(app.context, 1000);
  backupName = 'tsp-desk-2026-11-28T080000Z.sqlite';
  backupStore(actorOf(app.context), path.join(template, 'backups', backupName), { live });
  seedDemo(app.context, 200);
  app.close();
  for (const mode of ['backup', 'restore'] as const) {
    const { dir, live: l } = fresh();
    const started = Date.now();
    expect(await run(mode, l, path.join(dir, 'backups', mode === 'backup' ? 'tsp-desk-2026-11-29T080000Z.sqlite' : backupName), null)).toBe('done');
    took[mode] = Date.now() - started;
  }
}, 240_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const ROUNDS = 4;

describe('a backup killed part way', () => {
  for (let round = 0; round < ROUNDS; round++) {
    fault(`kill ${round + 1} of ${ROUNDS}: the store is whole, no half backup is listed, the next start removes the part files`, async () => {
      const { dir, live } = fresh();
      const before = casesOf(live);
      const out = path.join(dir, 'backups', 'tsp-desk-2026-11-29T080000Z.sqlite');
      await run('backup', live, out, Math.round((took.backup * (round + 0.5)) / ROUNDS));
      expect(casesOf(live)).toBe(before);
      if (fs.existsSync(out)) expect(casesOf(out)).toBe(before);
      const hadLeftovers = leftovers(dir).length > 0;
      const app = nextStart(live);
      if (hadLeftovers) expect(listAuditEntries(app.db, { entity: 'store', limit: 1 })[0]).toMatchObject({ action: 'store.leftovers.removed' });
      app.close();
      expect(leftovers(dir)).toEqual([]);
      for (const b of listBackups(path.join(dir, 'backups'))) casesOf(path.join(dir, 'backups', b.name));
    }, 60_000);
  }
});

describe('a restore killed part way', () => {
  for (let round = 0; round < ROUNDS; round++) {
    fault(`kill ${round + 1} of ${ROUNDS}: a whole store is in place (the old or the restored one), the next start removes the staged copy`, async () => {
      const { dir, live } = fresh();
      const old = casesOf(live);
      const restored = casesOf(path.join(dir, 'backups', backupName));
      await run('restore', live, path.join(dir, 'backups', backupName), Math.round((took.restore * (round + 0.5)) / ROUNDS));
      expect(fs.existsSync(live)).toBe(true);
      expect([old, restored]).toContain(casesOf(live));
      nextStart(live).close();
      expect(leftovers(dir)).toEqual([]);
    }, 60_000);
  }
});

describe('flushed before renamed', () => {
  fault('a backup flushes its copy before the rename that names it, and the folder after', async () => {
    const { dir, live } = fresh();
    const calls = traceFileCalls();
    const app = openApp({ file: live, osUser: 'reliability' });
    try {
      backupStore(actorOf(app.context), path.join(dir, 'backups', 'tsp-desk-2026-11-29T080000Z.sqlite'), { live });
    } finally {
      app.close();
      calls.stop();
    }
    const out = path.join(dir, 'backups', 'tsp-desk-2026-11-29T080000Z.sqlite');
    const rename = calls.log.indexOf(`rename ${out}.part -> ${out}`);
    expect(rename).toBeGreaterThan(calls.log.indexOf(`fsync ${out}.part`));
    expect(calls.log.indexOf(`fsync ${path.dirname(out)}`, rename)).toBeGreaterThan(rename);
  });

  fault('a restore flushes the staged copy before the rename that puts it in place, and the folder after', async () => {
    const { dir, live } = fresh();
    const calls = traceFileCalls();
    try {
      restoreStore(path.join(dir, 'backups', backupName), { live }, { osUser: 'reliability' }).app.close();
    } finally {
      calls.stop();
    }
    const rename = calls.log.indexOf(`rename ${live}.restoring -> ${live}`);
    expect(rename).toBeGreaterThan(calls.log.indexOf(`fsync ${live}.restoring`));
    expect(calls.log.indexOf(`fsync ${dir}`, rename)).toBeGreaterThan(rename);
  });
});

/** Records, in order, which files are flushed (fsync of a descriptor opened by path) and renamed. */
function traceFileCalls() {
  const log: string[] = [];
  const paths = new Map<number, string>();
  const { openSync: open, fsyncSync: fsync, renameSync: rename } = fs;
  const spies = [
    vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      const fd = open(...args);
      paths.set(fd, path.resolve(String(args[0])));
      return fd;
    }),
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      log.push(`fsync ${paths.get(fd) ?? fd}`);
      fsync(fd);
    }),
    vi.spyOn(fs, 'renameSync').mockImplementation((from: fs.PathLike, to: fs.PathLike) => {
      log.push(`rename ${path.resolve(String(from))} -> ${path.resolve(String(to))}`);
      rename(from, to);
    }),
  ];
  return { log, stop: () => spies.forEach((s) => s.mockRestore()) };
}
