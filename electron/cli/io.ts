/** What a CLI command may touch: its output streams, the files it reads and the clock, passed in (it writes files through cli/output.ts). */
import fs from 'node:fs';
import type { ApiError } from '../../shared/api.ts';
import { decodeUtf8 } from '../../shared/domain/utf8.ts';
import { t } from '../../shared/i18n/index.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => string;
  now: () => Date;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => textOf(fs.readFileSync(path)),
  now: () => new Date(),
};

/** A file's bytes as text: UTF-8 or refused, never repaired (shared/domain/utf8.ts). */
function textOf(bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  if (text === null) throw Object.assign(new Error('it is not UTF-8 text (a byte sequence is not valid UTF-8): save it as UTF-8'), { code: 'not UTF-8' });
  return text;
}

/** Bad input from the user: exit code 2 with the message on stderr. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Why a file could not be read: the system's code (ENOENT, EACCES…) or what was wrong with its text. */
export const readFailure = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code === 'not UTF-8' ? (error as Error).message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);

/**
 * A command that could not be done for a reason other than its input — the store busy, the disk
 * full, a failure of the app: exit 1 with its message on one line (cli.ts).
 */
export class CommandFailure extends Error {}

/** A refused request as the CLI reports it: bad input (exit 2, every problem listed) or a failure of the store or of the app (exit 1). */
export function responseFailure(error: ApiError, what: string): Error {
  if (error.code === 'unavailable') return new CommandFailure(t('en', error.messageKey));
  if (error.code === 'internal') return new CommandFailure(`${what}: an unexpected failure (the line above says what; TSP_DEBUG=1 shows where)`);
  return new UsageError(`${what}: ${error.code.replace('_', ' ')}`, error.problems.map((p) => `${p.field}: ${p.message}`));
}

export function readJsonFile(io: CliIo, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${readFailure(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
