/**
 * The worker thread a backup runs in (backups.ts `copyInWorker`): one job, given as
 * workerData, answered with one message, then the thread ends. Runs under Node in the
 * Electron main process; no Electron here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { copyAndVerify, type CopyJob, type CopyOutcome } from './backup-copy.ts';

/** A failure keeps its code (ENOSPC, SQLITE_FULL…): Settings says from it what went wrong. */
export type WorkerAnswer = { ok: true; outcome: CopyOutcome } | { ok: false; message: string; code: string | undefined };

let answer: WorkerAnswer;
try {
  answer = { ok: true, outcome: copyAndVerify(workerData as CopyJob) };
} catch (error) {
  const code = (error as { code?: unknown } | null)?.code;
  answer = { ok: false, message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : undefined };
}
parentPort?.postMessage(answer);
