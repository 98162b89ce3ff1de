/**
 * The Treaties page in Chromium against the real router: the list with unconfirmed rules
 * marked, a rule-set's parameters by condition, editing a duration, a choice and a list as a new
 * version (every problem at once first), its effect shown before it is saved (the dry run), the
 * re-assessment that follows once confirmed, run by the main
 * process (its batches on a worker thread) with its progress bar, the
 * report saying which verdict changed and why, the diff of the two versions; both
 * languages, axe, screenshots.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../shared/i18n/en.ts';
import { t } from '../shared/i18n/index.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../shared/treaties/library.ts';
import { ivanovInSwitzerland, OUT_DIR, openSeededShell, saveScreenshot, seriousViolations } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let ivanovId: string;

async function switchTo(language: 'en' | 'zh-Hant') {
  await page.getByRole('button', { name: language === 'en' ? 'English' : '繁體中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  ivanovId = shell.dispatch('cases.create', { case: ivanovInSwitzerland() }).id;
  expect(shell.dispatch('assessments.run', { caseId: ivanovId }).verdict).toBe('eligible');
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('treaties page', { timeout: 90_000 }, () => {
  it('lists every rule-set with its kind, the date in force and its unconfirmed rules marked by word and icon', async () => {
    await shell.open('#/treaties');
    const rows = page.locator('.treaties-table tbody tr');
    await expect.poll(() => rows.count()).toBe(BUILT_IN_RULESETS.length);
    const hkRu = page.locator('tr[data-ruleset="hk-ru-2021"]');
    expect(await hkRu.locator('.confidence--U').textContent()).toMatch(/^\d+ unconfirmed$/);
    expect(await hkRu.locator('.confidence--U svg').count()).toBe(1);
    expect(await page.locator('tr[data-ruleset="coe-ets-112"] td').nth(1).textContent()).toBe(en['treaties.kind.multilateral']);
    await expect.poll(() => page.locator('.treaties-reports .empty').textContent()).toBe(en['ui.treaties.reports.none']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaties');
    await switchTo('zh-Hant');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(zhHant['ui.treaties.title']);
    expect(await hkRu.locator('.confidence--U').textContent()).toMatch(/^\d+ 項未確認$/);
    // A built-in instrument by its Chinese name; in English, by the title the rule-set carries.
    expect(await page.locator('tr[data-ruleset="coe-ets-112"] td').first().textContent()).toBe(zhHant['param.instrument.coe-ets-112']);
    await saveScreenshot(page, 'treaties-zh-Hant');
    await switchTo('en');
  });

  it('imports a rule-set file, refusing a bad one with each reason and its field path', async () => {
    const input = page.locator('#ruleset-import-file');
    const file = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
    const good = { ...builtInRuleSet('hk-us-1997')!, version: '2030-draft', effectiveFrom: '2030-01-01' };
    await input.setInputFiles(file('bad.json', { ...good, effectiveFrom: '2030-02-30', minRemaining: { ...good.minRemaining, source: '' } }));
    const problems = page.locator('.ruleset-import .error-summary li');
    await expect.poll(() => problems.allTextContents()).toEqual([
      `effectiveFrom: ${en['validation.date.real']}`,
      `minRemaining.source: ${en['validation.ruleset.source']}`,
    ]);
    expect(shell.dispatch('rulesets.get', { id: 'hk-us-1997' }).versions).toHaveLength(1);
    await input.setInputFiles(file('good.json', good));
    await expect.poll(() => page.locator('.ruleset-import__done').textContent()).toBe('Imported hk-us-1997 version 2030-draft.');
    expect(shell.dispatch('rulesets.get', { id: 'hk-us-1997' }).versions.map((v) => v.version)).toEqual(['2030-draft', '1997']);
    // Not in force until 2030: nothing to re-assess yet.
    expect(await page.locator('.reassess').count()).toBe(0);
  });

  it('shows a rule-set’s parameters grouped by condition, each with value in words, source and confidence', async () => {
    await page.getByRole('link', { name: 'coe-ets-112' }).click();
    await expect.poll(() => page.locator('[data-group="remaining-sentence"] h3').textContent()).toBe(en['condition.remaining-sentence']);
    const minRemaining = page.locator('[data-group="remaining-sentence"] tbody tr').first();
    expect(await minRemaining.locator('td').first().textContent()).toBe('At least 6 months to serve (mandatory; the States may agree otherwise)');
    expect(await minRemaining.locator('td').nth(1).textContent()).toBe('ETS 112 Art. 3(1)(c); exceptional cases by agreement, Art. 3(2)');
    // remainingBasis is an app reading, unconfirmed: marked so nobody takes it for law.
    const basis = page.locator('[data-group="remaining-sentence"] tbody tr.param--U');
    expect(await basis.locator('.confidence').textContent()).toBe('Unconfirmed');
    expect(await basis.textContent()).toContain(en['ui.treaties.unconfirmedNote']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaty');
  });

  it('edits a duration, a choice and a list in their own fields, lists every problem at once in both languages, and shows the effect before saving', async () => {
    const id = (path: string) => `#f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const built = builtInRuleSet('coe-ets-112')!;
    await page.getByRole('link', { name: 'Edit as a new version' }).click();
    await page.locator('#edit-version').fill('2025-12m');
    await page.locator('#edit-effectiveFrom').fill('2025-01-01');
    // A duration: years, months and days, with the words they make.
    const months = page.locator(id('ruleSet.minRemaining.value.duration.months'));
    expect(await months.inputValue()).toBe('6');
    await months.fill('12');
    await expect.poll(() => page.locator('[data-param="minRemaining"] [data-duration-words]').textContent()).toBe('Now: 12 months');
    await page.locator(id('ruleSet.minRemaining.value.duration.years')).fill('one');
    await page.locator('#edit-minRemaining-source').fill('');
    // A choice, by its words.
    await page.locator(id('ruleSet.dualCriminality.value.effect')).selectOption({ label: en['treaties.effect.optional-refusal'] });
    // A list of choices, as checkboxes.
    const ground = page.locator(`${id('ruleSet.discretionaryRefusalGrounds.value')}-dual-national`);
    const hadGround = built.discretionaryRefusalGrounds.value.includes('dual-national');
    expect(await ground.isChecked()).toBe(hadGround);
    await ground.setChecked(!hadGround);
    await page.locator('#edit-reason').fill('Hong Kong practice: 12 months remaining');
    // No parameter of a built-in rule-set is left to raw JSON: lists of objects and unions of shapes have fields too.
    expect(await page.locator('[data-param][data-editor="json"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Check the effect, then save' }).click();

    // Both problems in one round, each by the field's name, beside the field and in the summary.
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    const message = en['validation.ruleset.source'];
    expect(await page.locator('#edit-minRemaining-source-error').textContent()).toBe(message);
    expect(await page.locator(`${id('ruleSet.minRemaining.value.duration.years')}-error`).textContent()).toBe(en['ruleset.field.wholeNumber']);
    const links = await page.locator('.error-summary a').allTextContents();
    expect(links).toHaveLength(2);
    expect(links.join('|')).toContain(`${en['treaties.param.minRemaining']}: ${en['ui.treaties.params.source']}`);
    expect(links.join('|')).toContain(`${en['treaties.param.minRemaining']}: ${en['ruleset.field.minRemaining.duration']} – ${en['ui.treaties.editor.years']}`);
    expect(await page.locator('.error-summary').textContent()).not.toContain('ruleSet.');
    await saveScreenshot(page, 'treaty-editor-error');
    await page.locator('[data-param="minRemaining"]').screenshot({ path: path.join(OUT_DIR, 'treaty-editor-field-error.png') });
    await switchTo('zh-Hant');
    expect(await page.locator('.error-summary').textContent()).toContain(zhHant['ruleset.field.wholeNumber']);
    expect(await page.locator('#edit-minRemaining-source-error').textContent()).toBe(zhHant['validation.ruleset.source']);
    expect(await page.locator('[data-param="minRemaining"] legend').first().textContent()).toBe(zhHant['treaties.param.minRemaining']);
    await page.locator('[data-param="minRemaining"]').screenshot({ path: path.join(OUT_DIR, 'treaty-editor-field-error-zh-Hant.png') });
    await switchTo('en');
    expect(shell.dispatch('rulesets.get', { id: 'coe-ets-112' }).versions).toHaveLength(1);

    await page.locator(id('ruleSet.minRemaining.value.duration.years')).fill('0');
    await page.locator('#edit-minRemaining-source').fill('Hong Kong practice, as the HK–US agreement');
    await page.locator('#edit-minRemaining-confidence').selectOption('S');
    await page.getByRole('button', { name: 'Check the effect, then save' }).click();

    // The dry run: nothing saved yet, the effect counted, IVANOV named.
    const impact = page.locator('.reassess-impact[data-phase="done"]');
    await expect.poll(() => impact.count(), { timeout: 60_000 }).toBe(1);
    expect(await impact.locator('[data-impact-summary]').textContent()).toMatch(/^\d+ open cases are under this rule-set: \d+ verdicts? would change; \d+ would stay as it is\.$/);
    const person = impact.locator(`tr[data-case-id="${ivanovId}"]`);
    expect(await person.locator('th').textContent()).toBe('IVANOV');
    expect(await person.locator('.badge').allTextContents()).toEqual([en['verdict.eligible'], en['verdict.eligible_by_exception']]);
    expect(await impact.locator('tr[data-transition="eligible>eligible_by_exception"] td').textContent()).toMatch(/^\d+$/);
    expect(shell.dispatch('rulesets.get', { id: 'coe-ets-112' }).versions).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);
    await impact.screenshot({ path: path.join(OUT_DIR, 'treaty-reassess-impact.png') });
    await switchTo('zh-Hant');
    expect(await impact.locator('h2').textContent()).toBe(zhHant['reassess.preview.title']);
    await impact.screenshot({ path: path.join(OUT_DIR, 'treaty-reassess-impact-zh-Hant.png') });
    await switchTo('en');
    await page.getByRole('button', { name: /^Save and re-assess the \d+ open cases$/ }).click();
    await expect.poll(() => page.url()).toMatch(/#\/treaties\/coe-ets-112$/);

    // The saved version, read back: what the fields said.
    const saved = shell.dispatch('rulesets.get', { id: 'coe-ets-112' }).versions.find((v) => v.version === '2025-12m')!.ruleSet;
    expect(saved.minRemaining).toMatchObject({ value: { duration: { years: 0, months: 12, days: 0 }, effect: built.minRemaining.value!.effect }, confidence: 'S' });
    expect(saved.dualCriminality.value.effect).toBe('optional-refusal');
    expect(saved.discretionaryRefusalGrounds.value.includes('dual-national')).toBe(!hadGround);
    for (const key of ['deadlines', 'documents', 'consent', 'link', 'finality'] as const) expect(saved[key]).toEqual(built[key]);
  });

  it('runs the re-assessment it confirmed in the main process with a progress bar, and reports IVANOV by name, prison number and reference, the parameters changed, and exports', async () => {
    const done = page.locator('.reassess__progress [role="status"]');
    await expect.poll(() => done.textContent(), { timeout: 60_000 }).toMatch(/^Re-assessment finished: \d+ of \d+ verdicts changed\.$/);
    expect(await page.locator('.reassess progress').count()).toBe(1);
    await page.getByRole('link', { name: 'Read the report' }).click();
    const row = page.locator(`.report-table tr[data-case-id="${ivanovId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe('IVANOV, Pyotr');
    expect(await row.locator('td').nth(1).textContent()).toBe('CSD-2024-0012');
    // Back to the rule-set by its instrument's name, not its id.
    expect(await page.locator('.back-link').textContent()).toBe('The Transfer Convention (ETS 112)');
    expect(await row.locator('.badge').allTextContents()).toEqual([en['verdict.eligible'], en['verdict.eligible_by_exception']]);
    expect(await row.locator('[data-condition="remaining-sentence"]').textContent()).toBe('Remaining sentence: Met → By exception');
    const param = page.locator('.report-parameters tr[data-param="minRemaining"]');
    expect(await param.locator('th').textContent()).toBe(en['treaties.param.minRemaining']);
    expect(await param.locator('td').nth(1).textContent()).toBe('At least 12 months to serve (mandatory; the States may agree otherwise)');
    // Nothing silent: the case's own history holds the new assessment, made with the new version.
    const latest = shell.dispatch('assessments.list', { caseId: ivanovId })[0]!;
    expect(latest).toMatchObject({ verdict: 'eligible_by_exception', ruleSet: { id: 'coe-ets-112', version: '2025-12m' } });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    expect((await download).suggestedFilename()).toBe('tsp-reassessment-coe-ets-112-2025-12m-en.csv');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaty-report');
    await switchTo('zh-Hant');
    expect(await row.locator('[data-condition="remaining-sentence"]').textContent()).toBe('尚餘刑期：符合 → 例外');
    expect(await param.locator('th').textContent()).toBe(zhHant['treaties.param.minRemaining']);
    await saveScreenshot(page, 'treaty-report-zh-Hant');
    await switchTo('en');
  });

  it('shows the two versions side by side: the minimum remaining changed in value, source and confidence', async () => {
    await shell.open('#/treaties/coe-ets-112');
    const diffRow = page.locator('.diff-table tr[data-param="minRemaining"]');
    await expect.poll(() => diffRow.count()).toBe(1);
    expect(await diffRow.locator('.diff-row__aspects').textContent()).toBe('Changed: value, source, confidence');
    const cells = await diffRow.locator('td > p:first-child').allTextContents();
    expect(cells).toEqual(['At least 6 months to serve (mandatory; the States may agree otherwise)', 'At least 12 months to serve (mandatory; the States may agree otherwise)']);
    expect(await page.locator('tr[data-version="2025-12m"] .badge--in-force').count()).toBe(1);
    await page.locator('#diff-title').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'treaty-diff');
    await switchTo('zh-Hant');
    expect(await diffRow.locator('td > p:first-child').last().textContent()).toBe('尚須服刑至少12個月（強制；雙方可另行同意）');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'treaty-diff-zh-Hant');
    await switchTo('en');
  });

  it('shows the effect of a version pending from elsewhere before re-assessing under it, then runs it on confirmation', async () => {
    // Back to 6 months from 1 February, saved without the page (as an import does): pending.
    const back = { ...builtInRuleSet('coe-ets-112')!, version: '2025-6m', effectiveFrom: '2025-02-01' };
    shell.dispatch('rulesets.save', { ruleSet: back, reason: 'the 12-month practice withdrawn' });
    // The page read again (it was open on this rule-set).
    await shell.open('#/treaties');
    await shell.open('#/treaties/coe-ets-112');
    const pending = page.locator('.reassess__run[data-pending="rule-set:coe-ets-112@2025-6m"]');
    await expect.poll(() => pending.count()).toBe(1);
    await pending.getByRole('button', { name: 'Re-assess now' }).click();
    const impact = pending.locator('.reassess-impact[data-phase="done"]');
    await expect.poll(() => impact.count(), { timeout: 60_000 }).toBe(1);
    expect(await impact.locator(`tr[data-case-id="${ivanovId}"] .badge`).allTextContents()).toEqual([en['verdict.eligible_by_exception'], en['verdict.eligible']]);
    // Nothing run yet.
    expect(shell.dispatch('assessments.list', { caseId: ivanovId })[0]!.ruleSet.version).toBe('2025-12m');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.reassess').screenshot({ path: path.join(OUT_DIR, 'treaty-reassess-pending-impact.png') });
    await pending.getByRole('button', { name: /^Re-assess the \d+ open cases$/ }).click();
    const done = page.locator('.reassess__progress [role="status"]');
    await expect.poll(() => done.textContent(), { timeout: 60_000 }).toMatch(/^Re-assessment finished: \d+ of \d+ verdicts changed\.$/);
    expect(shell.dispatch('assessments.list', { caseId: ivanovId })[0]).toMatchObject({ verdict: 'eligible', ruleSet: { version: '2025-6m' } });
  });

  it('shows the jurisdiction profiles and saves a new Hong Kong version with its appeal period', async () => {
    await shell.open('#/treaties/profiles');
    const builtInHk = page.locator('tr[data-profile="HK@built-in"]');
    await expect.poll(() => builtInHk.locator('td').first().locator('p').first().textContent()).toBe('up to 1/3, never below 31 days');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#profile-version').fill('2026-appeal');
    await page.locator('#profile-effectiveFrom').fill('2026-01-01');
    await page.locator('#profile-appeal').fill('28');
    await page.locator('#profile-appealSource').fill('Entered by the legal officer, to be confirmed');
    await page.locator('#profile-reason').fill('appeal period recorded');
    await page.getByRole('button', { name: 'Save the new version' }).click();
    const saved = page.locator('tr[data-profile="HK@2026-appeal"]');
    await expect.poll(() => saved.locator('.badge--in-force').count()).toBe(1);
    expect(await saved.locator('td').nth(2).locator('p').first().textContent()).toBe('28 days');
    // In force since 2026-01-01: the open cases sentenced in Hong Kong are re-assessed under it, with a report.
    const run = page.locator('.reassess__run');
    await expect.poll(() => run.locator('p').first().textContent()).toMatch(/^Jurisdiction profile Hong Kong \(HK\) version 2026-appeal is in force from 1 Jan 2026: \d+ open cases are to be re-assessed under it\.$/);
    await run.getByRole('button', { name: 'Re-assess now' }).click();
    await expect.poll(() => run.locator('[role=status]').textContent(), { timeout: 60_000 }).toMatch(/^Re-assessment finished: \d+ of \d+ verdicts changed\.$/);
    await run.getByRole('link', { name: 'Read the report' }).click();
    await expect.poll(() => page.locator('.report-screen dl').textContent()).toContain('Jurisdiction profileJurisdiction profile Hong Kong (HK) 2026-appeal');
    await page.goBack();
    await expect.poll(() => saved.locator('.badge--in-force').count()).toBe(1);
    await saveScreenshot(page, 'treaty-profiles');
    await switchTo('zh-Hant');
    expect(await saved.locator('td').nth(2).locator('p').first().textContent()).toBe('28 日');
    await saveScreenshot(page, 'treaty-profiles-zh-Hant');
    await switchTo('en');
  });

  it("edits a Hong Kong rule-set's dual-nationality rule by sentencing side and its deadlines in fields, not JSON, naming each row's problem (both languages)", async () => {
    const id = (p: string) => `#f-${p.replace(/[^A-Za-z0-9]+/g, '-')}`;
    await shell.open('#/treaties/hk-gb');
    const row = page.locator('[data-group="dual-nationality"] tbody tr').first();
    await expect.poll(() => row.locator('td').first().textContent()).toMatch(/^Allowed; sentenced in Hong Kong( SAR China)?: Bars the transferNote: /);
    await shell.open('#/treaties/hk-gb/edit');
    // The union's second shape (a rule by sentencing place) is chosen, its one row Hong Kong: bars.
    await expect.poll(() => page.locator(`${id('ruleSet.dualNationality.value.variant')}-1`).isChecked()).toBe(true);
    expect(await page.locator(id('ruleSet.dualNationality.value.default')).inputValue()).toBe('allow');
    expect(await page.locator(id('ruleSet.dualNationality.value.bySentencingState.0.state')).inputValue()).toBe('HK');
    expect(await page.locator(id('ruleSet.dualNationality.value.bySentencingState.0.value')).inputValue()).toBe('bar');
    expect(await page.locator('[data-param][data-editor="json"]').count()).toBe(0);

    // A row added without its State, and a deadline whose days are not a number: both named by their row.
    const dual = page.locator('[data-param="dualNationality"]');
    await dual.getByRole('button', { name: en['ruleset.field.addState'] }).click();
    const deadlines = page.locator('[data-param="deadlines"]');
    const before = await deadlines.locator('fieldset.param-row--item').count();
    await deadlines.getByRole('button', { name: en['ruleset.field.add'], exact: true }).click();
    const at = (field: string) => id(`ruleSet.deadlines.value.${before}.${field}`);
    await page.locator(at('id')).fill('warrant-issued');
    await page.locator(at('after')).fill('statesAgreed');
    await page.locator(at('days')).fill('thirty');
    await page.locator('#edit-version').fill('2026-12-fields');
    await page.locator('#edit-effectiveFrom').fill('2026-12-07');
    await page.locator('#edit-reason').fill('The warrant within 30 days of the agreement');
    await page.getByRole('button', { name: 'Check the effect, then save' }).click();
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    const links = await page.locator('.error-summary a').allTextContents();
    expect(links.sort()).toEqual(
      [
        `${en['treaties.param.deadlines']}: ${t('en', 'ruleset.field.deadlines.row', { n: before + 1 })} – ${en['ruleset.field.deadlines.days']}: ${en['ruleset.field.wholeNumber']}`,
        `${en['treaties.param.dualNationality']}: ${en['ruleset.field.dualNationality.bySentencingState']} – ${t('en', 'ruleset.field.row', { n: 2 })}: ${en['validation.country.select']}`,
      ].sort(),
    );
    expect(await page.locator(`${at('days')}-error`).textContent()).toBe(en['ruleset.field.wholeNumber']);
    expect(await seriousViolations(page)).toEqual([]);
    await dual.screenshot({ path: path.join(OUT_DIR, 'treaty-editor-by-state.png') });
    await deadlines.screenshot({ path: path.join(OUT_DIR, 'treaty-editor-deadlines.png') });
    await switchTo('zh-Hant');
    expect(await page.locator('.error-summary').textContent()).toContain(`${zhHant['treaties.param.deadlines']}：${t('zh-Hant', 'ruleset.field.deadlines.row', { n: before + 1 })}`);
    expect(await dual.getByRole('radio', { name: zhHant['ruleset.field.dualNationality.variant.1'] }).isChecked()).toBe(true);
    await dual.screenshot({ path: path.join(OUT_DIR, 'treaty-editor-by-state-zh-Hant.png') });
    await switchTo('en');

    // Corrected: the empty row removed, the days a number; saved as the fields said.
    await dual.getByRole('button', { name: t('en', 'ruleset.field.removeRow', { row: t('en', 'ruleset.field.row', { n: 2 }) }) }).click();
    await page.locator(at('days')).fill('30');
    await page.getByRole('button', { name: 'Check the effect, then save' }).click();
    const impact = page.locator('.reassess-impact[data-phase="done"]');
    await expect.poll(() => impact.count(), { timeout: 60_000 }).toBe(1);
    await page.getByRole('button', { name: /^(Save this version|Save and re-assess the \d+ open cases?)$/ }).click();
    await expect.poll(() => page.url()).toMatch(/#\/treaties\/hk-gb$/);
    const built = builtInRuleSet('hk-gb')!;
    const saved = shell.dispatch('rulesets.get', { id: 'hk-gb' }).versions.find((v) => v.version === '2026-12-fields')!.ruleSet;
    expect(saved.dualNationality.value).toEqual(built.dualNationality.value);
    expect(saved.deadlines.value).toEqual([...built.deadlines.value, { id: 'warrant-issued', after: 'statesAgreed', days: 30, extendable: false }]);
    expect(saved.documents).toEqual(built.documents);
  });

  it('called only the treaty channels it needs, and raised no page errors, console errors or CSP refusals', () => {
    const treatyChannels = new Set(shell.channels.filter((c) => c.startsWith('rulesets.') || c.startsWith('profiles.')));
    expect(treatyChannels).toEqual(
      new Set([
        'rulesets.list', 'rulesets.get', 'rulesets.save', 'rulesets.pendingReassessments', 'rulesets.reassess', 'rulesets.reassessPreview',
        'rulesets.reassessReport', 'rulesets.reassessExport', 'rulesets.reassessReports', 'profiles.list', 'profiles.save',
      ]),
    );
    expect(shell.problems).toEqual([]);
  });
});
