/**
 * The ABI a native Node module was built for, read from the binary itself rather than from what a
 * build tool says it did: on this kind of machine electron-rebuild reports an Electron build while
 * node-gyp silently used Node's headers (docs/architecture.md "Native module: two builds of better-sqlite3"), and such a module crashes the
 * packaged app at its start.
 *
 * A module built against a runtime's headers exports `node_register_module_v<NODE_MODULE_VERSION>`
 * (Node's `NODE_MODULE_INITIALIZER`; `_node_register_module_v…` on macOS): 115 for Node 20, 150 for
 * Electron 45. A module that uses only Node-API exports `napi_register_module_v1` instead and loads
 * under any ABI.
 */
import fs from 'node:fs';

const MARKER = /node_register_module_v(\d+)/g;
const NAPI_MARKER = 'napi_register_module_v1';

/** Every NODE_MODULE_VERSION a binary registers itself for (one, for a module built once). */
export function abisInBinary(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  return [...new Set([...text.matchAll(MARKER)].map((m) => m[1]))].sort();
}

/**
 * Whether a native module loads under `expectedAbi`: `{ ok: true }`, or `{ ok: false, reason }`
 * in one sentence naming what the binary was built for.
 */
export function checkNativeAbi(bytes, expectedAbi, name = 'the native module') {
  const abis = abisInBinary(bytes);
  const expected = String(expectedAbi);
  if (abis.length === 0) {
    if (Buffer.from(bytes).toString('latin1').includes(NAPI_MARKER)) return { ok: true, napi: true };
    return { ok: false, reason: `${name} registers no NODE_MODULE_VERSION: it is not a native Node module built by node-gyp` };
  }
  if (abis.length > 1) return { ok: false, reason: `${name} registers several NODE_MODULE_VERSIONs (${abis.join(', ')}), not only ${expected}` };
  if (abis[0] !== expected) {
    const hint = abis[0] === process.versions.modules ? ` (this Node's, ${process.version})` : '';
    return { ok: false, reason: `${name} was built for NODE_MODULE_VERSION ${abis[0]}${hint}, not ${expected}` };
  }
  return { ok: true, napi: false };
}

export class NativeAbiError extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'NativeAbiError';
  }
}

/** Refuses (throws NativeAbiError) a native module file that would not load under `expectedAbi`. */
export function assertNativeAbi(file, expectedAbi, name = file) {
  const verdict = checkNativeAbi(fs.readFileSync(file), expectedAbi, name);
  if (!verdict.ok) throw new NativeAbiError(`${verdict.reason}: refusing to use it`);
}
