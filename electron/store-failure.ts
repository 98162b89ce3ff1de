/**
 * Failures of the store or the disk under it, told apart by their code so that each gets its own
 * one-line message instead of a stack trace: busy (another process holds the write lock past the
 * busy timeout), full (no space left), read-only (a read-only medium, a file or folder the user may
 * not write), damaged (not a database, or one whose pages do not hold together), cannot be opened.
 * The router answers them as `unavailable` with the message key `error.store.<kind>`; the CLI
 * prints the message and exits 1 (they are not bad input).
 */
export type StoreFailure = 'busy' | 'full' | 'readonly' | 'corrupt' | 'cantopen';

/** SQLite's primary result codes (better-sqlite3 reports extended ones, e.g. SQLITE_READONLY_DBMOVED) and Node's errno codes. */
const BY_CODE: Readonly<Record<string, StoreFailure>> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'full',
  ENOSPC: 'full',
  EDQUOT: 'full',
  SQLITE_READONLY: 'readonly',
  EROFS: 'readonly',
  EACCES: 'readonly',
  EPERM: 'readonly',
  SQLITE_PERM: 'readonly',
  SQLITE_CORRUPT: 'corrupt',
  SQLITE_NOTADB: 'corrupt',
  SQLITE_CANTOPEN: 'cantopen',
};

/** The kind of store failure an error is, or null when it is something else (a bug). */
export function storeFailureOf(error: unknown): StoreFailure | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const primary = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  return BY_CODE[primary] ?? null;
}

/** How an unexpected error is logged: its first line, or everything with TSP_DEBUG=1 (where it was thrown). */
export function describeError(error: unknown, env: Record<string, string | undefined> = process.env): string {
  if (!(error instanceof Error)) return String(error);
  return env.TSP_DEBUG === '1' && error.stack !== undefined ? error.stack : `${error.name}: ${error.message.split('\n')[0]}`;
}
