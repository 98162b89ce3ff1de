/**
 * The Chromium shell: the built renderer, served with the app's CSP, in Debian's
 * Chromium, with the real router on a real SQLite store behind it. The test process
 * plays the preload: `window.tsp.invoke` reaches `router.dispatch` through a DevTools
 * binding (installBridge), and every channel called is recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openApp, type OpenedApp } from '../electron/app.ts';
import { startBackupScheduler, SYSTEM_USER_ID } from '../electron/backups.ts';
import { startReassessmentRunner, type ReassessRunner } from '../electron/reassessment.ts';
import { openDiagnosticsLog } from '../electron/diagnostics/log-file.ts';
import { nodeShellInfo } from '../electron/diagnostics/shell-info.ts';
import { provideBackups, provideRestore } from '../electron/services/backups.ts';
import { restoreControl } from '../electron/pending-restore.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import type { ApiError, ApiInputs, ApiOutputs, Channel } from '../shared/api.ts';
import { acquireRenderer, releaseRenderer, type RendererBuild } from './renderer-build.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface ShellOptions {
  /** A persistent store; without it a temporary one is made and removed on close. */
  dbFile?: string;
  headless?: boolean;
  /** The store's user the shell starts signed in as (made its supervisor in a new store). */
  osUser?: string;
  /**
   * Start signed in (the default: every screen's test) as `osUser`, or signed out (false) as
   * the desktop app starts, with sign-in or first run showing (e2e/session.test.ts).
   */
  signedIn?: boolean;
  /**
   * Back up into `backups/` beside the store when Settings asks, as the app does (the daily
   * schedule does not run in the shell); without it Settings shows that this window makes none.
   */
  backups?: boolean;
  /** Write the diagnostics log in the store's folder, as the app does in its data folder (Settings › About TSP Desk shows it). */
  diagnostics?: boolean;
}

/** No scheduled looks: the shell's runner runs what a legal officer confirms, as the app's does (the start and daily looks are the app's). */
const NO_TIMERS = { setTimeout: () => null, setInterval: () => null, clear: () => undefined };

