/**
 * Correspondence and notes on the case page, in Chromium against the real router: a request
 * sent to the other State with the date to chase an answer by (then on the Due page), a note,
 * the case taken by the signed-in officer; in English and Traditional Chinese; axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { openSeededShell, saveScreenshot, seriousViolations } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let caseId: string;

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  caseId = shell.dispatch('cases.list', { status: 'requested', limit: 1 }).items[0]!.id;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

const section = () => page.locator('section.case-work');

describe('correspondence and notes', { timeout: 120_000 }, () => {
  it('records a request sent with its chase date, a note, and the case taken by the officer; each as the store holds it', async () => {
    await shell.open(`#/case/${caseId}`);
    await expect.poll(() => section().locator('h2').textContent()).toBe(en['work.title']);
    await expect.poll(() => section().textContent()).toContain(en['work.correspondence.empty']);

    const form = section().locator('form').first();
    await form.getByLabel(en['work.correspondence.kind']).selectOption('request');
    await form.getByLabel(en['work.correspondence.correspondent']).selectOption('other-state');
    await form.getByLabel(en['work.correspondence.date']).fill('2026-11-02');
    await form.getByLabel(en['work.correspondence.reference'], { exact: true }).fill('HK/TSP/2026/117');
    await form.getByLabel(en['work.correspondence.chaseOn']).fill('2026-12-02');
    await form.getByRole('button', { name: en['work.correspondence.add'] }).click();

    const letters = section().locator('table.work-letters tbody tr');
    await expect.poll(() => letters.count()).toBe(1);
    const cells = await letters.first().locator('td').allTextContents();
    const f = formatsFor('en');
    expect(cells).toEqual([f.date('2026-11-02'), `${en['work.kind.request']} (${en['work.correspondence.sent']})`, en['work.correspondent.other-state'], 'HK/TSP/2026/117', f.deadline('2026-12-02')]);
    const stored = shell.dispatch('cases.work', { caseId });
    expect(stored.correspondence).toMatchObject([{ kind: 'request', correspondent: 'other-state', outgoing: true, date: '2026-11-02', chaseOn: '2026-12-02', answered: false }]);
    // Unanswered past its chase date: the Due page lists it.
    expect(shell.dispatch('due.list', {}).items.some((i) => i.caseId === caseId && i.kind === 'chase')).toBe(true);

    await section().getByLabel(en['work.notes.text']).fill('Consulate asked for the medical report.');
    await section().getByRole('button', { name: en['work.notes.add'] }).click();
    await expect.poll(() => section().locator('.work-notes li').count()).toBe(1);
    expect(await section().locator('.work-notes__text').textContent()).toBe('Consulate asked for the medical report.');

    await section().getByRole('button', { name: en['work.assign.me'] }).click();
    const me = shell.dispatch('session.current', {}).user!;
    await expect.poll(() => shell.dispatch('cases.work', { caseId }).assignedTo?.id).toBe(me.id);
    await expect.poll(() => section().getByRole('button', { name: en['work.assign.me'] }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-work');
  });

  it('refuses a note without text beside its field, and keeps the page as it was', async () => {
    await section().getByRole('button', { name: en['work.notes.add'] }).click();
    await expect.poll(() => section().locator('.error-summary').count()).toBe(1);
    expect(await section().locator('.work-notes li').count()).toBe(1);
  });

  it('in Chinese', async () => {
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => section().locator('h2').textContent()).toBe(zhHant['work.title']);
    expect(await section().locator('table.work-letters tbody td').nth(1).textContent()).toBe(`${zhHant['work.kind.request']} (${zhHant['work.correspondence.sent']})`);
    await saveScreenshot(page, 'case-work-zh-Hant');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
