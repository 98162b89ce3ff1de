/**
 * The files of a store on disk, and writing a file so that nothing is ever lost:
 *   - which paths belong to a store (the file, its -wal/-shm/-journal, its key file, the
 *     backups and attachments folders beside it, a restore's safety copies): no command may
 *     write an output there (outputProblems), compared as real paths — symlinks, `..`, hard
 *     links and case-insensitive file systems included;
 *   - writeFileDurably: a temporary file in the same folder, flushed, then renamed into place
 *     and the folder flushed, never over an existing file unless asked to (`--force`);
 *   - syncFile and syncDirectory, which the backups and restores use before and after a rename.
 * Every command that writes a file goes through here (electron/cli/output.ts, db/backup.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A target or source refused, with every reason; nothing was changed. */
export class FileRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`refused: ${problems.join('; ')}`);
  }
}

/** Files SQLite, the key store, a restore and the encryption keep beside the store `<name>`. */
const COMPANION_SUFFIXES = ['', '-wal', '-shm', '-journal', '.keys.json', '.keys.json.new', '.restoring', '.restoring-journal', '.encrypting', '.plain-old', '.plain-old-wal'];
/** A restore keeps the replaced store as `<name>.before-restore-<time>` (and its -wal/-shm). */
const SAFETY_COPY_INFIX = '.before-restore-';
/** Folders beside the store that hold its data: nothing is written into them but by the app itself. */
const STORE_FOLDERS = ['backups', 'attachments'] as const;

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function sameNode(a: fs.Stats | null, b: fs.Stats | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

/** The real path of a file that may not exist: its folder's real path (when the folder exists) and its own name. */
export function realOrResolved(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync(resolved);
  } catch {
    const dir = path.dirname(resolved);
    try {
      return path.join(fs.realpathSync(dir), path.basename(resolved));
    } catch {
      return resolved;
    }
  }
}

function swapCase(name: string): string {
  let out = '';
  for (const ch of name) out += ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

/**
 * Whether names in `dir` are compared without case (Windows, macOS by default): the existing
 * entry `probe` is looked up with its letters' case swapped.
 */
function caseInsensitiveAt(dir: string, probe: string): boolean {
  const swapped = swapCase(probe);
  if (swapped === probe) return false;
  return sameNode(statOrNull(path.join(dir, probe)), statOrNull(path.join(dir, swapped)));
}

/** Names as a file system compares them: Unicode normalised (macOS stores NFD), and without case where it ignores case. */
const nameKey = (name: string, ignoreCase: boolean) => (ignoreCase ? name.normalize('NFC').toLowerCase() : name.normalize('NFC'));

function sameFolder(a: string, b: string): boolean {
  return a === b || sameNode(statOrNull(a), statOrNull(b));
}

function isWithin(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Why `file` is the store `live` or one of its companions, or inside a folder that holds its
 * data; null when it is none of them. `allowBackups`: the backups folder may receive a file
 * (a backup).
 */
export function storeCompanionProblem(file: string, live: string, options: { allowBackups?: boolean } = {}): string | null {
  const real = realOrResolved(file);
  const store = realOrResolved(live);
  const storeDir = path.dirname(store);
  const storeName = path.basename(store);
  const ignoreCase = caseInsensitiveAt(storeDir, storeName) || caseInsensitiveAt(path.dirname(storeDir), path.basename(storeDir));
  // The very same file under another name (a hard link, a path through a bind mount).
  const target = statOrNull(real);
  if (target !== null && target.isFile()) {
    for (const suffix of COMPANION_SUFFIXES) {
      if (sameNode(target, statOrNull(`${store}${suffix}`))) return `${file} is the store ${live}${suffix === '' ? '' : ` (its ${suffix.replace(/^[.-]/, '')} file)`}`;
    }
  }
  const folders = STORE_FOLDERS.filter((f) => !(f === 'backups' && options.allowBackups));
  for (const folder of folders) {
    const realFolder = realOrResolved(path.join(storeDir, folder));
    const inside = isWithin(real, realFolder) || (ignoreCase && isWithin(nameKey(real, true), nameKey(realFolder, true)));
    if (inside) return `${file} is in the ${folder} folder of the store ${live}`;
  }
  if (!sameFolder(path.dirname(real), storeDir)) return null;
  const name = nameKey(path.basename(real), ignoreCase);
  const base = nameKey(storeName, ignoreCase);
  for (const suffix of COMPANION_SUFFIXES) {
    if (name === nameKey(`${storeName}${suffix}`, ignoreCase)) return `${file} is the store ${live}${suffix === '' ? '' : ` (its ${suffix.replace(/^[.-]/, '')} file)`}`;
  }
  if (name.startsWith(`${base}${SAFETY_COPY_INFIX}`)) return `${file} is a copy of the store ${live} kept by a restore`;
  return null;
}

export interface OutputRules {
  /** The store the command works on: its files are never a place for an output. */
  live?: string | undefined;
  /** Replace an existing file (`--force`); without it an existing file is refused. */
  force?: boolean | undefined;
}

/** Why `out` must not receive a command's output file; empty when it may. */
export function outputProblems(out: string, rules: OutputRules): string[] {
  const problems: string[] = [];
  const companion = rules.live === undefined ? null : storeCompanionProblem(out, rules.live);
  if (companion !== null) return [companion];
  const dir = path.dirname(path.resolve(out));
  const folder = statOrNull(dir);
  if (folder === null) problems.push(`the folder ${dir} does not exist`);
  else if (!folder.isDirectory()) problems.push(`${dir} is not a folder`);
  let existing: fs.Stats | null = null;
  try {
    existing = fs.lstatSync(out);
  } catch {
    existing = null;
  }
  if (existing !== null) {
    if (statOrNull(out)?.isDirectory()) problems.push(`${out} is a folder: give a file name`);
    else if (!rules.force) problems.push(`${out} already exists: give --force to replace it`);
  }
  return problems;
}

/** Flushes a file's content to the disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Flushes a folder's entries (a rename into it) to the disk. Where a folder cannot be opened or
 * flushed (Windows, some network file systems) there is nothing more to do.
 */
export function syncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (!['EINVAL', 'EISDIR', 'EPERM', 'EBADF', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** A temporary name beside `file`, hidden and unique: never one of a store's companions. */
const temporaryBeside = (file: string): string =>
  path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Links `from` to the new name `to` (refused when `to` exists, atomically); where the file system has no hard links, checks then renames. */
function linkNew(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
    fs.rmSync(from);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EMLINK', 'EOPNOTSUPP'].includes(code ?? '')) throw error;
    if (fs.existsSync(to)) throw Object.assign(new Error(`${to} already exists`), { code: 'EEXIST' });
    fs.renameSync(from, to);
  }
}

/**
 * Writes `data` to `out` so that a crash leaves either the old file or the new one, never half
 * of one: a temporary file in the same folder, flushed, then renamed (or, without `force`, linked:
 * refused with EEXIST when `out` exists) into place, and the folder flushed. The file is the
 * owner's only (0600), a replaced one too.
 */
export function writeFileDurably(out: string, data: string | Uint8Array, options: { force?: boolean | undefined } = {}): void {
  const temp = temporaryBeside(out);
  try {
    // Outputs hold personal data: readable by their owner only.
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.force) fs.renameSync(temp, out);
    else linkNew(temp, out);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(path.resolve(out)));
}