export interface Shell {
  app: OpenedApp;
  /** The main process's re-assessment runner (electron/reassessment.ts) of this store. */
  reassessment: ReassessRunner;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The renderer's index page on the local server. */
  url: string;
  renderer: RendererBuild;
  /** Every channel the renderer called, in order. */
  channels: string[];
  /** Every call the renderer made, with its payload, in order. */
  calls: { channel: string; payload: unknown }[];
  /** Uncaught page errors and console errors, CSP refusals among them. */
  problems: string[];
  /**
   * Another window (tab) of the same browser, wired to the same router and records: a new
   * renderer process, which shares only the browser's caches with the others, as a restarted app
   * shares its code cache with the run before (bench/ui.ts).
   */
  newPage(): Promise<Page>;
  /** Makes the next call of `channel` fail with `error`, as a failing main process would. */
  refuseNext(channel: Channel, error: ApiError): void;
  /** Makes the next call of `channel` answer `data`, whatever it is: what a screen would get from a main process with a bug. */
  answerNext(channel: Channel, data: unknown): void;
  /**
   * Keeps the next call of `channel` waiting until the function returned is called, as the main
   * process keeps the window's first calls while it brings a large store up to date.
   */
  holdNext(channel: Channel): () => void;
  /** A call straight to the router, for a test's ground truth; throws on a refusal. */
  dispatch<C extends Channel>(channel: C, input: ApiInputs[C]): ApiOutputs[C];
  /** Loads the renderer at a route (`#/cases`, `#/case/<id>`). */
  open(hash?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * What electron/preload.cts exposes, over a DevTools binding: a call is one message from the
 * page (`__tspSend`, Runtime.bindingCalled here) and its answer one Runtime.evaluate back, as
 * Electron's invoke is one message each way. JSON both ways: every channel carries plain data
 * (files as base64), and the router's payload guard sees what the renderer sent.
 * A string, not a function: a transpiler's helpers (esbuild's __name) would not exist in the page.
 */
const PRELOAD_STAND_IN = `(() => {
  const pending = new Map();
  let next = 0;
  Object.defineProperty(window, '__tspAnswer', {
    value: (id, ok, text) => {
      const call = pending.get(id);
      if (call === undefined) return;
      pending.delete(id);
      if (ok) call.resolve(text === undefined ? undefined : JSON.parse(text));
      else call.reject(new Error(text));
    },
  });
  window.tsp = {
    invoke: (channel, payload) => new Promise((resolve, reject) => {
      if (typeof channel !== 'string') throw new TypeError('channel must be a string');
      const id = ++next;
      pending.set(id, { resolve, reject });
      window.__tspSend(JSON.stringify({ id, channel, payload }));
    }),
  };
})();`;

/**
 * Answers the page's calls from `answer` (the router). Playwright's exposeFunction would do,
 * but each of its answers runs Playwright's own scripts in the page first (about 100 ms of a
 * first render went there); this bridge costs a message each way.
 */
export async function installBridge(context: BrowserContext, page: Page, answer: (channel: string, payload: unknown) => unknown): Promise<void> {
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.bindingCalled', async (event) => {
    if (event.name !== '__tspSend') return;
    let id = 0;
    let ok = true;
    let text: string | undefined;
    try {
      const message = JSON.parse(event.payload) as { id: number; channel: string; payload: unknown };
      id = message.id;
      const value = await answer(message.channel, message.payload);
      text = value === undefined ? undefined : JSON.stringify(value);
    } catch (error) {
      ok = false;
      text = error instanceof Error ? error.message : String(error);
    }
    const expression = `window.__tspAnswer(${id}, ${ok}, ${text === undefined ? 'undefined' : JSON.stringify(text)})`;
    // A page that has navigated away meanwhile has no one waiting.
    cdp.send('Runtime.evaluate', { expression, contextId: event.executionContextId }).catch(() => undefined);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__tspSend' });
  await page.addInitScript({ content: PRELOAD_STAND_IN });
}

export async function openShell(options: ShellOptions = {}): Promise<Shell> {
  const headless = options.headless ?? true;
  const tempDir = options.dbFile === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-desk-e2e-')) : null;
  const file = options.dbFile ?? path.join(tempDir!, 'tsp-desk.sqlite');
  const app = openApp({
    file,
    osUser: options.osUser ?? 'e2e-officer',
    signIn: options.signedIn === false ? 'password' : 'os-user',
    shell: options.diagnostics === true ? nodeShellInfo(openDiagnosticsLog({ dataDir: path.dirname(file) })) : undefined,
  });
  const backups = options.backups === true ? startBackupScheduler({
    live: app.db.name, actor: { db: app.db, clock: () => new Date(), userId: SYSTEM_USER_ID }, dir: path.join(path.dirname(app.db.name), 'backups'),
    clock: () => new Date(), timers: { setTimeout: () => null, setInterval: () => null, clear: () => undefined },
  }) : null;
  if (backups !== null) {
    provideBackups(app.db, backups);
    // A restore asked for here waits for a next start that this shell never makes (no restart).
    provideRestore(app.db, restoreControl({ live: app.db.name }, path.join(path.dirname(app.db.name), 'backups')));
  }
  // Re-assessment runs in the main process, its batches prepared on a worker thread: here, in this process.
  const reassessment = startReassessmentRunner({
    db: app.db, clock: () => new Date(), timers: NO_TIMERS, worker: { file: app.db.name }, onError: (error) => console.error(`re-assessment stopped: ${error.message}`),
  });
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const built = acquireRenderer();
  try {
    const renderer = await built;
    server = await serveDirectory(renderer.dir, CONTENT_SECURITY_POLICY);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless,
      args: headless ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, '--window-size=1400,900'],
      // A window someone works in is closed by its owner (Ctrl+C included), who then closes the store cleanly.
      handleSIGINT: headless,
      handleSIGTERM: headless,
    });
    const context = await browser.newContext(headless ? {} : { viewport: null });
    const channels: string[] = [];
    const calls: { channel: string; payload: unknown }[] = [];
    const problems: string[] = [];
    const refusals = new Map<string, ApiError>();
    const answers = new Map<string, unknown>();
    const holds = new Map<string, Promise<void>>();
    const answer = (channel: string, payload: unknown): unknown => {
      channels.push(channel);
      calls.push({ channel, payload });
      const hold = holds.get(channel);
      if (hold !== undefined) {
        holds.delete(channel);
        return hold.then(() => app.router.dispatch(channel, payload));
      }
      if (answers.has(channel)) {
        const data = answers.get(channel);
        answers.delete(channel);
        return { ok: true, data };
      }
      const refusal = refusals.get(channel);
      if (refusal === undefined) return app.router.dispatch(channel, payload);
      refusals.delete(channel);
      return { ok: false, error: refusal };
    };
    const newPage = async (): Promise<Page> => {
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await installBridge(context, page, answer);
      return page;
    };
    const page = await newPage();

    const url = server.url;
    const openedServer = server;
    const openedBrowser = browser;
    return {
      app,
      reassessment,
      browser,
      context,
      page,
      url,
      renderer,
      channels,
      calls,
      problems,
      newPage,
      refuseNext: (channel, error) => refusals.set(channel, error),
      answerNext: (channel, data) => answers.set(channel, data),
      holdNext: (channel) => {
        let release = () => {};
        holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
        return () => release();
      },
      dispatch: (channel, input) => {
        const response = app.router.dispatch(channel, input);
        if (!response.ok) throw new Error(`${channel}: ${response.error.code} ${response.error.messageKey}`);
        return response.data;
      },
      open: async (hash = '#/cases') => {
        await page.goto(`${url}${hash}`);
      },
      close: async () => {
        await openedBrowser.close();
        await openedServer.close();
        await releaseRenderer();
        reassessment.stop();
        app.close();
        if (tempDir !== null) fs.rmSync(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await releaseRenderer().catch(() => undefined); // a failed build has removed its folder already
    reassessment.stop();
    app.close();
    if (tempDir !== null) fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}
