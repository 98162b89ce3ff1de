/**
 * A store on a medium the command cannot write — an evidence copy on a read-only disk, a folder
 * the user may not write — for the commands that only read it (audit verify, cases export and
 * search, dossier, report statistics, due, treaties export, assess --db).
 *
 * SQLite cannot open a WAL store read-only without its shared-memory file (`-shm`), which it
 * cannot create there, and this driver is built without URI file names (so no `?immutable=1`):
 * such a store is copied (with its -wal, audit key, chain head and wrapped keys, where they are
 * there) into a private temporary folder, read
 * there and the copy removed. What the command then writes to the copy (a schema update, an
 * audit entry) goes with it; the original is never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anchorFileOf } from '../../db/audit-anchor.ts';
import { auditKeyFileOf } from '../../db/audit-key.ts';
import { keyFileOf } from '../keystore.ts';

/** What travels with the copy: the -wal, the audit key and chain head (verify needs them), the wrapped keys. */
const COMPANIONS = [(db: string) => `${db}-wal`, auditKeyFileOf, anchorFileOf, keyFileOf];

export interface ReadableStore {
  /** The file to open: the store itself, or its private copy. */
  file: string;
  dispose(): void;
}

function writable(file: string): boolean {
  try {
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The store as it can be read: itself when it can be written, else a private copy (dispose removes it). */
export function readableStore(db: string): ReadableStore {
  if (!fs.existsSync(db) || writable(db)) return { file: db, dispose: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-read-only-'));
  const copy = path.join(dir, path.basename(db));
  try {
    fs.copyFileSync(db, copy);
    for (const companion of COMPANIONS) if (fs.existsSync(companion(db))) fs.copyFileSync(companion(db), companion(copy));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { file: copy, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
