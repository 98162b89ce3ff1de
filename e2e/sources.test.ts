/**
 * Legal sources in the officer's language, in Chromium against the real router: the case page's
 * conditions and a rule-set's parameters cite the built-in law in Traditional Chinese (the
 * treaty map's rows as the engine joins them too), in English as stored; a legal officer's own
 * source stays as they wrote it. Screenshots in both languages.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { builtInRuleSet } from '../shared/treaties/library.ts';
import { ivanovInSwitzerland, OUT_DIR, openSeededShell, seriousViolations, useLocale } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let caseId: string;

const OWN_SOURCE = 'Legal Division memo LD/2026/14: the Brazilian practice, read with the Treaty';

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  caseId = shell.dispatch('cases.create', { case: ivanovInSwitzerland() }).id;
  shell.dispatch('assessments.run', { caseId });
  // A legal officer's own version: one source in their words.
  const itBr = builtInRuleSet('it-br-2008')!;
  shell.dispatch('rulesets.save', { ruleSet: { ...itBr, version: '2030-legal', effectiveFrom: '2030-01-01', minRemaining: { ...itBr.minRemaining, source: OWN_SOURCE } }, reason: 'memo LD/2026/14' });
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('legal sources', { timeout: 90_000 }, () => {
  it('the case page’s conditions cite the law in Chinese, and in English as stored', async () => {
    await shell.open(`#/case/${caseId}`);
    const source = (condition: string) => page.locator(`tr[data-condition="${condition}"] .condition__source`);
    await expect.poll(() => source('dual-criminality').textContent()).toBe('ETS 112 Art. 3(1)(e)');
    expect(await source('treaty-basis').textContent()).toMatch(/^Treaty map: /);
    await useLocale(page, 'zh-Hant');
    await expect.poll(() => source('dual-criminality').textContent()).toBe('《移交被判刑人士公約》第 3(1)(e) 條');
    expect(await source('consent').textContent()).toBe('《移交被判刑人士公約》第 3(1)(d) 條，第 7 條；沒有關於撤回的規定');
    expect(await source('treaty-basis').textContent()).toMatch(/^條約地圖：/);
    // Not a word of English left in the column: only the kept names (BGBl., Verdragenbank …).
    const column = (await page.locator('.conditions-table .condition__source').allTextContents()).join('\n');
    expect(column).not.toMatch(/\b(Art|Arts|pattern|Treaty map|counted to|read|the|of)\b/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.conditions-table').screenshot({ path: path.join(OUT_DIR, 'sources-case-zh-Hant.png') });
    await useLocale(page, 'en');
    await expect.poll(() => source('dual-criminality').textContent()).toBe('ETS 112 Art. 3(1)(e)');
    await page.locator('.conditions-table').screenshot({ path: path.join(OUT_DIR, 'sources-case.png') });
  });

  it('a rule-set’s parameters cite the built-in law in Chinese, and a legal officer’s own source as written', async () => {
    await shell.open('#/treaties/it-br-2008');
    const minRemaining = page.locator('[data-group="remaining-sentence"] tbody tr').first().locator('.param__source');
    await expect.poll(() => minRemaining.textContent()).toBe('Italy–Brazil Treaty Art. 3(1)(c): at least twelve months');
    await useLocale(page, 'zh-Hant');
    await expect.poll(() => minRemaining.textContent()).toBe('意大利與巴西條約第 3(1)(c) 條：最少十二個月');
    await page.locator('.parameters').screenshot({ path: path.join(OUT_DIR, 'sources-ruleset-zh-Hant.png') });
    await page.getByRole('radio', { name: `${zhHant['ui.treaties.showing']} 2030-legal` }).check();
    await expect.poll(() => minRemaining.textContent()).toBe(OWN_SOURCE);
    // The rest of the officer's version is still the built-in law, in Chinese.
    const finality = page.locator('[data-group="final-judgment"] .param__source').first();
    expect(await finality.textContent()).toBe('意大利與巴西條約第 3(1)(b) 條');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-group="remaining-sentence"]').screenshot({ path: path.join(OUT_DIR, 'sources-ruleset-own-zh-Hant.png') });
    await useLocale(page, 'en');
    await expect.poll(() => minRemaining.textContent()).toBe(OWN_SOURCE);
  });
});
