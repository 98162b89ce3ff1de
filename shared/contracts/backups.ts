/** The app's own backups (electron/services/backups.ts; the scheduler: electron/backups.ts). */
import type { BackupsState } from '../backups-schemas.ts';
import { noInput, SUPERVISOR, typed, type AreaContract } from './channel.ts';

export const backupsContract = {
  /** null where the app makes no backups itself (the CLI: `tsp backup`). */
  'backups.state': { input: noInput, output: typed<BackupsState | null>(), roles: SUPERVISOR },
  'backups.run': { input: noInput, output: typed<BackupsState>(), roles: SUPERVISOR },
} as const satisfies AreaContract;
