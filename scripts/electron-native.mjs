/**
 * Builds the SQLite driver (better-sqlite3-multiple-ciphers: better-sqlite3 with SQLCipher
 * encryption) for Electron's ABI into node_modules/.tsp-electron/, beside (never over) the Node
 * build the tests use. The app is told where it is (TSP_SQLITE_BINDING), and the driver loads
 * it through its `nativeBinding` option.
 *
 * npm sets npm_config_nodedir from ~/.npmrc on some machines; node-gyp would then silently build
 * against Node's headers and label the result as Electron's. We drop it and check the ABI the
 * build actually used (config.gypi) before accepting the binary.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function electronAbi() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  return {
    version: require('electron/package.json').version,
    abi: fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim(),
  };
}

/** The driver the app uses (db/connection.ts); its version names the build, so a change of driver rebuilds. */
export const SQLITE_DRIVER = 'better-sqlite3-multiple-ciphers';

export function ensureElectronSqlite({ log = console.log } = {}) {
  const { version, abi } = electronAbi();
  const driverVersion = require(`${SQLITE_DRIVER}/package.json`).version;
  const target = path.join(root, 'node_modules', '.tsp-electron', `electron-${version}`, `${SQLITE_DRIVER}-${driverVersion}.node`);
  if (fs.existsSync(target)) return target;

  const source = path.dirname(require.resolve(`${SQLITE_DRIVER}/package.json`));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-sqlite-electron-'));
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  log(`Building ${SQLITE_DRIVER} ${driverVersion} for Electron ${version} (ABI ${abi}); this downloads Electron's headers once.`);
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`], {
    cwd: work,
    env,
    stdio: 'inherit',
  });
  const gypi = fs.readFileSync(path.join(work, 'build', 'config.gypi'), 'utf8');
  const built = /"node_module_version":\s*(\d+)/.exec(gypi)?.[1];
  if (built !== abi) throw new Error(`${SQLITE_DRIVER} was built for ABI ${built}, not Electron's ${abi}: refusing to use it`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  return target;
}
