/**
 * Settings › Covering letter of the request, in Chromium against the real router: a legal
 * officer's letterhead, signature block and addressees saved as the store holds them; an
 * addressee line without its State's code refused beside the field with nothing saved; both
 * languages; axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { rendered, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;

beforeAll(async () => {
  shell = await openShell();
  page = shell.page;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

const section = () => page.locator('section[aria-labelledby="settings-letter-title"]');

describe('the covering letter', { timeout: 120_000 }, () => {
  it('refuses an addressee line without its code beside the field, then saves the letter as typed', async () => {
    await shell.open('#/settings');
    await expect.poll(() => section().locator('h2').textContent()).toBe(en['settings.letter.title']);
    await section().getByLabel(en['settings.letter.authority']).fill('Security Bureau, Hong Kong SAR');
    await section().getByLabel(en['settings.letter.address']).fill('2 Tim Mei Avenue\nTamar, Hong Kong');
    await section().getByLabel(en['settings.letter.signatory']).fill('CHAN Tai-man');
    await section().getByLabel(en['settings.letter.addressees']).fill('RU Ministry of Justice of the Russian Federation\nMinistry of Justice, Thailand');
    await section().getByRole('button', { name: en['settings.letter.save'] }).click();
    await expect.poll(() => section().locator('.field__error').textContent()).toBe(rendered('en', 'settings.letter.badLines', { lines: '2' }));
    expect(shell.dispatch('settings.letter', {}).authority).toBe('');

    await section().getByLabel(en['settings.letter.addressees']).fill('RU Ministry of Justice of the Russian Federation\nth Ministry of Justice, Thailand');
    await section().getByRole('button', { name: en['settings.letter.save'] }).click();
    await expect.poll(() => section().getByRole('status').textContent()).toBe(en['settings.letter.saved']);
    expect(shell.dispatch('settings.letter', {})).toMatchObject({
      authority: 'Security Bureau, Hong Kong SAR',
      address: ['2 Tim Mei Avenue', 'Tamar, Hong Kong'],
      signatory: 'CHAN Tai-man',
      addressees: { RU: 'Ministry of Justice of the Russian Federation', TH: 'Ministry of Justice, Thailand' },
    });
    expect(await section().getByLabel(en['settings.letter.addressees']).inputValue()).toBe('RU Ministry of Justice of the Russian Federation\nTH Ministry of Justice, Thailand');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'settings-letter');
  });

  it('in Chinese', async () => {
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => section().locator('h2').textContent()).toBe(zhHant['settings.letter.title']);
    expect(await section().getByLabel(zhHant['settings.letter.authority']).inputValue()).toBe('Security Bureau, Hong Kong SAR');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
