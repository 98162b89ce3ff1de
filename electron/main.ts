/**
 * The Electron shell, hardened per Electron's security checklist: the renderer is served
 * from the custom `app://` scheme (electron/app-protocol.ts) rather than file://, in a
 * sandboxed, context-isolated window without Node, under a strict CSP; every request other
 * than app:// is cancelled; permissions are denied; navigation, new windows and webviews are
 * refused for every web contents; and the one IPC handler accepts calls only from the app's
 * own page and passes them to the router, whose session (who is signed in) lives here.
 * Its failures go to the diagnostics log in the user data folder, crashes leave local dumps
 * (never uploaded), a renderer that dies is reloaded, and the packaged app has no developer
 * tools. Everything else lives in testable modules (electron/app.ts, electron/router.ts,
 * electron/diagnostics/, electron/renderer-recovery.ts, electron/app-menu.ts,
 * electron/native-binding.ts).
 */
import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, protocol, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { t } from '../shared/i18n/index.ts';
import { DATABASE_FILE, openApp, prepareStoreInWorker, type OpenedApp } from './app.ts';
import { openFailureMessage, protectOpenedStore, unlockForShell } from './keystore-start.ts';
import { applyPendingRestore } from './pending-restore.ts';
import { startReassessmentRunner } from './reassessment.ts';
import { startRouteScreening } from './route-screening.ts';
import { APP_INDEX_URL, APP_SCHEME, isAppPage, resolveAppRequest } from './app-protocol.ts';
import { shellEnvironment } from './shell-environment.ts';
import { appMenuTemplate } from './app-menu.ts';
import { CRASH_REPORTER_OPTIONS } from './diagnostics/crash-reporter.ts';
import { openDiagnosticsLog } from './diagnostics/log-file.ts';
import { rendererLogLine, watchProcess } from './diagnostics/process-watch.ts';
import { appVersion, type ShellInfo } from './diagnostics/shell-info.ts';
import { rendererRecovery } from './renderer-recovery.ts';
import { describeError } from './store-failure.ts';
import { auditBackHere, officeConnection, routeCall } from './office-connection.ts';
import { provideOffice } from './services/office.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', '..', 'dist');

// Crashes leave minidumps in the local crash dumps folder; nothing is uploaded.
crashReporter.start(CRASH_REPORTER_OPTIONS);
// The diagnostics log (userData/logs/tsp-desk.log, no personal data); also on the console from the source.
const log = openDiagnosticsLog({ dataDir: app.getPath('userData'), home: os.homedir(), echo: !app.isPackaged });
watchProcess(process, log.error);
const shell: ShellInfo = {
  appVersion: appVersion(),
  platform: `${process.platform} ${process.arch}`,
  runtime: `Electron ${process.versions.electron} (Chromium ${process.versions.chrome}, Node ${process.versions.node})`,
  home: os.homedir(),
  log,
};

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  return isAppPage(event.senderFrame?.url ?? '');
}

// One instance per user: a second start (a double click while a large store is being brought up
// to date) brings the open window forward instead of opening the store a second time.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.focus();
});

// Before `ready`: a standard, secure scheme (its own origin, treated like https), without
// fetch, CORS or service workers, since the page only loads its own files. With V8's code
// cache (Electron 28+; standard schemes only): the window's scripts are not compiled again at
// each start (bench/ui.ts measures starts that way).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } }]);
app.enableSandbox();

