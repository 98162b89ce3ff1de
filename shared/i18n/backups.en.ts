/** English messages of Settings › Backups (renderer/settings/BackupsSection.tsx). */
export const backupsEn = {
  'ui.settings.backups.title': 'Backups',
  'ui.settings.backups.intro':
    'TSP Desk backs up this store once a day into the folder below, checks each copy before keeping it, and copies the attached files beside the backups. It keeps the newest backup of each of the last {daily} days, {weekly} weeks and {monthly} months.',
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
  'ui.settings.backups.failed': 'The latest backup failed ({time}): {message}',
  'ui.settings.backups.restore':
    'To restore a backup, close TSP Desk and run: tsp restore --db <store file> --from <backup file>. The restore checks the backup first and keeps the replaced store.',
  'ui.settings.backups.unavailable': 'This window makes no backups itself. Make one with: tsp backup --db <store file> --out <backup file>.',
  'error.backups_unavailable': 'This window makes no backups itself: use tsp backup.',
  'error.backup_running': 'A backup is being written: wait until it is done.',
} as const;
