/**
 * The cases screen in Chromium against the real router and a store of 300 demo cases:
 * the count, the virtualised table (rows rendered near the viewport only, pages of 100
 * fetched on scrolling), search in Chinese and in Latin letters, filters as chips (the
 * States among them), sorting, the empty state, opening a case from the keyboard, and
 * accessibility in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../shared/csp.ts';
import { t } from '../shared/i18n/index.ts';
import { countLine, DEMO_CASES, openSeededShell, regionName, rowIds, saveDocScreenshot, saveScreenshot, seriousViolations } from './harness.ts';
import type { Shell } from './shell.ts';

const PAGE_SIZE = 100;
let shell: Shell;
let page: Page;

const count = () => page.locator('.case-count');
const search = () => page.getByRole('searchbox', { name: 'Search cases' });

async function searchFor(text: string) {
  await search().fill(text);
}

/**
 * The table is virtualised: the rows in the DOM are the first ones of the expected list
 * (the frame is scrolled to the top after each query), fewer than a page.
 */
async function expectFirstRows(expected: readonly { id: string }[]) {
  // The count can update a frame before the windowed rows do (seen under load): wait for the rows.
  const matches = async () => {
    const ids = await rowIds(page);
    return ids.length > 0 && ids.length <= Math.min(PAGE_SIZE - 1, expected.length) && ids.every((id, i) => id === expected[i]?.id);
  };
  await expect.poll(matches, { timeout: 10_000 }).toBe(true);
}

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('cases screen', { timeout: 60_000 }, () => {
  it('is served with the app’s Content-Security-Policy and first lists every case, unfiltered, newest change first', async () => {
    const response = await page.goto(`${shell.url}#/cases`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    // The built page carries the policy too, for Electron's file:// load.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY_META);
    await expect.poll(() => count().textContent()).toBe(countLine(DEMO_CASES, DEMO_CASES));
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Cases']);
    const expected = shell.dispatch('cases.list', { sort: { field: 'updatedAt', dir: 'desc' }, limit: PAGE_SIZE });
    await expectFirstRows(expected.items);
    // Virtualised: a screenful and some overscan in the DOM, the whole count in aria-rowcount.
    expect((await rowIds(page)).length).toBeLessThan(60);
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe(String(DEMO_CASES + 1));
    expect(await page.locator('tbody tr.case-row').first().getAttribute('aria-rowindex')).toBe('2');
    expect(await page.locator('.table-loaded').textContent()).toBe(t('en', 'ui.cases.loaded', { loaded: '100', total: '300' }));
    expect(await page.locator('.filter-chips').count()).toBe(0);
    expect(await page.getByRole('button', { name: /more/ }).count()).toBe(0);
  });

  it('fetches the next pages of 100 as the table is scrolled, down to the last case', async () => {
    const all = shell.dispatch('cases.list', { sort: { field: 'updatedAt', dir: 'desc' }, limit: DEMO_CASES });
    const frame = page.locator('.table-frame');
    const before = shell.calls.length;
    const listCalls = () =>
      shell.calls
        .slice(before)
        .filter((c) => c.channel === 'cases.list')
        .map((c) => c.payload as { offset?: number; limit?: number });
    await frame.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => page.locator('.table-loaded').textContent()).toBe(t('en', 'ui.cases.loaded', { loaded: '200', total: '300' }));
    await frame.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => page.locator('.table-loaded').textContent()).toBe(t('en', 'ui.cases.loadedAll', { total: '300' }));
    // Each page was asked for as the end came near: offsets 100 and 200, 100 at a time.
    const pages = listCalls().filter((input) => input.offset !== undefined && input.offset > 0).map((input) => [input.offset, input.limit]);
    expect(pages).toEqual([
      [100, PAGE_SIZE],
      [200, PAGE_SIZE],
    ]);
    await frame.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = page.locator('tbody tr.case-row').last();
    await expect.poll(() => last.getAttribute('aria-rowindex')).toBe(String(DEMO_CASES + 1));
    expect(await last.getAttribute('data-case-id')).toBe(all.items[DEMO_CASES - 1]!.id);
    const ids = await rowIds(page);
    expect(ids.length).toBeLessThan(60);
    expect(ids).toEqual(all.items.slice(DEMO_CASES - ids.length).map((c) => c.id));
    // Home comes back to the first case, scrolling the table.
    await last.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-case-id'))).toBe(all.items[0]!.id);
  });

  it('narrows the table to a Chinese name fragment', async () => {
    const all = shell.dispatch('cases.list', { limit: 500 });
    const native = all.items.map((c) => c.nativeName).find((n): n is string => n !== null && /\p{Script=Han}{3}/u.test(n));
    expect(native).toBeDefined();
    const fragment = [...native!].slice(1, 3).join(''); // the given name: two characters, below the trigram index
    const expected = shell.dispatch('cases.list', { text: fragment, limit: PAGE_SIZE });
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(DEMO_CASES);

    await searchFor(fragment);
    await expect.poll(() => count().textContent()).toBe(countLine(expected.total, DEMO_CASES));
    await expectFirstRows(expected.items);
    for (const cell of await page.locator('tbody tr td.col-native').allTextContents()) expect(cell).toContain(fragment);
    await expect.poll(() => page.getByRole('button', { name: `Remove filter Search: ${fragment}` }).isVisible()).toBe(true);
  });

  it('narrows the table to a Latin name fragment, whatever its case', async () => {
    const all = shell.dispatch('cases.list', { limit: 500 });
    const family = all.items.map((c) => c.familyName).find((n) => /^[A-Z]{6,}$/.test(n));
    expect(family).toBeDefined();
    const fragment = family!.slice(0, 4).toLowerCase();
    const expected = shell.dispatch('cases.list', { text: fragment, limit: PAGE_SIZE });
    expect(expected.total).toBeLessThan(DEMO_CASES);

    await searchFor(fragment);
    await expect.poll(() => count().textContent()).toBe(countLine(expected.total, DEMO_CASES));
    await expectFirstRows(expected.items);
    expect(await page.locator('tbody tr .family-name').allTextContents()).toContain(family);
  });

  it('shows a designed empty state for a search with no hits, and clears it', async () => {
    await searchFor('qxzvjw');
    await expect.poll(() => page.getByRole('heading', { name: 'No cases found' }).isVisible()).toBe(true);
    expect(await page.locator('.state--empty').textContent()).toContain(t('en', 'ui.cases.empty.search', { text: 'qxzvjw' }));
    expect(await count().textContent()).toBe(countLine(0, DEMO_CASES));
    expect(await page.locator('table').count()).toBe(0);

    await page.locator('.state--empty').getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => count().textContent()).toBe(countLine(DEMO_CASES, DEMO_CASES));
    expect(await search().inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('case-search-text');
  });

  it('shows a designed error state when the list cannot be loaded, and recovers with “Try again”', async () => {
    shell.refuseNext('cases.list', { code: 'internal', messageKey: 'error.internal', problems: [] });
    await searchFor('wong');
    const failure = page.locator('.state--error');
    await expect.poll(() => failure.isVisible()).toBe(true);
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await failure.getByRole('heading').textContent()).toBe('The cases could not be loaded');
    expect(await failure.textContent()).toContain(t('en', 'error.internal'));

    await failure.getByRole('button', { name: 'Try again' }).click();
    const expected = shell.dispatch('cases.list', { text: 'wong', limit: PAGE_SIZE });
    await expect.poll(() => count().textContent()).toBe(countLine(expected.total, DEMO_CASES));
    await expectFirstRows(expected.items);
    await page.getByRole('button', { name: 'Remove filter Search: wong' }).click();
    await expect.poll(() => count().textContent()).toBe(countLine(DEMO_CASES, DEMO_CASES));
  });

  it('filters by status with a removable chip', async () => {
    const expected = shell.dispatch('cases.list', { status: 'screening', limit: PAGE_SIZE });
    await page.getByLabel('Status', { exact: true }).selectOption('screening');
    await expect.poll(() => count().textContent()).toBe(countLine(expected.total, DEMO_CASES));
    await expectFirstRows(expected.items);
    for (const cell of await page.locator('tbody tr td.col-status').allTextContents()) expect(cell).toBe('Screening');

    await page.getByRole('button', { name: 'Remove filter Status: Screening' }).click();
    await expect.poll(() => count().textContent()).toBe(countLine(DEMO_CASES, DEMO_CASES));
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('');
  });

  it('"My cases": those assigned to the signed-in officer, a removable chip; rule-sets offered by name', async () => {
    const me = shell.dispatch('session.current', {}).user!.id;
    const ids = shell.dispatch('cases.list', { limit: 3 }).items.map((c) => c.id);
    for (const caseId of ids) shell.dispatch('cases.assign', { caseId, userId: me });
    const mine = shell.dispatch('cases.list', { assignedTo: 'me', limit: PAGE_SIZE });
    expect(mine.total).toBeGreaterThanOrEqual(3);
    await page.getByLabel('My cases').check();
    await expect.poll(() => count().textContent()).toBe(countLine(mine.total, DEMO_CASES));
    await expectFirstRows(mine.items);
    await page.getByRole('button', { name: 'Remove filter My cases' }).click();
    await expect.poll(() => count().textContent()).toBe(countLine(DEMO_CASES, DEMO_CASES));
    expect(await page.getByLabel('My cases').isChecked()).toBe(false);
    // The rule-set filter names each instrument, never its id.
    const options = await page.locator('#filter-rule-set option').allTextContents();
    expect(options).toContain('The Transfer Convention (ETS 112)');
    expect(options).not.toContain('coe-ets-112');
    for (const caseId of ids) shell.dispatch('cases.assign', { caseId, userId: null });
  });

  it('filters by sentencing and by administering State, each a removable chip, with the count to match', async () => {
    const all = shell.dispatch('cases.list', { limit: DEMO_CASES });
    const from = all.items[0]!.sentencingState;
    const to = all.items.find((c) => c.sentencingState === from)!.administeringState;
    const bySentencing = shell.dispatch('cases.list', { sentencingState: from, limit: PAGE_SIZE });
    const byBoth = shell.dispatch('cases.list', { sentencingState: from, administeringState: to, limit: PAGE_SIZE });
    expect(bySentencing.total).toBeLessThan(DEMO_CASES);
    expect(byBoth.total).toBeGreaterThan(0);

    await page.getByLabel('Sentencing State or place', { exact: true }).selectOption(from);
    await expect.poll(() => count().textContent()).toBe(countLine(bySentencing.total, DEMO_CASES));
    await expectFirstRows(bySentencing.items);
    await page.getByLabel('Administering State or place', { exact: true }).selectOption(to);
    await expect.poll(() => count().textContent()).toBe(countLine(byBoth.total, DEMO_CASES));
    await expectFirstRows(byBoth.items);
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe(String(byBoth.total + 1));
    const fromName = await regionName(page, from);
    // By name, never by code (issue 18).
    for (const cell of await page.locator('tbody tr td.col-states span[aria-hidden]').allTextContents()) expect(cell).toBe(`${fromName} → ${await regionName(page, to)}`);
    const ruleSetCells = await page.locator('tbody tr td.col-rule-set').allTextContents();
    expect(ruleSetCells.length).toBeGreaterThan(0);
    for (const cell of ruleSetCells) expect(cell, 'a rule-set by its title, not its id').not.toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
    await page.getByRole('button', { name: `Remove filter Sentencing State or place: ${fromName}` }).click();
    const byAdministering = shell.dispatch('cases.list', { administeringState: to, limit: PAGE_SIZE });
    await expect.poll(() => count().textContent()).toBe(countLine(byAdministering.total, DEMO_CASES));
    expect(await page.getByLabel('Sentencing State or place', { exact: true }).inputValue()).toBe('');
    const toName = await regionName(page, to);
    await page.getByRole('button', { name: `Remove filter Administering State or place: ${toName}` }).click();
    await expect.poll(() => count().textContent()).toBe(countLine(DEMO_CASES, DEMO_CASES));
  });

  it('sorts by name, toggling aria-sort between ascending and descending', async () => {
    const nameHeader = page.locator('thead th').filter({ has: page.getByRole('button', { name: 'Name' }) });
    expect(await nameHeader.getAttribute('aria-sort')).toBeNull();
    expect(await page.locator('thead th[aria-sort]').textContent()).toBe('Updated');

    await page.getByRole('button', { name: 'Name' }).click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = shell.dispatch('cases.list', { sort: { field: 'familyName', dir: 'asc' }, limit: PAGE_SIZE });
    await expect.poll(async () => (await rowIds(page))[0]).toBe(ascending.items[0]!.id);
    await expectFirstRows(ascending.items);
    expect(await page.locator('caption').textContent()).toBe('Cases, sorted by Name, ascending.');

    await page.getByRole('button', { name: 'Name' }).click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = shell.dispatch('cases.list', { sort: { field: 'familyName', dir: 'desc' }, limit: PAGE_SIZE });
    await expect.poll(async () => (await rowIds(page))[0]).toBe(descending.items[0]!.id);
    await expectFirstRows(descending.items);
    expect(await page.locator('thead th[aria-sort]').count()).toBe(1);
  });

  it('has no serious or critical axe violations, in English and in Traditional Chinese', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'cases');
    await saveDocScreenshot(page, 'cases');

    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('個案');
    expect(await page.locator('thead').textContent()).toContain('原文姓名');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'cases-zh-Hant');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cases');
  });

  it('opens a case with Enter from a row reached by the arrow keys, and Esc brings focus back to that row', async () => {
    const ids = await rowIds(page);
    await page.locator('tbody tr.case-row').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-case-id'))).toBe(ids[1]);

    await page.keyboard.press('Enter');
    const opened = shell.dispatch('cases.get', { id: ids[1]! });
    const family = opened.case.person.familyName!.toUpperCase();
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe(family);
    expect(page.url()).toContain(`#/case/${ids[1]}`);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-case-id'))).toBe(ids[1]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cases');
  });

  it('called only the channels the screen needs, and raised no page errors, console errors or CSP refusals', () => {
    // An incoming case opened shows the sentence to be enforced here.
    const openedIncoming = shell.calls.some((c) => c.channel === 'cases.get' && shell.dispatch('cases.get', c.payload as { id: string }).case.direction === 'incoming');
    const incoming = openedIncoming ? ['enforcement.compute'] : [];
    // A case opened shows where else the person could go: the routes, and the treaty table for a tie without one.
    const routes = ['routes.forCase', ...(shell.channels.includes('treaties.table') ? ['treaties.table'] : [])];
    expect(new Set(shell.channels)).toEqual(
      new Set(['session.current', 'rulesets.list', 'cases.list', 'cases.get', 'assessments.list', 'cases.events', 'workflow.state', 'documents.list', 'cases.work', ...routes, ...incoming]),
    );
    expect(shell.problems).toEqual([]);
  });
});
