/**
 * Builds the SQLite driver (better-sqlite3-multiple-ciphers: better-sqlite3 with SQLCipher
 * encryption) for Electron's ABI into node_modules/.tsp-electron/, beside (never over) the Node
 * build the tests use. `npm start` tells the app where it is (TSP_SQLITE_BINDING) and the driver
 * loads it through its `nativeBinding` option; `npm run package` packs it (scripts/package.mjs).
 *
 * npm sets npm_config_nodedir from ~/.npmrc on some machines; node-gyp would then silently build
 * against Node's headers and label the result as Electron's. We drop it and check the ABI the
 * build actually used (config.gypi) and the one the binary registers (scripts/native-abi.mjs)
 * before accepting it, and again each time a build kept from before is reused.
 *
 * node-gyp's output goes to node_modules/.tsp-electron/sqlite-build.log; a failed download of the
 * headers is a DownloadFailure (scripts/download-failure.mjs), worded without a stack trace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DownloadFailure, networkErrorIn } from './download-failure.mjs';
import { TOOL_LOGS } from './electron-runtime.mjs';
import { assertNativeAbi, checkNativeAbi } from './native-abi.mjs';

const require = createRequire(import.meta.url);

export function electronAbi() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  return {
    version: require('electron/package.json').version,
    abi: fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim(),
  };
}

/** The driver the app uses (db/connection.ts); its version names the build, so a change of driver rebuilds. */
export const SQLITE_DRIVER = 'better-sqlite3-multiple-ciphers';

/** Where Electron's headers are downloaded from: node-gyp's own variable when set (a mirror), else Electron's site. */
export function headersUrl(env = process.env) {
  return env.npm_config_disturl || env.NPM_CONFIG_DISTURL || 'https://electronjs.org/headers';
}

/** The path of the driver built for Electron's ABI, built first if needed; throws DownloadFailure or NativeAbiError. */
export function ensureElectronSqlite({ log = console.log, env = process.env } = {}) {
  const { version, abi } = electronAbi();
  const driverVersion = require(`${SQLITE_DRIVER}/package.json`).version;
  const target = path.join(TOOL_LOGS, `electron-${version}`, `${SQLITE_DRIVER}-${driverVersion}.node`);
  if (fs.existsSync(target)) {
    if (checkNativeAbi(fs.readFileSync(target), abi).ok) return target;
    log(`${target} is not built for Electron's ABI ${abi}: building it again.`);
    fs.rmSync(target);
  }

  const source = path.dirname(require.resolve(`${SQLITE_DRIVER}/package.json`));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-sqlite-electron-'));
  try {
    fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
    const gypEnv = { ...env };
    for (const key of Object.keys(gypEnv)) if (key.toLowerCase() === 'npm_config_nodedir') delete gypEnv[key];
    fs.mkdirSync(TOOL_LOGS, { recursive: true });
    const logFile = path.join(TOOL_LOGS, 'sqlite-build.log');
    const distUrl = headersUrl(env);
    log(`Building ${SQLITE_DRIVER} ${driverVersion} for Electron ${version} (ABI ${abi}): about 90 s; Electron's headers are downloaded once. Output: ${logFile}`);
    const out = fs.openSync(logFile, 'w');
    let result;
    try {
      const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
      result = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--dist-url=${distUrl}`, `--arch=${process.arch}`], { cwd: work, env: gypEnv, stdio: ['ignore', out, out] });
    } finally {
      fs.closeSync(out);
    }
    if (result.status !== 0) {
      const output = fs.readFileSync(logFile, 'utf8');
      const network = networkErrorIn(output);
      if (network !== null && !fs.existsSync(path.join(work, 'build', 'config.gypi'))) throw new DownloadFailure('headers', { version, reason: network, log: logFile, url: distUrl });
      throw new Error(`node-gyp could not build ${SQLITE_DRIVER} for Electron ${version} (exit ${result.status ?? result.signal}); its output is in ${logFile}`);
    }
    const gypi = fs.readFileSync(path.join(work, 'build', 'config.gypi'), 'utf8');
    const built = /"node_module_version":\s*(\d+)/.exec(gypi)?.[1];
    if (built !== abi) throw new Error(`${SQLITE_DRIVER} was built for ABI ${built}, not Electron's ${abi}: refusing to use it`);
    const binary = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    assertNativeAbi(binary, abi, `the build of ${SQLITE_DRIVER} for Electron ${version}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(binary, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
