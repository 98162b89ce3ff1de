/**
 * The office edition in Chromium (issue 22): the unchanged renderer, each window's calls sent by
 * the desktop's office link (electron/office-link.ts, as the main process would) over HTTPS to one
 * tsp-server, its certificate pinned. Two officers in two browser contexts: each signs in on the
 * server, one records a change to a case, the other sees it, and a save on the version before is
 * refused with the difference and who made it shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { tempDir } from '../db/testing.ts';
import { openApp, type OpenedApp } from '../electron/app.ts';
import { auditBackHere, officeConnection, routeCall } from '../electron/office-connection.ts';
import { officeLink, type OfficeLink } from '../electron/office-link.ts';
import { provideOffice } from '../electron/services/office.ts';
import { createOfficeServer } from '../electron/server/office-server.ts';
import { selfSignedCertificate } from '../electron/server/testing.ts';
import type { ApiResponse, Channel } from '../shared/api.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { OUT_DIR, rendered, saveScreenshot } from './harness.ts';
import { acquireRenderer, releaseRenderer } from './renderer-build.ts';
import { CHROMIUM, installBridge } from './shell.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';

const PASSWORD = 'correct horse battery staple';
const CASE = { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112' };

function data<C extends Channel>(response: ApiResponse<C>) {
  if (!response.ok) throw new Error(`${response.error.code} ${response.error.messageKey}`);
  return response.data;
}

let dir: string;
let store: OpenedApp;
let desk: OpenedApp;
let server: FastifyInstance;
let pages: StaticServer;
let browser: Browser;
let url: string;
let fingerprint: string;
let caseId: string;
const windows: Record<'lee' | 'wong', { page: Page; link: OfficeLink }> = {} as never;

/** A browser context whose window's calls go through its own office link: one desktop app each. */
async function desktop(): Promise<{ page: Page; link: OfficeLink }> {
  const link = officeLink({ url, fingerprint });
  const context = await browser.newContext();
  const page = await context.newPage();
  await installBridge(context, page, (channel, payload) => link.dispatch(channel, payload));
  return { page, link };
}

const field = (page: Page, name: string) => page.locator(`#f-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);

beforeAll(async () => {
  dir = tempDir();
  const { key, cert, fingerprint: printed } = selfSignedCertificate(dir);
  fingerprint = printed;
  store = openApp({ file: path.join(dir, 'office.sqlite'), osUser: 'tsp-server', signIn: 'password' });
  // Every window here comes from 127.0.0.1: more sign-ins a minute than one computer of an office makes.
  server = createOfficeServer({ db: store.db, host: '127.0.0.1', tls: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, log: () => undefined, signInsPerMinute: 60 });
  await server.listen({ host: '127.0.0.1', port: 0 });
  url = `https://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  // The administrator, at the server: the two officers' accounts and a case.
  const admin = officeLink({ url, fingerprint });
  data(await admin.dispatch('session.setup', { name: 'Admin Chan', password: PASSWORD }));
  for (const name of ['Officer Lee', 'Officer Wong', 'Officer Ho']) data(await admin.dispatch('users.create', { name, role: 'officer', password: PASSWORD }));
  caseId = data(await admin.dispatch('cases.create', { case: CASE })).id;

  const renderer = await acquireRenderer();
  pages = await serveDirectory(renderer.dir, CONTENT_SECURITY_POLICY);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  windows.lee = await desktop();
  windows.wong = await desktop();
}, 120_000);

