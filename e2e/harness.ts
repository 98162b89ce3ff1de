/** What the renderer tests share: a shell on a seeded store, axe, screenshots, the renderer's formatting. */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import type { StoredMessageParams } from '../shared/messages.ts';
import { t, type Locale, type MessageKey } from '../shared/i18n/index.ts';
import { seedDemo } from '../electron/services/demo.ts';
import { formatsFor, INTL_LOCALE } from '../renderer/text/formats.ts';
import { loadLegalSources } from '../renderer/text/legal-sources.ts';
import { renderMessage } from '../renderer/text/messages.ts';
import { PROJECT_ROOT } from './renderer-build.ts';
import { openShell, type Shell } from './shell.ts';

export const DEMO_CASES = 300;
export const OUT_DIR = path.join(PROJECT_ROOT, 'e2e', 'out');

/** A shell on a fresh store holding the demo cases (seed 1), each assessed once. */
export async function openSeededShell(): Promise<Shell> {
  const shell = await openShell();
  seedDemo(shell.app.context, DEMO_CASES);
  return shell;
}

/**
 * Serious and critical axe violations, one line each with the elements concerned. A page caught
 * between two renders (a list reloading on a loaded machine dims its rows for a moment) is looked
 * at again half a second later: what is still there is reported, what was passing is not.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const look = async () => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  const first = await look();
  if (first.length === 0) return first;
  await new Promise((resolve) => setTimeout(resolve, 500));
  return look();
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A screenshot for the documentation: the viewport only, at 1280×800, scrolled to the top,
 * so the file stays small. Written to e2e/out/docs; `TSP_UPDATE_DOC_SCREENSHOTS=1 npm test`
 * writes docs/screenshots (committed) instead, so an ordinary test run never edits the repository.
 */
export async function saveDocScreenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.TSP_UPDATE_DOC_SCREENSHOTS === '1' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : path.join(PROJECT_ROOT, 'e2e', 'out', 'docs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: false });
  if (before !== null) await page.setViewportSize(before);
  return file;
}

/** A catalog message as the renderer writes it in `locale` (dates by locale, places by name). */
// The page translates legal sources in Chinese once their module has loaded (renderer/text/legal-sources.ts); so does `rendered`.
await loadLegalSources();

export function rendered(locale: Locale, key: MessageKey | string, params: StoredMessageParams = {}): string {
  return renderMessage(locale, key, params);
}

/** The count line, "12 of 300 cases". */
export function countLine(shown: number, total: number): string {
  const number = formatsFor('en').number;
  return t('en', 'ui.cases.count', { shown: number(shown), total });
}

/** A State's name as the page's own Intl writes it (Chromium's ICU names some places unlike Node's). */
export function regionName(page: Page, code: string, locale: Locale = 'en'): Promise<string> {
  return page.evaluate(([c, tag]) => new Intl.DisplayNames([tag], { type: 'region' }).of(c) ?? c, [code, INTL_LOCALE[locale]] as const);
}

/** The ids of the rows on screen, top to bottom. */
export async function rowIds(page: Page): Promise<string[]> {
  return page.locator('tbody tr.case-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-id') ?? ''));
}

const LANGUAGE_BUTTON: Record<Locale, string> = { en: 'English', 'zh-Hant': '繁體中文' };

/** Switches the masthead's language (nothing when it is already in force), and waits for the page to follow. */
export async function useLocale(page: Page, locale: Locale): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === locale) return;
  await page.getByRole('button', { name: LANGUAGE_BUTTON[locale] }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
}

/**
 * IVANOV: 2 years from 2024-01-10 in Switzerland (ETS 112 binds Switzerland and Russia; it has
 * not bound Hong Kong since 1 July 1997, treaty map), request received by Russia on 2025-06-10.
 * First day at liberty 2026-01-10 (ETS 112 counts to expiry): 214 days remain on 2025-06-10.
 * 6 months (to 2025-12-10) are left: eligible. 12 months (to 2026-06-10) are not; ETS 112
 * Art. 3(2) leaves the States free to agree anyway: eligible by exception.
 */
export function ivanovInSwitzerland() {
  const c = structuredClone(CASE_FIXTURES.formatExample) as Record<string, unknown>;
  return {
    ...c,
    ruleSetId: 'coe-ets-112',
    sentencingState: 'CH',
    sentences: [{ id: 'S1', start: '2024-01-10', term: { years: 2, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
    offences: [(c.offences as unknown[])[0]],
    remandDays: 0,
    financialObligations: [],
    events: { application: null, request: null, requestReceived: '2025-06-10', judgmentReceived: null, statesAgreed: null },
  };
}
