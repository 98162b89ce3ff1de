/**
 * electron-builder's afterPack hook (electron-builder.yml): before any installer is made from the
 * packed app, every native module in it must load under the Electron it was packed with. The
 * SQLite driver is in resources/native/ (scripts/package.mjs stages it); any other `.node` file
 * (in app.asar.unpacked, say) must be Node-API or built for Electron's ABI too. A module built for
 * Node's ABI fails the packaging here instead of crashing the installed app at its start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { checkNativeAbi, NativeAbiError } from './native-abi.mjs';

const require = createRequire(import.meta.url);

/** The packed app's resources folder: `<app>.app/Contents/Resources` on macOS, `resources` elsewhere. */
export function resourcesDir(appOutDir, platform, productFilename) {
  return platform === 'darwin' || platform === 'mas' ? path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources') : path.join(appOutDir, 'resources');
}

function nativeModules(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) nativeModules(full, out);
    else if (entry.isFile() && entry.name.endsWith('.node')) out.push(full);
  }
  return out;
}

/** Refuses (NativeAbiError) a packed app whose SQLite driver is missing or any of whose native modules would not load under `abi`. */
export function checkPackedApp(resources, abi) {
  const driver = path.join(resources, 'native', 'better_sqlite3.node');
  if (!fs.existsSync(driver)) throw new NativeAbiError(`the packed app has no SQLite driver at ${driver}`);
  const problems = [];
  for (const file of nativeModules(resources)) {
    const verdict = checkNativeAbi(fs.readFileSync(file), abi, path.relative(resources, file));
    if (!verdict.ok) problems.push(verdict.reason);
  }
  if (problems.length > 0) throw new NativeAbiError(`${problems.join('; ')} (Electron's is ${abi}): refusing to make installers from it`);
}

export async function afterPack(context) {
  const abi = fs.readFileSync(path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8').trim();
  checkPackedApp(resourcesDir(context.appOutDir, context.electronPlatformName, context.packager.appInfo.productFilename), abi);
}
