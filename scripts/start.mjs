/**
 * `npm start`: build the renderer and the main process, make sure the SQLite driver
 * (better-sqlite3-multiple-ciphers) exists for Electron's ABI, then launch Electron. The database lives in Electron's userData folder
 * (Linux ~/.config/TSP Desk, Windows %APPDATA%\TSP Desk, macOS ~/Library/Application Support/TSP Desk).
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildElectron } from './build-electron.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

execFileSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
buildElectron();

let electronBinary;
try {
  electronBinary = require('electron'); // the path of the runtime, downloaded on first use
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string') {
  console.error('\nThe Electron runtime is not installed. It is downloaded from GitHub on first use:');
  console.error('  npx install-electron --no   (then npm start again)');
  console.error('Without it, `npm run start:chromium` shows the same app in a Chromium window.');
  process.exit(1);
}
let binding;
try {
  binding = ensureElectronSqlite();
} catch (error) {
  console.error(`\nCould not build the SQLite driver (better-sqlite3-multiple-ciphers) for Electron: ${error.message}`);
  console.error('Electron needs its own build of the SQLite module (its headers come from electronjs.org).');
  process.exit(1);
}
const child = spawn(electronBinary, [path.join(root, 'dist-electron', 'electron', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TSP_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