afterAll(async () => {
  desk?.close();
  await browser?.close();
  await pages?.close();
  await releaseRenderer().catch(() => undefined);
  await server?.close();
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two officers on one office server', { timeout: 90_000 }, () => {
  it('each signs in on the server from their own window and sees the office’s cases', async () => {
    for (const [who, name] of [['lee', 'Officer Lee'], ['wong', 'Officer Wong']] as const) {
      const { page } = windows[who];
      await page.goto(`${pages.url}#/cases`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.locator('.masthead__user').textContent()).toContain(name);
      await expect.poll(() => page.locator('tbody tr.case-row').count()).toBe(1);
    }
  });

  it('one records a change, the other sees it; a save on the version before is refused with the difference and who made it', async () => {
    const { lee, wong } = windows;
    // Wong starts an edit of version 1.
    await wong.page.goto(`${pages.url}#/case/${caseId}`);
    await wong.page.getByRole('button', { name: 'Edit case' }).click();
    await field(wong.page, 'person.givenNames').fill('Pyotr Ivanovich');
    await field(wong.page, 'reason').fill('Full given names');

    // Lee records the remand found meanwhile, from his window.
    await lee.page.goto(`${pages.url}#/case/${caseId}`);
    await lee.page.getByRole('button', { name: 'Edit case' }).click();
    await field(lee.page, 'remandDays').fill('191');
    await field(lee.page, 'reason').fill('Remand recounted');
    await lee.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => data(await wong.link.dispatch('cases.get', { id: caseId })).version).toBe(2);

    // Wong's save is refused: what changed, by whom, and the edit kept on screen.
    await wong.page.getByRole('button', { name: 'Save changes' }).click();
    const summary = wong.page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain(en['ui.form.conflict']);
    const change = (await summary.locator('.conflict-changes li').textContent()) ?? '';
    expect(change).toContain('Officer Lee');
    // Only what Lee changed: the form keeps every field he did not touch as it was ("none" stays "none").
    expect(change).toMatch(new RegExp(`: ${en['ui.form.f.remandDays']}\\.?$`));
    expect(await field(wong.page, 'person.givenNames').inputValue()).toBe('Pyotr Ivanovich');
    await summary.screenshot({ path: `${OUT_DIR}/office-conflict.png` });

    // Wong takes the latest version: Lee's change is there.
    await wong.page.getByRole('button', { name: 'Reload the latest version (discards your changes)' }).click();
    await expect.poll(() => field(wong.page, 'remandDays').inputValue()).toBe('191');
    expect(data(await wong.link.dispatch('cases.get', { id: caseId })).case.person.givenNames).toBe('Pyotr');
  });
});

