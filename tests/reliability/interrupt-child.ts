/**
 * A process that backs up or restores a store and is killed part way (interrupted.test.ts):
 *   node --import tsx interrupt-child.ts backup LIVE OUT
 *   node --import tsx interrupt-child.ts restore LIVE FROM
 * It prints "started" before the work and "done" after it.
 */
import { openApp } from '../../electron/app.ts';
import { actorOf, backupStore, restoreStore } from '../../electron/backups.ts';

const [mode, live, other] = process.argv.slice(2) as [string, string, string];
process.stdout.write('started\n');
if (mode === 'backup') {
  const app = openApp({ file: live, osUser: 'reliability' });
  backupStore(actorOf(app.context), other, { live });
  app.close();
} else {
  restoreStore(other, { live }, { osUser: 'reliability' }).app.close();
}
process.stdout.write('done\n');
