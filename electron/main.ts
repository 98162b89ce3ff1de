/**
 * The Electron shell: one window with secure webPreferences, a strict CSP, navigation and
 * new windows denied, permissions refused, and one IPC handler that accepts calls only from
 * the app's own frame and passes them to the router. Everything else lives in testable
 * modules (electron/app.ts, electron/router.ts).
 */
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { DATABASE_FILE, openApp } from './app.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '..', '..', 'dist', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href; // percent-encoded, forward slashes on every OS

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url === rendererUrl || url.startsWith(`${rendererUrl}#`) || url.startsWith(`${rendererUrl}?`);
}

app.enableSandbox();

app.whenReady().then(() => {
  const desk = openApp({
    file: path.join(app.getPath('userData'), DATABASE_FILE),
    osUser: process.env.USER ?? process.env.USERNAME ?? 'local',
    nativeBinding: process.env.TSP_SQLITE_BINDING,
  });

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  ipcMain.handle('tsp:invoke', (event, channel: unknown, payload: unknown) => {
    if (!isAppFrame(event)) return { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden', problems: [] } };
    return desk.router.dispatch(String(channel), payload);
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);

  app.on('before-quit', () => desk.close());
});

app.on('window-all-closed', () => app.quit());
