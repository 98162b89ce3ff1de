/**
 * `npm run package`: installers via electron-builder for the current platform (see
 * electron-builder.yml), with the SQLite driver built for Electron's ABI the way `npm start`
 * builds it: in a separate copy (scripts/electron-native.mjs), never in place in node_modules,
 * whose Node build the tests and the CLI use. electron-builder rebuilds nothing (npmRebuild:
 * false; its rebuild silently used Node's headers on these machines, docs/architecture.md "Native module: two builds of better-sqlite3").
 *
 * 1. the driver for Electron's ABI (node-gyp with Electron's headers; checked);
 * 2. its ABI read from the binary before it is staged in dist-native/, from where
 *    electron-builder.yml packs it as resources/native/better_sqlite3.node (the packaged app
 *    loads it from there: electron/native-binding.ts); a binary built for another ABI, Node's
 *    included, is refused and nothing is packed;
 * 3. the renderer and the main process built;
 * 4. electron-builder, its output in release/electron-builder.log; its afterPack hook
 *    (scripts/after-pack.mjs) checks every native module of the packed app again.
 * A download that fails (Electron's headers, the runtime for the installers) is said in one
 * paragraph (scripts/download-failure.mjs), without a stack trace.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { DownloadFailure, downloadFailureMessage, networkErrorIn } from './download-failure.mjs';
import { electronAbi, ensureElectronSqlite } from './electron-native.mjs';
import { electronMirror } from './electron-runtime.mjs';
import { assertNativeAbi, NativeAbiError } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the checked driver waits for electron-builder (electron-builder.yml, extraResources). */
export const NATIVE_STAGE = path.join(root, 'dist-native');
/** Its name there and in the packaged app's resources/native/ (electron/native-binding.ts). */
export const PACKED_BINDING = 'better_sqlite3.node';

/** Copies the driver built for Electron to the staging folder, emptied first; refuses (NativeAbiError) one built for another ABI. */
export function stageNativeModule(binary, abi, stage = NATIVE_STAGE) {
  fs.rmSync(stage, { recursive: true, force: true });
  assertNativeAbi(binary, abi, binary);
  fs.mkdirSync(stage, { recursive: true });
  const staged = path.join(stage, PACKED_BINDING);
  fs.copyFileSync(binary, staged);
  assertNativeAbi(staged, abi, staged);
  return staged;
}

function buildApp() {
  execFileSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  buildElectron();
}

/** The line electron-builder failed with ("⨯ getaddrinfo ENOTFOUND github.com"), without its stack trace. */
export function builderFailureLine(output) {
  const line = output.split('\n').find((l) => l.includes('⨯')) ?? output.trim().split('\n').at(-1) ?? '';
  return line.replace(/\s+(failedTask|stackTrace)=.*$/, '').trim();
}

/** Runs electron-builder with `args`; its progress lines are shown, everything goes to release/electron-builder.log. */
export function runElectronBuilder(args, { log = console.log } = {}) {
  fs.mkdirSync(path.join(root, 'release'), { recursive: true });
  const logFile = path.join(root, 'release', 'electron-builder.log');
  const out = fs.createWriteStream(logFile);
  log(`Packaging with electron-builder; its output: ${logFile}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('electron-builder/cli.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let pending = '';
    const take = (chunk) => {
      const text = chunk.toString();
      out.write(text);
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/^\s*•/.test(line)) log(line.replace(/\s+$/, ''));
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      out.end();
      if (code === 0) return resolve();
      const network = networkErrorIn(output);
      if (network !== null) {
        reject(new DownloadFailure('package', { version: require('electron/package.json').version, reason: network, log: logFile, url: electronMirror() }));
      } else {
        reject(new Error(`electron-builder failed: ${builderFailureLine(output)} (its output: ${logFile})`));
      }
    });
  });
}

/** The whole of `npm run package`, its steps passed in so that a test can run it without node-gyp or electron-builder. */
export async function packageApp({ args = [], log = console.log, ensureSqlite = ensureElectronSqlite, abi = () => electronAbi().abi, stage = NATIVE_STAGE, build = buildApp, runBuilder = runElectronBuilder } = {}) {
  const binary = ensureSqlite({ log });
  const staged = stageNativeModule(binary, abi(), stage);
  log(`${staged}: built for Electron's ABI ${abi()}.`);
  build();
  await runBuilder(args, { log });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await packageApp({ args: process.argv.slice(2) });
  } catch (error) {
    if (error instanceof DownloadFailure) console.error(`\n${downloadFailureMessage(error, { command: 'npm run package' })}`);
    else if (error instanceof NativeAbiError) console.error(`\nNothing was packed: ${error.message}.`);
    else console.error(`\n${error.message}`);
    process.exit(1);
  }
}
