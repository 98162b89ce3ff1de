/**
 * The verdict's banner says why and as of which day (issue 18), in English and in Traditional
 * Chinese: the reference date and each mandatory condition that decided it, by name; and a case
 * that reads Eligible whose window for a transfer has closed says so in the banner itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AssessmentRecord } from '../shared/api-schemas.ts';
import { t } from '../shared/i18n/index.ts';
import { formatIsoDate, todayFrom } from '../shared/sentence/calendar.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { openSeededShell, saveScreenshot, seriousViolations, useLocale } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;

/** The latest own assessment of each open case, as the case page shows it. */
function latestAssessments(): AssessmentRecord[] {
  return shell.dispatch('cases.list', { limit: 500 }).items.flatMap((c) => shell.dispatch('assessments.list', { caseId: c.id }).slice(0, 1));
}

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
}, 120_000);
afterAll(async () => {
  await shell?.close();
});

describe('the verdict says why, as of which day', () => {
  const today = formatIsoDate(todayFrom(new Date()));
  for (const locale of ['en', 'zh-Hant'] as const) {
    it(`an Eligible case whose window has closed says so in its banner (${locale})`, async () => {
      // Demo cases were requested in 2024–25: some eligible then, with a last day to transfer long past.
      const closed = latestAssessments().find((a) => a.result.verdict === 'eligible' && a.result.transferWindow?.to != null && a.result.transferWindow.to < today);
      expect(closed, 'a demo case eligible with its window closed').toBeDefined();
      await shell.open(`#/case/${closed!.caseId}`);
      await useLocale(page, locale);
      const verdict = page.locator('.assessment-result .verdict');
      await expect.poll(() => verdict.locator('.verdict__word').textContent()).toBe(t(locale, 'verdict.eligible'));
      const f = formatsFor(locale);
      expect(await verdict.locator('.verdict__detail').textContent()).toBe(t(locale, 'ui.verdict.why.eligible', { date: f.date(closed!.result.referenceDate) }));
      expect(await verdict.locator('.verdict__closed').textContent()).toBe(t(locale, 'ui.verdict.windowClosed', { to: f.date(closed!.result.transferWindow!.to!) }));
      expect(await seriousViolations(page)).toEqual([]);
      await verdict.screenshot({ path: (await saveScreenshot(page, `verdict-window-closed-${locale}`)).replace('.png', '-banner.png') });
    });

    it(`a Not eligible case names the conditions not met (${locale})`, async () => {
      const refused = latestAssessments().find((a) => a.result.verdict === 'ineligible' && a.result.conditions.filter((c) => c.status === 'not_met' && c.effect === 'mandatory').length >= 2);
      expect(refused, 'a demo case not eligible on two conditions').toBeDefined();
      await shell.open(`#/case/${refused!.caseId}`);
      await useLocale(page, locale);
      const verdict = page.locator('.assessment-result .verdict');
      await expect.poll(() => verdict.locator('.verdict__word').textContent()).toBe(t(locale, 'verdict.ineligible'));
      const names = refused!.result.conditions.filter((c) => c.status === 'not_met' && c.effect === 'mandatory').map((c) => t(locale, `condition.${c.id}`));
      const conditions = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
      expect(await verdict.locator('.verdict__detail').textContent()).toBe(
        t(locale, 'ui.verdict.why.ineligible', { date: formatsFor(locale).date(refused!.result.referenceDate), conditions, count: names.length }),
      );
      expect(await verdict.locator('.verdict__closed').count()).toBe(0);
      await verdict.screenshot({ path: (await saveScreenshot(page, `verdict-why-ineligible-${locale}`)).replace('.png', '-banner.png') });
    });
  }
});
