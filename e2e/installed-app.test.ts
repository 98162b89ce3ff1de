/**
 * The installed app's own screens in Chromium against the real router (issue 20): a screen that
 * fails while rendering shows what happened and a way back (the error boundary), the masthead
 * still works, and another screen clears it; Settings › About TSP Desk names the version, the
 * store's schema and the libraries, and "Copy diagnostics" copies the log's last lines, which
 * hold no personal data. Axe and screenshots in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { BUILT_IN_TREATY_MAP } from '../shared/treaties/map/built-in/index.ts';
import { DEMO_CASES, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';
import { seedDemo } from '../electron/services/demo.ts';

let shell: Shell;
let page: Page;
let caseId: string;

beforeAll(async () => {
  shell = await openShell({ diagnostics: true });
  seedDemo(shell.app.context, DEMO_CASES);
  page = shell.page;
  caseId = shell.dispatch('cases.list', { limit: 1 }).items[0]!.id;
}, 120_000);
afterAll(async () => {
  await shell?.close();
});

describe('a screen that fails', { timeout: 60_000 }, () => {
  it('says what happened and offers a way back, the masthead still there', async () => {
    await shell.open('#/cases');
    await expect.poll(() => page.locator('tbody tr.case-row').count()).toBeGreaterThan(0);
    // A main process with a bug answers a case without its contents: the case screen cannot render it.
    shell.answerNext('cases.get', { id: caseId });
    await page.locator(`tr[data-case-id="${caseId}"] a`).first().click();
    const alert = page.getByRole('alert').filter({ hasText: en['ui.crash.title'] });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en['ui.crash.title']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('crash-title');
    expect(await alert.textContent()).toContain(en['ui.crash.text']);
    await alert.locator('summary').click();
    expect(await alert.locator('pre').textContent()).toMatch(/^TypeError: /);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: en['ui.crash.reload'] }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'screen-failed');
    // The failure was reported as one line for the log.
    expect(shell.problems.filter((p) => p.startsWith('console: [tsp] render failed in '))).toHaveLength(1);
  });

  it('"Back to the case list" goes back, and another case then opens', async () => {
    await page.getByRole('button', { name: en['ui.crash.back'] }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/cases');
    await expect.poll(() => page.locator('tbody tr.case-row').count()).toBeGreaterThan(0);
    expect(await page.getByRole('alert').filter({ hasText: en['ui.crash.title'] }).count()).toBe(0);
    const other = await page.locator('tbody tr.case-row').nth(1).getAttribute('data-case-id');
    await page.locator(`tr[data-case-id="${other}"] a`).first().click();
    await expect.poll(() => page.locator('.identity-bar h1').count()).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: en['ui.crash.title'] }).count()).toBe(0);
  });

  it('going to another screen from the masthead clears the failure too; in Chinese as well', async () => {
    await shell.open('#/cases');
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    shell.answerNext('cases.get', { id: caseId });
    await page.locator(`tr[data-case-id="${caseId}"] a`).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(zhHant['ui.crash.title']);
    expect(await page.getByRole('button', { name: zhHant['ui.crash.back'] }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'screen-failed.zh-Hant');
    await page.getByRole('link', { name: zhHant['ui.settings.title'] }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(zhHant['ui.settings.title']);
    await page.getByRole('button', { name: 'English' }).click();
  });
});

describe('Settings › About TSP Desk', { timeout: 60_000 }, () => {
  it('names the version, the store schema, the rule-set library and the treaty map', async () => {
    await shell.open('#/settings');
    const about = page.locator('section[aria-labelledby="settings-about-title"]');
    await expect.poll(() => about.locator('dl').count()).toBe(1);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    const info = shell.dispatch('settings.info', undefined);
    const facts = await about.locator('dl').textContent();
    expect(facts).toContain(`${en['ui.settings.about.version']}${pkg.version}`);
    expect(facts).toContain(`${en['ui.settings.about.schema']}${info.schemaVersion}`);
    expect(facts).toContain(`${info.ruleSets.builtIn} built-in rule-sets (fingerprint ${info.ruleSets.fingerprint}); no version saved in this store`);
    expect(facts).toContain(`version ${BUILT_IN_TREATY_MAP.version}, built in`);
    expect(facts).toContain('tsp-desk.log');
  });

  it('"Copy diagnostics" copies the facts and the log, after a failure, without the person concerned', async () => {
    // A failure the log records: a stored value damaged outside the app, quoted by the error it causes.
    const person = shell.dispatch('cases.get', { id: caseId }).case.person;
    shell.app.db.pragma('ignore_check_constraints = ON');
    shell.app.db.prepare('UPDATE persons SET nationalities = ? WHERE id = (SELECT person_id FROM cases WHERE id = ?)').run(`${person.familyName} ${person.dateOfBirth}`, caseId);
    shell.app.db.pragma('ignore_check_constraints = OFF');
    expect(shell.app.router.dispatch('cases.get', { id: caseId })).toMatchObject({ ok: false, error: { code: 'internal' } });

    await page.reload();
    const about = page.locator('section[aria-labelledby="settings-about-title"]');
    await expect.poll(() => about.locator('textarea').inputValue()).toContain('router: cases.get failed: SyntaxError');
    const copied = await about.locator('textarea').inputValue();
    expect(copied).toMatch(/^TSP Desk \S+\nStore schema: \d+\n/);
    expect(copied).not.toContain(person.familyName);
    if (person.dateOfBirth) expect(copied).not.toContain(person.dateOfBirth);
    await about.getByRole('button', { name: en['ui.settings.about.diagnostics.copy'] }).click();
    await expect.poll(() => about.getByRole('status').textContent()).toBe(en['ui.settings.about.diagnostics.copied']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'settings-about');
  });
});
