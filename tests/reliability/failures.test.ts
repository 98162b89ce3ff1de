/**
 * Clear failures: exit 2 means bad input with the store unchanged, nothing else. A busy store, a
 * full disk, a read-only medium and a damaged file each exit 1 with one line of their own and no
 * stack trace (TSP_DEBUG=1 adds it), the store as it was. A store on a read-only medium (an
 * evidence copy) can still be verified and exported.
 *
 * The conditions are real where this machine allows it, and say so where they are not:
 *   - busy: a second process holds the write lock;
 *   - disk full: a small tmpfs, filled (mounting one needs root; elsewhere the store's case is
 *     skipped, and the output file's write is refused at the file-system call with ENOSPC);
 *   - read-only: a read-only bind mount of the store's folder (root), and a folder and files
 *     without write permission read by a user who is not root (as root: the CLI runs as `nobody`,
 *     since chmod does not stop root);
 *   - damaged: pages of a real store overwritten with noise, and a file whose header is SQLite's
 *     but whose first page is not.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { main } from '../../electron/cli.ts';
import { processIo } from '../../electron/cli/io.ts';
import type { CliRun } from './entry.ts';
import { reliabilitySuite } from './harness.ts';
import { Sandbox } from './sandbox.ts';

const ENTRY = new URL('./entry.ts', import.meta.url);
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CLI = path.join(REPO, 'electron', 'cli.ts');
const { fault } = reliabilitySuite(import.meta.url);
const sandbox = new Sandbox();
const root = process.getuid?.() === 0;
let dir: string;
let template: string;
let caseFile: string;

const call = <T>(fn: string, args: unknown[], env: Record<string, string | null> = {}) => sandbox.call<T>(ENTRY, fn, args, { timeoutMs: 60_000, env });
const tsp = (args: string[], env: Record<string, string | null> = {}) => call<CliRun>('tsp', [args], { TSP_DEBUG: null, ...env });
const digest = (file: string, key?: string) => call<{ digest: string; cases: number }>('digestOf', [file, key]);

/** `tsp` as a real process (as `uid` when given), with a time limit. */
/** Adds traversal by others (o+x) to each of `folders` and each folder above it that lacks it; returns the folders changed with their modes before. */
function openToTraversal(folders: readonly string[]): [string, number][] {
  const changed: [string, number][] = [];
  for (const start of folders) {
    for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
      const mode = fs.statSync(folder).mode & 0o7777;
      if ((mode & 0o001) === 0 && !changed.some(([f]) => f === folder)) {
        fs.chmodSync(folder, mode | 0o001);
        changed.push([folder, mode]);
      }
      if (folder === path.dirname(folder)) break;
    }
  }
  return changed;
}

