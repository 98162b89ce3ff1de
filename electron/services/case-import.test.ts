import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../db/audit-repo.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { storeDigest } from '../../db/testing.ts';
import { en } from '../../shared/i18n/en.ts';
import { zhHant } from '../../shared/i18n/zh-Hant.ts';
import type { SpreadsheetJob } from '../../shared/import-schemas.ts';
import { writeZip, ZIP_LIMITS } from '../packages/zip.ts';
import { listAudit } from './audit.ts';
import { exportCases } from './case-files.ts';
import { commitSpreadsheet, importCases, importTemplate, previewCaseImport, spreadsheetProgress, startSpreadsheet } from './case-import.ts';
import { getCase, listCaseEvents, listCases } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { expectRefused, parsed, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness();
  ctx = h.admin;
});
afterEach(() => h.dispose());

const example = CASE_FIXTURES.formatExample as { person: object; remandDays: number };
const total = () => listCases(ctx, parsed('cases.list', { includeClosed: true, limit: 500 })).total;

async function checked(input: { fileName: string; bytes: Buffer; mapping?: SpreadsheetJob['mapping'] }): Promise<SpreadsheetJob> {
  const { jobId } = startSpreadsheet(ctx, { fileName: input.fileName, contentBase64: input.bytes.toString('base64'), ...(input.mapping === undefined ? {} : { mapping: input.mapping }) });
  await expect.poll(() => spreadsheetProgress(ctx, { jobId }).phase).toMatch(/ready|failed/);
  return spreadsheetProgress(ctx, { jobId });
}

const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

describe('a case file imported again', () => {
  it('is unchanged when the store holds the case as the file has it: no second case, nothing written', () => {
    importCases(ctx, [CASE_FIXTURES.formatExample, CASE_FIXTURES.cyrillic]);
    const exported = exportCases(ctx, {});
    const digest = storeDigest(ctx.db);
    const preview = previewCaseImport(ctx, exported);
    expect(preview.counts).toStrictEqual({ new: 0, update: 0, unchanged: 2, invalid: 0 });
    const again = importCases(ctx, exported);
    expect(again.outcomes).toStrictEqual(['unchanged', 'unchanged']);
    expect(total()).toBe(2);
    expect(storeDigest(ctx.db)).toBe(digest);
  });

  it('updates the case it matches by reference, showing each field that changes, through the audited write of cases.update', () => {
    const [id] = importCases(ctx, CASE_FIXTURES.formatExample).ids;
    const changed = { ...example, remandDays: 200, person: { ...example.person, givenNames: 'Pyotr Ivanovich' } };
    const digest = storeDigest(ctx.db);
    const preview = previewCaseImport(ctx, [changed]);
    expect(storeDigest(ctx.db)).toBe(digest);
    expect(preview.rows).toStrictEqual([
      {
        row: 0, label: 'IVANOV', outcome: 'update', caseId: id, problems: [],
        differences: [
          { field: 'person.givenNames', stored: 'Pyotr', incoming: 'Pyotr Ivanovich' },
          { field: 'remandDays', stored: '190', incoming: '200' },
        ],
      },
    ]);
    const audit = countAuditEntries(ctx.db);
    expect(importCases(ctx, [changed])).toMatchObject({ ids: [id], outcomes: ['update'] });
    expect(total()).toBe(1);
    const record = getCase(ctx, { id: id! });
    expect(record).toMatchObject({ version: 2, case: { remandDays: 200 } });
    expect(countAuditEntries(ctx.db)).toBe(audit + 1);
    const [entry] = listAudit(ctx, parsed('audit.list', { limit: 1 }));
    expect(entry).toMatchObject({ action: 'case.import.update', entityId: id, reason: 'updated by an import' });
    expect(listCaseEvents(ctx, { caseId: id! }).map((e) => e.kind)).toStrictEqual(['imported', 'import-updated']);
  });

  it('matches by prison number (compared by its letters and digits) under the same sentencing State, and only there', () => {
    const base = { format: 'tsp-case/1', sentencingState: 'TH', administeringState: 'HK', person: { familyName: 'CHAN', prisonNumber: 'BKK 16/98475' } };
    const [id] = importCases(ctx, [base]).ids;
    const sameNumber = { ...base, remandDays: 30, person: { familyName: 'CHAN', prisonNumber: 'bkk16-98475' } };
    const otherState = { ...base, sentencingState: 'VN', person: { familyName: 'CHAN', prisonNumber: 'BKK 16/98475' } };
    const preview = previewCaseImport(ctx, [sameNumber, otherState]);
    expect(preview.rows.map((r) => [r.outcome, r.caseId])).toStrictEqual([['update', id], ['new', null]]);
  });

  it('takes two references as two cases, even of one prison number; a case without a reference is the one of its prison number', () => {
    const person = { familyName: 'CHAN', prisonNumber: 'BKK 16/98475' };
    const first = { format: 'tsp-case/1', reference: 'TH-2024-1', sentencingState: 'TH', administeringState: 'HK', person };
    const [id] = importCases(ctx, [first]).ids;
    expect(previewCaseImport(ctx, [{ ...first, reference: 'TH-2025-7' }]).rows.map((r) => [r.outcome, r.caseId])).toStrictEqual([['new', null]]);
    expect(previewCaseImport(ctx, [{ ...first, reference: null, remandDays: 3 }]).rows.map((r) => [r.outcome, r.caseId])).toStrictEqual([['update', id]]);
  });

  it('refuses a hole in a list of cases as a case that is not one, without failing', () => {
    // eslint-disable-next-line no-sparse-arrays
    const preview = previewCaseImport(ctx, [CASE_FIXTURES.minimal, , CASE_FIXTURES.cyrillic]);
    expect(preview.rows.map((r) => r.outcome)).toStrictEqual(['new', 'invalid', 'new']);
  });

  it('refuses a file that holds the same case twice, naming the earlier one, and writes nothing', () => {
    const error = expectRefused(ctx, 'invalid_input', () => importCases(ctx, [CASE_FIXTURES.formatExample, { ...example, remandDays: 1 }]));
    expect(error.problems).toStrictEqual([
      { field: 'cases[1]', message: en['import.problem.sameAsRow'].replace('{row}', 'cases[0]'), messageKey: 'import.problem.sameAsRow', params: { row: 'cases[0]' } },
    ]);
  });

  it('does not change a closed case: the row is refused, and unchanged when it agrees', () => {
    const [id] = importCases(ctx, [{ ...example, status: 'closed', closure: { outcome: 'closed_unviable', reason: 'no treaty' } }]).ids;
    const exported = exportCases(ctx, { ids: [id!] });
    expect(previewCaseImport(ctx, exported).counts.unchanged).toBe(1);
    const preview = previewCaseImport(ctx, [{ ...exported[0], remandDays: 5 }]);
    expect(preview.rows[0]).toMatchObject({ outcome: 'invalid', problems: [{ field: 'cases[0]', messageKey: 'import.problem.closedCase' }] });
  });
});

