/**
 * Issue 18 in Chromium against the real router, in English and in Traditional Chinese: a name
 * typed in Simplified characters finds the case recorded in Traditional ones (and the reverse);
 * the sentencing court and the prison entered in the case form and shown on the case page
 * ("Not recorded" where missing); an empty State picker says "Select a State or place" (Hong Kong and Macao are places). Screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES, t } from '../shared/i18n/index.ts';
import { openSeededShell, rowIds, saveScreenshot, seriousViolations, useLocale } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;
/** A case recorded in Traditional characters, one in Simplified: names no demo case holds. */
let traditionalId: string;
let simplifiedId: string;

const search = () => page.locator('#case-search-text');
const field = (path: string) => page.locator(`#f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  const create = (familyName: string, nativeName: string) =>
    shell.dispatch('cases.create', { case: { format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'TH', person: { familyName, givenNames: 'Test', nativeName } } }).id;
  traditionalId = create('KWONG', '鄺麗鐘');
  simplifiedId = create('FUNG', '冯敬尧');
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('Simplified and Traditional Chinese names in the case search', { timeout: 60_000 }, () => {
  for (const locale of LOCALES) {
    it(`finds the Traditional case by its Simplified name and the Simplified case by its Traditional name (${locale})`, async () => {
      await shell.open('#/cases');
      await useLocale(page, locale);
      await search().fill('邝丽钟');
      await expect.poll(() => rowIds(page)).toEqual([traditionalId]);
      expect(await page.locator(`tr[data-case-id="${traditionalId}"]`).textContent()).toContain('鄺麗鐘');
      await saveScreenshot(page, `find-simplified-${locale}`);
      await search().fill('馮敬堯');
      await expect.poll(() => rowIds(page)).toEqual([simplifiedId]);
      // Two characters, each in the other script: the bigram index.
      await search().fill('丽鐘');
      await expect.poll(() => rowIds(page)).toEqual([traditionalId]);
      await search().fill('');
    });
  }
});

describe('the sentencing court and the prison', { timeout: 60_000 }, () => {
  for (const locale of LOCALES) {
    it(`are entered in the case form and shown on the case page, "Not recorded" where missing (${locale})`, async () => {
      // A case of its own for each language, neither with a court or a prison yet.
      const id = locale === 'en' ? simplifiedId : traditionalId;
      await shell.open(`#/case/${id}`);
      await useLocale(page, locale);
      const notRecorded = t(locale, 'ui.value.notRecorded');
      const fact = (label: string) => page.locator('dt', { hasText: new RegExp(`^${label}$`, 'u') }).locator('xpath=following-sibling::dd[1]');
      // A dash to the eye, "Not recorded" to a screen reader (renderer/components/NotRecorded.tsx).
      const unknownFact = (label: string) => fact(label).locator('.not-recorded .sr-only').textContent();
      await expect.poll(() => unknownFact(t(locale, 'ui.person.prison'))).toBe(notRecorded);
      expect(await unknownFact(t(locale, 'ui.judgment.sentencingCourt'))).toBe(notRecorded);

      await page.getByRole('button', { name: t(locale, 'ui.case.edit') }).click();
      await expect.poll(() => field('person.prison').isVisible()).toBe(true);
      expect(await page.getByLabel(t(locale, 'ui.form.f.person.prison'), { exact: true }).count()).toBe(1);
      expect(await page.getByLabel(t(locale, 'ui.form.f.judgment.sentencingCourt'), { exact: true }).count()).toBe(1);
      const [court, prison] = locale === 'en' ? ['District Court', 'Stanley Prison'] : ['區域法院', '赤柱監獄'];
      await field('judgment.sentencingCourt').fill(`  ${court} `);
      await field('person.prison').fill(prison);
      await field('reason').fill('court and prison recorded');
      await page.getByRole('button', { name: t(locale, 'ui.form.save') }).click();
      await expect.poll(() => fact(t(locale, 'ui.person.prison')).textContent()).toBe(prison);
      expect(await fact(t(locale, 'ui.judgment.sentencingCourt')).textContent()).toBe(court);
      const stored = shell.dispatch('cases.get', { id }).case;
      expect([stored.judgment.sentencingCourt, stored.person.prison]).toEqual([court, prison]);
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `case-court-prison-${locale}`);
    });
  }
});

describe('an empty State picker', { timeout: 60_000 }, () => {
  for (const locale of LOCALES) {
    it(`says "Select a State or place" in the error summary and beside the field, not a pattern (${locale})`, async () => {
      await shell.open('#/cases/new');
      await useLocale(page, locale);
      await expect.poll(() => field('person.familyName').isVisible()).toBe(true);
      await field('person.familyName').fill('EMPTYSTATE');
      await field('administeringState').selectOption('TH');
      await page.getByRole('button', { name: t(locale, 'ui.form.create') }).click();
      const summary = page.locator('.error-summary');
      await expect.poll(() => summary.isVisible()).toBe(true);
      const message = t(locale, 'validation.country.select');
      const line = t(locale, 'ui.error.problem', { field: t(locale, 'ui.form.f.sentencingState'), message });
      expect(await summary.getByRole('link', { name: line }).count()).toBe(1);
      expect(await page.locator('.field').filter({ has: field('sentencingState') }).locator('.field__error').textContent()).toBe(message);
      expect(await summary.textContent()).not.toMatch(/ISO|pattern|[A-Z]\]\{2\}/u);
      await saveScreenshot(page, `case-form-select-state-${locale}`);
    });
  }
});
