/**
 * Treaties › Treaties between two States, in Chromium against the real router: the Netherlands
 * and Poland on 1 March 2023 (Framework Decision 2008/909 applies; ETS 112 and ETS 167 replaced
 * by it between Member States), Hong Kong and the Mainland (no arrangement, with its source), a
 * name that is no State refused beside the field; the treaty map's versions with the one in
 * force; both languages, places by name, axe and screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { regionName, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;

const row = (instrumentId: string) => page.locator(`li.treaty-row[data-instrument="${instrumentId}"]`);

async function switchTo(language: 'en' | 'zh-Hant') {
  await page.getByRole('button', { name: language === 'en' ? 'English' : '繁體中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/** Picks two places by typing their names (as the list writes them) and asks for the table on a day. */
async function ask(a: string, b: string, on: string) {
  await page.getByLabel(en['ui.treatyTable.a']).fill(a);
  await page.getByLabel(en['ui.treatyTable.b']).fill(b);
  await page.getByLabel(en['ui.treatyTable.on'], { exact: true }).fill(on);
  await page.getByRole('button', { name: en['ui.treatyTable.show'] }).click();
}

beforeAll(async () => {
  shell = await openShell();
  page = shell.page;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('treaty table', { timeout: 90_000 }, () => {
  it('is linked from the Treaties page, and lists the treaty map’s versions with the one in force', async () => {
    await shell.open('#/treaties');
    await page.getByRole('link', { name: en['ui.treatyTable.link'] }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(en['ui.treatyTable.title']);
    expect(page.url()).toContain('#/treaties/table');
    const versions = shell.dispatch('treaties.mapVersions', {});
    const inForce = versions.find((v) => v.inForceToday)!;
    const current = page.locator(`tr[data-map-version="${inForce.version}"]`);
    await expect.poll(() => current.locator('td').allTextContents()).toEqual([formatsFor('en').date(inForce.effectiveFrom), en[`ui.mapVersions.source.${inForce.source}`], en['ui.mapVersions.inForce']]);
  });

  it('the Netherlands and Poland on 1 March 2023: 2008/909 applies, ETS 112 is replaced by it, with sources, confidence and declarations', async () => {
    const [nl, pl] = [await regionName(page, 'NL'), await regionName(page, 'PL')];
    await ask(nl, pl, '2023-03-01');
    const heading = page.locator('#treaty-table-heading');
    await expect.poll(() => heading.textContent()).toBe(`${nl} and ${pl} on ${formatsFor('en').date('2023-03-01')}`);
    const table = shell.dispatch('treaties.table', { a: 'NL', b: 'PL', on: '2023-03-01' });
    expect(await page.locator('li.treaty-row').count()).toBe(table.rows.length);

    const fd = row('eu-fd-2008-909');
    expect(await fd.locator('h3').textContent()).toBe('Framework Decision 2008/909/JHA');
    expect(await fd.locator('.treaty-row__head .status-mark').textContent()).toBe(en['ui.treatyTable.status.applies']);
    expect(await fd.locator('.treaty-row__reason').textContent()).toBe(en['ui.treatyTable.reason.applies']);
    const fdRow = table.rows.find((r) => r.instrumentId === 'eu-fd-2008-909')!;
    expect(await fd.locator('.treaty-row__sources li').allTextContents()).toEqual(fdRow.sources);
    expect(await fd.locator('.treaty-row__facts .confidence').textContent()).toBe(en['ui.treaties.confidence.S']);
    // Both States' Art. 28(2) declarations, each by the State's name, with its summary and confidence.
    const declarations = fd.locator('.declaration:not(.declaration--unidentified)');
    expect(await declarations.count()).toBe(fdRow.declarations.length);
    expect(await declarations.first().locator('.declaration__head strong').textContent()).toBe(`${nl}, Art. 28(2)`);
    expect(await declarations.first().locator('.declaration__summary').textContent()).toBe(fdRow.declarations[0]!.summary);
    // Art. 7(4): twelve States declared by 2017 and the map does not know which: either may have, said under each, unconfirmed.
    const unidentified = fd.locator('.declaration--unidentified');
    expect(fdRow.unidentified.map((u) => u.state)).toEqual(['NL', 'PL']);
    expect(await unidentified.locator('.declaration__head strong').allTextContents()).toEqual([`${nl}, Art. 7(4)`, `${pl}, Art. 7(4)`]);
    expect(await unidentified.first().locator('.declaration__head').textContent()).toContain(`${en['ui.treatyTable.declaration.dual-criminality-opt-out']}: ${en['ui.treatyTable.unidentified']}`);
    expect(await unidentified.first().locator('.declaration__head .confidence').textContent()).toBe(en['ui.treaties.confidence.U']);
    expect(await unidentified.first().locator('.declaration__summary').textContent()).toBe(fdRow.unidentified[0]!.summary);

    const ets112 = row('coe-ets-112');
    expect(await ets112.locator('h3').textContent()).toBe('The Transfer Convention (ETS 112)');
    expect(await ets112.locator('.treaty-row__head .status-mark').textContent()).toBe(en['ui.treatyTable.status.not-applies']);
    expect(await ets112.locator('.treaty-row__reason').textContent()).toBe('Replaced between them by Framework Decision 2008/909/JHA.');
    expect(await ets112.locator('.declaration__head strong').allTextContents()).toEqual([`${nl}, Art. 3(4)`, `${pl}, Art. 3(4), 3(3)`]);
    expect(await ets112.locator('.declaration__head').last().textContent()).toContain(en['ui.treatyTable.declaration.unread']);

    // What the screen says in its own words names no code (the map's summaries are its sources' prose).
    const own = (await page.locator('#treaty-table-heading, .treaty-row h3, .treaty-row__reason, .declaration__head').allTextContents()).join(' ');
    expect(own).not.toMatch(/\b(NL|PL)\b/);
    expect(own).not.toMatch(/coe-ets|eu-fd/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaty-table-NL-PL');

    await switchTo('zh-Hant');
    const [nlZh, plZh] = [await regionName(page, 'NL', 'zh-Hant'), await regionName(page, 'PL', 'zh-Hant')];
    expect(await heading.textContent()).toBe(`${nlZh}與${plZh}（${formatsFor('zh-Hant').date('2023-03-01')}）`);
    // The fields name the places again in the language switched to.
    expect(await page.locator('#treaty-table-a').inputValue()).toBe(nlZh);
    expect(await ets112.locator('h3').textContent()).toBe('《移交被判刑人士公約》（ETS 112）');
    expect(await ets112.locator('.treaty-row__head .status-mark').textContent()).toBe(zhHant['ui.treatyTable.status.not-applies']);
    expect(await ets112.locator('.treaty-row__reason').textContent()).toBe('雙方之間已由歐盟第 2008/909/JHA 號框架決定取代。');
    expect(await fd.locator('.declaration__head strong').first().textContent()).toBe(`${nlZh}，第 28(2) 條`);
    expect(await fd.locator('.declaration--unidentified .declaration__head').first().textContent()).toContain(zhHant['ui.treatyTable.unidentified']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaty-table-NL-PL-zh-Hant');
    await switchTo('en');
  });

  it('Hong Kong and the Mainland: no arrangement, its summary with source and confidence', async () => {
    const [hk, cn] = [await regionName(page, 'HK'), await regionName(page, 'CN')];
    await ask(hk, cn, '2026-01-01');
    const none = page.locator('.no-arrangement');
    await expect.poll(() => none.locator('h3').textContent()).toBe(`No arrangement between ${hk} and ${cn}`);
    const noArrangement = shell.dispatch('treaties.table', { a: 'HK', b: 'CN' }).noArrangement!;
    expect(await none.locator('p').first().textContent()).toBe(noArrangement.summary);
    expect(await none.textContent()).toContain(`Source: ${noArrangement.source}`);
    expect(await none.locator('.confidence').textContent()).toBe(en['ui.treaties.confidence.S']);
    expect(await page.locator('li.treaty-row').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaty-table-HK-CN');

    await switchTo('zh-Hant');
    await expect.poll(() => none.locator('h3').textContent()).toBe(`${await regionName(page, 'HK', 'zh-Hant')}與${await regionName(page, 'CN', 'zh-Hant')}之間並無安排`);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaty-table-HK-CN-zh-Hant');
    await switchTo('en');
  });

  it('refuses a name that is no State or place beside its field, and the same place twice', async () => {
    await ask('Atlantis', await regionName(page, 'PL'), '2023-03-01');
    const field = page.locator('.field').filter({ has: page.locator('#treaty-table-a') });
    await expect.poll(() => field.locator('.field__error').textContent()).toBe(en['ui.treatyTable.unknownState']);
    expect(await page.locator('#treaty-table-a').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('treaty-table-a');
    await ask('poland', 'PL', '2023-03-01');
    await expect.poll(() => page.locator('.field').filter({ has: page.locator('#treaty-table-b') }).locator('.field__error').textContent()).toBe(en['ui.treatyTable.same']);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
