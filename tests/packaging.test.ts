/**
 * `npm start` and `npm run package` (issue 20): the SQLite driver is packed only as a separate
 * build for Electron's ABI, checked in the binary itself (a build for Node's ABI, as
 * electron-rebuild silently makes on these machines, is refused and nothing is packed); nothing
 * is rebuilt in place in node_modules; the packed app loads the driver from its resources only; a
 * download that cannot be made is said in one paragraph naming the mirror and cache variables,
 * without a stack trace; the icon set is the drawing's. Electron itself cannot be downloaded
 * here, so the downloads fail for real (a closed local port stands in for an unreachable mirror).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteBindingPath } from '../electron/native-binding.ts';
// @ts-expect-error the build scripts are plain JavaScript
import * as nativeAbi from '../scripts/native-abi.mjs';
// @ts-expect-error the build scripts are plain JavaScript
import * as afterPackHook from '../scripts/after-pack.mjs';
// @ts-expect-error the build scripts are plain JavaScript
import * as downloads from '../scripts/download-failure.mjs';
// @ts-expect-error the build scripts are plain JavaScript
import * as packaging from '../scripts/package.mjs';
// @ts-expect-error the build scripts are plain JavaScript
import * as icons from '../scripts/icons.mjs';

type Verdict = { ok: true; napi: boolean } | { ok: false; reason: string };
const { checkNativeAbi, assertNativeAbi, abisInBinary, NativeAbiError } = nativeAbi as {
  checkNativeAbi(bytes: Buffer, abi: string, name?: string): Verdict;
  assertNativeAbi(file: string, abi: string, name?: string): void;
  abisInBinary(bytes: Buffer): string[];
  NativeAbiError: new (reason: string) => Error;
};
const { checkPackedApp, resourcesDir } = afterPackHook as { checkPackedApp(resources: string, abi: string): void; resourcesDir(out: string, platform: string, product: string): string };
const { DownloadFailure, downloadFailureMessage, networkErrorIn } = downloads as {
  DownloadFailure: new (what: string, details: { version: string; reason: string; log?: string; url?: string }) => Error;
  downloadFailureMessage(failure: Error, options: { command: string; platform?: string; arch?: string }): string;
  networkErrorIn(output: string): string | null;
};
const { packageApp, stageNativeModule } = packaging as {
  packageApp(steps: Record<string, unknown>): Promise<void>;
  stageNativeModule(binary: string, abi: string, stage: string): string;
};

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const ELECTRON_ABI = fs.readFileSync(path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8').trim();
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;
/** The driver as `npm install` built it, for Node: what the tests and the CLI load. */
const NODE_BUILD = path.join(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-packaging-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The Node build with its registration renamed to Electron's ABI: the same binary as one built against Electron's headers exports. */
function electronLikeBuild(file = path.join(dir, 'electron-build.node')): string {
  const bytes = fs.readFileSync(NODE_BUILD);
  const from = Buffer.from(`node_register_module_v${process.versions.modules}`, 'latin1');
  const to = Buffer.from(`node_register_module_v${ELECTRON_ABI}`, 'latin1');
  expect(to.length).toBe(from.length);
  let at = bytes.indexOf(from);
  expect(at).toBeGreaterThan(0);
  while (at !== -1) {
    to.copy(bytes, at);
    at = bytes.indexOf(from, at + 1);
  }
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the ABI guard', () => {
  it(`refuses the driver built for Node's ABI (${process.versions.modules}) where Electron's (${ELECTRON_ABI}) is needed`, () => {
    const bytes = fs.readFileSync(NODE_BUILD);
    expect(abisInBinary(bytes)).toEqual([process.versions.modules]);
    expect(checkNativeAbi(bytes, ELECTRON_ABI, 'better_sqlite3.node')).toEqual({
      ok: false,
      reason: `better_sqlite3.node was built for NODE_MODULE_VERSION ${process.versions.modules} (this Node's, ${process.version}), not ${ELECTRON_ABI}`,
    });
    expect(() => assertNativeAbi(NODE_BUILD, ELECTRON_ABI)).toThrow(NativeAbiError);
    // The same file is right for Node: the guard reads the binary, not a label.
    expect(checkNativeAbi(bytes, process.versions.modules)).toEqual({ ok: true, napi: false });
  });

  it("accepts a binary that registers Electron's ABI, and refuses one that registers none, or two", () => {
    expect(checkNativeAbi(fs.readFileSync(electronLikeBuild()), ELECTRON_ABI)).toEqual({ ok: true, napi: false });
    expect(checkNativeAbi(Buffer.from('\x7fELF not a node module'), ELECTRON_ABI)).toMatchObject({ ok: false, reason: expect.stringContaining('registers no NODE_MODULE_VERSION') });
    expect(checkNativeAbi(Buffer.from(`node_register_module_v${ELECTRON_ABI}\0node_register_module_v115`), ELECTRON_ABI)).toMatchObject({ ok: false, reason: expect.stringContaining('several') });
    // A Node-API module loads under any ABI.
    expect(checkNativeAbi(Buffer.from('\0napi_register_module_v1\0'), ELECTRON_ABI)).toEqual({ ok: true, napi: true });
  });

  it('npm run package stops before building anything when the driver it is given is built for Node: nothing staged, no electron-builder', async () => {
    const stage = path.join(dir, 'dist-native');
    fs.mkdirSync(stage);
    fs.writeFileSync(path.join(stage, 'better_sqlite3.node'), 'left from an earlier run');
    const steps: string[] = [];
    await expect(
      packageApp({
        log: () => {},
        ensureSqlite: () => NODE_BUILD,
        abi: () => ELECTRON_ABI,
        stage,
        build: () => steps.push('build'),
        runBuilder: async () => void steps.push('electron-builder'),
      }),
    ).rejects.toThrow(new RegExp(`built for NODE_MODULE_VERSION ${process.versions.modules}.*not ${ELECTRON_ABI}: refusing to use it`));
    expect(steps).toEqual([]);
    expect(fs.existsSync(stage)).toBe(false);
  });

  it("npm run package stages the checked Electron build, then builds, then runs electron-builder with the arguments given", async () => {
    const stage = path.join(dir, 'dist-native');
    const steps: string[] = [];
    await packageApp({
      args: ['--dir'],
      log: () => {},
      ensureSqlite: () => electronLikeBuild(),
      abi: () => ELECTRON_ABI,
      stage,
      build: () => steps.push('build'),
      runBuilder: async (args: string[]) => void steps.push(`electron-builder ${args.join(' ')}`),
    });
    expect(steps).toEqual(['build', 'electron-builder --dir']);
    expect(abisInBinary(fs.readFileSync(path.join(stage, 'better_sqlite3.node')))).toEqual([ELECTRON_ABI]);
  });

  it('stages nothing from a build for another ABI', () => {
    expect(() => stageNativeModule(NODE_BUILD, ELECTRON_ABI, path.join(dir, 'stage'))).toThrow(NativeAbiError);
    expect(fs.existsSync(path.join(dir, 'stage'))).toBe(false);
  });
});