// Every web contents, whoever creates it: no navigation away, no new windows, no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  if (!firstInstance) return;
  // Encryption at rest and daily backups (docs/storage-security.md).
  const file = path.join(app.getPath('userData'), DATABASE_FILE);
  // The packaged app reads neither the native binding nor the recovery key from its environment:
  // its driver is the Electron build packed in its resources.
  const { nativeBinding, recoveryKey } = shellEnvironment(process.env, app.isPackaged, process.resourcesPath);
  const locale = app.getPreferredSystemLanguages().some((l) => l.startsWith('zh')) ? 'zh-Hant' : 'en';
  const unlocked = unlockForShell(file, {
    // On Linux without a Secret Service, safeStorage falls back to a fixed password ('basic_text'): that is no protection, so the recovery key is asked for instead.
    safe: { available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || !['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())), encrypt: (text) => safeStorage.encryptString(text), decrypt: (wrapped) => safeStorage.decryptString(wrapped) },
    recoveryKey,
    nativeBinding,
    locale,
    show: (type, title, detail) => void dialog.showMessageBoxSync({ type, title, message: title, detail, buttons: ['OK'] }),
  });
  if (unlocked === null) return app.exit(1);
  // A restore asked for in Settings is done now, before the store is opened (electron/pending-restore.ts).
  const restore = applyPendingRestore({ live: file, key: unlocked.key, nativeBinding }, new Date());
  if (restore !== null && 'refused' in restore) {
    log.error(`restore refused: ${restore.refused.join('; ')}`);
    const title = t(locale, 'shell.restoreRefused.title');
    dialog.showMessageBoxSync({ type: 'warning', title, message: title, detail: t(locale, 'shell.restoreRefused.text', { problems: restore.refused.join('\n') }), buttons: ['OK'] });
  }
  // The schema is brought up to date on a worker thread while the window loads (after an update a
  // large store's migrations take a while): the window goes on answering, and says meanwhile that
  // the store is being opened (renderer/session/RequireSession.tsx). Its calls wait for the store.
  // An office server named in the app's data folder takes every call but its own three (electron/office-connection.ts).
  const office = officeConnection(path.join(app.getPath('userData'), 'office-server.json'), { log: (message) => log.error(message) });
  const withOffice = (opened: OpenedApp): OpenedApp => {
    provideOffice(opened.db, office);
    return opened;
  };
  const opening: Promise<OpenedApp> = prepareStoreInWorker({ file, key: unlocked.key, nativeBinding }).then(({ from }) => withOffice(
    openApp({
      file,
      key: unlocked.key,
      signIn: 'password',
      // From the operating system, not the environment (which whoever starts the app sets): a store
      // from before sign-in lets only its supervisor, at their own account, set up the password.
      osUser: os.userInfo().username,
      nativeBinding,
      migratedFrom: from,
      shell,
    }),
  ));
  log.info(`TSP Desk ${shell.appVersion} started (${shell.platform}; ${shell.runtime})`);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform })));

  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    const body = await fs.readFile(resolved.file).catch(() => null);
    if (body === null) return new Response(null, { status: 404 });
    return new Response(body, {
      headers: { 'Content-Type': resolved.mimeType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content, ever: only the app's own files, the data: images its CSP allows, the blob: of an
  // attachment being saved (made by the page from bytes the router checked), and devtools while debugging.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: ![`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:'].some((scheme) => details.url.startsWith(scheme)) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    // electronegativity-justified: CSP_GLOBAL_CHECK — the policy is the constant of shared/csp.ts (default-src 'none', scripts and styles 'self' only), which the tool cannot evaluate; tests/security-shell.test.ts checks it.
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  ipcMain.handle('tsp:invoke', async (event, channel: unknown, payload: unknown) => {
    if (!isAppFrame(event)) return { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden', problems: [] } };
    return routeCall(office, async (name, input) => (await opening).router.dispatch(name, input), String(channel), payload, () => void opening.then((opened) => auditBackHere(opened.db)));
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    webPreferences: {
      // electronegativity-justified: PRELOAD_JS_CHECK — the preload (electron/preload.cts) exposes one function, invoke(channel, payload), over one IPC channel whose sender the handler above checks; the router validates every payload.
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in a new window (Electron checklist: limit navigation).
      disableBlinkFeatures: 'Auxclick',
      // No developer tools in the packaged app (the menu has none either: electron/app-menu.ts).
      devTools: !app.isPackaged,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  // A renderer that dies is reloaded (the session and the store live here); one that keeps dying closes the app.
  const recovery = rendererRecovery();
  window.webContents.on('render-process-gone', (_event, details) => {
    const step = recovery.gone(details);
    log.error(step.log);
    if (step.action === 'reload') void window.loadURL(APP_INDEX_URL);
    if (step.action === 'give-up') {
      const title = t(locale, 'shell.rendererFailed.title');
      dialog.showMessageBoxSync({ type: 'error', title, message: title, detail: t(locale, 'shell.rendererFailed.text', { file: log.file }), buttons: ['OK'] });
      app.exit(1);
    }
  });
  window.webContents.on('unresponsive', () => log.warn('renderer unresponsive'));
  window.webContents.on('console-message', (details) => {
    const line = rendererLogLine(details.level, details.message);
    if (line !== null) log.error(line);
  });
  void window.loadURL(APP_INDEX_URL);

  let desk: OpenedApp;
  try {
    desk = await opening;
  } catch (error) {
    log.error(`store could not be opened: ${describeError(error)}`);
    const { title, text } = openFailureMessage(locale, error);
    dialog.showMessageBoxSync(window, { type: 'error', title, message: title, detail: text, buttons: ['OK'] });
    return app.exit(1);
  }
  const backups = protectOpenedStore(desk, file, unlocked, {
    nativeBinding,
    onError: (error) => log.error(`backup failed: ${describeError(error)}`),
    restored: restore !== null && 'done' in restore ? restore : undefined,
    restart: () => {
      app.relaunch();
      app.quit();
    },
  });
  // When a version of the law takes effect, its open cases are re-assessed here: at the start, daily, and after a confirmed save.
  const reassessment = startReassessmentRunner({
    db: desk.db, clock: () => new Date(), worker: { file, key: unlocked.key, nativeBinding },
    onError: (error) => log.error(`re-assessment stopped: ${describeError(error)}`),
  });
  // The route index behind "Has an open route today", screened here so the list's filter finds it ready.
  const routeScreening = startRouteScreening({ db: desk.db, clock: () => new Date(), onError: (error) => log.error(`route screening stopped: ${describeError(error)}`) });
  app.on('before-quit', () => {
    routeScreening.stop();
    reassessment.stop();
    backups.stop();
    desk.close();
  });
});

app.on('window-all-closed', () => app.quit());
