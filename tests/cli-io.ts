/** An in-memory CliIo for driving the CLI from tests, and `tsp` run in-process on real files. */
import { main } from '../electron/cli.ts';
import { processIo, type CliIo } from '../electron/cli/io.ts';

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
    now: () => now,
    stdout: () => out,
    stderr: () => err,
    files: store,
  };
}

/** Runs `tsp` in-process with the real file system, capturing what it prints and its exit code. */
export async function runTsp(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = { ...memoryIo(), readFile: processIo.readFile };
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
