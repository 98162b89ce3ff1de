/**
 * The Due page and the case list's "due" filter in Chromium against the real router, on
 * the demo store: every item by urgency as the service lists it, each opening its case;
 * both languages; axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { DUE_PAGE, DUE_ROWS_SHOWN } from '../renderer/due/paging.ts';
import { countLine, openSeededShell, rendered, saveScreenshot, seriousViolations } from './harness.ts';
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

describe('the Due page', { timeout: 120_000 }, () => {
  it('lists what the service lists, by urgency, each row with its date, what and case', async () => {
    const due = shell.dispatch('due.list', {});
    expect(due.items.length).toBeGreaterThan(0); // the demo store has 2008/909 deadlines and releases drawing near
    await shell.open('#/due');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(en['due.title']);
    // Each group shows its first 50 rows, and all of them on request.
    const shown = (n: number) => Math.min(n, DUE_ROWS_SHOWN);
    await expect.poll(() => page.locator('.due-table tbody tr').count()).toBe(shown(due.counts.overdue) + shown(due.counts['this-week']) + shown(due.counts.later));
    for (const urgency of ['overdue', 'this-week', 'later'] as const) {
      const group = page.locator(`.due-group--${urgency}`);
      expect(await group.locator('h2').textContent()).toBe(`${en[`due.urgency.${urgency}`]} ${rendered('en', 'due.count', { count: due.counts[urgency] })}`);
      expect(await group.locator('tbody tr').count()).toBe(shown(due.counts[urgency]));
    }
    const first = due.items[0]!;
    const row = page.locator('.due-table tbody tr').first();
    expect(await row.locator('time').textContent()).toBe(formatsFor('en').deadline(first.date));
    expect(await row.locator('th a').textContent()).toContain(first.familyName.toUpperCase());
    expect(await page.locator('.masthead__nav a[aria-current="page"]').textContent()).toBe(en['ui.nav.due']);
    await saveScreenshot(page, 'due');
    expect(await seriousViolations(page)).toEqual([]);

    // The next page of a group comes from the router (the first call asked for 50 of each group).
    for (const urgency of ['overdue', 'this-week', 'later'] as const) {
      if (due.counts[urgency] <= DUE_ROWS_SHOWN) continue;
      const group = page.locator(`.due-group--${urgency}`);
      const next = Math.min(due.counts[urgency], DUE_ROWS_SHOWN + DUE_PAGE);
      const label = next === due.counts[urgency] ? `Show all ${due.counts[urgency]}` : `Show the next ${DUE_PAGE} items (${due.counts[urgency] - DUE_ROWS_SHOWN} not shown)`;
      await group.getByRole('button', { name: label }).click();
      await expect.poll(() => group.locator('tbody tr').count()).toBe(next);
      expect(shell.calls.some((c) => c.channel === 'due.list' && (c.payload as { urgency?: string }).urgency === urgency)).toBe(true);
    }
    await row.locator('th a').click();
    await expect.poll(() => page.url()).toContain(`#/case/${first.caseId}`);
    await expect.poll(() => page.locator('.panel--transfer').count(), { timeout: 15_000 }).toBe(1);
    expect(shell.problems).toEqual([]);
  });

  it('in Chinese', async () => {
    await shell.open('#/due');
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(zhHant['due.title']);
    expect(await page.locator('.due-group--overdue h2 .tag').textContent()).toBe(zhHant['due.urgency.overdue']);
    await saveScreenshot(page, 'due-zh-Hant');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('the case list filters on what is due', async () => {
    const overdue = shell.dispatch('cases.list', { due: 'overdue' });
    expect(overdue.total).toBeGreaterThan(0);
    await shell.open('#/cases');
    await page.getByLabel(en['ui.filter.due']).selectOption('overdue');
    await expect.poll(() => page.locator('.case-count').textContent()).toContain(countLine(overdue.total, shell.dispatch('cases.list', { limit: 1 }).total));
    expect(await page.locator('.filter-chips').textContent()).toContain('Due: Overdue');
  });
});
