/**
 * `tsp backup --db FILE --out FILE` and `tsp restore --db FILE --from FILE` (electron/backups.ts).
 * A refused target or source exits 2 with every reason, and nothing is changed.
 */
import fs from 'node:fs';
import { FileRefused } from '../../db/backup.ts';
import { StoreKeyError, type StoreKey } from '../../db/encryption.ts';
import { openApp } from '../app.ts';
import { actorOf, backupStore, restoreStore } from '../backups.ts';
import { authorizeWriter, cliOsUser, proveWriterReadOnly, type WriterProof } from './identity.ts';
import { UsageError, type CliIo } from './io.ts';

export interface BackupValues {
  db?: string | undefined;
  out?: string | undefined;
  from?: string | undefined;
  key?: StoreKey | undefined;
  writer?: WriterProof | undefined;
}

function refusedAs(what: string, work: () => number): number {
  try {
    return work();
  } catch (error) {
    if (error instanceof FileRefused) throw new UsageError(`${what} refused (nothing was changed)`, error.problems);
    if (error instanceof StoreKeyError) throw new UsageError(`${what} refused (nothing was changed): ${error.message}`);
    throw error;
  }
}

export function runBackup(io: CliIo, values: BackupValues): number {
  const { db, out } = values;
  if (!db || !out) throw new UsageError('use: tsp backup --db FILE --out FILE');
  if (!fs.existsSync(db)) throw new UsageError(`no database at ${db}`);
  return refusedAs('backup', () => {
    const app = openApp({ file: db, osUser: cliOsUser(), key: values.key, clock: io.now });
    try {
      authorizeWriter(app, values.writer);
      const result = backupStore(actorOf(app.context), out, { live: db, key: values.key }, { reason: 'tsp backup' });
      io.out(`Backed up ${db} to ${out} (${result.bytes} bytes, ${result.encrypted ? 'encrypted with the store\'s key' : 'not encrypted'}, ${result.auditEntries} audit entries, verified); attached files: ${result.attachments.copied} copied, ${result.attachments.present} already there.\n`);
      return 0;
    } finally {
      app.close();
    }
  });
}

export function runRestore(io: CliIo, values: BackupValues): number {
  const { db, from } = values;
  if (!db || !from) throw new UsageError('use: tsp restore --db FILE --from FILE');
  // Who replaces the store proves it first, against the store as it is, writing nothing.
  if (fs.existsSync(db)) proveWriterReadOnly(db, values.key, values.writer);
  return refusedAs('restore', () => {
    const { app, result } = restoreStore(from, { live: db, key: values.key }, { osUser: cliOsUser(), clock: io.now });
    app.close();
    io.out(`Restored ${db} from ${from} (verified: integrity, schema, ${result.inspection.audit?.entries ?? 0} audit entries chained); ${result.attachments.copied} attached files brought back.\n`);
    if (fs.existsSync(result.safetyCopy)) io.out(`The replaced store is kept as ${result.safetyCopy}.\n`);
    return 0;
  });
}
