/**
 * Work on a worker thread, so that the main process goes on answering the window while it runs:
 * one job (a backup, bringing a large store's schema up to date: the worker's script, a file
 * beside this one, takes the job as its workerData, answers once with answerJob, and ends), or a
 * thread that answers many requests (a re-assessment run's batches: reassess-worker.ts).
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** A failure keeps its code (ENOSPC, SQLITE_FULL…): the caller may say from it what went wrong. */
type WorkerAnswer<T> = { ok: true; value: T } | { ok: false; message: string; code: string | undefined };

/** The scripts of this folder that run as workers. */
export type WorkerScript = 'backup-worker' | 'store-prepare-worker' | 'reassess-worker';

/**
 * The thread that runs `script`: its compiled JavaScript beside this file in the app; under tsx
 * and vitest (running the TypeScript sources) a thread that first registers tsx's loader, since
 * Node 20 does not apply `--import` hooks to a worker's own script.
 */
export function startWorker(script: WorkerScript, job: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${script}.js`, import.meta.url), { workerData: job });
  const source = JSON.stringify(new URL(`./${script}.ts`, import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); });`, { eval: true, workerData: job });
}

/** Runs `script` on `job` in a worker thread: its answer, or its error (with the error's code). */
export function runInWorker<T>(script: WorkerScript, job: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(script, job);
    let answered = false;
    worker.once('message', (answer: WorkerAnswer<T>) => {
      answered = true;
      if (answer.ok) resolve(answer.value);
      else reject(Object.assign(new Error(answer.message), { code: answer.code }));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the ${script} thread stopped (exit code ${code}) before it answered`));
    });
  });
}

/** In a worker's script: does `work` on the job and answers with its value or its error. */
export function answerJob<J, T>(work: (job: J) => T): void {
  let answer: WorkerAnswer<T>;
  try {
    answer = { ok: true, value: work(workerData as J) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    answer = { ok: false, message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : undefined };
  }
  parentPort?.postMessage(answer);
}
