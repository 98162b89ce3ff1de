/**
 * Runs code that may hang (an endless loop is the attack) on a worker thread with a time limit:
 * past it the thread is terminated — V8 stops even a synchronous loop — and the call fails with
 * a HangError, so a hang fails its test instead of blocking the run. One thread serves the calls
 * of a test file in turn (the modules load once); a new one replaces a terminated thread.
 */
import { Worker } from 'node:worker_threads';

export class HangError extends Error {}

interface Answer {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { message: string; code?: string; stack: string };
}

const WORKER = new URL('./sandbox-worker.ts', import.meta.url).href;

export class Sandbox {
  private worker: Worker | null = null;
  private next = 1;

  private thread(): Worker {
    if (this.worker === null) {
      this.worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); });`, { eval: true });
      this.worker.unref();
    }
    return this.worker;
  }

  /** Calls `fn` of `module` (a URL) on the thread with `args`; env: variables to set (null: unset) first. */
  call<T>(module: URL, fn: string, args: unknown[], options: { timeoutMs: number; env?: Record<string, string | null> }): Promise<T> {
    const worker = this.thread();
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        this.worker = null;
        void worker.terminate();
        reject(new HangError(`${fn} did not finish within ${options.timeoutMs} ms: it was stopped`));
      }, options.timeoutMs);
      const onMessage = (answer: Answer) => {
        if (answer.id !== id) return;
        cleanup();
        if (answer.ok) resolve(answer.value as T);
        else reject(Object.assign(new Error(answer.error?.message), { code: answer.error?.code, stack: answer.error?.stack }));
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = null;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, module: module.href, fn, args, env: options.env ?? {} });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
