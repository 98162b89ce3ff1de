/** English messages of encryption at rest and backups: the dialogs the app shows at start. */
export const storageEn = {
  'storage.recovery.title': 'Write down the recovery key of this store',
  'storage.recovery.body':
    'The case store on this computer is encrypted. Its key is kept by the operating system for your account. If that key is lost (a new computer, a reinstalled system), only this recovery key opens the store:\n\n{recoveryKey}\n\nWrite it down and keep it locked away, apart from the computer. It is shown only this once.',
  'storage.recovery.bodyNoKeychain':
    'The case store on this computer is encrypted, but this system offers no keychain to keep its key (on Linux: no Secret Service such as GNOME Keyring or KWallet). Start TSP Desk with the recovery key in the environment variable TSP_DB_KEY from now on:\n\n{recoveryKey}\n\nWrite it down and keep it locked away. It is shown only this once.',
  'storage.unlock.failedTitle': 'The case store cannot be opened',
  'storage.open.failed':
    'TSP Desk could not open the case store or bring it up to date. No data was lost: an update step that fails is undone.\n\nReason: {reason}\n\nKeep the store file as it is and tell whoever supports TSP Desk; the daily backups are in the backups folder beside it.',
  'storage.unlock.recoveryNeeded':
    '{reason}\n\nStart TSP Desk with the administrator’s recovery key in the environment variable TSP_DB_KEY, for example:\n  TSP_DB_KEY="XXXXX-XXXXX-…" tsp-desk',
} as const;
