/**
 * What the Electron shell takes from its environment (electron/main.ts passes `app.isPackaged`).
 * Whoever starts a process sets its environment, so the packaged app reads none of it:
 *   - TSP_SQLITE_BINDING (a native file the main process would load: any code) only in
 *     development, where `npm start` points it at the Electron build of the SQLite driver; the
 *     packaged app loads the copy packed in its resources (electron/native-binding.ts);
 *   - TSP_DB_KEY (the recovery key) only in development: a recovery key is typed by a person,
 *     never left in an environment that other programs and crash reports can read. The CLI
 *     keeps reading it (electron/cli/key.ts).
 */
import { sqliteBindingPath } from './native-binding.ts';

export interface ShellEnvironment {
  nativeBinding: string | undefined;
  recoveryKey: string | undefined;
}

export function shellEnvironment(env: Record<string, string | undefined>, isPackaged: boolean, resourcesPath: string): ShellEnvironment {
  const nativeBinding = sqliteBindingPath({ packaged: isPackaged, resourcesPath, env: { TSP_SQLITE_BINDING: env.TSP_SQLITE_BINDING || undefined } });
  return { nativeBinding, recoveryKey: isPackaged ? undefined : env.TSP_DB_KEY || undefined };
}
