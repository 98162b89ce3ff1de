/** Compiles electron/, db/ and shared/ to dist-electron/ and copies the SQL migrations beside them. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function buildElectron() {
  fs.rmSync(path.join(root, 'dist-electron'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.electron.json'], { cwd: root, stdio: 'inherit' });
  fs.cpSync(path.join(root, 'db', 'migrations'), path.join(root, 'dist-electron', 'db', 'migrations'), { recursive: true });
  // Compiled output is ESM except the sandboxed preload (preload.cts -> preload.cjs).
  fs.writeFileSync(path.join(root, 'dist-electron', 'package.json'), JSON.stringify({ type: 'module' }));
}

if (process.argv[1] === new URL(import.meta.url).pathname) buildElectron();
