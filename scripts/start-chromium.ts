/**
 * `npm run start:chromium`: the real app in a Chromium window, for a machine that cannot
 * download the Electron runtime. The same shell as the renderer tests (e2e/shell.ts):
 * the built renderer with the app's CSP, the real router on a persistent store.
 *
 *   npm run start:chromium -- [--db FILE] [--demo N] [--user NAME]
 *
 * --db    the SQLite store (default ./tsp-desk-dev.sqlite; created if missing)
 * --demo  put N demo cases in the store when it has none
 * --user  who is at the keyboard (default the OS account)
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../electron/services/demo.ts';
import { openShell } from '../e2e/shell.ts';

function options() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'tsp-desk-dev.sqlite' },
      demo: { type: 'string' },
      user: { type: 'string', default: os.userInfo().username || 'local' },
    },
  });
  const demo = values.demo === undefined ? 0 : Number(values.demo);
  if (!Number.isInteger(demo) || demo < 0) throw new Error(`--demo must be a whole number of cases, not "${values.demo}"`);
  return { dbFile: path.resolve(values.db), demo, user: values.user };
}

async function main(): Promise<void> {
  const { dbFile, demo, user } = options();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display to open a window on. On a machine without one: xvfb-run -a npm run start:chromium');
    process.exit(1);
  }

  const shell = await openShell({ dbFile, headless: false, osUser: user });
  const built = shell.renderer;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(`renderer built in ${built.millis} ms: ${built.files.map((f) => `${f.name} ${kb(f.bytes)}`).join(', ')}`);

  const stored = shell.dispatch('cases.list', { includeClosed: true, limit: 1 }).total;
  if (demo > 0 && stored === 0) {
    const { ids } = seedDemo(shell.app.context, demo, { onProgress: (done, total) => process.stdout.write(`\rdemo cases ${done}/${total}`) });
    process.stdout.write(`\n${ids.length} demo cases added\n`);
  }
  console.log(`store ${dbFile} as ${shell.app.context.user.name} (${shell.app.context.user.role})`);

  shell.page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  shell.page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console: ${message.text()}`);
  });
  await shell.open();
  console.log(`TSP Desk is open at ${shell.url}; close the window (or press Ctrl+C) to stop.`);

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await shell.close();
    process.exit(0);
  };
  shell.page.once('close', () => void stop());
  shell.browser.once('disconnected', () => void stop());
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
