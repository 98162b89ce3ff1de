/**
 * New case and Edit case in Chromium against the real router: a case created through the
 * form (a refusal shown in the error summary and beside the field, nothing typed lost),
 * assessed, its verdict and conditions read; edited (the unsaved-changes dialog, the
 * reason, a version conflict); the router's field errors in Chinese on the zh-Hant form;
 * financial obligations ("none" apart from "not recorded"), aliases and an expulsion, then an
 * it-br-2008 assessment reading the obligations; the list counting it; axe in both
 * languages; screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaseRecord } from '../shared/api-schemas.ts';
import { en } from '../shared/i18n/en.ts';
import { zhHant } from '../shared/i18n/zh-Hant.ts';
import { countLine, DEMO_CASES, OUT_DIR, openSeededShell, regionName, rendered, saveScreenshot, seriousViolations } from './harness.ts';
import type { Shell } from './shell.ts';

let shell: Shell;
let page: Page;
let template: CaseRecord;
let createdId: string;

const field = (path: string) => page.locator(`#f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);
const idFromUrl = () => /#\/case\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? null;

beforeAll(async () => {
  shell = await openSeededShell();
  page = shell.page;
  // A demo case's States and rule-set: a pair the built-in rule-sets know.
  const first = shell.dispatch('cases.list', { limit: 500 }).items.find((c) => c.ruleSetId !== null)!;
  template = shell.dispatch('cases.get', { id: first.id });
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('case form', { timeout: 60_000 }, () => {
  it('opens “New case” from the list, every control labelled, with no serious or critical axe violation', async () => {
    await shell.open('#/cases');
    await page.getByRole('button', { name: 'New case' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New case');
    expect(page.url()).toContain('#/cases/new');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByLabel('Family name').count()).toBe(1);
    expect(await page.getByLabel('Sentencing State or place').count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Judgment final' }).getByRole('radio').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form');
  });

  it('shows a refusal in the error summary and beside the field, and keeps everything typed', async () => {
    const c = template.case;
    await field('person.givenNames').fill('Pyotr');
    await field('person.nativeName').fill('Иванов Пётр');
    await field('person.prisonNumber').fill('HK-900001');
    await field('person.dateOfBirth').fill('1985-03-14');
    // Chosen by name from the list the browser suggests, or by code followed by a comma; a word that names no State stays typed and says so.
    await field('person.nationalities').fill(`${await regionName(page, 'RU')} (RU)`);
    await field('person.nationalities').fill(c.administeringState.toLowerCase() + ',');
    expect(await page.locator('#f-person-nationalities-names .chip').allTextContents()).toEqual([await regionName(page, 'RU'), await regionName(page, c.administeringState)]);
    await field('person.nationalities').fill('Atlantis');
    await field('person.nationalities').press('Enter');
    expect(await page.locator('#f-person-nationalities-unknown').textContent()).toBe(en['ui.form.states.unknown'].replace('{word}', 'Atlantis'));
    await field('person.nationalities').fill('');
    expect(await page.locator('#f-person-nationalities-unknown').count()).toBe(0);
    await field('person.livesIn').selectOption(c.administeringState);
    await page.locator('#f-person-representativeNeeded-no').check();
    await field('sentencingState').selectOption(c.sentencingState);
    await field('administeringState').selectOption(c.administeringState);
    await field('direction').selectOption('outgoing');
    await field('ruleSetId').selectOption(c.ruleSetId!);
    await field('judgment.date').fill('2022-05-10');
    await page.locator('#f-judgment-final').check(); // "Yes" is the first option
    await page.locator('#f-judgment-appealPending-no').check();
    await page.locator('#f-judgment-otherProceedingsPending-no').check();
    await page.locator('#f-judgment-deathSentence-no').check();
    await field('remandDays').fill('190');
    await field('sentences[0].start').fill('2021-11-02');
    await field('offences[0].description').fill('Trafficking in a dangerous drug');
    await field('offences[0].categories').selectOption(['eu:illicit-trafficking-narcotics']);
    await field('offences[0].maxPenaltyMonths').fill('300');
    await field('offences[0].dualCriminality').selectOption('yes');
    await page.getByRole('group', { name: 'Offences it punishes' }).getByLabel('O1').check();
    await field('consent.status').selectOption('given');
    await field('consent.by').selectOption('person');
    await field('consent.date').fill('2024-01-15');
    await page.locator('#f-consent-verified').check();
    await field('events.requestReceived').fill('2024-03-01');
    expect(await page.locator('.form-actions__status').textContent()).toBe('You have unsaved changes.');

    // The term is left empty (a fixed term of zero is not a sentence) and so is the family name: both are named in one round.
    await page.getByRole('button', { name: 'Create case' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    const termLink = summary.getByRole('link', { name: 'Sentence 1: Term: a fixed term must be longer than zero' });
    expect(await termLink.count()).toBe(1);
    expect(await summary.getByRole('link', { name: 'Family name: is required to store a case' }).count()).toBe(1);
    expect(await summary.getByRole('link').count()).toBe(2);
    expect(await page.locator('.field').filter({ has: field('sentences[0].term') }).locator('.field__error').textContent()).toBe(
      'a fixed term must be longer than zero',
    );
    await termLink.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-sentences-0-term');
    await field('sentences[0].term.years').fill('6');

    // The family name is still empty: the store refuses a case it could not find by name.
    await page.getByRole('button', { name: 'Create case' }).click();
    // The summary before this save named two problems: wait for the one that names only what is left.
    await expect.poll(() => summary.getByRole('link').count()).toBe(1);
    expect(await summary.getByRole('link', { name: 'Family name: is required to store a case' }).count()).toBe(1);
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    const link = summary.getByRole('link', { name: 'Family name: is required to store a case' });
    expect(await link.count()).toBe(1);
    const familyField = page.locator('.field').filter({ has: field('person.familyName') });
    expect(await familyField.locator('.field__error').textContent()).toBe('is required to store a case');
    expect(await field('person.familyName').getAttribute('aria-invalid')).toBe('true');
    expect(await field('person.familyName').getAttribute('aria-describedby')).toContain('f-person-familyName-error');
    expect(idFromUrl()).toBeNull();
    // Nothing lost.
    expect(await field('person.prisonNumber').inputValue()).toBe('HK-900001');
    expect(await field('sentences[0].start').inputValue()).toBe('2021-11-02');
    expect(await field('offences[0].categories').evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value))).toEqual([
      'eu:illicit-trafficking-narcotics',
    ]);
    expect(await page.locator('#f-judgment-appealPending-no').isChecked()).toBe(true);
    await saveScreenshot(page, 'case-form-error');

    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-person-familyName');
  });

  it('saves once the field is fixed, writing unknown as null and never as false', async () => {
    await field('person.familyName').fill('IVANOV');
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('IVANOV');
    createdId = idFromUrl()!;
    expect(createdId).not.toBeNull();

    const stored = shell.dispatch('cases.get', { id: createdId }).case;
    expect(stored.person).toMatchObject({ familyName: 'IVANOV', givenNames: 'Pyotr', nativeName: 'Иванов Пётр', prisonNumber: 'HK-900001' });
    expect(stored.person.nationalities).toEqual(['RU', template.case.administeringState]);
    expect(stored.person.representativeNeeded).toBe(false);
    expect(stored.judgment).toMatchObject({ date: '2022-05-10', final: true, appealPending: false, deathSentence: false });
    expect(stored.sentences).toEqual([{ id: 'S1', start: '2021-11-02', term: { years: 6, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }]);
    expect(stored.remandDays).toBe(190);
    expect(stored.offences[0]).toMatchObject({ id: 'O1', categories: ['eu:illicit-trafficking-narcotics'], maxPenaltyMonths: 300, dualCriminality: 'yes' });
    expect(stored.consent).toMatchObject({ status: 'given', by: 'person', verified: true });
    // Left at "Unknown": null, not false.
    expect(stored.consent?.opinionRecorded).toBeNull();
    expect(stored.judgment.otherProceedingsPending).toBe(false);
    expect(stored.events.requestReceived).toBe('2024-03-01');
    expect(stored.events.application).toBeNull();
  });

  it('runs an assessment on the new case and shows its verdict and every condition', async () => {
    await page.getByRole('button', { name: 'Run assessment' }).click();
    await expect.poll(() => page.locator('.run-assessment__status').textContent()).toMatch(/^Assessment finished: /);
    const latest = shell.dispatch('assessments.list', { caseId: createdId })[0]!;
    const { result } = latest;
    expect(await page.locator('.assessment-result .verdict .verdict__word').textContent()).toBe(en[`verdict.${result.verdict}`]);
    expect(await page.locator('.conditions-table tbody tr').count()).toBe(result.conditions.length);
    for (const condition of result.conditions) {
      const cells = await page.locator(`tr[data-condition="${condition.id}"]`).locator('th, td').allTextContents();
      expect(cells[0]).toBe(en[`status.${condition.status}`]);
      expect(cells[1]).toContain(en[`condition.${condition.id}`]);
      expect(cells[2]).toContain(rendered('en', condition.messageKey, condition.params));
    }
    // The facts typed in the form decided these conditions.
    expect(result.conditions.find((k) => k.id === 'final-judgment')?.status).toBe('met');
    expect(result.conditions.find((k) => k.id === 'death-sentence')?.status).not.toBe('unknown');
  });

  it('guards unsaved edits with a dialog (Esc stays), asks for a reason, and saves the change', async () => {
    await page.getByRole('button', { name: 'Edit case' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit case');
    expect(await field('person.familyName').inputValue()).toBe('IVANOV');
    expect(await page.locator('#f-judgment-final').isChecked()).toBe(true);
    expect(await page.locator('#f-consent-opinionRecorded-unknown').isChecked()).toBe(true);
    await field('person.prisonNumber').fill('HK-900002');

    await page.getByRole('button', { name: 'Back to the case' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay on the form');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form-leave-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await field('person.prisonNumber').inputValue()).toBe('HK-900002');
    expect(page.url()).toContain(`#/case/${createdId}/edit`);

    // The masthead link is guarded too; "Stay" keeps the form.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Stay on the form' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(page.url()).toContain(`#/case/${createdId}/edit`);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    expect(await page.locator('.field').filter({ has: field('reason') }).locator('.field__error').textContent()).toBe('a reason is required');
    await field('reason').fill('Prison number corrected');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('.identity-bar .facts').textContent()).toContain('HK-900002');
    const record = shell.dispatch('cases.get', { id: createdId });
    expect(record.version).toBe(2);
    expect(record.case.person.prisonNumber).toBe('HK-900002');
  });

  it('explains a version conflict and keeps the edit on screen', async () => {
    await page.getByRole('button', { name: 'Edit case' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit case');
    await field('person.givenNames').fill('Pyotr Ivanovich');
    await field('reason').fill('Full given names');
    // Someone else saves first.
    const current = shell.dispatch('cases.get', { id: createdId });
    shell.dispatch('cases.update', { id: createdId, expectedVersion: current.version, case: { ...current.case, remandDays: 191 }, reason: 'remand recounted' });

    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain(en['ui.form.conflict']);
    // What changed meanwhile, and by whom: the field by its label, the action by its name, never a path or a code.
    const change = summary.locator('.conflict-changes li');
    expect(await change.count()).toBe(1);
    const said = (await change.textContent()) ?? '';
    expect(said).toContain(en['ui.form.f.remandDays']);
    expect(said).toContain(en['ui.audit.action.case.update']);
    expect(said).not.toMatch(/remandDays|case\.update/);
    await summary.screenshot({ path: `${OUT_DIR}/case-form-conflict.png` });
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => change.textContent()).toContain(zhHant['ui.form.f.remandDays']);
    expect(await change.textContent()).toContain(zhHant['ui.audit.action.case.update']);
    await summary.screenshot({ path: `${OUT_DIR}/case-form-conflict-zh-Hant.png` });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await field('person.givenNames').inputValue()).toBe('Pyotr Ivanovich');
    expect(shell.dispatch('cases.get', { id: createdId }).case.person.givenNames).toBe('Pyotr');

    await page.getByRole('button', { name: 'Reload the latest version (discards your changes)' }).click();
    await expect.poll(() => field('remandDays').inputValue()).toBe('191');
    expect(await field('person.givenNames').inputValue()).toBe('Pyotr');
  });

  it('has no serious or critical axe violations in Traditional Chinese, every label translated', async () => {
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('編輯個案');
    expect(await page.getByLabel('判刑地', { exact: true }).count()).toBe(1);
    expect(await field('offences[0].categories').locator('option').first().textContent()).toBe('參與犯罪組織');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form-zh-Hant');
  });

  it('shows the router’s field errors in Chinese on the zh-Hant form, and in English after switching back', async () => {
    const familyError = page.locator('.field').filter({ has: field('person.familyName') }).locator('.field__error');
    const reasonError = page.locator('.field').filter({ has: field('reason') }).locator('.field__error');
    const summary = page.locator('.error-summary');
    await field('person.familyName').fill('');
    // The request is checked first (no reason), then the case file (no family name).
    await page.getByRole('button', { name: zhHant['ui.form.save'] }).click();
    await expect.poll(() => reasonError.count()).toBe(1);
    expect(await reasonError.textContent()).toBe(zhHant['validation.reason.required']);
    await field('reason').fill('測試');
    await page.getByRole('button', { name: zhHant['ui.form.save'] }).click();
    await expect.poll(() => familyError.count()).toBe(1);
    expect(await familyError.textContent()).toBe(zhHant['validation.storable.familyName']);
    expect(await summary.getByRole('link').allTextContents()).toContain(rendered('zh-Hant', 'ui.error.problem', { field: zhHant['ui.form.f.person.familyName'], message: zhHant['validation.storable.familyName'] }));
    expect(await summary.textContent()).not.toMatch(/is required|a reason/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form-error-zh-Hant');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await familyError.textContent()).toBe('is required to store a case');
    // Back as it was: nothing to guard on leaving.
    await field('person.familyName').fill('IVANOV');
    await field('reason').fill('');
    expect(await page.locator('.form-actions__status').textContent()).toBe('');
  });

  it('lists the new case: the virtualised table counts it, and the State filter finds it', async () => {
    await page.getByRole('button', { name: 'Back to the case' }).click();
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('IVANOV');
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await expect.poll(() => page.locator('.case-count').textContent()).toBe(countLine(DEMO_CASES + 1, DEMO_CASES + 1));
    expect(await page.locator('table').getAttribute('aria-rowcount')).toBe(String(DEMO_CASES + 2));
    expect(await page.locator('tbody tr.case-row').count()).toBeLessThan(60);

    const { sentencingState, administeringState } = template.case;
    const expected = shell.dispatch('cases.list', { sentencingState, administeringState, limit: 500 });
    await page.getByLabel('Sentencing State or place', { exact: true }).selectOption(sentencingState);
    await page.getByLabel('Administering State or place', { exact: true }).selectOption(administeringState);
    await expect.poll(() => page.locator('.case-count').textContent()).toBe(countLine(expected.total, DEMO_CASES + 1));
    expect(expected.items.map((c) => c.id)).toContain(createdId);
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('HK-900002');
    await expect.poll(() => page.locator('tbody tr.case-row').count()).toBe(1);
    expect(await page.locator('tbody tr.case-row').getAttribute('data-case-id')).toBe(createdId);
  });

  it('records financial obligations (a fine), aliases and an expulsion; an it-br-2008 assessment reports the obligations condition', async () => {
    await shell.open(`#/case/${createdId}/edit`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit case');
    // Not recorded until said otherwise: no rows, and "None" is a separate answer.
    expect(await page.locator('#f-financialObligations').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Financial obligations of the judgment' }).getByRole('radio').count()).toBe(3);
    expect(await field('financialObligations[0].kind').count()).toBe(0);
    await page.locator('#f-financialObligations-listed').check();
    expect(await field('financialObligations[0].kind').inputValue()).toBe('fine');
    await field('financialObligations[0].amount').fill('5000');
    await field('financialObligations[0].currency').fill('eur');
    expect(await field('financialObligations[0].currency').inputValue()).toBe('EUR');
    await page.locator('#f-financialObligations-0-paid-no').check();
    await page.locator('#f-financialObligations-0-incapacityToPay-no').check();
    // A second row, added then removed.
    await page.getByRole('button', { name: 'Add a financial obligation' }).click();
    expect(await field('financialObligations[1].kind').count()).toBe(1);
    await page.getByRole('button', { name: 'Remove obligation 2' }).click();
    expect(await field('financialObligations[1].kind').count()).toBe(0);

    await field('person.aliases').fill('Pyotr IVANOFF\nP. I. IVANOV\n');
    await field('expulsion.kind').selectOption('in-sentence');
    await field('expulsion.date').fill('2022-05-10');
    // "Commuted" is asked only of a death sentence.
    expect(await page.locator('#f-judgment-deathSentenceCommuted').count()).toBe(0);
    await page.locator('#f-judgment-deathSentence').check();
    expect(await page.getByRole('group', { name: 'Death sentence commuted' }).getByRole('radio').count()).toBe(3);
    await page.locator('#f-judgment-deathSentence-no').check();
    expect(await page.locator('#f-judgment-deathSentenceCommuted').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form-obligations');
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.getByRole('group', { name: zhHant['ui.form.f.financialObligations'] }).getByRole('radio').count()).toBe(3);
    expect(await field('financialObligations[0].kind').locator('option:checked').textContent()).toBe(zhHant['ui.form.obligationKind.fine']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'case-form-obligations-zh-Hant');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');

    await field('reason').fill('Fine recorded from the judgment');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('IVANOV');
    const stored = shell.dispatch('cases.get', { id: createdId }).case;
    expect(stored.financialObligations).toEqual([{ kind: 'fine', amount: 5000, currency: 'EUR', paid: false, incapacityToPay: false }]);
    expect(stored.person.aliases).toEqual(['Pyotr IVANOFF', 'P. I. IVANOV']);
    expect(stored.expulsion).toEqual({ kind: 'in-sentence', date: '2022-05-10' });
    expect(stored.leftSentencingState).toBeNull();
    expect(stored.judgment.deathSentence).toBe(false);
    expect(stored.judgment.deathSentenceCommuted).toBeNull();

    const before = shell.dispatch('assessments.list', { caseId: createdId }).length;
    await page.locator('#assess-rule-set').selectOption('it-br-2008');
    await page.getByRole('button', { name: 'Run assessment' }).click();
    await expect.poll(() => shell.dispatch('assessments.list', { caseId: createdId }).length).toBe(before + 1);
    await expect.poll(() => page.locator('tr[data-condition="financial-obligations"]').textContent()).toContain('fine 5000 EUR');
    const latest = shell.dispatch('assessments.list', { caseId: createdId })[0]!;
    expect(latest.ruleSet.id).toBe('it-br-2008');
    const financial = latest.result.conditions.find((k) => k.id === 'financial-obligations')!;
    expect(financial).toMatchObject({ status: 'not_met', effect: 'mandatory', messageKey: 'cond.financial.unpaid' });
    const cells = await page.locator('tr[data-condition="financial-obligations"]').locator('th, td').allTextContents();
    expect(cells[0]).toBe(en['status.not_met']);
    expect(cells[1]).toContain(en['condition.financial-obligations']);
    expect(cells[2]).toContain(rendered('en', financial.messageKey, financial.params));
    expect(cells[2]).toContain('fine 5000 EUR');
  });

  it('tells “none” from “not recorded”: none is stored as an empty list, not recorded as null', async () => {
    await page.getByRole('button', { name: 'Edit case' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit case');
    expect(await page.locator('#f-financialObligations-listed').isChecked()).toBe(true);
    expect(await field('financialObligations[0].currency').inputValue()).toBe('EUR');
    await page.locator('#f-financialObligations-none').check();
    expect(await field('financialObligations[0].kind').count()).toBe(0);
    await field('reason').fill('The fine was set aside on appeal');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('IVANOV');
    expect(shell.dispatch('cases.get', { id: createdId }).case.financialObligations).toEqual([]);

    await page.getByRole('button', { name: 'Edit case' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit case');
    expect(await page.locator('#f-financialObligations-none').isChecked()).toBe(true);
    await page.locator('#f-financialObligations').check();
    await field('reason').fill('Not known after all');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('h1 .family-name').textContent()).toBe('IVANOV');
    expect(shell.dispatch('cases.get', { id: createdId }).case.financialObligations).toBeNull();
  });

  it('raised no page errors, console errors or CSP refusals', () => {
    expect(shell.problems).toEqual([]);
  });
});
