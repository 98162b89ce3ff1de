/**
 * The thread of a Sandbox (sandbox.ts): runs the exported function it is asked for, one call at
 * a time, and answers with its value or its error. It may loop forever: the Sandbox then ends it.
 */
import { parentPort } from 'node:worker_threads';

interface Call {
  id: number;
  module: string;
  fn: string;
  args: unknown[];
  env: Record<string, string | null>;
}

parentPort?.on('message', async (call: Call) => {
  try {
    for (const [name, value] of Object.entries(call.env)) {
      if (value === null) delete process.env[name];
      else process.env[name] = value;
    }
    const loaded = (await import(call.module)) as Record<string, (...args: unknown[]) => unknown>;
    const fn = loaded[call.fn];
    if (typeof fn !== 'function') throw new Error(`${call.module} exports no function ${call.fn}`);
    const value = await fn(...call.args);
    parentPort?.postMessage({ id: call.id, ok: true, value });
  } catch (error) {
    const e = error as { message?: unknown; code?: unknown; stack?: unknown };
    parentPort?.postMessage({ id: call.id, ok: false, error: { message: String(e?.message ?? error), code: typeof e?.code === 'string' ? e.code : undefined, stack: String(e?.stack ?? '') } });
  }
});
