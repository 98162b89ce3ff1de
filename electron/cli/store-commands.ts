/** The commands that need the case store (`demo`, `cases ...`). */
import { UsageError, type CliIo } from './io.ts';

export async function runStoreCommand(
  _io: CliIo,
  command: string,
  _sub: string | undefined,
  _rest: readonly string[],
  _values: Record<string, unknown>,
): Promise<number> {
  throw new UsageError(`unknown command "${command}"`);
}
