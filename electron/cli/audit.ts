/**
 * `tsp audit verify --db FILE [--json]`: verifies the store (db/audit-verify.ts): the file's
 * integrity, its schema and append-only triggers, the audit chain (keyed entries under the
 * store's audit key), every entity's rows against its latest entry, and the chain heads kept
 * outside the file (the anchor beside the store, a backup's manifest). Exit 0 when everything
 * holds, 1 with every finding named, 2 for bad input. Opens the file without migrating it or
 * signing anyone in, so verifying writes nothing, not even to a store of an older version; a
 * store on a read-only medium is verified through a private copy (cli/read-only-store.ts).
 */
import fs from 'node:fs';
import { anchorFileOf, readAnchor } from '../../db/audit-anchor.ts';
import { verifyStore, type Anchor } from '../../db/audit-verify.ts';
import { manifestFileOf, readManifest } from '../../db/backup-manifest.ts';
import { openFile } from '../../db/connection.ts';
import { StoreKeyError, type StoreKey } from '../../db/encryption.ts';
import { UsageError, type CliIo } from './io.ts';
import { readableStore } from './read-only-store.ts';

export interface AuditValues {
  db?: string | undefined;
  json?: boolean | undefined;
  key?: StoreKey | undefined;
}

/** The chain heads recorded outside a store file that can be found beside it. */
export function anchorsOf(file: string): Anchor[] {
  const anchors: Anchor[] = [];
  const anchor = readAnchor(file);
  if (anchor !== undefined) anchors.push({ source: anchorFileOf(file), head: anchor });
  const manifest = readManifest(file);
  if (manifest !== undefined) anchors.push({ source: manifestFileOf(file), head: manifest === 'damaged' ? 'damaged' : manifest.auditHead });
  return anchors;
}

export function runAudit(io: CliIo, sub: string | undefined, values: AuditValues): number {
  if (sub !== 'verify') throw new UsageError('use: tsp audit verify --db FILE [--json]');
  if (!values.db) throw new UsageError('give the database file with --db FILE');
  if (!fs.existsSync(values.db)) throw new UsageError(`no database at ${values.db}`);
  const store = readableStore(values.db);
  let db;
  try {
    db = openFile(store.file, { key: values.key, fileMustExist: true });
  } catch (error) {
    store.dispose();
    if (error instanceof StoreKeyError) throw new UsageError(error.message.replace(store.file, values.db));
    throw error;
  }
  try {
    if (db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").pluck().get() === 0) {
      throw new UsageError(`${values.db} is not a TSP Desk store: it has no audit log`);
    }
    const report = verifyStore(db, { anchors: anchorsOf(values.db), encrypted: values.key !== undefined });
    if (values.json) {
      io.out(`${JSON.stringify(report)}\n`);
    } else if (report.ok) {
      io.out(`The audit log is intact: ${report.entries} entries, the newest with hash ${report.lastHash}.\n`);
      io.out(`Schema ${report.schemaVersion} and its triggers as the migrations make them; integrity check ok; ${report.entitiesChecked} entities match their latest audit entry`);
      io.out(`${report.entitiesNotCovered > 0 ? `, ${report.entitiesNotCovered} not yet covered (their next write covers them)` : ''}; ${report.anchorsChecked === 0 ? 'no chain head found outside the file' : `${report.anchorsChecked} chain head${report.anchorsChecked === 1 ? '' : 's'} outside the file match${report.anchorsChecked === 1 ? 'es' : ''}`}.\n`);
    } else {
      io.out(`The store does not verify: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} (${report.entries} audit entries):\n`);
      for (const f of report.findings) io.out(`  - ${f.kind}: ${f.message}\n`);
    }
    return report.ok ? 0 : 1;
  } finally {
    db.close();
    store.dispose();
  }
}
