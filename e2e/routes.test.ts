/**
 * "Where could this person go?" on the case page, in Chromium against the real router: the
 * routes of a dual national sentenced in Switzerland (fixtures/routes/R01, two open routes
 * under ETS 112 and two the map cannot confirm) and a route that opens later (R02, India once
 * ETS 112 enters into force for it), every State by name and every instrument by title, in
 * English and Traditional Chinese; the transfer window in the eligibility panel; a what-if
 * assessment marked as such and never shown as the case's verdict; axe and screenshots.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { t } from '../shared/i18n/index.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { regionName, rendered, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let r01: string;
let r02: string;

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/routes/${name}.case.json`, import.meta.url), 'utf8'));
const panel = () => page.locator('.panel--routes');
const routeRow = (ruleSetId: string, state: string) => panel().locator(`tr[data-route="${ruleSetId}:${state}"]`);
const routeIds = () => panel().locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-route')));
const cellsOf = (ruleSetId: string, state: string) => routeRow(ruleSetId, state).locator('th, td').allTextContents();
const date = (iso: string, locale: 'en' | 'zh-Hant' = 'en') => formatsFor(locale).date(iso);

async function switchTo(language: 'en' | 'zh-Hant') {
  await page.getByRole('button', { name: language === 'en' ? 'English' : '繁體中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/** Opens the case and asks for its routes as on a day. */
