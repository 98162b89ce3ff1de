/**
 * The Electron shell, hardened per Electron's security checklist: the renderer is served
 * from the custom `app://` scheme (electron/app-protocol.ts) rather than file://, in a
 * sandboxed, context-isolated window without Node, under a strict CSP; every request other
 * than app:// is cancelled; permissions are denied; navigation, new windows and webviews are
 * refused for every web contents; and the one IPC handler accepts calls only from the app's
 * own page and passes them to the router, whose session (who is signed in) lives here.
 * Everything else lives in testable modules (electron/app.ts, electron/router.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { DATABASE_FILE, openApp, prepareStoreInWorker, type OpenedApp } from './app.ts';
import { openFailureMessage, protectOpenedStore, unlockForShell } from './keystore-start.ts';
import { startReassessmentRunner } from './reassessment.ts';
import { APP_INDEX_URL, APP_SCHEME, isAppPage, resolveAppRequest } from './app-protocol.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', '..', 'dist');

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
  const locale = app.getPreferredSystemLanguages().some((l) => l.startsWith('zh')) ? 'zh-Hant' : 'en';
  const unlocked = unlockForShell(file, {
    // On Linux without a Secret Service, safeStorage falls back to a fixed password ('basic_text'): that is no protection, so the recovery key is asked for instead.
    safe: { available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || !['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())), encrypt: (text) => safeStorage.encryptString(text), decrypt: (wrapped) => safeStorage.decryptString(wrapped) },
    recoveryKey: process.env.TSP_DB_KEY,
    nativeBinding: process.env.TSP_SQLITE_BINDING,
    locale,
    show: (type, title, detail) => void dialog.showMessageBoxSync({ type, title, message: title, detail, buttons: ['OK'] }),
  });
  if (unlocked === null) return app.exit(1);
  // The schema is brought up to date on a worker thread while the window loads (after an update a
  // large store's migrations take a while): the window goes on answering, and says meanwhile that
  // the store is being opened (renderer/session/RequireSession.tsx). Its calls wait for the store.
  const opening: Promise<OpenedApp> = prepareStoreInWorker({ file, key: unlocked.key, nativeBinding: process.env.TSP_SQLITE_BINDING }).then(({ from }) =>
    openApp({
      file,
      key: unlocked.key,
      signIn: 'password',
      // From the operating system, not the environment (which whoever starts the app sets): a store
      // from before sign-in lets only its supervisor, at their own account, set up the password.
      osUser: os.userInfo().username,
      nativeBinding: process.env.TSP_SQLITE_BINDING,
      migratedFrom: from,
    }),
  );

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
    return (await opening).router.dispatch(String(channel), payload);
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
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);

  let desk: OpenedApp;
  try {
    desk = await opening;
  } catch (error) {
    const { title, text } = openFailureMessage(locale, error);
    dialog.showMessageBoxSync(window, { type: 'error', title, message: title, detail: text, buttons: ['OK'] });
    return app.exit(1);
  }
  const backups = protectOpenedStore(desk, file, unlocked, { nativeBinding: process.env.TSP_SQLITE_BINDING, onError: (error) => console.error(`backup failed: ${error.message}`) });
  // When a version of the law takes effect, its open cases are re-assessed here: at the start, daily, and after a confirmed save.
  const reassessment = startReassessmentRunner({
    db: desk.db, clock: () => new Date(), worker: { file, key: unlocked.key, nativeBinding: process.env.TSP_SQLITE_BINDING },
    onError: (error) => console.error(`re-assessment stopped: ${error.message}`),
  });
  app.on('before-quit', () => {
    reassessment.stop();
    backups.stop();
    desk.close();
  });
});

app.on('window-all-closed', () => app.quit());
