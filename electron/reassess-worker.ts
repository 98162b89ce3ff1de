/**
 * The worker thread of a re-assessment run (reassessment.ts): a connection of its own to the
 * store, which only reads (`query_only`; WAL lets it read while the main thread writes), on
 * which it prepares each batch it is asked for — the cases and their latest assessments read in
 * one transaction, the engine run, the documents written out and hashed (services/reassess.ts
 * prepareBatch) — and posts the batch back for the main thread to store. Runs under Node in the
 * Electron main process; no Electron here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openFile } from '../db/connection.ts';
import { keyAfterTransfer, type StoreKey } from '../db/encryption.ts';
import { prepareBatch, type BatchRequest, type PreparedItem } from './services/reassess.ts';

/** What the thread opens: the store as the app opened it. */
export interface ReassessWorkerJob {
  file: string;
  key?: StoreKey | undefined;
  nativeBinding?: string | undefined;
}

export interface ReassessWorkerRequest {
  seq: number;
  batch: BatchRequest;
}

/** A failure keeps its code (SQLITE_BUSY, …) and, for a ServiceError, its message key. */
export type ReassessWorkerAnswer =
  | { seq: number; ok: true; items: PreparedItem[] }
  | { seq: number; ok: false; message: string; code: string | undefined };

const job = workerData as ReassessWorkerJob;
// Opened without migrating, sealing or anchoring (the main thread's connection did all that): this thread only reads.
const db = openFile(job.file, { key: keyAfterTransfer(job.key), nativeBinding: job.nativeBinding, fileMustExist: true });
db.pragma('query_only = ON');
db.pragma('busy_timeout = 5000');

parentPort?.on('message', ({ seq, batch }: ReassessWorkerRequest) => {
  let answer: ReassessWorkerAnswer;
  try {
    answer = { seq, ok: true, items: prepareBatch(db, batch) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    answer = { seq, ok: false, message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : undefined };
  }
  parentPort?.postMessage(answer);
});