function tspProcess(args: string[], options: { uid?: number; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.TSP_DEBUG;
    Object.assign(env, options.env);
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: REPO,
      env,
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tsp ${args.join(' ')} did not finish within 60 s`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err });
    });
  });
}

/** A failure as the brief asks: exit 1, one line saying what, no stack trace. */
function expectOneLine(run: CliRun, pattern: RegExp) {
  expect(run.code, run.err).toBe(1);
  expect(run.err).toMatch(pattern);
  expect(run.err.trim().split('\n')).toHaveLength(1);
  expect(run.err).not.toMatch(/^\s+at /m);
}

/** A fresh copy of the template store in a folder of its own. */
function fresh(): { dir: string; db: string } {
  const copy = fs.mkdtempSync(path.join(dir, 'store-'));
  fs.cpSync(template, copy, { recursive: true });
  return { dir: copy, db: path.join(copy, 's.sqlite') };
}

function canMount(): boolean {
  if (!root) return false;
  const at = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', at]).status === 0;
  if (mounted) spawnSync('umount', [at]);
  fs.rmSync(at, { recursive: true, force: true });
  return mounted;
}
const mounts: string[] = [];
const mountable = canMount();

beforeAll(async () => {
  dir = tempDir();
  fs.chmodSync(dir, 0o755);
  template = path.join(dir, 'template');
  fs.mkdirSync(template);
  expect((await tsp(['demo', '--db', path.join(template, 's.sqlite'), '--cases', '25'])).code).toBe(0);
  caseFile = path.join(dir, 'case.json');
  fs.copyFileSync(path.join(REPO, 'fixtures/coe-ets-112/T01-baseline.case.json'), caseFile);
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  for (const m of mounts.reverse()) spawnSync('umount', ['-l', m]);
  spawnSync('chmod', ['-R', 'u+w', dir]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('busy: another process holds the write lock', () => {
  fault('an import waits, then exits 1 saying the store is busy; nothing was written; reading goes on; once free it works', async () => {
    const s = fresh();
    const before = await digest(s.db);
    const holder = spawn(process.execPath, ['-e', `
      const Database = require('better-sqlite3-multiple-ciphers');
      const db = new Database(${JSON.stringify(s.db)});
      db.exec('BEGIN IMMEDIATE');
      process.stdout.write('locked\\n');
      process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
      process.stdin.resume();`], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      expectOneLine(await tsp(['cases', 'import', '--db', s.db, caseFile]), /The store is busy: another program/);
      const read = await tsp(['cases', 'export', '--db', s.db, '--out', path.join(s.dir, 'while-busy.json')]);
      expect(read.code, read.err).toBe(0);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    expect(await digest(s.db)).toEqual(before);
    expect((await tsp(['cases', 'import', '--db', s.db, caseFile])).code).toBe(0);
  }, 60_000);
});

describe('disk full', () => {
  (mountable ? fault : it.skip)('a full tmpfs: an import exits 1 saying the disk is full, the store intact', async () => {
    const at = fs.mkdtempSync(path.join(dir, 'tmpfs-'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', at]).status).toBe(0);
    mounts.push(at);
    fs.cpSync(template, at, { recursive: true });
    const db = path.join(at, 's.sqlite');
    // Fill what is left, then give back a few pages: the store opens, its first large write fails.
    spawnSync('dd', ['if=/dev/zero', `of=${path.join(at, 'filler')}`, 'bs=4096']);
    fs.truncateSync(path.join(at, 'filler'), Math.max(0, fs.statSync(path.join(at, 'filler')).size - 8 * 4096));
    const before = await digest(db);
    const big = JSON.parse(fs.readFileSync(caseFile, 'utf8')) as { offences: { description: string }[] };
    big.offences[0]!.description = 'x'.repeat(2000);
    const bigFile = path.join(dir, 'big.json');
    // 200 cases, each its own reference (one case given twice is refused before any write, issue 20).
    fs.writeFileSync(bigFile, JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ ...big, reference: `BIG-${i}` }))));
    expectOneLine(await tsp(['cases', 'import', '--db', db, bigFile]), /The disk is full/);
    fs.rmSync(path.join(at, 'filler'));
    expect(await digest(db)).toEqual(before);
  }, 60_000);

  fault(`${mountable ? 'a full tmpfs' : 'ENOSPC at the write call (no tmpfs: not root)'}: an export exits 1 saying the disk is full; no part file is left, an existing file is kept`, async () => {
    const s = fresh();
    let outDir = s.dir;
    if (mountable) {
      outDir = fs.mkdtempSync(path.join(dir, 'tmpfs-out-'));
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', outDir]).status).toBe(0);
      mounts.push(outDir);
    }
    const out = path.join(outDir, 'export.json');
    fs.writeFileSync(out, 'the export of yesterday');
    // Nothing left on the tmpfs once the earlier export is there.
    if (mountable) spawnSync('dd', ['if=/dev/zero', `of=${path.join(outDir, 'filler')}`, 'bs=1024']);
    let run: CliRun;
    if (mountable) {
      run = await tsp(['cases', 'export', '--db', s.db, '--out', out, '--force']);
    } else {
      const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: out });
      });
      let captured = '';
      const code = await main(['cases', 'export', '--db', s.db, '--out', out, '--force'], { ...processIo, out: () => undefined, err: (t) => (captured += t) }).finally(() => spy.mockRestore());
      run = { code, out: '', err: captured };
    }
    expectOneLine(run, /the disk is full \(ENOSPC\)/);
    expect(fs.readFileSync(out, 'utf8')).toBe('the export of yesterday');
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    fs.rmSync(path.join(outDir, 'filler'), { force: true });
  }, 60_000);
});

describe('read-only', () => {
  const reads = (db: string, out: string, caseId: string): string[][] => [
    ['audit', 'verify', '--db', db],
    ['cases', 'export', '--db', db, '--out', path.join(out, 'cases.json')],
    ['report', 'statistics', '--db', db, '--from', '2000-01-01', '--to', '2030-12-31', '--format', 'csv', '--out', path.join(out, 'stats.csv')],
    ['dossier', '--db', db, '--case', caseId, '--out', path.join(out, 'dossier.pdf')],
  ];
  const firstCase = async (db: string) => (JSON.parse((await tsp(['cases', 'search', '--db', db, '--json'])).out) as { id: string }[])[0]!.id;

  (mountable ? fault : it.skip)('a read-only mount (an evidence copy): verify, export, statistics and a dossier work; an import exits 1 saying so', async () => {
    const s = fresh();
    const caseId = await firstCase(s.db);
    const before = fs.readFileSync(s.db);
    const medium = fs.mkdtempSync(path.join(dir, 'medium-'));
    expect(spawnSync('mount', ['--bind', s.dir, medium]).status).toBe(0);
    mounts.push(medium);
    expect(spawnSync('mount', ['-o', 'remount,ro,bind', medium]).status).toBe(0);
    const db = path.join(medium, 's.sqlite');
    const out = fs.mkdtempSync(path.join(dir, 'out-'));
    for (const args of reads(db, out, caseId)) {
      const run = await tsp(args);
      expect(run.code, `${args.join(' ')}: ${run.err}`).toBe(0);
    }
    expect((JSON.parse(fs.readFileSync(path.join(out, 'cases.json'), 'utf8')) as unknown[]).length).toBe(25);
    expectOneLine(await tsp(['cases', 'import', '--db', db, caseFile]), /cannot be written|cannot be opened/);
    expect(fs.readFileSync(s.db).equals(before)).toBe(true);
  }, 120_000);

  fault(`a folder and files without write permission, read ${root ? 'as the user nobody (chmod does not stop root)' : 'by this user'}: the reads work, an import exits 1 saying so`, async () => {
    const s = fresh();
    const caseId = await firstCase(s.db);
    const out = fs.mkdtempSync(path.join(dir, 'out-'));
    fs.chmodSync(out, 0o777);
    // The store and its companions (audit key, chain head) readable by the reader, written by no one.
    for (const f of fs.readdirSync(s.dir)) fs.chmodSync(path.join(s.dir, f), 0o444);
    fs.chmodSync(s.dir, 0o555);
    const before = fs.readFileSync(s.db);
    const as = root ? { uid: 65534 } : {};
    // `nobody` must reach the CLI: a clone inside a folder closed to others (`mktemp -d` makes 0700)
    // is opened to traversal for the run, and closed again after.
    const reopened = root ? openToTraversal([REPO, dir]) : [];
    try {
      for (const args of reads(s.db, out, caseId)) {
        const run = await tspProcess(args, as);
        expect(run.code, `${args.join(' ')}: ${run.err}`).toBe(0);
      }
      expectOneLine(await tspProcess(['cases', 'import', '--db', s.db, caseFile], as), /cannot be written|cannot be opened|readonly|read-only/);
    } finally {
      for (const [folder, mode] of reopened) fs.chmodSync(folder, mode);
    }
    expect(fs.readFileSync(s.db).equals(before)).toBe(true);
    fs.chmodSync(s.dir, 0o755);
  }, 180_000);
});

describe('damaged', () => {
  fault('pages overwritten with noise: an export exits 1 saying the store is damaged, not bad input', async () => {
    const s = fresh();
    const bytes = fs.readFileSync(s.db);
    const noise = Buffer.alloc(bytes.length - 4096 * 2, 0xa5);
    noise.copy(bytes, 4096 * 2);
    fs.writeFileSync(s.db, bytes);
    const run = await tsp(['cases', 'export', '--db', s.db, '--out', path.join(s.dir, 'e.json')]);
    expectOneLine(run, /damaged.*\(SQLITE_(CORRUPT|NOTADB)/);
    expect(fs.existsSync(path.join(s.dir, 'e.json'))).toBe(false);
    expectOneLine(await tsp(['audit', 'verify', '--db', s.db]), /damaged.*\(SQLITE_(CORRUPT|NOTADB)/);
  });

  fault("a file with SQLite's header and noise after it: exit 1, damaged (not \"give its key\")", async () => {
    const s = fresh();
    const bytes = fs.readFileSync(s.db);
    Buffer.alloc(bytes.length - 16, 0x5a).copy(bytes, 16);
    fs.writeFileSync(s.db, bytes);
    expectOneLine(await tsp(['cases', 'search', '--db', s.db]), /damaged.*\(SQLITE_(CORRUPT|NOTADB)/);
  });
});

describe('unexpected failures', () => {
  fault('print one line without a stack trace; TSP_DEBUG=1 prints where', async () => {
    const s = fresh();
    const caseId = (JSON.parse((await tsp(['cases', 'search', '--db', s.db, '--json'])).out) as { id: string; verdict: string | null }[]).find((c) => c.verdict !== null)!.id;
    // A stored result whose shape no version wrote: the dossier cannot be built from it.
    await call('execSql', [s.db, "UPDATE case_due_dates SET release_date = NULL WHERE case_id = ?", [caseId]]);
    // Its text is a document of its own (schema 15: stored once under its sha256), named as the whole result (texts_id NULL).
    await call('execSql', [s.db, "INSERT INTO assessment_snapshots (hash, content) VALUES ('8048e97c306a212adc599114b3bbcabd978faf55859d59303150578f393cb8e5', '{\"verdict\":7}')"]);
    await call('execSql', [s.db, "INSERT INTO assessments SELECT 'broken-' || id, case_id, case_version, verdict, reference_date, on_date, rule_set_id, rule_set_version, rule_set_hash, rule_set_source, user_id, '2099-01-01T00:00:00Z', reason, case_snapshot_id, (SELECT id FROM assessment_snapshots WHERE hash = '8048e97c306a212adc599114b3bbcabd978faf55859d59303150578f393cb8e5'), NULL FROM assessments WHERE id = (SELECT latest_assessment_id FROM cases WHERE id = ?)", [caseId]]);
    const quiet = await tspProcess(['dossier', '--db', s.db, '--case', caseId, '--out', path.join(s.dir, 'd.pdf')]);
    expect(quiet.code).toBe(1);
    expect(quiet.err).not.toMatch(/^\s+at /m);
    expect(quiet.err).toMatch(/TypeError: .*\n.*unexpected failure/);
    const loud = await tspProcess(['dossier', '--db', s.db, '--case', caseId, '--out', path.join(s.dir, 'd.pdf')], { env: { TSP_DEBUG: '1' } });
    expect(loud.code).toBe(1);
    expect(loud.err).toMatch(/^\s+at /m);
  });
});
