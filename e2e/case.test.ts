/**
 * The case screen in Chromium against the real router: identity bar, running an
 * assessment and reading every condition with its article, the date arithmetic, the
 * history, both languages, a refused assessment shown as an error, and accessibility.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AssessmentRecord, CaseSummary } from '../shared/api-schemas.ts';
import { en } from '../shared/i18n/en.ts';
import { fieldOfMissing } from '../shared/eligibility/missing.ts';
import { t } from '../shared/i18n/index.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { openSeededShell, regionName, rendered, saveDocScreenshot, saveScreenshot, seriousViolations } from './harness.ts';
import type { Shell } from './shell.ts';

const ASSESS_ON = '2024-06-30';
let shell: Shell;
let page: Page;
let chosen: CaseSummary;

/** A built-in rule-set by its instrument's name, as a title: "The Transfer Convention (ETS 112)". */
function instrumentTitle(ruleSetId: string): string {
  const label = t('en', `param.instrument.${ruleSetId}`);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
const latestAssessment = (caseId: string): AssessmentRecord => shell.dispatch('assessments.list', { caseId })[0]!;
const conditionRow = (id: string) => page.locator(`tr[data-condition="${id}"]`);

/** A case worth reading: it has a rule-set, computed dates, facts to find out and an unconfirmed rule. */
function caseWithEverything(): CaseSummary {
  const candidates = shell.dispatch('cases.list', { verdict: 'needs_information', limit: 500 }).items;
  const found = candidates.find((c) => {
    const { result } = latestAssessment(c.id);
    return (
      c.ruleSetId !== null &&
      result.dates.releaseDate !== null &&
      result.steps.length > 2 &&
      result.conditions.some((k) => k.missing.length > 0) &&
      result.conditions.some((k) => k.confidence === 'U')
    );
  });
  if (found === undefined) throw new Error('the demo store has no case with dates, missing facts and an unconfirmed rule');
  return found;
}

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  chosen = caseWithEverything();
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('case screen', { timeout: 60_000 }, () => {
  it('shows the identity bar: name, native name, prison number, A → B, rule-set and status', async () => {
    await shell.open(`#/case/${chosen.id}`);
    const bar = page.locator('.identity-bar');
    await expect.poll(() => bar.locator('h1 .family-name').textContent()).toBe(chosen.familyName.toUpperCase());
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const facts = await bar.locator('.facts').textContent();
    const [from, to] = [await regionName(page, chosen.sentencingState), await regionName(page, chosen.administeringState)];
    expect(facts).toContain(`${from} → ${to}`);
    expect(facts).toContain(instrumentTitle(chosen.ruleSetId!)); // by name, never its id
    expect(facts).toContain(en[`ui.caseStatus.${chosen.status!}`]);
    if (chosen.prisonNumber !== null) expect(facts).toContain(chosen.prisonNumber);
    if (chosen.nativeName !== null) expect(await bar.locator('h1').textContent()).toContain(chosen.nativeName);
    expect(await page.getByLabel('Rule-set').inputValue()).toBe(chosen.ruleSetId);
  });

  it('runs an assessment “as on” a date and shows the verdict, every condition with its article, and the history', async () => {
    const before = shell.dispatch('assessments.list', { caseId: chosen.id }).length;
    await page.getByLabel('Assess as on (optional)').fill(ASSESS_ON);
    await page.getByRole('button', { name: 'Run assessment' }).click();
    await expect.poll(() => page.locator('.run-assessment__status').textContent()).toMatch(/^Assessment finished: /);

    const latest = latestAssessment(chosen.id);
    expect(latest.on).toBe(ASSESS_ON);
    expect(shell.dispatch('assessments.list', { caseId: chosen.id })).toHaveLength(before + 1);
    const { result } = latest;

    const verdict = page.locator('.assessment-result .verdict');
    expect(await verdict.locator('.verdict__word').textContent()).toBe(en[`verdict.${result.verdict}`]);
    // Why, as of which day: the reference date, and each mandatory condition that decided the verdict by name.
    const why = await verdict.locator('.verdict__detail').textContent();
    expect(why).toContain(formatsFor('en').date(result.referenceDate));
    const decidedBy = { eligible: null, ineligible: 'not_met', needs_information: 'unknown', eligible_by_exception: 'waived' }[result.verdict];
    for (const c of result.conditions.filter((c) => c.status === decidedBy && (decidedBy === 'waived' || c.effect === 'mandatory'))) expect(why).toContain(en[`condition.${c.id}`]);
    expect(await verdict.getAttribute('class')).toContain(`verdict--${result.verdict}`);
    expect(await page.locator('.assessment-result__meta').textContent()).toContain(
      `under ${t('en', `param.instrument.${latest.ruleSet.id}`)} version ${latest.ruleSet.version}. Reference date: ${formatsFor('en').date(ASSESS_ON)}.`,
    );

    expect(await page.locator('.conditions-table tbody tr').count()).toBe(result.conditions.length);
    for (const condition of result.conditions) {
      const row = conditionRow(condition.id);
      const cells = await row.locator('th, td').allTextContents();
      expect(cells[0]).toBe(en[`status.${condition.status}`]);
      expect(cells[1]).toContain(en[`condition.${condition.id}`]);
      expect(cells[2]).toContain(rendered('en', condition.messageKey, condition.params));
      expect(cells[3]).toContain(condition.source);
      if (condition.confidence === 'U') expect(cells[3]).toContain('unconfirmed');
      if (condition.confidence === 'S') expect(cells[3]).toContain('secondary source');
      if (condition.confidence === 'C') expect(await row.locator('.marker').count()).toBe(0);
      if (condition.missing.length > 0) {
        expect(cells[2]).toContain('Find out:');
        // Each fact by name, never by its path in the case file.
        for (const field of condition.missing) {
          expect(cells[2]).toContain(en[`ui.field.${fieldOfMissing(field)}` as keyof typeof en]);
          expect(cells[2]).not.toContain(field);
        }
      }
    }
    for (const flag of result.flags.filter((f) => !f.startsWith('partial:'))) {
      expect(await page.locator('.flags').textContent()).toContain(rendered('en', `flag.${flag}`));
    }

    const history = page.locator('.history__item');
    expect(await history.count()).toBe(before + 1);
    expect(await history.first().textContent()).toContain('Latest');
    expect(await history.first().textContent()).toContain(`reference date ${formatsFor('en').date(result.referenceDate)}`);
  });

  it('shows the computed dates and, on request, how we got them; Esc folds the steps away', async () => {
    const { result } = latestAssessment(chosen.id);
    const dates = page.locator('.computed-dates');
    expect(await dates.textContent()).toContain(formatsFor('en').deadline(result.dates.releaseDate!));
    expect(await dates.textContent()).toContain(rendered('en', 'ui.dates.remainingOn', { date: formatsFor('en').date(result.referenceDate) }));
    expect((await dates.textContent())?.includes(en['ui.dates.remainingToday'])).toBe(result.referenceDate !== new Date().toISOString().slice(0, 10));
    const toggle = page.getByRole('button', { name: 'How we got this date' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const steps = await dates.locator('.steps li').allTextContents();
    expect(steps).toEqual(result.steps.map((s) => rendered('en', s.key, s.params)));

    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('How we got this date');
    expect(page.url()).toContain(`#/case/${chosen.id}`); // Esc closed the steps, not the case
  });

  it('shows the release at expiry and the earliest release with remission, and the time remaining on the reference date and today, each labelled', async () => {
    const sentencedInHongKong = shell
      .dispatch('cases.list', { limit: 500 })
      .items.find((c) => (shell.dispatch('assessments.list', { caseId: c.id })[0]?.result.dates.remissionDays ?? 0) > 0);
    if (sentencedInHongKong === undefined) throw new Error('the demo store has no case with remission projected');
    const { result } = latestAssessment(sentencedInHongKong.id);
    await shell.open(`#/case/${sentencedInHongKong.id}`);
    const dates = page.locator('.computed-dates');
    await expect.poll(() => dates.textContent()).toContain(en['ui.dates.discharge']);
    const text = (await dates.textContent())!;
    const f = formatsFor('en');
    expect(text).toContain(f.deadline(result.dates.releaseDate!));
    expect(text).toContain(rendered('en', 'ui.dates.dischargeValue', { date: f.deadline(result.dates.expectedDischargeDate!), days: result.dates.remissionDays! }));
    // The days counted from the reference date are the engine's own figure, and say from when.
    expect(text).toContain(rendered('en', 'ui.dates.remainingOn', { date: f.date(result.referenceDate) }));
    expect(text).toContain(`${new Intl.NumberFormat('en').format(Math.abs(result.dates.remainingDays!))} day`);
    // Counted again from today unless the reference date is today.
    const today = new Date().toISOString().slice(0, 10);
    if (result.referenceDate === today) expect(text).not.toContain(en['ui.dates.remainingToday']);
    else expect(text).toContain(en['ui.dates.remainingToday']);
    await saveScreenshot(page, 'case-dates-remission');
    await shell.open(`#/case/${chosen.id}`);
  });

  it('has no serious or critical axe violations in English', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case');
    await saveDocScreenshot(page, 'case');
  });

  it('switches to Traditional Chinese, keeps it across a reload, and switches back', async () => {
    const { result } = latestAssessment(chosen.id);
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.locator('#eligibility-title').textContent()).toBe('資格');
    expect(await page.locator('.verdict__word').textContent()).toBe(zhHant[`verdict.${result.verdict}`]);
    for (const condition of result.conditions) {
      const cells = await conditionRow(condition.id).locator('th, td').allTextContents();
      expect(cells[0]).toBe(zhHant[`status.${condition.status}`]);
      expect(cells[1]).toContain(zhHant[`condition.${condition.id}`]);
      expect(cells[2]).toContain(rendered('zh-Hant', condition.messageKey, condition.params));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-zh-Hant');

    await page.reload();
    await expect.poll(() => page.locator('#eligibility-title').textContent()).toBe('資格');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('#eligibility-title').textContent()).toBe('Eligibility');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows a refused assessment as an error summary linked to the field, and keeps the case as it was', async () => {
    const created = shell.dispatch('cases.create', {
      case: { format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'PH', person: { familyName: 'REYES', givenNames: 'Ana' } },
    });
    await shell.open(`#/case/${created.id}`);
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('REYES');
    expect(await page.getByLabel('Rule-set').inputValue()).toBe('');

    await page.getByRole('button', { name: 'Run assessment' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.textContent()).toContain('There is a problem');
    expect(await summary.textContent()).toContain(en['error.ruleset_required']);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getByLabel('Rule-set').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#assess-rule-set-error').textContent()).toBe('the case names no rule-set: choose one');

    await summary.getByRole('link', { name: 'Rule-set: the case names no rule-set: choose one' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assess-rule-set');
    expect(shell.dispatch('assessments.list', { caseId: created.id })).toEqual([]);
    expect(await page.locator('.panel--eligibility').textContent()).toContain(en['ui.eligibility.notAssessed']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says so when the case does not exist, with a way back', async () => {
    await shell.open('#/case/00000000-0000-4000-8000-000000000000');
    const failure = page.locator('.state--error');
    await expect.poll(() => failure.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The case could not be opened');
    expect(await failure.textContent()).toContain(en['error.case_not_found']);
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cases');
  });

  it('called only the channels the screen needs, and raised no page errors, console errors or CSP refusals', () => {
    // An incoming case also shows the sentence to be enforced here.
    const incoming = shell.dispatch('cases.get', { id: chosen.id }).case.direction === 'incoming' ? ['enforcement.compute'] : [];
    // Where else the person could go: the routes, and the treaty table for a tie without one.
    const routes = ['routes.forCase', ...(shell.channels.includes('treaties.table') ? ['treaties.table'] : [])];
    expect(new Set(shell.channels)).toEqual(
      new Set(['session.current', 'rulesets.list', 'cases.get', 'assessments.list', 'cases.events', 'assessments.run', 'cases.list', 'workflow.state', 'documents.list', 'cases.work', ...routes, ...incoming]),
    );
    expect(shell.problems).toEqual([]);
  });
});
