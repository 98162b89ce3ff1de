/**
 * What may go into the diagnostics log (electron/diagnostics/log-file.ts): the words of a message
 * that cannot be a person's data. An error's message can carry what the program was handling: a
 * broken stored value is quoted by JSON.parse ("Unexpected token 'I', "IVANOV Pyo"... is not valid
 * JSON"), a failed write names its file, a bug may print a case. The log is copied into support
 * requests (Settings › Copy diagnostics), so it keeps only the shape of a message:
 *
 * - anything quoted ('…', "…", `…`, “…”, 「…」) becomes …;
 * - every digit becomes # (dates of birth, prison numbers, ages), but for the line and column of
 *   a source file in a stack trace (main.js:12:5);
 * - a word with a letter outside ASCII (Cyrillic, Chinese, accented names) becomes …;
 * - a word with capitals is kept only if it is an error's class (TypeError, SqliteError), a code
 *   (SQLITE_BUSY, ENOSPC), an identifier in camelCase (familyName, prepareStatement) or one of the
 *   few capitalised words error messages start with (Cannot, Unexpected, ...); IVANOV, Pyotr and
 *   any other capitalised word become …;
 * - a path is kept only when it is a source file of the program (in a stack trace), with the
 *   home folder written as ~; any other path becomes ….
 *
 * Lowercase ASCII words are kept: the words of error messages. A person's name or a fact written
 * in lowercase ASCII, unquoted, in an error's message would pass: no message of ours does that
 * (names and case data only reach a message inside quotes, or as JSON, whose strings are quoted).
 */
import { constants } from 'node:os';

const ERRNO_CODES: ReadonlySet<string> = new Set(Object.keys(constants.errno));

/** Capitalised words error messages (ours, Node's, SQLite's: "UNIQUE constraint failed") and log lines of ours begin with. */
const WORDS: ReadonlySet<string> = new Set([
  'A', 'An', 'Access', 'All', 'Assertion', 'CHECK', 'FOREIGN', 'KEY', 'NOT', 'NULL', 'PRIMARY', 'UNIQUE', 'Backup', 'Bad', 'Cannot', 'Could', 'Crash', 'Crashed', 'Database', 'Did', 'Disk', 'Duplicate',
  'Expected', 'Failed', 'File', 'Function', 'IPC', 'Invalid', 'JSON', 'Main', 'Maximum', 'Missing', 'Module', 'No', 'Node', 'Not', 'Object',
  'Out', 'Promise', 'Reading', 'Reloading', 'Render', 'Renderer', 'SQL', 'SQLite', 'Statement', 'Store', 'The', 'This', 'Timed', 'Too',
  'Uncaught', 'Unexpected', 'Unhandled', 'Unknown', 'Unterminated', 'Worker', 'Writing',
]);

const QUOTED = /'[^'\n]*'|"[^"\n]*"|`[^`\n]*`|“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」|«[^»\n]*»/g;
/** A source file of the program with its line and column: /…/dist-electron/electron/router.js:140:19, node:internal/…:12:3. */
const SOURCE_LOCATION = /^(?:file:\/\/)?(?:[~/\\]|[A-Za-z]:[\\/]|node:)[^\s()]*\.(?:[cm]?js|tsx?):\d+(?::\d+)?$/;
const MASK = '…';

function word(w: string): string {
  if (/\P{ASCII}/u.test(w)) return MASK;
  const digitless = w.replace(/\d+/g, '#');
  if (!/[A-Z]/.test(digitless)) return digitless;
  if (/^[A-Z][A-Z0-9#]*(?:_[A-Z0-9#]+)+$/.test(digitless) || ERRNO_CODES.has(digitless)) return digitless; // SQLITE_BUSY, ERR_INVALID_ARG, ENOSPC
  if (/^[A-Z][a-z]*(?:[A-Z][a-z]+)*(?:Error|Exception)$/.test(digitless)) return digitless; // TypeError, SqliteError
  if (/^[a-z_$][a-z#]*(?:[A-Z][a-z#]*)+$/.test(digitless)) return digitless; // familyName, prepareStatement
  return WORDS.has(digitless) ? digitless : MASK;
}

function token(t: string, home: string | undefined): string {
  const bare = t.replace(/^[([{<]+|[)\]}>,;]+$/g, '');
  const lead = t.slice(0, t.indexOf(bare));
  const trail = t.slice(t.indexOf(bare) + bare.length);
  const homed = home ? bare.split(home).join('~') : bare;
  if (/[/\\]/.test(homed)) return SOURCE_LOCATION.test(homed) ? `${lead}${homed}${trail}` : `${lead}${MASK}${trail}`;
  return t.replace(/[\p{L}\p{N}_$#]+/gu, (w) => word(w));
}

/** A log line with nothing in it that could be a person's data; `home`, the user's home folder, is written ~. */
export function redactForLog(text: string, { home }: { home?: string } = {}): string {
  const unquoted = text.replace(QUOTED, MASK);
  const lines = unquoted.split(/\r?\n/).map((line) => line.split(/(\s+)/).map((part) => (/^\s*$/.test(part) ? part : token(part, home))).join(''));
  return lines.join('\n').replace(/…(?:[\s.,;:'"-]*…)+/g, MASK);
}
