/**
 * The shell's recovery and production settings (issue 20), as far as they can be checked without
 * the Electron runtime: a renderer that dies is reloaded, one that keeps dying closes the app;
 * the packaged menu and window have no developer tools; crash dumps stay local; the main
 * process's uncaught failures and the renderer's reports reach the diagnostics log. The logic
 * lives in modules electron/main.ts calls; these tests check the modules and that main.ts calls
 * them so.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type MenuItemTemplate } from '../electron/app-menu.ts';
import { CRASH_REPORTER_OPTIONS } from '../electron/diagnostics/crash-reporter.ts';
import { openDiagnosticsLog } from '../electron/diagnostics/log-file.ts';
import { rendererLogLine, watchProcess } from '../electron/diagnostics/process-watch.ts';
import { MAX_RELOADS, rendererRecovery } from '../electron/renderer-recovery.ts';

const root = path.resolve(import.meta.dirname, '..');
const main = fs.readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8');

describe('a renderer that dies', () => {
  it('is reloaded, up to 3 times within a minute; the 4th closes the app instead of looping', () => {
    let now = 0;
    const recovery = rendererRecovery({ now: () => now });
    const steps = [];
    for (let i = 0; i < MAX_RELOADS + 1; i++) {
      steps.push(recovery.gone({ reason: 'crashed', exitCode: 139 }));
      now += 10_000;
    }
    expect(steps.map((s) => s.action)).toEqual(['reload', 'reload', 'reload', 'give-up']);
    expect(steps[0]!.log).toBe('renderer gone: crashed (exit code 139); reloading the window');
    expect(steps[3]!.log).toBe('renderer gone: crashed (exit code 139); 4 times within 60 s: closing');
  });

  it('losses more than a minute apart are each reloaded', () => {
    let now = 0;
    const recovery = rendererRecovery({ now: () => now });
    for (let i = 0; i < 10; i++) {
      expect(recovery.gone({ reason: i % 2 === 0 ? 'oom' : 'killed', exitCode: 9 }).action).toBe('reload');
      now += 30_001;
    }
  });

  it('a clean exit (the window closing) is not a loss', () => {
    const recovery = rendererRecovery({ now: () => 0 });
    for (let i = 0; i < 5; i++) expect(recovery.gone({ reason: 'clean-exit', exitCode: 0 }).action).toBe('none');
  });

  it('main.ts reloads the window on render-process-gone and logs every loss', () => {
    expect(main).toContain("window.webContents.on('render-process-gone'");
    expect(main).toContain('recovery.gone(details)');
    expect(main).toContain("if (step.action === 'reload') void window.loadURL(APP_INDEX_URL);");
    expect(main).toContain('log.error(step.log)');
  });
});

describe('the packaged app has no developer tools', () => {
  const roles = (items: readonly MenuItemTemplate[]): string[] => items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);

  it.each(['linux', 'win32', 'darwin'])('packaged on %s: no Toggle Developer Tools, no Force Reload, not even through the View menu role', (platform) => {
    const menu = roles(appMenuTemplate({ packaged: true, platform }));
    expect(menu).not.toContain('toggleDevTools');
    expect(menu).not.toContain('forceReload');
    expect(menu).not.toContain('viewMenu'); // Electron's View menu role carries both
    expect(menu).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(menu.includes('appMenu')).toBe(platform === 'darwin');
  });

  it('from the source (npm start) the developer tools are in the View menu', () => {
    expect(roles(appMenuTemplate({ packaged: false, platform: 'linux' }))).toEqual(expect.arrayContaining(['toggleDevTools', 'forceReload']));
  });

  it('main.ts sets that menu and creates the window with devTools off when packaged', () => {
    expect(main).toContain('Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform })))');
    expect(main).toContain('devTools: !app.isPackaged');
    expect(main).not.toMatch(/openDevTools/);
  });
});

describe('crash dumps stay on the machine', () => {
  it('the crash reporter names no server and uploads nothing', () => {
    expect(CRASH_REPORTER_OPTIONS).toMatchObject({ uploadToServer: false, submitURL: '' });
  });

  it('main.ts starts it before the app is ready', () => {
    expect(main).toContain('crashReporter.start(CRASH_REPORTER_OPTIONS)');
    expect(main.indexOf('crashReporter.start(')).toBeLessThan(main.indexOf('app.whenReady()'));
  });
});

describe("the main process's failures reach the diagnostics log", () => {
  it('an uncaught exception is logged, redacted, and the process left to handle it as it would', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-watch-'));
    try {
      const log = openDiagnosticsLog({ dataDir: dir });
      const proc = new EventEmitter();
      watchProcess(proc, log.error);
      proc.emit('uncaughtExceptionMonitor', new TypeError("Cannot read properties of undefined (reading 'CHAN Tai Man')"), 'uncaughtException');
      expect(fs.readFileSync(log.file, 'utf8')).toMatch(/\[error\] main: uncaughtException: TypeError: Cannot read properties of undefined \(reading …\)\n$/);
      expect(proc.listenerCount('uncaughtException')).toBe(0); // only watched: Electron's own handling stays
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the renderer's own failure reports are logged, nothing else it prints", () => {
    expect(rendererLogLine('error', '[tsp] render failed in CaseScreen: TypeError: x')).toBe('renderer: render failed in CaseScreen: TypeError: x');
    expect(rendererLogLine('warning', '[tsp] render failed')).toBeNull();
    expect(rendererLogLine('error', 'Failed to load resource')).toBeNull();
  });

  it('main.ts logs to the data folder: the router, the backups, the store, the renderer, uncaught failures', () => {
    expect(main).toContain("openDiagnosticsLog({ dataDir: app.getPath('userData')");
    expect(main).toContain('watchProcess(process, log.error)');
    expect(main).toMatch(/openApp\(\{[\s\S]*shell,[\s\S]*\}\)/); // the router's log
    expect(main).toContain('log.error(`backup failed: ');
    expect(main).toContain('log.error(`store could not be opened: ');
    expect(main).toContain("window.webContents.on('console-message'");
  });
});
