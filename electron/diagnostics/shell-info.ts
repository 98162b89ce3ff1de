/**
 * What the shell running the router knows of itself and the router does not: the app's version,
 * the platform and runtime, the diagnostics log (electron/main.ts fills it; the CLI and the test
 * shells run without one). Carried by the session (electron/services/session.ts) to the About
 * and diagnostics services (electron/services/about.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnosticsLog } from './log-file.ts';

export interface ShellInfo {
  appVersion: string;
  /** "linux x64". */
  platform: string;
  /** "Electron 45.5.0 (Chromium 140…, Node 22…)", "Node 20.20.2". */
  runtime: string;
  /** The user's home folder, written ~ in what is copied. */
  home?: string;
  log: DiagnosticsLog | null;
}

let version: string | undefined;

/**
 * The app's version from its package.json, the first one up from here named tsp-desk: beside
 * electron/ in the source, two levels up from dist-electron/electron/ built, at the root of the
 * asar packed (dist-electron/ has a package.json of its own, without a name).
 */
export function appVersion(): string {
  if (version !== undefined) return version;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tsp-desk' && typeof pkg.version === 'string') return (version = pkg.version);
    }
    const up = path.dirname(dir);
    if (up === dir) return (version = 'unknown');
    dir = up;
  }
}

/** The shell facts of a plain Node process (the CLI, the Chromium test shell). */
export function nodeShellInfo(log: DiagnosticsLog | null = null): ShellInfo {
  return { appVersion: appVersion(), platform: `${process.platform} ${process.arch}`, runtime: `Node ${process.versions.node}`, log };
}
