/**
 * The transfer package on screen, in Chromium against the real router (issue 19): the request
 * and the package downloaded from the dossier page; the package imported on the cases screen
 * as a new case; the same sending State's reference imported again, after the sender corrected
 * the remand, writing nothing and showing what differs (in Chinese); a package changed after it
 * was made refused, naming the file.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { readZip, writeZip } from '../electron/packages/zip.ts';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let sent: string;

beforeAll(async () => {
  shell = await openShell();
  page = shell.page;
  sent = shell.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), sentencingState: 'CH', ruleSetId: 'coe-ets-112', direction: 'outgoing' } }).id;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

async function importFile(name: string, bytes: Buffer, label: string = en['package.ui.import']): Promise<void> {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'application/zip', buffer: bytes });
}

describe('the transfer package', { timeout: 90_000 }, () => {
  it('the request and the package come from the dossier page; the package imports as a new case', async () => {
    await shell.open(`#/case/${sent}/dossier`);
    const request = await download(en['package.ui.request']);
    expect(request.name).toMatch(/^request-IVANOV-.*-en\.pdf$/);
    expect(request.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const made = await download(en['package.ui.make']);
    expect(made.name).toMatch(/\.tsp\.zip$/);
    expect(readZip(made.bytes).map((e) => e.name)).toEqual(['manifest.json', 'case.json', 'request.pdf']);

    await shell.open('#/cases');
    await importFile(made.name, made.bytes);
    const status = page.locator('.package-import__status');
    await expect.poll(() => status.textContent()).toContain('Imported the package of CH CSD-2024-0012 as a new case.');
    const imported = shell.dispatch('cases.list', { includeClosed: true, limit: 10 }).items.filter((c) => c.id !== sent);
    expect(imported).toHaveLength(1);
    expect(shell.dispatch('cases.get', { id: imported[0]!.id }).case).toMatchObject({ direction: 'incoming', status: 'draft', reference: 'CSD-2024-0012' });
    await status.getByRole('link', { name: en['package.ui.open'] }).click();
    await expect.poll(() => page.url()).toContain(`#/case/${imported[0]!.id}`);
    await expect.poll(() => page.locator('.timeline__title').first().textContent()).toBe(en['ui.event.package-imported']);
    expect(shell.problems).toEqual([]);
  });

  it('imported again after the sender corrected the remand: nothing written, what differs shown, in Chinese', async () => {
    const record = shell.dispatch('cases.get', { id: sent });
    shell.dispatch('cases.update', { id: sent, expectedVersion: record.version, case: { ...record.case, remandDays: 200 }, reason: 'remand corrected' });
    const again = Buffer.from(shell.dispatch('packages.make', { caseId: sent }).base64, 'base64');
    const before = shell.dispatch('cases.list', { includeClosed: true, limit: 10 }).total;

    await shell.open('#/cases');
    await page.getByRole('button', { name: '中文' }).click();
    await importFile('again.tsp.zip', again, zhHant['package.ui.import']);
    await expect.poll(() => page.locator('.package-import__status').textContent()).toContain('CH CSD-2024-0012 的資料包早前已匯入：未有寫入任何內容。');
    const rows = page.locator('.package-import__differences tbody tr');
    expect(await rows.allTextContents()).toEqual(['remandDays190200']);
    expect(await page.locator('.package-import__differences caption').textContent()).toBe(zhHant['package.ui.differences']);
    expect(shell.dispatch('cases.list', { includeClosed: true, limit: 10 }).total).toBe(before);
    await saveScreenshot(page, 'package-matched-zh-Hant');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('a package changed after it was made is refused, naming the file, and nothing is written', async () => {
    const entries = readZip(Buffer.from(shell.dispatch('packages.make', { caseId: sent }).base64, 'base64'));
    const tampered = writeZip(entries.map((e) => (e.name === 'case.json' ? { ...e, bytes: Buffer.from(e.bytes.toString('utf8').replace('"remandDays": 200', '"remandDays": 20')) } : e)));
    const before = shell.dispatch('cases.list', { includeClosed: true, limit: 10 }).total;
    await shell.open('#/cases');
    await importFile('tampered.tsp.zip', tampered);
    await expect.poll(() => page.locator('.package-import [role="alert"]').textContent()).toContain(
      'The package was changed after it was made: case.json does not match the digest in its manifest. Nothing was imported.',
    );
    expect(shell.dispatch('cases.list', { includeClosed: true, limit: 10 }).total).toBe(before);
    await saveScreenshot(page, 'package-refused');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
