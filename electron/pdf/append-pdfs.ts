/**
 * Appends attached PDFs after the request (issue 19), synchronously: the router answers
 * synchronously and pdf-lib's API is asynchronous, so the work runs on a worker thread
 * (append-worker.ts) while this thread waits on a shared signal (Atomics.wait) and then reads
 * the answer from the port (receiveMessageOnPort). A file pdf-lib cannot read is left out and
 * named, never a reason to fail the request.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** Longest the request waits for its appendix (a 20 MiB attachment takes seconds). */
const APPEND_TIMEOUT_MS = 120_000;

function startWorker(job: unknown, transfer: readonly Transferable[]): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./append-worker.js', import.meta.url), { workerData: job, transferList: transfer as never });
  // Under tsx and vitest (the TypeScript sources): register tsx's loader in the thread first.
  const source = JSON.stringify(new URL('./append-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); });`, { eval: true, workerData: job, transferList: transfer as never });
}

export interface AppendedPdf {
  bytes: Buffer;
  /** The attachments that could not be read as PDFs (not appended). */
  failed: number[];
}

/** `letter` followed by every page of each file, in order. */
export function appendPdfs(letter: Buffer, files: readonly { id: number; bytes: Buffer }[]): AppendedPdf {
  if (files.length === 0) return { bytes: letter, failed: [] };
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = startWorker({ port: port2, signal, letter: new Uint8Array(letter), files: files.map((f) => ({ id: f.id, bytes: new Uint8Array(f.bytes) })) }, [port2]);
  try {
    const waited = Atomics.wait(signal, 0, 0, APPEND_TIMEOUT_MS);
    const message = receiveMessageOnPort(port1)?.message as { ok: true; bytes: Uint8Array; failed: number[] } | { ok: false; message: string } | undefined;
    if (waited === 'timed-out' || message === undefined) throw new Error('appending the attached PDFs did not finish in time');
    if (!message.ok) throw new Error(`appending the attached PDFs failed: ${message.message}`);
    return { bytes: Buffer.from(message.bytes), failed: message.failed };
  } finally {
    port1.close();
    void worker.terminate();
  }
}