async function routesAsOn(caseId: string, on: string) {
  await shell.open(`#/case/${caseId}`);
  // The first answer assesses every route of the case: give it time on a busy machine.
  await expect.poll(() => panel().locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.getByLabel('Other routes as if requested on (optional)').fill(on);
  await panel().getByRole('button', { name: 'Show routes' }).click();
  await expect.poll(() => panel().locator('.routes__lede').textContent(), { timeout: 20_000 }).toContain(date(on));
}

/** What the route finder answers for the case on a day (the ground truth the screen must show). */
const routesOf = (caseId: string, on: string) => shell.dispatch('routes.forCase', { caseId, on }).routes;

beforeAll(async () => {
  shell = await openShell();
  page = shell.page;
  r01 = shell.dispatch('cases.create', { case: fixture('R01-dual-national-two-open-routes') as never }).id;
  r02 = shell.dispatch('cases.create', { case: fixture('R02-route-that-opens-later') as never }).id;
  expect(shell.dispatch('assessments.run', { caseId: r01 }).verdict).toBe('eligible');
  expect(shell.dispatch('assessments.run', { caseId: r02 }).verdict).toBe('ineligible');
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('routes panel', { timeout: 90_000 }, () => {
  it('R01: a dual Italian–Albanian national sentenced in Switzerland: Italy (the case’s own) eligible first, Albania to be found out (the consent and dual criminality on file are for Italy), every State by name', async () => {
    await routesAsOn(r01, '2024-03-01');
    expect(await routeIds()).toEqual(['coe-ets-112:IT', 'coe-ets-112:AL', 'coe-ets-167:IT', 'coe-ets-167-original:IT']);
    const italy = await cellsOf('coe-ets-112', 'IT');
    expect(italy[0]).toBe(`${await regionName(page, 'IT')}The Transfer Convention (ETS 112)${en['ui.routes.current']}`);
    expect(italy.slice(1)).toEqual([en['verdict.eligible'], ` From ${date('2024-03-01')} to ${date('2026-01-09')}`, 'nationality', en['ui.routes.allMet']]);
    const albania = await cellsOf('coe-ets-112', 'AL');
    expect(albania[0]).toBe(`${await regionName(page, 'AL')}The Transfer Convention (ETS 112)`);
    expect(albania.slice(1, 3)).toEqual([en['verdict.needs_information'], ` ${en['ui.routes.window.none']}`]);

    // The Protocol's routes: the treaty basis is not confirmed for Italy; the explanation names Italy, not "IT".
    const protocol = routesOf(r01, '2024-03-01').find((r) => r.ruleSetId === 'coe-ets-167')!;
    const basis = protocol.result.conditions.find((c) => c.id === 'treaty-basis')!;
    const cells = await cellsOf('coe-ets-167', 'IT');
    expect(cells[0]).toContain('The Additional Protocol as amended (ETS 167, CETS 222)');
    expect(cells[1]).toBe(en['verdict.needs_information']);
    expect(cells[2]).toBe(` ${en['ui.routes.window.none']}`);
    expect(cells[4]).toContain(`${en['status.unknown']} ${en['condition.treaty-basis']}`);
    expect(cells[4]).toContain(rendered('en', basis.messageKey, basis.params));
    expect(cells[4]).toContain(`binds Italy on ${date('2024-03-01')}`);

    // No codes: no ISO code, rule-set id or condition key anywhere in the panel.
    const all = (await panel().textContent()) ?? '';
    expect(all).not.toMatch(/\b(CH|IT|AL)\b/);
    expect(all).not.toMatch(/coe-ets|treaty-basis|remaining-sentence/);
    expect(all).toContain(`Every instrument that binds ${await regionName(page, 'CH')} and a State this person is tied to`);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'routes-R01');
  });

  it('R01: the eligibility panel shows the transfer window, closed since 9 Jan 2026, and the day it is counted from', async () => {
    const window = page.locator('.transfer-window');
    expect(await window.locator('.transfer-window__span').textContent()).toBe(t('en', 'ui.window.closedBefore', { to: formatsFor('en').deadline('2026-01-09') }));
    expect(await window.locator('.transfer-window__counted').textContent()).toBe(`Counted from ${date('2024-03-01')}, the day of receipt of the request.`);
    expect(await window.getAttribute('class')).toContain('transfer-window--closed');
  });

  it('R01 in Traditional Chinese: the States and instruments by their Chinese names, the dates by locale', async () => {
    await switchTo('zh-Hant');
    expect(await panel().locator('h2').textContent()).toBe(zhHant['ui.routes.title']);
    const italy = await cellsOf('coe-ets-112', 'IT');
    expect(italy[0]).toBe(`${await regionName(page, 'IT', 'zh-Hant')}《移交被判刑人士公約》（ETS 112）${zhHant['ui.routes.current']}`);
    expect(italy[1]).toBe(zhHant['verdict.eligible']);
    expect(italy[2]).toBe(` 由 ${date('2024-03-01', 'zh-Hant')} 至 ${date('2026-01-09', 'zh-Hant')}`);
    expect(italy[3]).toBe(zhHant['ui.routes.tie.nationality']);
    expect((await cellsOf('coe-ets-167', 'IT'))[4]).toContain(`是否約束${await regionName(page, 'IT', 'zh-Hant')}：`);
    expect(await panel().textContent()).not.toMatch(/\b(CH|IT|AL)\b/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'routes-R01-zh-Hant');
    await switchTo('en');
  });

  it('R02: Albania to be found out; India, the case’s own route, opens on 1 May 2018 when ETS 112 enters into force for it', async () => {
    await routesAsOn(r02, '2018-03-01');
    expect(await routeIds()).toEqual(['coe-ets-112:AL', 'coe-ets-112:IN']);
    const india = await cellsOf('coe-ets-112', 'IN');
    expect(india[0]).toBe(`${await regionName(page, 'IN')}The Transfer Convention (ETS 112)${en['ui.routes.current']}`);
    expect(india[1]).toBe(en['verdict.ineligible']);
    expect(india[2]).toBe(`${en['ui.routes.opensLater']} From ${date('2018-05-01')} to ${date('2021-02-28')}`);
    expect(india[3]).toBe('nationality; lives there');
    expect(india[4]).toContain(`The Transfer Convention (ETS 112) is not yet in force for India on ${date('2018-03-01')}, the reference date: it is from ${date('2018-05-01')}.`);
    expect(await routeRow('coe-ets-112', 'IN').locator('.tag--later').count()).toBe(1);
    expect(await routeRow('coe-ets-112', 'AL').locator('.tag--later').count()).toBe(0);
    expect(await panel().textContent()).not.toMatch(/\b(CH|IN|AL)\b/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'routes-R02');

    await switchTo('zh-Hant');
    const zh = await cellsOf('coe-ets-112', 'IN');
    expect(zh[2]).toBe(`${zhHant['ui.routes.opensLater']} 由 ${date('2018-05-01', 'zh-Hant')} 至 ${date('2021-02-28', 'zh-Hant')}`);
    expect(zh[3]).toBe('國籍；在當地居住');
    expect(zh[4]).toContain(`尚未對${await regionName(page, 'IN', 'zh-Hant')}生效`);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'routes-R02-zh-Hant');
    await switchTo('en');
  });

  it('a Chinese national sentenced in Hong Kong has no route: no instrument binds the two, and the map says there is no arrangement', async () => {
    const id = shell.dispatch('cases.create', {
      case: { format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'CN', person: { familyName: 'CHAN', givenNames: 'Tai Man', nationalities: ['CN'], livesIn: 'HK' } },
    }).id;
    expect(shell.dispatch('routes.forCase', { caseId: id }).routes).toEqual([]);
    await shell.open(`#/case/${id}`);
    const [hk, cn] = [await regionName(page, 'HK'), await regionName(page, 'CN')];
    await expect.poll(() => panel().locator('.routes__empty').textContent(), { timeout: 20_000 }).toBe(`No instrument binds ${hk} and a State this person is tied to.`);
    const tie = panel().locator('.routes__untied li[data-tie="CN"]');
    const none = shell.dispatch('treaties.table', { a: 'HK', b: 'CN' }).noArrangement!;
    await expect.poll(() => tie.locator('.route__no-arrangement').textContent()).toContain(none.summary);
    expect(await tie.textContent()).toContain(`No instrument binds ${hk} and ${cn}.`);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'routes-none');
  });

  it('a what-if under another instrument is marked as such, and the banner, the panel and the case list keep the case’s own verdict', async () => {
    await shell.open(`#/case/${r01}`);
    await expect.poll(() => page.locator('.assessment-result .verdict__word').textContent(), { timeout: 20_000 }).toBe(en['verdict.eligible']);
    await page.locator('#assess-rule-set').selectOption('coe-ets-167');
    expect(await page.locator('#assess-rule-set option:checked').textContent()).toBe('The Additional Protocol as amended (ETS 167, CETS 222)');
    await page.getByRole('button', { name: 'Run assessment' }).click();
    const whatIf = shell.dispatch('assessments.list', { caseId: r01 })[0]!;
    await expect.poll(() => page.locator('.run-assessment__status').textContent()).toBe(t('en', 'ui.whatIf.done', { verdict: en[`verdict.${whatIf.verdict}`] }));
    expect(whatIf.ruleSet.id).toBe('coe-ets-167');
    expect(whatIf.verdict).not.toBe('eligible');

    // The panel says it is a what-if, with the case's own verdict beside it.
    expect(await page.locator('.verdict__what-if').textContent()).toBe('What-if under the Additional Protocol as amended (ETS 167, CETS 222) — not the case’s verdict');
    expect(await page.locator('.what-if-notice').textContent()).toBe(t('en', 'ui.whatIf.caseVerdict', { verdict: en['verdict.eligible'] }));
    // The banner keeps the case's verdict.
    expect(await page.locator('.identity-bar .badge').textContent()).toBe(en['verdict.eligible']);
    expect(shell.dispatch('cases.get', { id: r01 }).latestAssessment?.verdict).toBe('eligible');
    // The history marks the what-if, and the case's verdict.
    const items = page.locator('.history__item');
    expect(await items.first().locator('.tag--what-if').textContent()).toBe('What-if under the Additional Protocol as amended (ETS 167, CETS 222) (not the case’s verdict)');
    expect(await items.first().locator('.tag--verdict').count()).toBe(0);
    expect(await items.nth(1).locator('.tag--verdict').textContent()).toBe(en['ui.history.caseVerdict']);
    expect(await items.nth(1).locator('.tag--what-if').count()).toBe(0);
    expect(await page.locator('.panel--history').textContent()).not.toMatch(/coe-ets/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'what-if');

    await switchTo('zh-Hant');
    expect(await page.locator('.verdict__what-if').textContent()).toBe('按經修訂的《附加議定書》（ETS 167、CETS 222）的假設評估 — 並非本案的評估結果');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'what-if-zh-Hant');
    await switchTo('en');

    // The case list shows the case's own verdict.
    await shell.open('#/cases');
    const row = page.locator(`tr.case-row[data-case-id="${r01}"]`);
    await expect.poll(() => row.locator('.badge').textContent()).toBe(en['verdict.eligible']);
  });
});
