/** An in-memory CliIo for driving the CLI from tests. */
import type { CliIo } from '../electron/cli/io.ts';

export interface MemoryIo extends CliIo {
  stdout: () => string;
  stderr: () => string;
  files: Map<string, string>;
}

export function memoryIo(files: Record<string, unknown> = {}, now = new Date(2026, 10, 29, 12)): MemoryIo {
  let out = '';
  let err = '';
  const store = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readFile: (path) => {
      const text = store.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path, text) => {
      store.set(path, text);
    },
    now: () => now,
    stdout: () => out,
    stderr: () => err,
    files: store,
  };
}