describe('a spreadsheet', () => {
  const header = 'Family name,Prison number,Sentencing State,Administering State,Date of birth,Judgment final (yes or no),Term: years,Sentence start,Offence';

  it('names each bad row by its number and column header, and imports nothing unless every row is good', async () => {
    const job = await checked({
      fileName: 'cases.csv',
      bytes: csv(header, 'CHAN,2566/01234,HK,TH,1985-03-14,yes,6,2023-06-01,Trafficking', 'WONG,2566/09999,HK,TH,1990-02-30,perhaps,,,', 'LEE,2566/05555,HK,TH,,no,3,2024-01-01,Robbery'),
    });
    expect(job.phase).toBe('ready');
    expect(job.mapping).toStrictEqual(['familyName', 'prisonNumber', 'sentencingState', 'administeringState', 'dateOfBirth', 'judgmentFinal', 'termYears', 'sentenceStart', 'offence']);
    expect(job.preview!.counts).toStrictEqual({ new: 2, update: 0, unchanged: 0, invalid: 1 });
    const bad = job.preview!.rows.find((r) => r.outcome === 'invalid')!;
    expect(bad).toMatchObject({ row: 3, label: 'WONG 2566/09999' });
    expect(bad.problems.map((p) => [p.column, p.messageKey])).toStrictEqual([
      ['Judgment final (yes or no)', 'import.cell.yesNo'],
      ['Date of birth', 'validation.date.real'],
    ]);
    expectRefused(ctx, 'invalid_input', () => commitSpreadsheet(ctx, { jobId: job.jobId, skipInvalid: false }));
    expect(commitSpreadsheet(ctx, { jobId: job.jobId, skipInvalid: true })).toMatchObject({ created: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(total()).toBe(2);
    expect(previewCaseImport(ctx, exportCases(ctx, {})).counts.unchanged).toBe(2);
  });

  it('imported again with a cell changed: an update of that field alone, the rest of the case kept; the other rows unchanged', async () => {
    const [stored] = importCases(ctx, [{ ...example, person: { ...example.person, prisonNumber: '2566/01234' } }]).ids;
    const job = await checked({ fileName: 'cases.csv', bytes: csv('Family name,Prison number,Sentencing State,Days of remand', 'IVANOV,2566/01234,HK,200', 'LEE,2566/05555,HK,') });
    // LEE has no administering State: refused by the case file's own check, named by the field.
    expect(job.preview!.rows.map((r) => [r.row, r.outcome])).toStrictEqual([[2, 'update'], [3, 'invalid']]);
    expect(job.preview!.rows[0]!.differences).toStrictEqual([{ field: 'remandDays', stored: '190', incoming: '200' }]);
    expect(job.preview!.rows[1]!.problems).toMatchObject([{ field: 'administeringState', column: null, messageKey: 'validation.required' }]);
    expect(commitSpreadsheet(ctx, { jobId: job.jobId, skipInvalid: true })).toMatchObject({ created: 0, updated: 1, skipped: 1, caseIds: [stored] });
    const after = getCase(ctx, { id: stored! }).case;
    expect(after.remandDays).toBe(200);
    expect(after.offences.map((o) => o.id)).toStrictEqual(['O1', 'O2']);
    expect(after.consent?.status).toBe('given');
  });

  it('remembers the mapping chosen: the next file with those headers is mapped the same way', async () => {
    const bytes = csv('Surname,Number,From,To', 'CHAN,A1,HK,TH');
    const first = await checked({ fileName: 'cases.csv', bytes });
    expect(first.mapping).toStrictEqual([null, null, null, null]);
    const mapped = await checked({ fileName: 'cases.csv', bytes, mapping: ['familyName', 'prisonNumber', 'sentencingState', 'administeringState'] });
    expect(mapped.preview!.counts.new).toBe(1);
    commitSpreadsheet(ctx, { jobId: mapped.jobId, skipInvalid: false });
    const next = await checked({ fileName: 'more.csv', bytes: csv('Surname,Number,From,To', 'CHAN,A1,HK,TH') });
    expect(next).toMatchObject({ mapping: ['familyName', 'prisonNumber', 'sentencingState', 'administeringState'], mappingSaved: true });
    expect(next.preview!.counts).toStrictEqual({ new: 0, update: 0, unchanged: 1, invalid: 0 });
  });

  it('refuses a workbook that inflates past the bounds of an archive before reading it', async () => {
    const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', bytes: Buffer.alloc(ZIP_LIMITS.entryBytes + 1, 0x20) }]);
    const job = await checked({ fileName: 'cases.xlsx', bytes: bomb });
    expect(job).toMatchObject({ phase: 'failed', error: { messageKey: 'import.error.unreadable' } });
    expect(job.error?.params?.detail).toBe('entries larger than a package may be');
  });

  it('says why a file that is no spreadsheet cannot be read', async () => {
    const job = await checked({ fileName: 'cases.xlsx', bytes: Buffer.from('PK\u0003\u0004 not a workbook') });
    expect(job).toMatchObject({ phase: 'failed', error: { messageKey: 'import.error.unreadable' } });
    expect((await checked({ fileName: 'empty.csv', bytes: csv(header) })).error).toStrictEqual({ messageKey: 'import.error.noRows' });
  });
});

describe('the template', () => {
  it.each([['en', en], ['zh-Hant', zhHant]] as const)('in %s: its header is the fields in the language, its example row imports as a new case', async (locale, catalogue) => {
    const file = importTemplate(ctx, { locale });
    const bytes = Buffer.from(file.base64, 'base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe(catalogue['import.field.reference']);
    expect(sheet.getRow(1).getCell(5).value).toBe(catalogue['import.field.prisonNumber']);
    expect(sheet.rowCount).toBe(2);
    const job = await checked({ fileName: file.fileName, bytes });
    expect(job.mapping.every((f) => f !== null)).toBe(true);
    expect(job.preview!.rows).toMatchObject([{ row: 2, outcome: 'new', label: 'CHAN Tai Man 2566/01234' }]);
  });
});
