/**
 * The store's protection as the Electron shell starts it (electron/main.ts passes Electron's
 * safeStorage and dialogs in; everything here runs under Node): unlock or create the key,
 * encrypt a plain store, show a new recovery key once, then audit what happened, seal the
 * files attached before schema 8, and start the daily backups into `backups/` beside the
 * store, which Settings then shows.
 */
import path from 'node:path';
import type { OpenedApp } from './app.ts';
import { auditStoreEvent, startBackupScheduler, SYSTEM_USER_ID, type BackupScheduler } from './backups.ts';
import { auditAppliedRestore, restoreControl, type AppliedRestore } from './pending-restore.ts';
import { provideBackups, provideRestore } from './services/backups.ts';
import { sealLegacyAttachmentFiles } from './services/documents.ts';
import { KeystoreError, unlockStore, type SafeStorage, type StoreUnlock } from './keystore.ts';
import { t, type Locale } from '../shared/i18n/index.ts';

export interface ShellHooks {
  safe: SafeStorage;
  /** TSP_DB_KEY: the recovery key, needed where the keychain cannot unwrap the key. */
  recoveryKey: string | undefined;
  nativeBinding: string | undefined;
  locale: Locale;
  /** Shows a message and waits until it is dismissed. */
  show(kind: 'info' | 'error', title: string, text: string): void;
}

/** The key of the store, or null when it cannot be had (the reason was shown). */
export function unlockForShell(file: string, hooks: ShellHooks): StoreUnlock | null {
  let unlocked: StoreUnlock;
  try {
    unlocked = unlockStore(file, hooks);
  } catch (error) {
    if (!(error instanceof KeystoreError)) throw error;
    const text = error.problem === 'recovery_needed' || error.problem === 'wrong_recovery_key'
      ? t(hooks.locale, 'storage.unlock.recoveryNeeded', { reason: error.message })
      : error.message;
    hooks.show('error', t(hooks.locale, 'storage.unlock.failedTitle'), text);
    return null;
  }
  if (unlocked.newRecoveryKey !== null) {
    const body = hooks.safe.available() ? 'storage.recovery.body' : 'storage.recovery.bodyNoKeychain';
    hooks.show('info', t(hooks.locale, 'storage.recovery.title'), t(hooks.locale, body, { recoveryKey: unlocked.newRecoveryKey }));
  }
  return unlocked;
}

/**
 * The message shown when the store cannot be opened or brought up to date after it was unlocked.
 * No data is lost: each migration runs in one transaction, undone when it fails (db/migrate.ts).
 */
export function openFailureMessage(locale: Locale, error: unknown): { title: string; text: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return { title: t(locale, 'storage.unlock.failedTitle'), text: t(locale, 'storage.open.failed', { reason }) };
}

/** The schema from which attached files are sealed (migration 0008). */
const SEALED_SINCE_SCHEMA = 8;

/** Audits the start's key events in the opened store, seals older attachments and starts the scheduled backups. */
export function protectOpenedStore(
  desk: OpenedApp,
  file: string,
  unlocked: StoreUnlock,
  options: {
    nativeBinding?: string | undefined;
    clock?: () => Date;
    onError?: (error: Error) => void;
    /** The shell restarts itself for a restore asked for in Settings (electron/pending-restore.ts). */
    restart?: () => void;
    /** A restore done at this start, before the store was opened: audited in the restored store. */
    restored?: Extract<AppliedRestore, { done: unknown }> | undefined;
  },
): BackupScheduler {
  const clock = options.clock ?? (() => new Date());
  const actor = { db: desk.db, clock, userId: SYSTEM_USER_ID };
  if (unlocked.encryptedExisting) auditStoreEvent(actor, 'store.encrypt', file, 'encryption at rest turned on', { cipher: 'sqlcipher-4', keyFile: `${path.basename(file)}.keys.json` });
  if (unlocked.newRecoveryKey !== null) auditStoreEvent(actor, 'store.key.create', file, null, { recoveryKeyShown: true });
  if (unlocked.via === 'recovery') auditStoreEvent(actor, 'store.key.recovered', file, 'opened with the recovery key', { via: 'recovery key' });
  if (options.restored !== undefined) auditAppliedRestore(actor, file, options.restored);
  // At the start that updates a store from before schema 8 (attached files are sealed since), not
  // at every start: looking for them means a look at every attached file.
  if (desk.migratedFrom > 0 && desk.migratedFrom < SEALED_SINCE_SCHEMA) {
    const sealed = sealLegacyAttachmentFiles(desk.db);
    if (sealed.sealed > 0 || sealed.damaged.length > 0) auditStoreEvent(actor, 'attachments.seal', file, 'files attached before schema 8, sealed at the update', sealed);
  }
  const dir = path.join(path.dirname(file), 'backups');
  const scheduler = startBackupScheduler({ live: file, key: unlocked.key, nativeBinding: options.nativeBinding, actor, dir, clock, onError: options.onError });
  if (scheduler.removedAtStart.length > 0) {
    auditStoreEvent(actor, 'store.leftovers.removed', file, 'copies left by a backup, restore or attachment cut short, removed at the start', {
      files: scheduler.removedAtStart.map((f) => path.relative(path.dirname(file), f)),
    });
  }
  provideBackups(desk.db, scheduler);
  // Settings › Backups › Restore: asked for now, done at the next start (electron/pending-restore.ts).
  provideRestore(desk.db, restoreControl({ live: file, key: unlocked.key, nativeBinding: options.nativeBinding }, dir, options.restart));
  return scheduler;
}
