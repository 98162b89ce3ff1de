/**
 * Settings and the case's audit history in Chromium against the real router, signed in as
 * the store's supervisor: users and roles (add a user, a refusal beside the field, set a
 * password, lift a lockout), your password, the language, the data location, a backup made
 * from the page and one that fails; then a case
 * page's audit history, opened from the keyboard. Axe and screenshots in both languages.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../db/audit-repo.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { createSessionRouter } from '../electron/router.ts';
import { openSession } from '../electron/services/session.ts';
import { rendered, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;

beforeAll(async () => {
  shell = await openShell({ backups: true });
  page = shell.page;
}, 120_000);
afterAll(async () => {
  await shell?.close();
});

const row = (name: string) => page.locator(`tr[data-user="${name}"]`);

describe('settings', { timeout: 60_000 }, () => {
  it('opens from the masthead with its sections; supervisors see users and roles', async () => {
    await shell.open('#/cases');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    for (const title of ['Language', 'Your password', 'Users and roles', 'Data location', 'Backups']) {
      expect(await page.getByRole('heading', { level: 2, name: title }).count(), title).toBe(1);
    }
    await expect.poll(() => row('e2e-officer').textContent()).toContain('(you)');
    expect(await row('e2e-officer').textContent()).toContain('No password yet');
    await expect.poll(() => page.locator('section[aria-labelledby="settings-data-title"] .settings-path').textContent()).toContain('tsp-desk.sqlite');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a new user whose password holds their name, beside the field', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Chan Tai Man');
    await page.getByLabel('Role', { exact: true }).selectOption('legal');
    await page.getByLabel('Initial password').fill('chan tai man 2024');
    await page.getByLabel('Password again', { exact: true }).fill('chan tai man 2024');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.locator('#new-user-password-error').textContent()).toBe(rendered('en', 'validation.password.name'));
    expect(shell.channels).not.toContain('users.create');
  });

  it('adds the user with a role and an initial password', async () => {
    await page.getByLabel('Initial password').fill('ferry to lamma island');
    await page.getByLabel('Password again', { exact: true }).fill('ferry to lamma island');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Chan Tai Man was added as Legal officer.');
    expect(await row('Chan Tai Man').textContent()).toContain('Can sign in');
    await saveScreenshot(page, 'settings');
  });

  it('sets a password from the row, the form opened and shut from the keyboard', async () => {
    await row('e2e-officer').getByRole('button', { name: 'Set a password for e2e-officer' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('set-password');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#set-password').count()).toBe(0);
    await row('e2e-officer').getByRole('button', { name: 'Set a password for e2e-officer' }).click();
    await page.locator('#set-password').fill('star ferry at dawn');
    await page.locator('#set-password-confirm').fill('star ferry at dawn');
    await page.locator('#set-password-confirm').press('Enter');
    await expect.poll(() => row('e2e-officer').textContent()).toContain('Can sign in');
  });

  it('shows a locked account and lifts the lock', async () => {
    const elsewhere = createSessionRouter(openSession(shell.app.db, () => new Date()), () => {});
    for (let i = 0; i < 5; i++) elsewhere.dispatch('session.signIn', { name: 'Chan Tai Man', password: `wrong guess ${i}` });
    await page.reload();
    await expect.poll(() => row('Chan Tai Man').textContent()).toContain('Locked until');
    await row('Chan Tai Man').getByRole('button', { name: 'Unlock Chan Tai Man' }).click();
    await expect.poll(() => row('Chan Tai Man').textContent()).toContain('Can sign in');
    expect(await page.getByRole('status').first().textContent()).toBe('Chan Tai Man can sign in again.');
  });

  it('changes your own password, refusing a wrong current one', async () => {
    await page.getByLabel('Current password').fill('not it at all');
    await page.getByLabel('New password', { exact: true }).fill('the big buddha steps');
    await page.getByLabel('New password again').fill('the big buddha steps');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('#own-current-error').textContent()).toBe(rendered('en', 'validation.password.wrong'));
    await page.getByLabel('Current password').fill('star ferry at dawn');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Your password was changed.');
  });

  it('backs up now: the copy is written and checked in the background, then listed and audited', async () => {
    const section = page.locator('section[aria-labelledby="settings-backups-title"]');
    await expect.poll(() => section.textContent()).toContain(rendered('en', 'ui.settings.backups.none'));
    expect(await section.locator('.settings-path').textContent()).toMatch(/backups$/);
    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => section.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^The backup was written and checked: tsp-desk-\S+Z\.sqlite\.$/);
    const [backup] = shell.dispatch('backups.state', {})!.backups;
    expect(await section.locator('tbody tr').allTextContents()).toStrictEqual([expect.stringContaining(backup!.name)]);
    expect(await section.getByRole('button', { name: 'Back up now' }).isEnabled()).toBe(true);
    expect(listAuditEntries(shell.app.db, { entity: 'store', limit: 5 })[0]).toMatchObject({ action: 'store.backup', reason: 'asked for in Settings', userId: shell.app.context.user.id });
    expect(await seriousViolations(page)).toEqual([]);
    await section.screenshot({ path: (await saveScreenshot(page, 'settings-backups')).replace('settings-backups', 'settings-backups-panel') });
  });

  it('says why a backup failed and what to do, in both languages, with the system’s own message', async () => {
    const section = page.locator('section[aria-labelledby="settings-backups-title"]');
    const { dir } = shell.dispatch('backups.state', {})!;
    // A file where the backup folder should be.
    fs.renameSync(dir, `${dir}.kept`);
    fs.writeFileSync(dir, 'not a folder');
    try {
      await section.getByRole('button', { name: 'Back up now' }).click();
      const alert = section.getByRole('alert');
      await expect.poll(() => alert.locator('p').first().textContent(), { timeout: 30_000 }).toMatch(/^The latest backup failed \(.+\): the backup folder is missing, or something else is in its place\. Check the folder shown above\.$/);
      expect(await alert.locator('.notice-detail').textContent()).toMatch(/^System message: .*(EEXIST|ENOTDIR)/);
      await section.screenshot({ path: (await saveScreenshot(page, 'settings-backup-failed')).replace('settings-backup-failed', 'settings-backup-failed-panel') });
      await page.getByRole('radio', { name: '繁體中文' }).check();
      await expect.poll(() => alert.locator('p').first().textContent()).toMatch(/^最近一次備份失敗（.+）：備份資料夾不存在，或該位置有其他檔案。請檢查上方所示的資料夾。$/);
      expect(await alert.locator('.notice-detail').textContent()).toMatch(/^系統訊息（英文）：.*(EEXIST|ENOTDIR)/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: 'English' }).check();
    } finally {
      fs.rmSync(dir);
      fs.renameSync(`${dir}.kept`, dir);
    }
  });

  it('switches the language, in Chinese throughout', async () => {
    await page.getByRole('radio', { name: '繁體中文' }).check();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(rendered('zh-Hant', 'ui.settings.title'));
    expect(await page.getByRole('heading', { level: 2, name: rendered('zh-Hant', 'ui.settings.users.title') }).count()).toBe(1);
    // The notice of the last action follows the language too.
    expect(await page.locator('section[aria-labelledby="settings-users-title"] [role="status"]').textContent()).toBe(rendered('zh-Hant', 'ui.settings.users.unlocked', { name: 'Chan Tai Man' }));
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'settings-zh-Hant');
    await page.getByRole('radio', { name: 'English' }).check();
  });
  it('checks a backup, shows what it holds, and asks for its restore with a reason and a confirmation (both languages)', async () => {
    // The page read the folder while it was replaced by a file (above): opened again, it lists the backup.
    await shell.open('#/cases');
    await shell.open('#/settings');
    const section = page.locator('section[aria-labelledby="settings-backups-title"]');
    const [backup] = shell.dispatch('backups.state', {})!.backups;
    const held = shell.dispatch('backups.inspect', { name: backup!.name });
    expect(held.problems).toEqual([]);
    await section.getByRole('button', { name: rendered('en', 'ui.settings.backups.check', { file: backup!.name }) }).click();
    const panel = section.locator('.restore-backup');
    await expect.poll(() => panel.locator('h3').textContent()).toMatch(/^Backup of /);
    expect(await panel.locator('dd').allTextContents()).toEqual([backup!.name, String(held.cases), String(held.schemaVersion), String(held.auditEntries)]);
    await page.getByRole('radio', { name: '繁體中文' }).check();
    await expect.poll(() => panel.locator('h3').textContent()).toMatch(/ 的備份$/);
    expect(await panel.locator('.notice--ok').textContent()).toBe(rendered('zh-Hant', 'ui.settings.backups.inspect.sound'));
    expect(await seriousViolations(page)).toEqual([]);
    await section.screenshot({ path: (await saveScreenshot(page, 'settings-restore-zh-Hant')).replace('settings-restore-zh-Hant', 'settings-restore-panel-zh-Hant') });
    await page.getByRole('radio', { name: 'English' }).check();

    // Nothing is asked for until the loss of later work is confirmed; a reason is required.
    const restore = panel.getByRole('button', { name: 'Restore and restart' });
    expect(await restore.isEnabled()).toBe(false);
    await panel.getByLabel(/^I understand that the work entered since /).check();
    await restore.click();
    await expect.poll(() => panel.locator('.error-summary').textContent()).toContain('Why restore this backup?');
    const marker = `${shell.app.db.name}.restore-pending.json`;
    expect(fs.existsSync(marker)).toBe(false);
    await panel.getByLabel('Why restore this backup?').fill('cases entered twice by mistake this morning');
    await restore.click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^The restore of the backup of .+ is done the next time TSP Desk starts\.$/);
    expect(JSON.parse(fs.readFileSync(marker, 'utf8'))).toMatchObject({ reason: 'cases entered twice by mistake this morning', requestedBy: shell.app.context.user.id });
    expect(listAuditEntries(shell.app.db, { entity: 'store', limit: 1 })[0]).toMatchObject({ action: 'store.restore.requested', reason: 'cases entered twice by mistake this morning' });
    expect(await seriousViolations(page)).toEqual([]);
    await section.screenshot({ path: (await saveScreenshot(page, 'settings-restore')).replace('settings-restore', 'settings-restore-panel') });
    fs.rmSync(marker);
  });
});

describe('a case’s audit history', { timeout: 60_000 }, () => {
  it('opens from the keyboard and lists each change with who made it', async () => {
    const created = shell.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), person: { familyName: 'WONG' } }, reason: 'referred by the prison' });
    shell.dispatch('cases.setStatus', { id: created.id, expectedVersion: 1, status: 'screening', reason: 'papers complete' });
    await shell.open(`#/case/${created.id}`);
    const toggle = page.getByRole('button', { name: 'Audit history' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(2);
    const rows = await page.locator('.audit-table tbody tr').allTextContents();
    expect(rows[0]).toContain('Status changed');
    expect(rows[0]).toContain('papers complete');
    expect(rows[1]).toContain('Case created');
    expect(rows.every((r) => r.includes('e2e-officer'))).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.panel--audit').screenshot({ path: (await saveScreenshot(page, 'case-audit')).replace('case-audit', 'case-audit-panel') });
  });
});
