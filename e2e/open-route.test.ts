/**
 * The case list's "Has an open route today" (issue 16), in English and in Traditional Chinese: the
 * open cases are screened for today's routes first, with progress shown; the list then shows
 * exactly the cases the router lists, as a chip that removes itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../shared/i18n/index.ts';
import { openSeededShell, rowIds, saveScreenshot, seriousViolations, useLocale } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;


beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('has an open route today', () => {
  for (const locale of ['en', 'zh-Hant'] as const) {
    it(`screens the open cases first, showing how far it has got, then lists those with an open route (${locale})`, async () => {
      await shell.open('#/cases');
      await useLocale(page, locale);
      const all = shell.dispatch('cases.list', { limit: 1 }).total;
      // The first language finds the 300 demo cases unscreened: the screen shows its progress (250 a step).
      const fresh = shell.dispatch('cases.list', { openRoute: true, limit: 1 }).routesUnscreened === 0;
      await page.evaluate(() => {
        const w = window as unknown as { sawProgress: boolean };
        w.sawProgress = false;
        new MutationObserver(() => {
          if (document.querySelector('.cases-screen progress') !== null) w.sawProgress = true;
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.getByLabel(t(locale, 'ui.cases.filter.openRoute'), { exact: true }).check();
      const chip = page.locator('.filter-chips .chip').filter({ hasText: t(locale, 'ui.cases.chip.openRoute') });
      await expect.poll(() => chip.count()).toBe(1);
      const expected = shell.dispatch('cases.list', { openRoute: true, limit: 100 });
      expect(expected.routesUnscreened).toBe(0);
      expect(expected.total).toBeGreaterThan(0);
      expect(expected.total).toBeLessThan(all);
      // The table is virtualised: the rows on screen are the first of the router's, in its order.
      const ids = expected.items.map((c) => c.id);
      await expect.poll(async () => {
        const shown = await rowIds(page);
        return shown.length > 0 && shown.every((id, i) => id === ids[i]);
      }).toBe(true);
      // Fewer than 1,000 cases: no digit grouping in either language.
      expect(await page.locator('.case-count').textContent()).toBe(t(locale, 'ui.cases.count', { shown: String(expected.total), total: all }));
      expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(!fresh);
      // Dates are never cut short: each date cell shows all of its text.
      const clipped = await page.locator('tbody tr td.col-born, tbody tr td.col-date').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
      expect(clipped).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `cases-open-route-${locale}`);

      await chip.click();
      await expect.poll(() => chip.count()).toBe(0);
      expect(await page.getByLabel(t(locale, 'ui.cases.filter.openRoute'), { exact: true }).isChecked()).toBe(false);
      await expect.poll(() => page.locator('.case-count').textContent()).toBe(t(locale, 'ui.cases.count', { shown: String(all), total: all }));
    });
  }
});