describe('a desktop connected to the office server in Settings', { timeout: 90_000 }, () => {
  it('after five wrong passwords in a row from one computer, sign-ins to that account from there stop for a while; the account is not locked', async () => {
    const { page } = await desktop();
    await page.goto(`${pages.url}#/cases`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await page.getByLabel('Name').fill('Officer Ho');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill(`a wrong guess, number ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(rendered('en', 'error.signin_failed'));
      await expect.poll(() => page.getByLabel('Password').inputValue()).toBe('');
    }
    // The right password, from here: stopped, for 15 minutes, and said so in both languages.
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(rendered('en', 'error.signin_stopped_here'));
    expect(await page.getByRole('alert').textContent()).toContain(rendered('en', 'validation.signin.stopped', { minutes: 15 }));
    await saveScreenshot(page, 'signin-office-stopped');
    // The window in Traditional Chinese (chosen before sign-in, as a desktop keeps it).
    await page.evaluate(() => window.localStorage.setItem('tsp-desk.locale', 'zh-Hant'));
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(zhHant['ui.signin.title']);
    await page.getByLabel(zhHant['ui.signin.name']).fill('Officer Ho');
    await page.getByLabel(zhHant['ui.signin.password']).fill(PASSWORD);
    await page.getByLabel(zhHant['ui.signin.password']).press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(rendered('zh-Hant', 'error.signin_stopped_here'));
    await saveScreenshot(page, 'signin-office-stopped-zh-Hant');
    // The account itself is not locked: from another computer (the server sees 10.0.0.31), Ho signs in.
    const elsewhere = await server.inject({
      method: 'POST', url: '/api/session.signIn', remoteAddress: '10.0.0.31',
      headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'Officer Ho', password: PASSWORD }),
    });
    expect(elsewhere.json()).toMatchObject({ ok: true, data: { user: { name: 'Officer Ho' } } });
    await page.context().close();
  });

  it('a supervisor connects it; the window then signs in on the server, and anyone can go back to the computer’s own store', async () => {
    // This computer's own store, its supervisor signed in as the desktop app signs in at its own account.
    desk = openApp({ file: path.join(dir, 'desk.sqlite'), osUser: 'Grace Ho' });
    const connection = officeConnection(path.join(dir, 'userData', 'office-server.json'));
    provideOffice(desk.db, connection);
    const context = await browser.newContext();
    const page = await context.newPage();
    // As electron/main.ts wires it.
    await installBridge(context, page, (channel, payload) => routeCall(connection, (name, input) => desk.router.dispatch(name, input), channel, payload, () => auditBackHere(desk.db)));

    await page.goto(`${pages.url}#/settings`);
    const section = page.locator('section[aria-labelledby="settings-office-title"]');
    await expect.poll(() => section.textContent()).toContain(en['ui.settings.office.desk']);
    await page.getByLabel('Server address').fill('http://tsp.office.example:8443');
    await page.getByLabel('Certificate fingerprint (SHA-256)').fill(fingerprint);
    await page.getByLabel('Reason', { exact: true }).fill('One register for the office');
    await page.getByRole('button', { name: en['ui.settings.office.connect'] }).click();
    // Plain HTTP to a server that is not on this computer is refused, by its field.
    await expect.poll(() => section.locator('.error-summary').textContent()).toContain(`${en['ui.settings.office.url']}: ${en['validation.office.https']}`);
    expect(connection.status().mode).toBe('desk');
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => section.locator('h2').textContent()).toBe(zhHant['ui.settings.office.title']);
    expect(await section.locator('.error-summary').textContent()).toContain(`${zhHant['ui.settings.office.url']}：${zhHant['validation.office.https']}`);
    await section.screenshot({ path: `${OUT_DIR}/settings-office-zh-Hant.png` });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => section.locator('h2').textContent()).toBe(en['ui.settings.office.title']);

    await page.getByLabel('Server address').fill(url);
    await section.screenshot({ path: `${OUT_DIR}/settings-office.png` });
    await page.getByRole('button', { name: en['ui.settings.office.connect'] }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expect.poll(() => page.getByRole('note').textContent()).toContain(`You are signing in to the office server ${url}.`);
    await saveScreenshot(page, 'signin-office');
    await page.getByLabel('Name').fill('Officer Lee');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.masthead__user').textContent()).toContain('Officer Lee');
    // The office's case, from the server (this computer's own store has none).
    await page.goto(`${pages.url}#/cases`);
    await expect.poll(() => page.locator('tbody tr.case-row').count()).toBe(1);

    // Back to the computer's own store, from Settings: its own supervisor, its own (empty) list.
    await page.goto(`${pages.url}#/settings`);
    await expect.poll(() => section.textContent()).toContain(url);
    // Where the data is: the server, not a file of this computer (nor the server's own path).
    const data = page.locator('section[aria-labelledby="settings-data-title"]');
    await expect.poll(() => data.textContent()).toContain(rendered('en', 'ui.settings.data.office', { url }));
    expect(await data.textContent()).not.toContain('.sqlite');
    // About: the version, store and law shown are the server's, and it says so.
    const about = page.locator('section[aria-labelledby="settings-about-title"]');
    await expect.poll(() => about.textContent()).toContain(rendered('en', 'ui.settings.about.office', { url }));
    await expect.poll(() => about.locator('dl').count()).toBe(1);
    await about.screenshot({ path: `${OUT_DIR}/settings-about-office.png` });
    await page.getByRole('button', { name: en['ui.settings.office.back'] }).click();
    await expect.poll(() => page.locator('.masthead__user').textContent()).toContain('Grace Ho');
    expect(connection.status().mode).toBe('desk');
    expect(desk.router.dispatch('audit.list', { limit: 5 })).toMatchObject({ ok: true, data: expect.arrayContaining([expect.objectContaining({ action: 'office.connect' }), expect.objectContaining({ action: 'office.disconnect' })]) });
    await context.close();
  });
});
