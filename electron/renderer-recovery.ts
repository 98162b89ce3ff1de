/**
 * What the main process does when the window's renderer process is gone (Electron's
 * render-process-gone): it reloads the page (the session lives in the main process, so the user
 * stays signed in; what was saved is in the store), unless the renderer keeps dying, where
 * reloading would only loop: after 3 losses within a minute the app says so and closes. A clean
 * exit (the window closing) is left alone. Every loss is a line of the diagnostics log.
 */

/** Electron's RenderProcessGoneDetails. */
export interface RendererGone {
  reason: 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';
  exitCode: number;
}

export interface RecoveryStep {
  action: 'reload' | 'give-up' | 'none';
  /** The diagnostics log's line for it. */
  log: string;
}

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

export function rendererRecovery({ now = () => Date.now(), maxReloads = MAX_RELOADS, windowMs = RELOAD_WINDOW_MS } = {}) {
  const losses: number[] = [];
  return {
    gone(details: RendererGone): RecoveryStep {
      const what = `renderer gone: ${details.reason} (exit code ${details.exitCode})`;
      if (details.reason === 'clean-exit') return { action: 'none', log: what };
      const at = now();
      while (losses.length > 0 && at - losses[0]! > windowMs) losses.shift();
      losses.push(at);
      if (losses.length > maxReloads) return { action: 'give-up', log: `${what}; ${losses.length} times within ${windowMs / 1000} s: closing` };
      return { action: 'reload', log: `${what}; reloading the window` };
    },
  };
}