describe('the packed app (electron-builder afterPack)', () => {
  const packed = (driver: string | null, extra: Record<string, string> = {}) => {
    const resources = resourcesDir(path.join(dir, 'linux-unpacked'), 'linux', 'TSP Desk');
    fs.mkdirSync(path.join(resources, 'native'), { recursive: true });
    if (driver !== null) fs.copyFileSync(driver, path.join(resources, 'native', 'better_sqlite3.node'));
    for (const [name, from] of Object.entries(extra)) {
      fs.mkdirSync(path.dirname(path.join(resources, name)), { recursive: true });
      fs.copyFileSync(from, path.join(resources, name));
    }
    return resources;
  };

  it('passes a packed app whose every native module is built for Electron', () => {
    expect(() => checkPackedApp(packed(electronLikeBuild()), ELECTRON_ABI)).not.toThrow();
  });

  it("refuses one whose driver is Node's, or is missing, or that carries another module built for Node", () => {
    expect(() => checkPackedApp(packed(NODE_BUILD), ELECTRON_ABI)).toThrow(/native\/better_sqlite3\.node was built for NODE_MODULE_VERSION/);
    fs.rmSync(dir, { recursive: true });
    fs.mkdirSync(dir);
    expect(() => checkPackedApp(packed(null), ELECTRON_ABI)).toThrow(/no SQLite driver/);
    fs.rmSync(dir, { recursive: true });
    fs.mkdirSync(dir);
    const good = electronLikeBuild();
    expect(() => checkPackedApp(packed(good, { 'app.asar.unpacked/node_modules/x/build/Release/x.node': NODE_BUILD }), ELECTRON_ABI)).toThrow(/x\.node was built for NODE_MODULE_VERSION/);
  });

  it('finds the resources where each platform packs them', () => {
    expect(resourcesDir('/out/mac', 'darwin', 'TSP Desk')).toBe(path.join('/out/mac', 'TSP Desk.app', 'Contents', 'Resources'));
    expect(resourcesDir('/out/win-unpacked', 'win32', 'TSP Desk')).toBe(path.join('/out/win-unpacked', 'resources'));
  });
});

