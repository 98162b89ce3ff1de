/** The app's own backups and their restore (electron/services/backups.ts; the scheduler: electron/backups.ts; the restore at the next start: electron/pending-restore.ts). */
import { z } from 'zod';
import { reason } from '../api-schemas.ts';
import type { BackupInspection, BackupsState, RestoreRequested } from '../backups-schemas.ts';
import { noInput, SUPERVISOR, typed, type AreaContract } from './channel.ts';

/** A backup of the app's folder, by its file name (never a path). */
const backupName = z.string().regex(/^tsp-desk-\d{4}-\d{2}-\d{2}T\d{6}Z\.sqlite$/, { error: 'validation.backupName' });
const inspectBackupInput = z.strictObject({ name: backupName });
const requestRestoreInput = z.strictObject({ name: backupName, reason, confirm: z.literal(true, { error: 'validation.restore.confirm' }) });

export const backupsContract = {
  /** null where the app makes no backups itself (the CLI: `tsp backup`). */
  'backups.state': { input: noInput, output: typed<BackupsState | null>(), roles: SUPERVISOR },
  'backups.run': { input: noInput, output: typed<BackupsState>(), roles: SUPERVISOR },
  /** What a backup holds, verified as a restore would verify it. */
  'backups.inspect': { input: inspectBackupInput, output: typed<BackupInspection>(), roles: SUPERVISOR },
  /** Done at the next start of the app, which restarts now where it can. */
  'backups.restore': { input: requestRestoreInput, output: typed<RestoreRequested>(), roles: SUPERVISOR },
} as const satisfies AreaContract;
