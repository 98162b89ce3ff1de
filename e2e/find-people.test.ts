/**
 * Finding people (issue 18) in Chromium against the real router and a store of 300 demo cases,
 * in English and in Traditional Chinese: closed cases a search leaves out are said, with a button
 * that shows them; a prison number found without its punctuation, spaces or case; Arrow-down from
 * the search box into the results; the list's date of birth; a new case's possible duplicate
 * person shown before saving, each a link to its case, and saved when asked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseSummary } from '../shared/api-schemas.ts';
import type { CaseStatus } from '../shared/vocabularies.ts';
import { t } from '../shared/i18n/index.ts';
import { prisonNumberKey } from '../shared/domain/prison-number.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { openSeededShell, rowIds, saveScreenshot, seriousViolations, useLocale } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;
/** Two demo cases with a Hong Kong prison number ("CSD 23/04512"), closed by the test. */
let closedCases: CaseSummary[];


const search = () => page.locator('#case-search-text');
const field = (path: string) => page.locator(`#f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  const hongKong = shell.dispatch('cases.list', { limit: 500 }).items.filter((c) => c.prisonNumber?.startsWith('CSD ') === true && c.dateOfBirth !== null);
  closedCases = hongKong.slice(0, 2);
  for (const c of closedCases) shell.dispatch('cases.close', { id: c.id, expectedVersion: c.version, outcome: 'deceased', reason: 'closed for the test', reasonCode: 'deceased' });
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('finding people', { timeout: 60_000 }, () => {
  for (const locale of ['en', 'zh-Hant'] as const) {
    it(`says how many closed cases a search leaves out, and shows them on request (${locale})`, async () => {
      await shell.open('#/cases');
      await useLocale(page, locale);
      const closed = closedCases[locale === 'en' ? 0 : 1]!;
      // Typed as an officer would: lower case, no space ("csd23/04512" for "CSD 23/04512").
      const typed = closed.prisonNumber!.toLowerCase().replace(' ', '');
      await search().fill(typed);
      const button = page.getByRole('button', { name: t(locale, 'ui.cases.closedMatch', { count: 1, shown: '1' }) });
      await expect.poll(() => button.isVisible()).toBe(true);
      expect(await rowIds(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `find-closed-match-${locale}`);

      await button.click();
      await expect.poll(() => rowIds(page)).toEqual([closed.id]);
      expect(await page.locator('#filter-include-closed').isChecked()).toBe(true);
      expect(await button.count()).toBe(0);
      await page.locator('#filter-include-closed').uncheck();
    });

    it(`finds a prison number without its punctuation, spaces or case, shows the date of birth, and Arrow-down moves into the results (${locale})`, async () => {
      await shell.open('#/cases');
      await useLocale(page, locale);
      const open = shell.dispatch('cases.list', { limit: 500 }).items.find((c) => c.prisonNumber !== null && /[^A-Za-z0-9]/.test(c.prisonNumber) && c.dateOfBirth !== null)!;
      const key = prisonNumberKey(open.prisonNumber!);
      const expected = shell.dispatch('cases.list', { text: key, limit: 100 }).items.map((c) => c.id);
      expect(expected).toContain(open.id);
      // Typed without punctuation and in upper case, and Arrow-down pressed before the search has run.
      await search().fill(key.toUpperCase());
      await search().press('ArrowDown');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-case-id') ?? null)).toBe(expected[0]);
      expect(await rowIds(page)).toEqual(expected);
      const row = page.locator(`tr[data-case-id="${open.id}"]`);
      expect(await row.locator('td.col-born').textContent()).toBe(formatsFor(locale).date(open.dateOfBirth!));
      expect(await page.locator('thead').textContent()).toContain(t(locale, 'ui.cases.col.dateOfBirth'));
      expect(await page.locator('#case-search-hint').textContent()).toBe(t(locale, 'ui.cases.search.hint'));
    });

    it(`filters by several statuses at once, each a chip that removes itself (${locale})`, async () => {
      await shell.open('#/cases');
      await useLocale(page, locale);
      await search().fill('');
      const counts = new Map<string, number>();
      for (const c of shell.dispatch('cases.list', { limit: 500 }).items) if (c.status !== null) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
      const [first, second] = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([status]) => status as CaseStatus);
      const both = shell.dispatch('cases.list', { status: [first!, second!], limit: 100 }).items.map((c) => c.id);
      const firstOnly = shell.dispatch('cases.list', { status: first!, limit: 100 }).items.map((c) => c.id);
      const shows = (ids: string[]) => async () => {
        const shown = await rowIds(page);
        return shown.length > 0 && shown.every((id, i) => id === ids[i]);
      };
      const select = page.locator('#filter-status');
      await select.selectOption(first!);
      await expect.poll(shows(firstOnly)).toBe(true);
      await select.selectOption(second!);
      await expect.poll(shows(both)).toBe(true);
      const statusChips = page.locator('.filter-chips .chip').filter({ hasText: t(locale, 'ui.cases.chip.status', { value: '' }) });
      expect(await statusChips.count()).toBe(2);
      expect(await select.locator('option').first().textContent()).toBe(t(locale, 'ui.cases.filter.statusAnother'));
      // Rows still loading are dimmed (aria-busy): axe reads the list once it has settled.
      await expect.poll(() => page.locator('table.cases-table').getAttribute('aria-busy')).toBe('false');
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `find-statuses-${locale}`);

      await statusChips.nth(1).click();
      await expect.poll(shows(firstOnly)).toBe(true);
      await statusChips.first().click();
      await expect.poll(() => statusChips.count()).toBe(0);
    });

    it(`warns of a possible duplicate person before saving, links to the case, and saves when asked again (${locale})`, async () => {
      await shell.open('#/cases/new');
      await useLocale(page, locale);
      const existing = shell.dispatch('cases.get', { id: closedCases[locale === 'en' ? 0 : 1]!.id });
      const person = existing.case.person;
      await field('person.familyName').fill(person.familyName!.toLowerCase());
      if (person.givenNames != null) await field('person.givenNames').fill(person.givenNames);
      await field('person.dateOfBirth').fill(person.dateOfBirth!);
      await field('sentencingState').selectOption(existing.case.sentencingState);
      await field('administeringState').selectOption(existing.case.administeringState);
      await field('sentences[0].term.years').fill('3'); // the new form's first sentence needs its term
      const create = page.getByRole('button', { name: t(locale, 'ui.form.create') });
      await create.click();

      const warning = page.locator('.duplicate-warning');
      await expect.poll(() => warning.isVisible()).toBe(true);
      expect(await warning.getAttribute('role')).toBe('alert');
      expect(await warning.getByRole('heading').textContent()).toBe(t(locale, 'ui.form.duplicate.title'));
      const link = warning.getByRole('link');
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute('href')).toBe(`#/case/${existing.id}`);
      expect(await warning.textContent()).toContain(existing.case.person.prisonNumber);
      expect(page.url()).toContain('#/cases/new');
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `find-duplicate-${locale}`);

      await warning.getByRole('button', { name: t(locale, 'ui.form.duplicate.save') }).click();
      await expect.poll(() => /#\/case\/[0-9a-f-]{36}$/.test(page.url())).toBe(true);
      const same = shell.dispatch('cases.list', { samePerson: { familyName: person.familyName!, givenNames: person.givenNames ?? undefined, dateOfBirth: person.dateOfBirth! }, includeClosed: true });
      expect(same.total).toBe(2);
    });
  }
});
