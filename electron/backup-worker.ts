/**
 * The worker thread a backup runs in (backups.ts `backupStoreInWorker`): one copy job, copied
 * and verified, then the thread ends. Runs under Node in the Electron main process; no Electron here.
 */
import { copyAndVerify } from './backup-copy.ts';
import { answerJob } from './worker-thread.ts';

answerJob(copyAndVerify);
