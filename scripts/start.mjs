/**
 * `npm start`: make sure the Electron runtime is there and the SQLite driver
 * (better-sqlite3-multiple-ciphers) exists for Electron's ABI, build the renderer and the main
 * process, then launch Electron. The downloads come first, so that a machine that cannot make them
 * is told so at once, in one paragraph (scripts/download-failure.mjs). The database lives in
 * Electron's userData folder (Linux ~/.config/TSP Desk, Windows %APPDATA%\TSP Desk, macOS
 * ~/Library/Application Support/TSP Desk).
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildElectron } from './build-electron.mjs';
import { DownloadFailure, downloadFailureMessage } from './download-failure.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';
import { ensureElectronRuntime } from './electron-runtime.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

let electronBinary;
let binding;
try {
  electronBinary = await ensureElectronRuntime();
  binding = ensureElectronSqlite();
} catch (error) {
  console.error(`\n${error instanceof DownloadFailure ? downloadFailureMessage(error, { command: 'npm start' }) : error.message}`);
  process.exit(1);
}

execFileSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
buildElectron();

const child = spawn(electronBinary, [path.join(root, 'dist-electron', 'electron', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TSP_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
