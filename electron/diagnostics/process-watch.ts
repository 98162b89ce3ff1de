/**
 * Failures of the main process that no caller catches, and the renderer's own reports, written
 * to the diagnostics log (redacted there: electron/diagnostics/redact.ts).
 */
import type { EventEmitter } from 'node:events';
import { describeError } from '../store-failure.ts';

/**
 * Logs every uncaught exception of `proc` (the main process), an unhandled rejection among them
 * (Node raises one as an uncaught exception, origin "unhandledRejection"). Through
 * 'uncaughtExceptionMonitor': the process goes on as it would have (Electron's own dialog, its
 * exit); the log only watches.
 */
export function watchProcess(proc: EventEmitter, error: (line: string) => void): void {
  proc.on('uncaughtExceptionMonitor', (failure: unknown, origin: string) => error(`main: ${origin}: ${describeError(failure)}`));
}

/** What the renderer reports for the log: its own lines (`[tsp] ...`, renderer/components/ErrorBoundary.tsx) at the error level, nothing else. */
export function rendererLogLine(level: string, message: string): string | null {
  if (level !== 'error' || !message.startsWith('[tsp] ')) return null;
  return `renderer: ${message.slice('[tsp] '.length)}`;
}
