/**
 * An incoming case's page in Chromium against the real router: the sentence as imposed abroad
 * and as enforced here side by side with the adaptation and its reason, the time served, the
 * release under our rules, every step; the Adaptation step refusing an aggravating decision and
 * recording one within the limits; both languages; accessibility; screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredEnforcement } from '../shared/enforcement/report.ts';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { formatsFor } from '../renderer/text/formats.ts';
import { OUT_DIR, rendered, saveScreenshot, seriousViolations } from './harness.ts';
import { PROJECT_ROOT } from './renderer-build.ts';
import { openShell, type Shell } from './shell.ts';

let shell: Shell;
let page: Page;

const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'fixtures', 'enforcement', `${name}.case.json`), 'utf8'));
const create = (name: string): string => shell.dispatch('cases.create', { case: fixture(name) }).id;
const computed = (caseId: string): StoredEnforcement => shell.dispatch('enforcement.compute', { caseId });
const section = () => page.locator('.panel--enforcement');
const row = (key: string) => section().locator(`tr[data-row="${key}"]`);
const cells = async (key: string) => (await row(key).locator('th, td').allTextContents()).map((s) => s.trim());
const enDate = formatsFor('en').date;

async function panelShot(name: string): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  await section().screenshot({ path: path.join(OUT_DIR, `${name}.png`) });
}

let adapted: string; // E01: 8 years, our maximum 72 months
beforeAll(async () => {
  shell = await openShell();
  page = shell.page;
  adapted = create('E01-adapted-above-our-maximum');
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('an incoming case: the sentence to be enforced here', { timeout: 60_000 }, () => {
  it('shows the sentence imposed abroad beside the sentence enforced here, with the adaptation and its reason', async () => {
    const e = computed(adapted);
    await shell.open(`#/case/${adapted}`);
    await expect.poll(() => section().locator('.verdict__word').textContent()).toBe(en['enforce.status.computed']);
    expect(await page.locator('#enforcement-title').textContent()).toBe(en['enforce.ui.title']);
    expect(await section().locator('thead th').allTextContents()).toEqual([en['enforce.report.imposed'], en['enforce.report.enforced']]);

    const s1 = await cells('sentence:S1');
    expect(s1[0]).toBe('Sentence S1');
    expect(s1[1]).toBe('8 years');
    expect(s1[2]).toContain('6 years');
    expect(s1[2]).toContain(`${en['enforce.outcome.adapted']} — our maximum 72 months (O1)`);
    expect(await row('sentence:S1').getAttribute('data-outcome')).toBe('adapted');
    expect(await cells('release')).toEqual([en['report.releaseDate'], enDate('2027-12-06'), enDate('2025-12-05')]);
    expect(await cells('end')).toEqual([en['enforce.ui.row.end'], enDate('2028-03-15'), enDate('2026-03-15')]);

    const text = (await section().textContent()) ?? '';
    expect(text).toContain(en['enforce.flag.adapted_to_our_maximum']);
    expect(text).toContain(en['enforce.flag.handover_provisional']); // no handover recorded yet
    expect(text).toContain(`${formatsFor('en').number(e.served!.totalDays)} days`);
    expect(text).toContain(formatsFor('en').deadline(e.release!.projectedRelease));
  });

  it('shows every step of the computation on request', async () => {
    const e = computed(adapted);
    const toggle = section().getByRole('button', { name: en['enforce.ui.howComputed'] });
    await toggle.click();
    expect(await section().locator('.steps li').allTextContents()).toEqual(e.steps.map((s) => rendered('en', s.key, s.params)));
    await toggle.click();
  });

  it('refuses a conversion that aggravates the sentence, saying why beside the term, and records nothing', async () => {
    const form = section().locator('.decision-form');
    await form.getByLabel(en['enforce.ui.form.procedure']).selectOption('conversion');
    await form.getByLabel(en['enforce.ui.form.authority']).fill('District Court of Amsterdam');
    await form.getByLabel(en['enforce.ui.form.date']).fill('2024-10-01');
    await form.getByLabel(en['ui.form.term.years']).fill('9');
    await form.getByLabel(en['enforce.ui.form.reason']).fill('conversion order received');
    await form.getByRole('button', { name: en['enforce.ui.form.submit'] }).click();

    const summary = form.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    const why = rendered('en', 'enforce.guard.aggravates', { end: '2028-03-15' });
    expect(await summary.textContent()).toContain(en['error.enforcement_refused']);
    expect(await summary.textContent()).toContain(why);
    expect(await form.locator('#decision-term-kind-error').textContent()).toContain(why);
    expect(shell.dispatch('cases.get', { id: adapted }).case.enforcement).toEqual({ procedure: 'continued', decision: null });
    expect(await seriousViolations(page)).toEqual([]);
    await panelShot('enforcement-refused');
  });

  it('records a conversion within the limits: the page then enforces the decision, with the time served deducted', async () => {
    const form = section().locator('.decision-form');
    await form.getByLabel(en['ui.form.term.years']).fill('5');
    await form.getByRole('button', { name: en['enforce.ui.form.submit'] }).click();
    await expect.poll(() => section().locator('.enforcement-decision').textContent()).toContain(en['enforce.ui.decision.accepted']);

    const stored = shell.dispatch('cases.get', { id: adapted }).case.enforcement;
    expect(stored).toEqual({ procedure: 'conversion', decision: { authority: 'District Court of Amsterdam', date: '2024-10-01', term: { years: 5, months: 0, days: 0 } } });
    const e = computed(adapted);
    // 2020-03-15 + 5 y = 2025-03-15; − 100 days before sentence: −14 → 03-01, −28 → 02-01, −31 → 01-01, −27 → 2024-12-05.
    expect(e.enforced).toMatchObject({ basis: 'decision', releaseDate: '2024-12-05' });
    expect((await cells('release'))[2]).toBe(enDate('2024-12-05'));
    expect(await section().locator('.enforcement-decision').textContent()).toBe(
      rendered('en', 'enforce.ui.decisionValue', {
        authority: 'District Court of Amsterdam', date: { date: '2024-10-01' }, term: '5 years', verdict: en['enforce.ui.decision.accepted'],
      }),
    );
    // The timeline has the step, and the Adaptation task is done.
    expect(await page.locator('.timeline__title').first().textContent()).toBe(en['ui.event.enforcement-decision']);
    const task = page.locator('.task-list__item', { hasText: en['workflow.task.adapt-sentence'] });
    expect(await task.locator('.tag').textContent()).toBe(en['workflow.taskStatus.completed']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'enforcement');
    await panelShot('enforcement-panel');
  });

  it('reads in Traditional Chinese, the steps too', async () => {
    const e = computed(adapted);
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.locator('#enforcement-title').textContent()).toBe(zhHant['enforce.ui.title']);
    expect(await section().locator('.verdict__word').textContent()).toBe(zhHant[`enforce.status.${e.status}`]);
    expect(await section().locator('thead th').allTextContents()).toEqual([zhHant['enforce.report.imposed'], zhHant['enforce.report.enforced']]);
    expect((await cells('release'))[0]).toBe(zhHant['report.releaseDate']);
    const toggle = section().getByRole('button', { name: zhHant['enforce.ui.howComputed'] });
    await toggle.click();
    expect(await section().locator('.steps li').allTextContents()).toEqual(e.steps.map((s) => rendered('zh-Hant', s.key, s.params)));
    expect(await seriousViolations(page)).toEqual([]);
    await panelShot('enforcement-panel-zh-Hant');
  });

  it('a Hong Kong case from Thailand, handed over, in Chinese: remission under r. 69 projected from the handover', async () => {
    const id = create('E06a-hong-kong-remission-whole-term');
    // The handover is recorded as the workflow records it, once the documents it needs are in.
    const { transitions } = shell.dispatch('workflow.state', { caseId: id });
    const missing = transitions.find((t) => t.transition === 'transfer')?.refusals.find((r) => r.guard === 'documents_missing')?.missing ?? [];
    for (const kind of missing) shell.dispatch('documents.setStatus', { caseId: id, kind, status: 'received' });
    shell.dispatch('workflow.transition', { id, expectedVersion: 1, transition: 'transfer', date: '2024-11-05', reason: 'handed over at the boundary' });
    const e = computed(id);
    // fixtures/enforcement/E06a: 1,705 days served, 1,582 to serve, r. 69 on the whole term: 1,095 days -> 2026-03-07.
    expect(e).toMatchObject({ handover: '2024-11-05', handoverSource: 'recorded', remainingDays: 1582, release: { remissionDays: 1095, projectedRelease: '2026-03-07' } });
    await shell.open(`#/case/${id}`);
    await expect.poll(() => section().locator('.verdict__word').textContent()).toBe(zhHant[`enforce.status.${e.status}`]);
    expect(await page.locator('h1').textContent()).toContain('梁偉傑');
    const s1 = await cells('sentence:S1');
    expect(s1[1]).toBe('9年');
    expect(s1[2]).toContain(zhHant['enforce.outcome.kept']);
    expect(await section().textContent()).toContain(zhHant['enforce.flag.unconfirmed_parameters']);
    expect(await section().textContent()).toContain(formatsFor('zh-Hant').deadline('2026-03-07'));
    expect(await section().textContent()).toContain('4年4個月1日（1,582 日）'); // 2024-11-05 → 2029-03-06
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'enforcement-zh-Hant');
    await panelShot('enforcement-hong-kong-zh-Hant');
  });

  it('a life sentence our law does not have: flagged for a decision, nothing computed', async () => {
    const id = create('E07-life-sentence-our-law-does-not-have');
    await shell.open(`#/case/${id}`);
    await expect.poll(() => section().locator('.verdict__word').textContent()).toBe(zhHant['enforce.status.needs_decision']);
    expect(await section().locator('li[data-flag="life_not_in_our_law"]').textContent()).toBe(zhHant['enforce.flag.life_not_in_our_law']);
    expect((await cells('release'))[2]).toBe(zhHant['enforce.ui.notComputed']);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => section().locator('.verdict__word').textContent()).toBe(en['enforce.status.needs_decision']);
    expect((await cells('sentence:S1'))[2]).toContain(en['enforce.outcome.life-not-in-our-law']);
    expect(await section().textContent()).toContain(enDate('2040-05-20')); // the latest end our maximum allows
    expect(await seriousViolations(page)).toEqual([]);
    await panelShot('enforcement-life');
  });

  it('the case form takes our maximum per offence and the decision, in both languages', async () => {
    const id = create('E02-within-our-maximum-kept');
    const field = (p: string) => page.locator(`#f-${p.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);
    await shell.open(`#/case/${id}`);
    await page.getByRole('button', { name: 'Edit case' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit case');
    expect(await field('offences[0].administeringMaxPenaltyMonths').inputValue()).toBe('240');
    expect(await field('enforcement.procedure').inputValue()).toBe('continued');

    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.getByRole('group', { name: zhHant['ui.form.section.enforcement'] }).count()).toBe(1);
    expect(await page.locator(`label[for="${'f-offences-0-administeringMaxPenaltyMonths'}"]`).textContent()).toContain(zhHant['ui.form.offence.administeringMaxPenaltyMonths']);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('group', { name: en['ui.form.section.enforcement'] }).count()).toBe(1);

    await field('offences[0].administeringMaxPenaltyMonths').fill('36');
    await field('enforcement.decision.authority').fill('District Court of Amsterdam');
    await field('enforcement.decision.date').fill('2023-10-02');
    await field('enforcement.decision.term').selectOption('fixed');
    await field('enforcement.decision.term.years').fill('3');
    await field('reason').fill('Our maximum and the adaptation order entered');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('group', { name: en['ui.form.section.enforcement'] }).screenshot({ path: path.join(OUT_DIR, 'enforcement-form.png') });
    await page.getByRole('group', { name: en['ui.form.offence.n'].replace('{n}', '1') }).screenshot({ path: path.join(OUT_DIR, 'enforcement-form-offence.png') });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => section().locator('.enforcement-decision').textContent()).toContain(en['enforce.ui.decision.accepted']);

    const stored = shell.dispatch('cases.get', { id }).case;
    expect(stored.offences[0]?.administeringMaxPenaltyMonths).toBe(36);
    expect(stored.enforcement).toEqual({ procedure: 'continued', decision: { authority: 'District Court of Amsterdam', date: '2023-10-02', term: { years: 3, months: 0, days: 0 } } });
    // 5 years from 2021-06-15 adapted to our maximum of 36 months: 2024-06-15, which the order keeps.
    expect((await cells('sentence:S1'))[2]).toContain('3 y');
    expect((await cells('release'))[2]).toBe(enDate('2024-06-15'));

    // "Life" in our law for the offence: the maximum is written as "life".
    await page.getByRole('button', { name: 'Edit case' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit case');
    await page.getByLabel(en['ui.form.offence.administeringLife']).check();
    await field('reason').fill('Our law provides life imprisonment');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => shell.dispatch('cases.get', { id }).case.offences[0]?.administeringMaxPenaltyMonths).toBe('life');
  });

  it('an outgoing case has no such section; the page raised no errors', async () => {
    const id = shell.dispatch('cases.create', { case: { format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'PH', person: { familyName: 'REYES' } } }).id;
    await shell.open(`#/case/${id}`);
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('REYES');
    expect(await section().count()).toBe(0);
    expect(shell.calls.filter((c) => c.channel === 'enforcement.compute').every((c) => (c.payload as { caseId: string }).caseId !== id)).toBe(true);
    expect(shell.problems).toEqual([]);
  });
});