describe('electron-builder.yml', () => {
  it('rebuilds nothing, packs the staged driver outside the asar, leaves the Node build out, and checks the result', async () => {
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toBeUndefined();
    expect(config.extraResources).toEqual([{ from: 'dist-native', to: 'native', filter: ['better_sqlite3.node'] }]);
    expect(JSON.stringify(config.files)).toContain('"!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**/*"');
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(fs.existsSync(path.join(root, 'scripts', 'after-pack.mjs'))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.package).toBe('node scripts/package.mjs');
  }, 60_000);

  it('names the icon set, and offers Windows a per-machine installation', async () => {
    const config = await getConfig(root, null, null);
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(config.linux?.icon).toBe('build/icons');
    for (const file of ['build/icon.ico', 'build/icon.icns', 'build/icons/256x256.png', 'build/icon.png']) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    // Not one-click, not forced per machine: the installer asks "for all users" (elevated) or "only for me".
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
  }, 60_000);
});

describe('the packaged app loads the driver from its resources only', () => {
  it('packaged: resources/native/better_sqlite3.node, whatever the environment says', () => {
    expect(sqliteBindingPath({ packaged: true, resourcesPath: '/opt/TSP Desk/resources', env: { TSP_SQLITE_BINDING: '/tmp/evil.node' } })).toBe(
      path.join('/opt/TSP Desk/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('from the source (npm start): the Electron build npm start names', () => {
    expect(sqliteBindingPath({ packaged: false, resourcesPath: '/x', env: { TSP_SQLITE_BINDING: '/repo/node_modules/.tsp-electron/b.node' } })).toBe('/repo/node_modules/.tsp-electron/b.node');
    expect(sqliteBindingPath({ packaged: false, resourcesPath: '/x', env: {} })).toBeUndefined();
  });
});

describe('a download that fails is said in one paragraph', () => {
  const failure = (what: string) => new DownloadFailure(what, { version: '45.5.0', reason: 'getaddrinfo ENOTFOUND github.com', log: '/repo/node_modules/.tsp-electron/x.log' });

  it.each([
    ['runtime', 'npm start', /Could not download the Electron 45\.5\.0 runtime \(electron-v45\.5\.0-linux-x64\.zip from GitHub\): getaddrinfo ENOTFOUND github\.com\./],
    ['package', 'npm run package', /electron-builder needs it for the installers/],
    ['headers', 'npm start', /Could not download Electron 45\.5\.0's headers \(node-v45\.5\.0-headers\.tar\.gz from https:\/\/electronjs\.org\/headers\)/],
  ])('%s: what, why, the mirror and cache variables, what to run, where the output is', (what, command, opening) => {
    const text = downloadFailureMessage(failure(what), { command, platform: 'linux', arch: 'x64' });
    expect(text).toMatch(opening);
    for (const variable of ['ELECTRON_MIRROR', 'electron_config_cache', 'npm_config_disturl']) expect(text).toContain(variable);
    expect(text).toContain(`Then run \`${command}\` again.`);
    expect(text).toContain('/repo/node_modules/.tsp-electron/x.log');
    expect(text).not.toContain('\n');
    expect(text).not.toMatch(/\bat .*:\d+:\d+|Error:/);
  });

  it("names each platform's default cache", () => {
    expect(downloadFailureMessage(failure('runtime'), { command: 'npm start', platform: 'win32', arch: 'x64' })).toContain('%LOCALAPPDATA%\\electron\\Cache');
    expect(downloadFailureMessage(failure('runtime'), { command: 'npm start', platform: 'darwin', arch: 'arm64' })).toContain('electron-v45.5.0-darwin-arm64.zip');
  });

  it("reads the network error out of each tool's output", () => {
    expect(networkErrorIn('  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest')).toBe('getaddrinfo ENOTFOUND github.com');
    expect(networkErrorIn('gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and\ngyp ERR! stack is related to network connectivity.')).toBe('no network connection');
    expect(networkErrorIn('TypeError: fetch failed\n cause: Error: connect ECONNREFUSED 127.0.0.1:9')).toBe('ECONNREFUSED 127.0.0.1:9');
    expect(networkErrorIn('gyp ERR! build error\nmake: *** [Release/obj.target] Error 1')).toBeNull();
  });
});

/** A local port nothing listens on: a download from it is refused at once, as from a mirror that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const runtimeInstalled = fs.existsSync(path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt'));

describe('npm start and npm run package on a machine without the downloads', { timeout: 120_000 }, () => {
  it.skipIf(runtimeInstalled)('npm start: the runtime cannot be downloaded from the mirror set: one paragraph, exit 1, no stack trace', async () => {
    const port = await closedPort();
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: path.join(dir, 'cache') },
    });
    expect(run.status).toBe(1);
    const paragraph = run.stderr.trim();
    expect(paragraph).toMatch(new RegExp(`^Could not download the Electron ${ELECTRON_VERSION.replace(/\./g, '\\.')} runtime \\(electron-v.*\\.zip from http://127\\.0\\.0\\.1:${port}/\\): ECONNREFUSED 127\\.0\\.0\\.1:${port}\\.`));
    expect(paragraph).toContain('ELECTRON_MIRROR');
    expect(paragraph).toContain('electron_config_cache');
    expect(paragraph).not.toContain('\n');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it("npm run package: Electron's headers cannot be downloaded: one paragraph, exit 1, nothing packed, the Node build in node_modules untouched", async () => {
    const port = await closedPort();
    const before = fs.readFileSync(NODE_BUILD);
    const mtime = fs.statSync(NODE_BUILD).mtimeMs;
    const target = path.join(root, 'node_modules', '.tsp-electron', `electron-${ELECTRON_VERSION}`);
    const built = fs.existsSync(target) && fs.readdirSync(target).length > 0;
    if (built) return; // a machine that has the Electron build already downloads nothing here
    const staged = path.join(root, 'dist-native', 'better_sqlite3.node');
    const stagedBefore = fs.existsSync(staged) ? fs.statSync(staged).mtimeMs : null;
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--dir'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, npm_config_disturl: `http://127.0.0.1:${port}`, npm_config_devdir: path.join(dir, 'node-gyp') },
    });
    expect(run.status, run.stderr).toBe(1);
    const paragraph = run.stderr.trim();
    expect(paragraph).toMatch(new RegExp(`^Could not download Electron ${ELECTRON_VERSION.replace(/\./g, '\\.')}'s headers \\(node-v.*-headers\\.tar\\.gz from http://127\\.0\\.0\\.1:${port}\\):`));
    for (const variable of ['ELECTRON_MIRROR', 'electron_config_cache', 'npm_config_disturl']) expect(paragraph).toContain(variable);
    expect(paragraph).toContain('Then run `npm run package` again.');
    expect(paragraph).not.toContain('\n');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |gyp ERR!/);
    expect(fs.readFileSync(NODE_BUILD).equals(before)).toBe(true);
    expect(fs.statSync(NODE_BUILD).mtimeMs).toBe(mtime);
    expect(fs.existsSync(staged) ? fs.statSync(staged).mtimeMs : null).toBe(stagedBefore);
  });
});

describe('the icon set', () => {
  it('is what build/icon.svg gives at every size electron-builder takes', () => {
    const { iconFiles, LINUX_SIZES, ICO_SIZES } = icons as { iconFiles(): Map<string, Buffer>; LINUX_SIZES: number[]; ICO_SIZES: number[] };
    const files = iconFiles();
    for (const [name, content] of files) expect(fs.readFileSync(path.join(root, 'build', name)).equals(content), `${name}: run node scripts/icons.mjs`).toBe(true);
    for (const size of LINUX_SIZES) {
      const png = files.get(path.join('icons', `${size}x${size}.png`))!;
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}`).toEqual([size, size]); // IHDR width, height
    }
    const ico = files.get('icon.ico')!;
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    expect(Array.from({ length: ICO_SIZES.length }, (_, i) => ico.readUInt8(6 + 16 * i) || 256)).toEqual(ICO_SIZES);
    const icns = files.get('icon.icns')!;
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
