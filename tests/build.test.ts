/**
 * The main process as Electron runs it: compiled to dist-electron/ by `npm start` and
 * packaging. Its imports must resolve as JavaScript and its migrations must travel with it.
 * (Electron itself cannot be downloaded here; everything but the two shell files is exercised.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript
import { buildElectron } from '../scripts/build-electron.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = (...p: string[]) => path.join(root, 'dist-electron', ...p);

beforeAll(() => {
  (buildElectron as () => void)();
}, 120_000);

describe('the compiled main process', () => {
  it('opens a store from the compiled code, migrations included', async () => {
    const { openApp } = (await import(pathToFileURL(out('electron', 'app.js')).href)) as typeof import('../electron/app.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-build-'));
    const app = openApp({ file: path.join(dir, 'desk.sqlite'), osUser: 'officer' });
    try {
      expect(app.router.dispatch('session.current', undefined)).toMatchObject({ ok: true, data: { user: { name: 'officer', role: 'supervisor' } } });
      expect(app.db.pragma('user_version', { simple: true })).toBe(fs.readdirSync(path.join(root, 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length);
    } finally {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('backs up from the compiled code, in the compiled worker thread', async () => {
    const { openApp } = (await import(pathToFileURL(out('electron', 'app.js')).href)) as typeof import('../electron/app.ts');
    const { backupStoreInWorker, SYSTEM_USER_ID } = (await import(pathToFileURL(out('electron', 'backups.js')).href)) as typeof import('../electron/backups.ts');
    expect(fs.existsSync(out('electron', 'backup-worker.js'))).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-build-'));
    const app = openApp({ file: path.join(dir, 'desk.sqlite'), osUser: 'officer' });
    try {
      const result = await backupStoreInWorker({ db: app.db, clock: () => new Date(), userId: SYSTEM_USER_ID }, path.join(dir, 'copy.sqlite'), { live: app.db.name });
      expect(result).toMatchObject({ file: path.join(dir, 'copy.sqlite'), encrypted: false, removed: [] });
      expect(result.auditEntries).toBeGreaterThan(0);
    } finally {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('brings a store up to date from the compiled code, in the compiled worker thread', async () => {
    const { openApp, prepareStoreInWorker } = (await import(pathToFileURL(out('electron', 'app.js')).href)) as typeof import('../electron/app.ts');
    expect(fs.existsSync(out('electron', 'store-prepare-worker.js'))).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-build-'));
    const file = path.join(dir, 'desk.sqlite');
    try {
      const latest = fs.readdirSync(path.join(root, 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length;
      expect(await prepareStoreInWorker({ file })).toStrictEqual({ from: 0, to: latest });
      const app = openApp({ file, osUser: 'officer', migratedFrom: 0 });
      expect(app.db.pragma('user_version', { simple: true })).toBe(latest);
      app.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the sandboxed preload CommonJS and free of app imports', () => {
    const preload = fs.readFileSync(out('electron', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain("exposeInMainWorld('tsp'");
  });

  it('ships no test helpers and no CLI in the app', () => {
    expect(fs.existsSync(out('db', 'testing.js'))).toBe(false);
    expect(fs.existsSync(out('electron', 'services', 'testing.js'))).toBe(false);
    expect(fs.existsSync(out('electron', 'cli.js'))).toBe(false);
    const compiled = fs.readdirSync(out(), { recursive: true }).map(String);
    expect(compiled.filter((f) => f.endsWith('.test.js'))).toEqual([]);
  });

  it('sets secure webPreferences and the CSP in the shell', () => {
    const main = fs.readFileSync(out('electron', 'main.js'), 'utf8');
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true']) expect(main).toContain(setting);
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toContain("'will-navigate'");
    expect(main).toContain('setPermissionRequestHandler');
    expect(main).toContain('isAppFrame(event)');
  });
});
