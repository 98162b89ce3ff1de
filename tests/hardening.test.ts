/**
 * Hardening at the edges (issue 24): what the packaged shell takes from its environment,
 * temporary files kept in memory, and files and folders readable by their owner only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorFileOf } from '../db/audit-anchor.ts';
import { auditKeyFileOf } from '../db/audit-key.ts';
import { manifestFileOf } from '../db/backup-manifest.ts';
import { openDatabase, openFile } from '../db/connection.ts';
import { parseKeyText } from '../db/encryption.ts';
import { tempDir } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { main } from '../electron/cli.ts';
import { shellEnvironment } from '../electron/shell-environment.ts';
import { memoryIo } from './cli-io.ts';
import os from 'node:os';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('the shell environment', () => {
  const env = { TSP_SQLITE_BINDING: '/tmp/evil.node', TSP_DB_KEY: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH' };

  it('ignores TSP_SQLITE_BINDING and TSP_DB_KEY in the packaged app: its driver is the one packed in its resources', () => {
    expect(shellEnvironment(env, true, '/opt/TSP Desk/resources')).toEqual({ nativeBinding: '/opt/TSP Desk/resources/native/better_sqlite3.node', recoveryKey: undefined });
  });

  it('reads them in development (npm start points the binding at the Electron build)', () => {
    expect(shellEnvironment(env, false, '/opt/TSP Desk/resources')).toEqual({ nativeBinding: '/tmp/evil.node', recoveryKey: env.TSP_DB_KEY });
  });

  it('is the only way main.ts reads the environment', () => {
    const main = fs.readFileSync(path.resolve(import.meta.dirname, '../electron/main.ts'), 'utf8');
    expect(main.match(/process\.env/g)).toEqual(['process.env']);
    expect(main).toContain('shellEnvironment(process.env, app.isPackaged, process.resourcesPath)');
  });
});

describe('SQLite temporary files', () => {
  it('stay in memory on every connection (temp_store = MEMORY), plain and encrypted', () => {
    const d = dir();
    const plain = openDatabase(path.join(d, 'a.sqlite'));
    const key = parseKeyText('a'.repeat(64));
    const encrypted = openDatabase(path.join(d, 'b.sqlite'), { key });
    const reading = openFile(path.join(d, 'a.sqlite'), { fileMustExist: true });
    try {
      for (const db of [plain, encrypted, reading]) expect(db.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      for (const db of [plain, encrypted, reading]) db.close();
    }
  });
});

describe('files and folders the app makes', () => {
  it('a new store, its -wal, its audit key and chain head are 0600, its new folder 0700', () => {
    const d = path.join(dir(), 'data', 'inner');
    const file = path.join(d, 'tsp-desk.sqlite');
    const app = openApp({ file, osUser: os.userInfo().username });
    const response = app.router.dispatch('users.create', { name: 'Officer Lam', role: 'officer' });
    expect(response.ok).toBe(true);
    expect(mode(`${file}-wal`)).toBe(0o600);
    app.close();
    for (const f of [file, auditKeyFileOf(file), anchorFileOf(file)]) expect(mode(f), f).toBe(0o600);
    expect(mode(d)).toBe(0o700);
    expect(mode(path.dirname(d))).toBe(0o700);
  });

  it('a backup and its manifest are 0600, and so are the CLI outputs', async () => {
    const d = dir();
    const file = path.join(d, 'store.sqlite');
    openApp({ file, osUser: os.userInfo().username }).close();
    const out = path.join(d, 'backup.sqlite');
    expect(await main(['backup', '--db', file, '--out', out], memoryIo())).toBe(0);
    for (const f of [out, manifestFileOf(out), auditKeyFileOf(out)]) expect(mode(f), f).toBe(0o600);
    const stats = path.join(d, 'stats.csv');
    expect(await main(['report', 'statistics', '--db', file, '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'csv', '--out', stats], memoryIo())).toBe(0);
    expect(mode(stats)).toBe(0o600);
  });
});
