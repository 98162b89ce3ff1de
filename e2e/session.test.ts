/**
 * Sign-in in Chromium against the real router, the shell started signed out as the desktop
 * app starts: first run creates the administrator (refusals in the error summary and beside
 * the field, in English and Chinese), sign-out, a wrong password, sign-in, the lockout after
 * five failures; the window while the main process is still opening the store; keyboard only
 * where it matters; axe; screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendered, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;
const PASSWORD = 'tea at the peak tram';

beforeAll(async () => {
  shell = await openShell({ signedIn: false });
  page = shell.page;
}, 120_000);
afterAll(async () => {
  await shell?.close();
});

const heading = () => page.getByRole('heading', { level: 1 }).textContent();

describe('sign-in', { timeout: 60_000 }, () => {
  it('opens on “Create the administrator” in a new store, showing nothing else', async () => {
    await shell.open('#/cases');
    await expect.poll(heading).toBe('Create the administrator');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('setup-title');
    expect(await page.getByRole('navigation').count()).toBe(0); // no way to the screens before sign-in
    expect(shell.channels).toEqual(['session.current']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'session-setup');
  });

  it('refuses a short password and a mismatch before asking the main process, beside each field', async () => {
    await page.getByLabel('Your name').fill('Grace Ho');
    await page.getByLabel('Password', { exact: true }).fill('too short');
    await page.getByLabel('Password again').fill('something else');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('There is a problem');
    expect(await summary.textContent()).toContain(`Password: ${rendered('en', 'validation.password.short')}`);
    expect(await summary.textContent()).toContain(`Password again: ${rendered('en', 'validation.password.mismatch')}`);
    expect(await page.locator('#setup-password-error').textContent()).toBe(rendered('en', 'validation.password.short'));
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(shell.channels).toEqual(['session.current']);
    await saveScreenshot(page, 'session-setup-error');
  });

  it('says the same in Chinese', async () => {
    await page.getByRole('button', { name: '繁體中文' }).click();
    await page.getByRole('button', { name: rendered('zh-Hant', 'ui.setup.submit') }).click();
    await expect.poll(() => page.locator('#setup-password-error').textContent()).toBe(rendered('zh-Hant', 'validation.password.short'));
    expect(await heading()).toBe(rendered('zh-Hant', 'ui.setup.title'));
    await saveScreenshot(page, 'session-setup-error-zh-Hant');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('creates the administrator and signs them in', async () => {
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await expect.poll(() => page.locator('.masthead__user').textContent()).toContain('Grace Ho (Supervisor)');
    expect(shell.channels).toContain('session.setup');
    expect(shell.dispatch('session.current', {})).toMatchObject({ user: { name: 'Grace Ho', role: 'supervisor' }, firstRun: false });
  });

  it('signs out to the sign-in screen', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(heading).toBe('Sign in');
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'session-signin');
  });

  it('refuses a wrong password without saying which of name and password was wrong, and empties the password', async () => {
    await page.getByLabel('Name').fill('Grace Ho');
    await page.getByLabel('Password').fill('not the right one');
    await page.getByLabel('Password').press('Enter'); // the keyboard path
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(rendered('en', 'error.signin_failed'));
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByLabel('Name').inputValue()).toBe('Grace Ho');
    await saveScreenshot(page, 'session-signin-error');
  });

  it('signs in with the right password, back where the officer was', async () => {
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.masthead__user').textContent()).toContain('Grace Ho');
    expect(page.url()).toContain('#/cases');
    await expect.poll(heading).toBe('Cases');
  });

  it('locks the account after five failures in a row and says for how long', async () => {
    shell.dispatch('users.create', { name: 'Lam Officer', role: 'officer', password: 'mong kok at midnight' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(heading).toBe('Sign in');
    await page.getByLabel('Name').fill('Lam Officer');
    const before = shell.channels.filter((c) => c === 'session.signIn').length;
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill(`wrong guess ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => shell.channels.filter((c) => c === 'session.signIn').length).toBe(before + i + 1);
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(rendered('en', 'error.signin_locked'));
    await saveScreenshot(page, 'session-locked');
    // Locked at the fifth failure for 15 minutes; a few seconds later 15 minutes (rounded up) remain.
    expect(await page.getByRole('alert').textContent()).toMatch(new RegExp(`${rendered('en', 'validation.signin.locked', { minutes: 15 })}$`));
  });

  it('says the store is being opened while the main process brings it up to date, and after a few seconds why', async () => {
    for (const locale of ['en', 'zh-Hant'] as const) {
      const release = shell.holdNext('session.current');
      const waiting = await shell.newPage();
      try {
        await waiting.addInitScript((saved) => window.localStorage.setItem('tsp-desk.locale', saved), locale);
        await waiting.goto(`${shell.url}#/cases`);
        const status = waiting.getByRole('status');
        await expect.poll(() => status.textContent()).toBe(rendered(locale, 'ui.session.opening'));
        await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(`${rendered(locale, 'ui.session.opening')}${rendered(locale, 'ui.session.openingSlow')}`);
        expect(await seriousViolations(waiting)).toEqual([]);
        await saveScreenshot(waiting, `session-opening-${locale}`);
        release();
        await expect.poll(() => waiting.getByRole('heading', { level: 1 }).textContent()).toBe(rendered(locale, 'ui.signin.title'));
        expect(await waiting.getByRole('status').count()).toBe(0);
      } finally {
        release();
        await waiting.close();
      }
    }
  });
});
