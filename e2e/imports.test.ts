/**
 * Bringing cases in on screen, in Chromium against the real router (issue 20): the template
 * downloaded from the import screen and filled in, one row with a bad date named by its row and
 * column, the good rows imported; the same workbook imported again in Chinese with one cell
 * changed showing an update and the rest unchanged, not duplicates; every case exported as JSON
 * and that file imported back as unchanged.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { rendered, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let template: Buffer;

beforeAll(async () => {
  shell = await openShell();
  page = shell.page;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** The template with rows added under its example row, each given by column header. */
async function filledIn(rows: Record<string, string | number>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const total = () => shell.dispatch('cases.list', { includeClosed: true, limit: 10 }).total;
const rows: Record<string, string | number>[] = [
  { 'Family name': 'WONG', 'Given names': 'Siu Ming', 'Prison number': '2566/07777', 'Date of birth': '1990-02-30', 'Sentencing State': 'HK', 'Administering State': 'TH' },
  { 'Family name': 'SOMCHAI', 'Prison number': '2566/08888', 'Sentencing State': 'HK', 'Administering State': 'TH', 'Days of remand': 45 },
  { 'Family name': 'NGUYEN', 'Prison number': '2566/09999', 'Sentencing State': 'HK', 'Administering State': 'VN', 'Term: years': 4, 'Sentence start': '2024-02-01' },
];

describe('importing cases from a spreadsheet', { timeout: 90_000 }, () => {
  it('the template filled in: the bad row named by row and column, the good rows imported', async () => {
    await shell.open('#/cases');
    await page.getByRole('link', { name: en['ui.import.open'] }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(en['ui.import.title']);
    const file = await download(en['ui.import.sheet.template']);
    expect(file.name).toBe('cases-template-en.xlsx');
    template = file.bytes;

    await page.getByLabel(en['ui.import.sheet.file']).setInputFiles({ name: 'cases.xlsx', mimeType: 'application/octet-stream', buffer: await filledIn(rows) });
    const alert = page.locator('.import-problems');
    await expect.poll(() => alert.textContent()).toContain('Row 3, column “Date of birth”: must be a real calendar date written YYYY-MM-DD');
    expect(await page.locator('.import-summary').textContent()).toBe(rendered('en', 'ui.import.summary', { new: 3, update: 0, unchanged: 0, invalid: 1 }));
    expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
    await saveScreenshot(page, 'import-problems-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: rendered('en', 'ui.import.commit.good', { count: 3 }) }).click();
    await expect.poll(() => page.locator('.import-done').textContent()).toBe(rendered('en', 'ui.import.done', { created: 3, updated: 0, unchanged: 0 }));
    expect(total()).toBe(3);
    expect(shell.problems).toEqual([]);
  });

  it('imported again in Chinese with one cell changed: one update shown field by field, the rest unchanged, no duplicate', async () => {
    await shell.open('#/cases/import');
    await page.getByRole('button', { name: '中文' }).click();
    const changed = rows.map((r) => (r['Family name'] === 'SOMCHAI' ? { ...r, 'Days of remand': 60 } : r));
    await page.getByLabel(zhHant['ui.import.sheet.file']).setInputFiles({ name: 'cases.xlsx', mimeType: 'application/octet-stream', buffer: await filledIn(changed) });
    await expect.poll(() => page.locator('.import-summary').textContent()).toBe(rendered('zh-Hant', 'ui.import.summary', { new: 0, update: 1, unchanged: 2, invalid: 1 }));
    expect(await page.locator('.import-problems').textContent()).toContain('第 3 列，「Date of birth」欄：必須是'); // the column as the file names it
    expect(await page.locator('.import-updates tbody tr').allTextContents()).toEqual(['4SOMCHAI 2566/08888還押日數4560']);
    await saveScreenshot(page, 'import-update-zh-Hant');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: rendered('zh-Hant', 'ui.import.commit.good', { count: 3 }) }).click();
    await expect.poll(() => page.locator('.import-done').textContent()).toBe(rendered('zh-Hant', 'ui.import.done', { created: 0, updated: 1, unchanged: 2 }));
    expect(total()).toBe(3);
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('every case exported as JSON, and that file imported back: all unchanged, nothing to import', async () => {
    await shell.open('#/cases/import');
    const exported = await download(en['ui.import.export.button']);
    expect(JSON.parse(exported.bytes.toString('utf8'))).toHaveLength(3);
    await page.getByLabel(en['ui.import.json.file']).setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: exported.bytes });
    const panel = page.locator('section[aria-labelledby="import-json-title"]');
    await expect.poll(() => panel.locator('.import-summary').textContent()).toBe(rendered('en', 'ui.import.summary', { new: 0, update: 0, unchanged: 3, invalid: 0 }));
    expect(await panel.textContent()).toContain(en['ui.import.commit.none']);
    await saveScreenshot(page, 'import-json-unchanged-en');
    expect(total()).toBe(3);
    expect(shell.problems).toEqual([]);
  });
});
