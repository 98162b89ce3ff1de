/** English messages of Settings › Backups (renderer/settings/BackupsSection.tsx). */
export const backupsEn = {
  'ui.settings.backups.title': 'Backups',
  'ui.settings.backups.intro':
    'TSP Desk backs up this store once a day into the folder below, checks each copy before keeping it, and copies the attached files beside the backups. It keeps the newest backup of each of the last {daily, plural, one {day} other {# days}}, {weekly, plural, one {week} other {# weeks}} and {monthly, plural, one {month} other {# months}}.',
  'ui.settings.backups.folder': 'Backup folder',
  'ui.settings.backups.caption': 'Backups in this folder, newest first',
  'ui.settings.backups.taken': 'Taken',
  'ui.settings.backups.file': 'File',
  'ui.settings.backups.size': 'Size',
  'ui.settings.backups.megabytes': '{size} MB',
  'ui.settings.backups.none': 'No backup yet. The first one is made a minute after the app starts; you can also make one now.',
  'ui.settings.backups.run': 'Back up now',
  'ui.settings.backups.running': 'Writing and checking a backup (started {time}). You can go on working meanwhile.',
  'ui.settings.backups.done': 'The backup was written and checked: {file}.',
  'ui.settings.backups.failed.no_space':
    'The latest backup failed ({time}): the disk that holds the backup folder is full. Free some space there; the backup is tried again within the hour, or back up now.',
  'ui.settings.backups.failed.no_permission':
    'The latest backup failed ({time}): TSP Desk may not write to the backup folder. Ask whoever looks after this computer to let your account write there.',
  'ui.settings.backups.failed.folder_unusable':
    'The latest backup failed ({time}): the backup folder is missing, or something else is in its place. Check the folder shown above.',
  'ui.settings.backups.failed.not_verified':
    'The latest backup failed ({time}): the copy did not pass its check and was removed. The store itself is unchanged. Back up again; if it fails again, have the disk checked.',
  'ui.settings.backups.failed.other':
    'The latest backup failed ({time}) with an unexpected error. Pass the system’s message below to whoever supports TSP Desk.',
  'ui.settings.backups.failed.detail': 'System message: {detail}',
  'ui.settings.backups.restore':
    'To restore a backup, check it first: TSP Desk shows what it holds. The restore is done when TSP Desk starts again, which it does at once; the store it replaces is kept beside it. Restoring is recorded in the audit log. The command tsp restore does the same from a terminal.',
  'ui.settings.backups.col.action': 'Restore',
  'ui.settings.backups.check': 'Check {file}',
  'ui.settings.backups.checking': 'Checking the backup (its integrity and its audit log)…',
  'ui.settings.backups.inspect.title': 'Backup of {time}',
  'ui.settings.backups.inspect.cases': 'Cases',
  'ui.settings.backups.inspect.schema': 'Store version (schema)',
  'ui.settings.backups.inspect.audit': 'Audit log entries',
  'ui.settings.backups.inspect.sound': 'The backup passed its check: it can be restored.',
  'ui.settings.backups.inspect.unsound': 'This backup did not pass its check and cannot be restored.',
  'ui.settings.backups.inspect.problem': 'Problem found: {problem}',
  'ui.settings.backups.restore.reason': 'Why restore this backup?',
  'ui.settings.backups.restore.reason.hint': 'Recorded in the audit log. Everything entered since the backup was taken is replaced; the current store is kept beside it.',
  'ui.settings.backups.restore.confirm': 'I understand that the work entered since {time} is replaced by this backup.',
  'ui.settings.backups.restore.button': 'Restore and restart',
  'ui.settings.backups.restore.cancel': 'Cancel',
  'ui.settings.backups.restore.restarting': 'TSP Desk restarts now and restores the backup of {time} before it opens the store.',
  'ui.settings.backups.restore.waiting': 'The restore of the backup of {time} is done the next time TSP Desk starts.',
  'error.backup_not_found': 'There is no such backup in the backup folder.',
  'error.backup_not_verified': 'The backup did not pass its check: nothing was changed.',
  'ui.settings.backups.unavailable': 'This window makes no backups itself. Make one with: tsp backup --db <store file> --out <backup file>.',
  'error.backups_unavailable': 'This window makes no backups itself: use tsp backup.',
  'error.backup_running': 'A backup is being written: wait until it is done.',
} as const;
