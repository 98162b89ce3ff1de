/**
 * The reports page and the dossier preview in Chromium against the real router: the
 * statistics of a period with their charts and tables, an export with its progress ending
 * in a file the test saves and reads, both languages, accessibility, and the dossier as a
 * page and as print.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { statisticsTables } from '../shared/reports/tables.ts';
import { formatIsoDate, parseIsoDate } from '../shared/sentence/calendar.ts';
import { OUT_DIR, openSeededShell, rendered, saveDocScreenshot, saveScreenshot, seriousViolations } from './harness.ts';
import type { Shell } from './shell.ts';

const PERIOD = { from: '2000-01-01', to: '2030-12-31' };
let shell: Shell;
let page: Page;

/** Hands over twelve demo cases 120 to 450 days after their application (timeline event and closure), so the transfer tables have rows. */
function recordHandovers(): void {
  const db = shell.app.db;
  const ids = db.prepare("SELECT id, event_application FROM cases WHERE event_application IS NOT NULL ORDER BY id LIMIT 12").all() as { id: string; event_application: string }[];
  const user = shell.app.context.user.id;
  ids.forEach(({ id, event_application: applied }, i) => {
    const date = formatIsoDate(parseIsoDate(applied) + 120 + 30 * i);
    db.prepare("INSERT INTO case_events (case_id, kind, date, note, user_id, created_at) VALUES (?, 'closed:transferred', ?, 'handed over', ?, ?)").run(id, date, user, `${date}T10:00:00.000Z`);
    db.prepare("UPDATE cases SET status = 'transferred', closed_at = ?, close_outcome = 'transferred', close_reason = 'handed over' WHERE id = ?").run(`${date}T10:00:00.000Z`, id);
  });
}

async function showPeriod(): Promise<void> {
  await page.getByRole('textbox', { name: en['reports.ui.from'], exact: true }).fill(PERIOD.from);
  await page.getByRole('textbox', { name: en['reports.ui.to'], exact: true }).fill(PERIOD.to);
  await page.getByRole('button', { name: en['reports.ui.show'] }).click();
}

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  recordHandovers();
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('reports page', { timeout: 60_000 }, () => {
  it('shows the statistics of the period: the case count and every table the router computes', async () => {
    await shell.open('#/reports');
    await showPeriod();
    const stats = shell.dispatch('reports.statistics', PERIOD);
    await expect.poll(() => page.getByText(rendered('en', 'reports.ui.cases', { count: stats.cases })).count()).toBe(1);
    for (const table of statisticsTables(stats, 'en')) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name: table.title }).count()).toBe(1);
    }
    // The transfers table holds the twelve handovers, year by year, none before its application.
    expect(stats.processing.shortest).toBe(120);
    const transfers = page.locator('section[aria-labelledby="report-transfers"] tbody tr');
    expect(await transfers.count()).toBe(stats.transfers.length);
    expect(stats.transfers.reduce((n, r) => n + r.count, 0)).toBe(12);
    // Each chart is one labelled image beside its table.
    expect(await page.getByRole('img', { name: en['reports.ui.chart'].replace('{title}', en['reports.table.transfers']) }).count()).toBe(1);
    expect(await seriousViolations(page)).toStrictEqual([]);
    await saveScreenshot(page, 'reports');
    await saveDocScreenshot(page, 'reports');
  });

  it('shows active cases as one status × instrument table with totals, and reads the store again when asked again', async () => {
    const section = page.locator('section[aria-labelledby="report-byStatus"]');
    const table = statisticsTables(shell.dispatch('reports.statistics', PERIOD), 'en').find((x) => x.id === 'byStatus')!;
    expect(await section.locator('thead th').allTextContents()).toEqual(table.columns.map((c) => c.label));
    expect(await section.locator('.bar-chart').count()).toBe(0);
    const total = await section.locator('tfoot tr').textContent();
    expect(total).toContain('Total');
    // A case created meanwhile: "Show statistics" again, same period, counts it.
    const before = shell.dispatch('reports.statistics', PERIOD).cases;
    const one = shell.dispatch('cases.list', { limit: 1 }).items[0]!;
    shell.dispatch('cases.create', { case: { ...shell.dispatch('cases.get', { id: one.id }).case, reference: 'REPORT-REREAD' } });
    await page.getByRole('button', { name: en['reports.ui.show'] }).click();
    await expect.poll(() => page.getByText(rendered('en', 'reports.ui.cases', { count: before + 1 })).count()).toBe(1);
    await section.screenshot({ path: (await saveScreenshot(page, 'reports-by-status')).replace('.png', '-table.png') });
  });

  it('exports a CSV with progress, and the file saved holds the tables', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: en['reports.ui.export.csv'] }).click()]);
    const file = path.join(OUT_DIR, download.suggestedFilename());
    fs.mkdirSync(OUT_DIR, { recursive: true });
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(en['reports.table.transfers']);
    expect(download.suggestedFilename()).toBe(`tsp-statistics-${PERIOD.from}-to-${PERIOD.to}-en.csv`);
    expect(shell.channels).toContain('reports.exportProgress');
    await expect.poll(() => page.getByRole('status').filter({ hasText: download.suggestedFilename() }).count()).toBe(1);
  });

  it('reads in Traditional Chinese', async () => {
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(zhHant['reports.ui.title']);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: zhHant['reports.table.transfers'] }).count()).toBe(1);
    expect(await seriousViolations(page)).toStrictEqual([]);
    await saveScreenshot(page, 'reports-zh-Hant');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('says what is wrong with a period that ends before it starts', async () => {
    await page.getByRole('textbox', { name: en['reports.ui.from'], exact: true }).fill('2025-01-01');
    await page.getByRole('textbox', { name: en['reports.ui.to'], exact: true }).fill('2024-01-01');
    await page.getByRole('button', { name: en['reports.ui.show'] }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('must not be before "from"');
  });
});

describe('dossier preview', { timeout: 60_000 }, () => {
  it('shows the dossier of a case as a page, in either language, and prints only the dossier', async () => {
    const assessed = shell.dispatch('cases.list', { verdict: 'ineligible', limit: 1 }).items[0]!;
    await shell.open(`#/case/${assessed.id}`);
    await page.getByRole('link', { name: en['reports.ui.dossier'] }).click();
    await expect.poll(() => page.locator('.dossier h1').textContent()).toContain(assessed.familyName.toUpperCase());
    const model = shell.dispatch('dossier.model', { caseId: assessed.id, locale: 'en' });
    for (const [i, section] of model.sections.entries()) {
      expect(await page.getByRole('heading', { level: 2, name: `${i + 1}. ${section.title}` }).count()).toBe(1);
    }
    expect(await seriousViolations(page)).toStrictEqual([]);
    await saveScreenshot(page, 'dossier');
    await saveDocScreenshot(page, 'dossier');
    await page.getByLabel(en['reports.ui.dossier.language']).selectOption('zh-Hant');
    await expect.poll(() => page.locator('.dossier h2').first().textContent()).toBe(`1. ${zhHant['ui.person.title']}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.masthead').isVisible()).toBe(false);
    expect(await page.locator('.dossier-toolbar').isVisible()).toBe(false);
    await saveScreenshot(page, 'dossier-print-zh-Hant');
    await page.emulateMedia({ media: 'screen' });
  });
});
