/** What the Settings page shows of the backups (channels `backups.state` and `backups.run`). */

export interface BackupFile {
  name: string;
  /** When it was taken, ISO 8601 UTC. */
  at: string;
  bytes: number;
}

export interface BackupsState {
  /** The folder the app backs up into (`backups` beside the store). */
  dir: string;
  /** Newest first. */
  backups: BackupFile[];
  /** The backup being written now, if any: by the daily schedule or asked for by a user. */
  running: { startedAt: string; by: 'schedule' | 'user' } | null;
  /** The latest attempt that failed, until a backup succeeds again. */
  lastFailure: BackupFailure | null;
  /** How many are kept: the newest of each of the last `daily` days, `weekly` weeks and `monthly` months. */
  policy: { daily: number; weekly: number; monthly: number };
}

/**
 * Why a backup failed, as Settings says it in the user's language: the disk is full, the folder
 * may not be written, the folder is missing or not a folder, the copy did not verify (and was
 * removed), or anything else.
 */
export type BackupFailureReason = 'no_space' | 'no_permission' | 'folder_unusable' | 'not_verified' | 'other';

export interface BackupFailure {
  at: string;
  reason: BackupFailureReason;
  /** The system's own words (in English, whatever the app's language), for whoever fixes the cause. */
  detail: string;
}

/** What a backup holds, checked as a restore checks it (channel `backups.inspect`). */
export interface BackupInspection {
  name: string;
  /** When it was taken, ISO 8601 UTC. */
  at: string;
  bytes: number;
  /** Null where the file could not be read as a TSP Desk store. */
  schemaVersion: number | null;
  cases: number | null;
  auditEntries: number | null;
  /** Why it must not be restored (in English, the system's words); empty when it verified. */
  problems: string[];
}

/** A restore asked for (channel `backups.restore`): done when the app starts again, which it does now. */
export interface RestoreRequested {
  name: string;
  requestedAt: string;
  /** False where this window cannot restart itself (a test shell): the restore waits for the next start. */
  restarting: boolean;
}
