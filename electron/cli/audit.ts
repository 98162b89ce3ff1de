/**
 * `tsp audit verify --db FILE [--json]`: recomputes the audit log's hash chain
 * (db/audit-repo.ts) and names the first broken link. Exit 0 when the chain is intact, 1 when
 * it is broken, 2 for bad input. Opens the file without migrating it or signing anyone in,
 * so verifying writes nothing, not even to a store of an older version; a store on a read-only
 * medium is verified through a private copy (cli/read-only-store.ts).
 */
import fs from 'node:fs';
import { checkAuditChain, type BrokenLink } from '../../db/audit-repo.ts';
import { openFile } from '../../db/connection.ts';
import { StoreKeyError, type StoreKey } from '../../db/encryption.ts';
import { UsageError, type CliIo } from './io.ts';
import { readableStore } from './read-only-store.ts';

export interface AuditValues {
  db?: string | undefined;
  json?: boolean | undefined;
  key?: StoreKey | undefined;
}

function describe(link: BrokenLink): string {
  switch (link.problem) {
    case 'hash':
      return `entry #${link.seq} was changed after it was written: its content gives hash ${link.computed}, but it records ${link.stored}`;
    case 'link':
      return `entry #${link.seq} does not follow entry #${link.seq - 1}: it names ${link.stored} as the previous hash, but that entry's hash is ${link.expected} (an entry was removed, inserted or reordered)`;
    case 'sequence':
      return `entry #${link.seq} stands where entry #${link.expected} should be (an entry was removed or renumbered)`;
  }
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
    const report = checkAuditChain(db);
    if (values.json) io.out(`${JSON.stringify({ ok: report.broken === null, ...report })}\n`);
    else if (report.broken === null) io.out(`The audit log is intact: ${report.entries} entries, the newest with hash ${report.lastHash}.\n`);
    else io.out(`The audit log is broken at entry #${report.broken.seq} of ${report.entries}: ${describe(report.broken)}.\n`);
    return report.broken === null ? 0 : 1;
  } finally {
    db.close();
    store.dispose();
  }
}
