/**
 * What `npm start` and `npm run package` say when a download they need fails: the Electron runtime
 * (node_modules/electron's install, electron-builder's copy for the installers) or Electron's
 * headers (node-gyp, to build the SQLite driver for Electron's ABI). One paragraph: what could not
 * be downloaded and why, how to point the download at a mirror or a local cache, where the full
 * output is. Never a stack trace: the tools' own output goes to a log file.
 */

/** A download that failed; `what`: 'runtime' (npm start), 'package' (electron-builder) or 'headers' (node-gyp). */
export class DownloadFailure extends Error {
  constructor(what, { version, reason, log, url }) {
    super(`${what} download failed: ${reason}`);
    this.name = 'DownloadFailure';
    this.what = what;
    this.version = version;
    this.reason = reason;
    this.log = log;
    this.url = url;
  }
}

const NETWORK_ERRORS = [
  /getaddrinfo \w+(?: [\w.-]+)?/,
  /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b(?: [\w.:[\]-]+)?/,
  /(?:HTTP(?:Error)?|status code|Response code) \d{3}(?: \([^)]*\))?/i,
  /socket hang up/,
  /self[- ]signed certificate[\w ]*|unable to get local issuer certificate|certificate has expired/,
  /fetch failed/,
  /related to network connectivity/,
];

/** The network error a tool's output reports, in its own words ("getaddrinfo ENOTFOUND github.com"), or null. */
export function networkErrorIn(output) {
  for (const pattern of NETWORK_ERRORS) {
    const match = pattern.exec(output);
    if (match) return match[0] === 'related to network connectivity' ? 'no network connection' : match[0];
  }
  return null;
}

/** Where @electron/get keeps what it downloaded when electron_config_cache is not set (env-paths('electron')). */
export function defaultElectronCache(platform = process.platform) {
  if (platform === 'darwin') return '~/Library/Caches/electron';
  if (platform === 'win32') return '%LOCALAPPDATA%\\electron\\Cache';
  return '~/.cache/electron';
}

const ELECTRON_ZIP = (version, platform, arch) => `electron-v${version}-${platform}-${arch}.zip`;

/**
 * The paragraph for a failed download. `command` is what to run again (`npm start`,
 * `npm run package`); `platform` and `arch` name the runtime's file.
 */
export function downloadFailureMessage(failure, { command, platform = process.platform, arch = process.arch }) {
  const { what, version, reason } = failure;
  const zip = ELECTRON_ZIP(version, platform, arch);
  const failed =
    what === 'headers'
      ? `Could not download Electron ${version}'s headers (node-v${version}-headers.tar.gz from ${failure.url ?? 'https://electronjs.org/headers'}): ${reason}. They are needed once, to build a copy of the SQLite driver (better-sqlite3-multiple-ciphers) for Electron's ABI, and node-gyp keeps them in its cache.`
      : `Could not download the Electron ${version} runtime (${zip} from ${failure.url ?? 'GitHub'}): ${reason}. ${what === 'package' ? 'electron-builder needs it for the installers; it' : 'It'} is downloaded once and kept in a local cache.`;
  const how =
    `To download through a mirror, set ELECTRON_MIRROR to the mirror's address for the runtime and npm_config_disturl for the headers (node-gyp's --dist-url); ` +
    `to work without a network, copy the electron cache folder of a machine that has downloaded ${zip} and name it in electron_config_cache (by default ${defaultElectronCache(platform)}), ` +
    `and copy that machine's node-gyp cache folder of ${version} into this one's.`;
  const after = what === 'runtime' ? ` Meanwhile \`npm run start:chromium\` shows the same app in Chromium.` : '';
  const log = failure.log ? ` The tool's full output is in ${failure.log}.` : '';
  return `${failed} ${how} Then run \`${command}\` again.${after}${log}`;
}
