/**
 * The worker thread that brings a store's schema up to date before the app opens it
 * (app.ts `prepareStoreInWorker`): opens the file as the app does, which runs the migrations it
 * lacks, and closes it. Runs under Node in the Electron main process; no Electron here.
 */
import { openDatabase } from '../db/connection.ts';
import { keyAfterTransfer } from '../db/encryption.ts';
import type { PrepareJob, SchemaVersions } from './app.ts';
import { answerJob } from './worker-thread.ts';

answerJob((job: PrepareJob): SchemaVersions => {
  let versions: SchemaVersions | undefined;
  const db = openDatabase(job.file, { key: keyAfterTransfer(job.key), nativeBinding: job.nativeBinding, onMigrated: (v) => (versions = v) });
  db.close();
  if (versions === undefined) throw new Error('the store opened without reporting its schema');
  return versions;
});
