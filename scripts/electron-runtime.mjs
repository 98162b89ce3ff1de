/**
 * The Electron runtime `npm start` launches: node_modules/electron downloads it on first use
 * through @electron/get (ELECTRON_MIRROR, electron_config_cache). Its own installer prints a stack
 * trace when the download fails and loses the network error's cause; here the download is made
 * first with the same options, a failure is a DownloadFailure naming the cause (worded in one
 * paragraph by scripts/download-failure.mjs), and the installer then only unpacks the cached zip,
 * its output in a log file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { DownloadFailure, networkErrorIn } from './download-failure.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Where the start and packaging scripts write the tools' output (beside the Electron build of the SQLite driver). */
export const TOOL_LOGS = path.join(root, 'node_modules', '.tsp-electron');

/** A failed download's cause in the network's words ("getaddrinfo ENOTFOUND github.com"), else its message. */
export function downloadErrorReason(error) {
  const cause = error?.cause;
  const text = [error?.message, cause?.message, cause?.code, cause?.cause?.message].filter(Boolean).join(' ');
  return networkErrorIn(text) ?? [error?.message ?? String(error), cause?.message].filter(Boolean).join(': ');
}

/** The mirror @electron/get downloads the runtime from instead of GitHub, if one is set (its own variables). */
export function electronMirror(env = process.env) {
  return env.ELECTRON_MIRROR || env.NPM_CONFIG_ELECTRON_MIRROR || env.npm_config_electron_mirror || env.npm_package_config_electron_mirror || undefined;
}

/** The path of the Electron executable, downloading the runtime first if it is not there; throws DownloadFailure. */
export async function ensureElectronRuntime({ log = console.log } = {}) {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const { version } = require('electron/package.json');
  const installed = () => {
    try {
      const executable = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
      const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
      const full = override ? path.join(override, executable) : path.join(dir, 'dist', executable);
      return fs.existsSync(full) ? full : null;
    } catch {
      return null;
    }
  };
  const found = installed();
  if (found !== null) return found;

  fs.mkdirSync(TOOL_LOGS, { recursive: true });
  const logFile = path.join(TOOL_LOGS, 'electron-download.log');
  log(`Downloading the Electron ${version} runtime (once)...`);
  // The same download as node_modules/electron/install.js: a zip checked against the package's checksums, kept in the cache.
  const { downloadArtifact } = await import(pathToFileURL(require.resolve('@electron/get', { paths: [dir] })).href);
  try {
    await downloadArtifact({
      version,
      artifactName: 'electron',
      cacheRoot: process.env.electron_config_cache,
      checksums: require('electron/checksums.json'),
      platform: process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform,
      arch: process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch,
    });
  } catch (error) {
    fs.writeFileSync(logFile, `${error?.stack ?? error}\n${error?.cause ? `cause: ${error.cause.stack ?? error.cause}\n` : ''}`);
    throw new DownloadFailure('runtime', { version, reason: downloadErrorReason(error), log: logFile, url: electronMirror() });
  }
  const out = fs.openSync(logFile, 'w');
  let result;
  try {
    result = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: ['ignore', out, out] });
  } finally {
    fs.closeSync(out);
  }
  const executable = result.status === 0 ? installed() : null;
  if (executable === null) throw new Error(`The Electron runtime was downloaded but could not be unpacked; the installer's output is in ${logFile}`);
  return executable;
}
