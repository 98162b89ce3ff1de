/**
 * The hardened shell, item by item of Electron's security checklist, as far as it can be
 * checked without the Electron runtime: the app:// path resolution (electron/app-protocol.ts),
 * the fuses of the packaged binary (electron-builder.yml, read by electron-builder's own
 * loader and validated against its schema), the CSP, and the main process's settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppPage, resolveAppRequest } from '../electron/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';

const root = path.resolve(import.meta.dirname, '..');
const RENDERER = '/opt/tsp/dist';

describe('app:// resolves inside the renderer folder only', () => {
  it.each([
    ['app://tsp-desk/index.html', '/opt/tsp/dist/index.html', 'text/html; charset=utf-8'],
    ['app://tsp-desk/', '/opt/tsp/dist/index.html', 'text/html; charset=utf-8'], // the folder means its index
    ['app://tsp-desk', '/opt/tsp/dist/index.html', 'text/html; charset=utf-8'],
    ['app://tsp-desk/index.html#/case/42', '/opt/tsp/dist/index.html', 'text/html; charset=utf-8'], // routes live in the hash
    ['app://tsp-desk/assets/index-C8cgo_eh.css', '/opt/tsp/dist/assets/index-C8cgo_eh.css', 'text/css; charset=utf-8'],
    ['app://tsp-desk/assets/index-Cu8AswAl.js?v=1', '/opt/tsp/dist/assets/index-Cu8AswAl.js', 'text/javascript; charset=utf-8'],
    ['app://tsp-desk/assets/noto-sans-tc-chinese-traditional-400-normal.woff2', '/opt/tsp/dist/assets/noto-sans-tc-chinese-traditional-400-normal.woff2', 'font/woff2'],
    ['app://tsp-desk/assets/%E9%99%B3.svg', '/opt/tsp/dist/assets/陳.svg', 'image/svg+xml'], // percent-encoded UTF-8 is fine
  ])('%s → %s (%s)', (url, file, mimeType) => {
    expect(resolveAppRequest(url, RENDERER)).toEqual({ ok: true, file, mimeType });
  });

  it.each([
    ['app://tsp-desk/../secret.txt', 400], // the raw text is read before the URL parser folds ".." away
    ['app://tsp-desk/assets/../../etc/passwd', 400],
    ['app://tsp-desk/%2e%2e/%2e%2e/etc/passwd', 400], // encoded dots
    ['app://tsp-desk/assets/..%2f..%2fetc%2fpasswd', 400], // encoded separators
    ['app://tsp-desk/assets/..%5c..%5cwindows%5cwin.ini', 400], // encoded backslashes
    ['app://tsp-desk/assets\\..\\..\\win.ini', 400],
    ['app://tsp-desk//etc/passwd', 400], // an empty segment: an absolute path after the root
    ['app://tsp-desk/C:%5CWindows%5Cwin.ini', 400], // a drive letter
    ['app://tsp-desk/index.html%00.png', 400], // NUL
    ['app://tsp-desk/%ZZ', 400], // broken percent-encoding
    ['app://tsp-desk/.env', 404], // a dot-file
    ['app://tsp-desk/assets/index.js.map', 404], // a type the app does not serve
    ['app://tsp-desk/tsp-desk.sqlite', 404],
    ['app://elsewhere/index.html', 403], // another host
    ['file:///opt/tsp/dist/index.html', 403],
    ['https://tsp-desk/index.html', 403],
    ['not a url', 400],
  ])('refuses %s (%i)', (url, status) => {
    expect(resolveAppRequest(url, RENDERER)).toMatchObject({ ok: false, status });
  });

  it('on Windows too: backslashes, drives and UNC paths stay out', () => {
    const win = path.win32;
    expect(resolveAppRequest('app://tsp-desk/assets/app.js', 'C:\\TSP\\dist', win)).toEqual({ ok: true, file: 'C:\\TSP\\dist\\assets\\app.js', mimeType: 'text/javascript; charset=utf-8' });
    for (const url of ['app://tsp-desk/..%5C..%5Cboot.ini', 'app://tsp-desk/D:%5Cdata.sqlite', 'app://tsp-desk/%5C%5Cserver%5Cshare%5Cx.js']) {
      expect(resolveAppRequest(url, 'C:\\TSP\\dist', win)).toMatchObject({ ok: false });
    }
  });

  it('never resolves outside the folder, whatever the path (property)', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%5c', '', 'assets', 'index.html', 'a.js', '%00', 'C:', '~'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolved = resolveAppRequest(`app://tsp-desk/${segments.join('/')}`, RENDERER);
        if (resolved.ok) expect(resolved.file.startsWith(`${RENDERER}/`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts IPC only from the app page, whatever its route', () => {
    expect(isAppPage(APP_INDEX_URL)).toBe(true);
    expect(isAppPage(`${APP_INDEX_URL}#/settings`)).toBe(true);
    for (const url of ['', 'app://tsp-desk/evil.html', 'app://tsp-desk/index.html.evil', 'file:///opt/tsp/dist/index.html', 'https://example.org/#app://tsp-desk/index.html', 'app://tsp-desk.evil/index.html']) {
      expect(isAppPage(url), url).toBe(false);
    }
  });
});

describe('the fuses of the packaged app', () => {
  it('are set in electron-builder.yml as the checklist asks, in a config electron-builder accepts', async () => {
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  }, 60_000);
});

describe('the main process', () => {
  const main = fs.readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8');

  it('serves the renderer from app://, never file://', () => {
    expect(main).toContain('protocol.registerSchemesAsPrivileged');
    // The renderer's figures (bench/ui.ts) count on V8's code cache for app:// from the second start.
    expect(main).toContain('privileges: { standard: true, secure: true, codeCache: true }');
    expect(main).toContain('protocol.handle(APP_SCHEME');
    expect(main).toContain('loadURL(APP_INDEX_URL)');
    expect(main).not.toMatch(/loadFile\(|pathToFileURL|['"`]file:/);
  });

  it('runs as one instance, and opens the store (its migrations) on a worker thread while the window loads', () => {
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toContain("app.on('second-instance'");
    expect(main).toContain('prepareStoreInWorker(');
    // The window's calls wait for the store rather than meet a store not yet open.
    expect(main).toContain('(await opening).router.dispatch(');
  });

  it('keeps the renderer sandboxed and isolated, without Node, and refuses permissions, navigation and windows for every web contents', () => {
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false', 'nodeIntegrationInSubFrames: false', 'webSecurity: true', 'allowRunningInsecureContent: false', 'experimentalFeatures: false']) {
      expect(main).toContain(setting);
    }
    expect(main).not.toMatch(/enableBlinkFeatures|webviewTag: true|contextIsolation: false|sandbox: false/);
    expect(main).toContain("app.on('web-contents-created'");
    for (const guard of ["setWindowOpenHandler(() => ({ action: 'deny' }))", "'will-navigate'", "'will-redirect'", "'will-attach-webview'", 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'onBeforeRequest', 'isAppFrame(event)']) {
      expect(main).toContain(guard);
    }
  });

  it('sends a CSP that allows only the app’s own scripts and styles, and no network', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
