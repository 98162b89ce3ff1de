/** `npm run package`: build everything, then electron-builder for the current platform (see electron-builder.yml). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildElectron } from './build-electron.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
execFileSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
buildElectron();
execFileSync(process.execPath, [require.resolve('electron-builder/cli.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
