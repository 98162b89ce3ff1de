/**
 * Where the app loads the SQLite driver's native module from (better-sqlite3's `nativeBinding`).
 * Packaged: resources/native/better_sqlite3.node, the copy built and checked for Electron's ABI
 * by `npm run package` (scripts/package.mjs, electron-builder.yml); never a path from the
 * environment, which would let whoever starts the app load native code into it. From the source
 * (`npm start`): the Electron build scripts/electron-native.mjs made, passed as TSP_SQLITE_BINDING.
 */
import path from 'node:path';

export const PACKED_BINDING = ['native', 'better_sqlite3.node'] as const;

export interface BindingShell {
  /** Electron's `app.isPackaged`. */
  packaged: boolean;
  /** Electron's `process.resourcesPath`. */
  resourcesPath: string;
  env: Record<string, string | undefined>;
}

export function sqliteBindingPath(shell: BindingShell): string | undefined {
  if (shell.packaged) return path.join(shell.resourcesPath, ...PACKED_BINDING);
  return shell.env.TSP_SQLITE_BINDING;
}
