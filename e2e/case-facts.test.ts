/**
 * The facts the treaty map's law reads, in the case form and on the case page, in Chromium
 * against the real router: custody and since when, domicile in the sentencing State, the law
 * the sentence was imposed under (a US State by name) and that State's consent, a death
 * sentence commuted, the planned transfer date — saved as the case file says, shown in words
 * ("Not recorded" for what is not), with the planned transfer set against the transfer window;
 * both languages, axe and screenshots.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { t } from '../shared/i18n/index.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { regionName, saveScreenshot, seriousViolations } from './harness.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let caseId: string;
let bareId: string;

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/routes/${name}.case.json`, import.meta.url), 'utf8'));
const field = (path: string) => page.locator(`#f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);
/** The value shown beside a label in a section's facts. */
const fact = (section: string, label: string) =>
  page.locator(`${section} .facts__row`).filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

async function switchTo(language: 'en' | 'zh-Hant') {
  await page.getByRole('button', { name: language === 'en' ? 'English' : '繁體中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

beforeAll(async () => {
  shell = await openShell();
  page = shell.page;
  caseId = shell.dispatch('cases.create', { case: fixture('R01-dual-national-two-open-routes') as never }).id;
  bareId = shell.dispatch('cases.create', { case: fixture('R02-route-that-opens-later') as never }).id;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('the new facts', { timeout: 90_000 }, () => {
  it('are shown as not recorded on a case that has none of them', async () => {
    await shell.open(`#/case/${bareId}`);
    await expect.poll(() => page.locator('#person-title').textContent(), { timeout: 20_000 }).toBe(en['ui.person.title']);
    for (const [section, label] of [
      ['.panel--person', en['ui.person.custody']],
      ['.panel--person', en['ui.person.domiciliary']],
      ['.panel--judgment', en['ui.judgment.jurisdiction']],
    ] as const) {
      expect(await fact(section, label).textContent(), label).toBe(`—${en['ui.value.notRecorded']}`);
    }
    expect(await fact('.panel--judgment', en['ui.judgment.deathSentence']).textContent()).toBe(en['ui.value.no']);
    // A State's consent is asked only of a sentence under a constituent State's law.
    expect(await fact('.panel--judgment', en['ui.judgment.stateConsent']).count()).toBe(0);
  });

  it('are entered in the case form, saved as the case file says, and the rest of the case kept', async () => {
    await shell.open(`#/case/${caseId}/edit`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Edit case');
    expect(await field('custody.since').count()).toBe(0);
    await field('custody.status').selectOption('in-custody');
    await field('custody.since').fill('2022-01-10');
    await page.locator('#f-person-domiciliaryOfSentencingState-no').check();
    expect(await field('consent.stateAuthority').count()).toBe(0);
    expect(await field('judgment.jurisdiction').locator('option', { hasText: 'Texas' }).getAttribute('value')).toBe('US-TX');
    await field('judgment.jurisdiction').selectOption({ label: 'Texas' });
    await field('consent.stateAuthority').selectOption('given');
    await page.locator('#f-judgment-deathSentence').check();
    await page.locator('#f-judgment-deathSentenceCommuted').check();
    await field('events.transferPlanned').fill('2025-09-01');
    await field('reason').fill('Custody, jurisdiction and planned transfer from the prison file');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form-new-facts');
    await switchTo('zh-Hant');
    expect(await page.getByLabel(zhHant['ui.form.f.judgment.jurisdiction']).locator('option:checked').textContent()).toBe('德克薩斯州');
    expect(await page.getByLabel(zhHant['ui.form.f.custody.status']).locator('option:checked').textContent()).toBe(zhHant['ui.form.custody.in-custody']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form-new-facts-zh-Hant');
    await switchTo('en');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('ROSSI');
    const stored = shell.dispatch('cases.get', { id: caseId }).case;
    expect(stored.custody).toEqual({ status: 'in-custody', since: '2022-01-10' });
    expect(stored.person.domiciliaryOfSentencingState).toBe(false);
    expect(stored.judgment).toMatchObject({ jurisdiction: 'US-TX', deathSentence: true, deathSentenceCommuted: true });
    expect(stored.consent).toMatchObject({ status: 'given', by: 'person', date: '2024-03-01', verified: true, stateAuthority: 'given' });
    expect(stored.events).toMatchObject({ requestReceived: '2024-03-01', transferPlanned: '2025-09-01' });
  });

  it('are shown on the case page in words, and the planned transfer is set against the transfer window', async () => {
    expect(await fact('.panel--person', en['ui.person.custody']).textContent()).toBe(`In custody since ${formatsFor('en').date('2022-01-10')}`);
    expect(await fact('.panel--person', en['ui.person.domiciliary']).textContent()).toBe(en['ui.value.no']);
    expect(await fact('.panel--judgment', en['ui.judgment.deathSentence']).textContent()).toBe(en['ui.judgment.deathSentence.commuted']);
    expect(await fact('.panel--judgment', en['ui.judgment.jurisdiction']).textContent()).toBe(`The law of Texas, ${await regionName(page, 'US')}`);
    expect(await fact('.panel--judgment', en['ui.judgment.stateConsent']).textContent()).toBe(en['ui.form.stateConsent.given']);

    await page.getByRole('button', { name: 'Run assessment' }).click();
    await expect.poll(() => page.locator('.run-assessment__status').textContent()).toMatch(/^Assessment finished: /);
    const latest = shell.dispatch('assessments.list', { caseId })[0]!;
    expect(latest.result.transferWindow).toEqual({ from: '2024-03-01', to: '2026-01-09' });
    expect(await page.locator('.transfer-window__planned').textContent()).toBe(t('en', 'ui.window.planned.inside', { date: formatsFor('en').deadline('2025-09-01') }));
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-new-facts');

    await switchTo('zh-Hant');
    expect(await fact('.panel--person', zhHant['ui.person.custody']).textContent()).toBe(`羈押中（自 ${formatsFor('zh-Hant').date('2022-01-10')} 起）`);
    expect(await fact('.panel--judgment', zhHant['ui.judgment.jurisdiction']).textContent()).toBe(`${await regionName(page, 'US', 'zh-Hant')}德克薩斯州的法律`);
    expect(await fact('.panel--judgment', zhHant['ui.judgment.deathSentence']).textContent()).toBe(zhHant['ui.judgment.deathSentence.commuted']);
    expect(await page.locator('.transfer-window__planned').textContent()).toBe(t('zh-Hant', 'ui.window.planned.inside', { date: formatsFor('zh-Hant').deadline('2025-09-01') }));
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-new-facts-zh-Hant');
    await switchTo('en');
  });

  it('a condition tested at the transfer says from when it holds, and that day opens the transfer window', async () => {
    // fixtures/us-th-1982/X05: the US–Thailand minimum is served on 28 Dec 2022; release on 27 Dec 2028.
    const file = JSON.parse(readFileSync(new URL('../fixtures/us-th-1982/X05-minimum-served-one-day-short-with-remand.case.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const id = shell.dispatch('cases.create', { case: { ...file, ruleSetId: 'us-th-1982' } as never }).id;
    const { result } = shell.dispatch('assessments.run', { caseId: id });
    expect(result.conditions.find((c) => c.id === 'minimum-served')?.holdsFrom).toBe('2022-12-28');
    expect(result.transferWindow).toEqual({ from: '2022-12-28', to: '2028-12-26' });
    await shell.open(`#/case/${id}`);
    const deadline = formatsFor('en').deadline;
    await expect.poll(() => page.locator('tr[data-condition="minimum-served"] .condition__clears').textContent(), { timeout: 20_000 }).toBe(
      t('en', 'ui.condition.holdsFrom', { date: deadline('2022-12-28') }),
    );
    expect(await page.locator('.transfer-window__span').textContent()).toBe(t('en', 'ui.window.fromTo', { from: deadline('2022-12-28'), to: deadline('2028-12-26') }));
    expect(await page.locator('.transfer-window').getAttribute('class')).toContain('transfer-window--open');
  });

  it('shows consent and the dates of the procedure as the form recorded them, in both languages', async () => {
    await shell.open(`#/case/${caseId}`);
    for (const [language, catalogue] of [['en', en], ['zh-Hant', zhHant]] as const) {
      await switchTo(language);
      const { date } = formatsFor(language);
      const section = '.panel--procedure';
      await expect.poll(() => page.locator(`${section} h2`).textContent()).toBe(catalogue['ui.case.procedure.title']);
      expect(await fact(section, catalogue['ui.form.f.consent.status']).textContent()).toBe(catalogue['ui.form.consent.given']);
      expect(await fact(section, catalogue['ui.form.f.consent.by']).textContent()).toBe(catalogue['ui.form.consentBy.person']);
      expect(await fact(section, catalogue['ui.form.f.consent.date']).textContent()).toBe(date('2024-03-01'));
      expect(await fact(section, catalogue['ui.form.f.consent.verified']).textContent()).toBe(catalogue['ui.value.yes']);
      expect(await fact(section, catalogue['ui.form.f.consent.opinionRecorded']).textContent()).toBe(catalogue['ui.value.no']);
      expect(await fact(section, catalogue['ui.form.f.consent.withdrawnOn']).textContent()).toBe(`—${catalogue['ui.value.notRecorded']}`);
      expect(await fact(section, catalogue['ui.form.f.events.requestReceived']).textContent()).toBe(date('2024-03-01'));
      expect(await fact(section, catalogue['ui.form.f.events.statesAgreed']).textContent()).toBe(`—${catalogue['ui.value.notRecorded']}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator(section).screenshot({ path: (await saveScreenshot(page, `case-procedure-${language}`)).replace('.png', '-panel.png') });
    }
    await switchTo('en');
  });
});
