/**
 * The one way a CLI command writes its output file (`--out`): refused with exit 2 when it names
 * the store or one of its companions (db/store-files.ts), an existing file without `--force`, a
 * folder or a missing folder — checked before the work starts and again as the file is written,
 * durably (temporary file, flush, rename).
 */
import { outputProblems, writeFileDurably } from '../../db/store-files.ts';
import { UsageError } from './io.ts';

export interface OutputValues {
  db?: string | undefined;
  out?: string | undefined;
  force?: boolean | undefined;
}

function refuse(out: string, problems: string[]): never {
  throw new UsageError(`refused to write ${out} (nothing was written, the store is unchanged)`, problems);
}

/** Throws UsageError (exit 2) when the command's `--out` must not be written. */
export function checkOutput(values: OutputValues & { out: string }): void {
  const problems = outputProblems(values.out, { live: values.db, force: values.force });
  if (problems.length > 0) refuse(values.out, problems);
}

export function writeOutput(values: OutputValues & { out: string }, data: string | Uint8Array): void {
  checkOutput(values);
  try {
    writeFileDurably(values.out, data, { force: values.force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') refuse(values.out, [`${values.out} already exists: give --force to replace it`]);
    // A write to a descriptor (a full disk) names no file: this one is the output's.
    throw Object.assign(error as NodeJS.ErrnoException, { path: (error as NodeJS.ErrnoException).path ?? values.out });
  }
}
