/**
 * The PDFs and the spreadsheet as a reader gets them: the dossier's text (pdftotext) holds
 * the person, the verdict and every condition with its status, in English and Traditional
 * Chinese; every font is embedded (pdffonts), so Chinese renders without system fonts; the
 * pages turn into PNG (pdftoppm, written to e2e/out/ to look at); the XLSX read back with
 * exceljs holds the same tables, formatted, with formula-like text neutralised.
 * Needs poppler-utils (Debian), which .ci/run installs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHead } from '../db/audit-anchor.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { tempDir } from '../db/testing.ts';
import { runAssessment } from '../electron/services/assessments.ts';
import { createCase } from '../electron/services/cases.ts';
import { dossierPdfFile } from '../electron/services/dossier.ts';
import { exportStatistics, statistics } from '../electron/services/reports.ts';
import { parsed, serviceHarness, type ServiceHarness } from '../electron/services/testing.ts';
import type { AssessmentRecord } from '../shared/api-schemas.ts';
import { t, type Locale } from '../shared/i18n/index.ts';
import { sourceText } from '../shared/i18n/sources.ts';
import { statisticsTables } from '../shared/reports/tables.ts';

const OUT = path.join(import.meta.dirname, '..', 'e2e', 'out', 'pdf');
let h: ServiceHarness;
let dir: string;
let caseId: string;
let assessment: AssessmentRecord;

function pdfToText(file: string): string {
  // -raw: in the order drawn, so a wrapped table cell reads as one run of text.
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/** Compares without the line breaks and spaces of wrapping. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(() => {
  h = serviceHarness('2024-06-01T08:00:00.000Z');
  dir = tempDir();
  fs.mkdirSync(OUT, { recursive: true });
  const record = createCase(h.admin, { case: CASE_FIXTURES.lifeChinese });
  caseId = record.id;
  assessment = runAssessment(h.officer, { caseId, ruleSetId: 'hk-th', reason: 'screening' });
  // A name that would run as a formula in a spreadsheet, in a rule-set id the statistics print.
  createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: '=cmd|calc' } });
});
afterAll(() => {
  h.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each<Locale>(['en', 'zh-Hant'])('dossier PDF in %s', (locale) => {
  let file: string;
  beforeAll(() => {
    file = path.join(OUT, `dossier-${locale}.pdf`);
    const produced = dossierPdfFile(h.officer, parsed('dossier.pdf', { caseId, locale }));
    expect(produced.mediaType).toBe('application/pdf');
    fs.writeFileSync(file, Buffer.from(produced.base64, 'base64'));
  });

  it('holds the person, the verdict, and every condition with its status and source', () => {
    const text = squeeze(pdfToText(file));
    expect(text).toContain(squeeze('CHAN, Tai Man 陳大文'));
    expect(text).toContain(squeeze(t(locale, `verdict.${assessment.verdict}`)));
    expect(assessment.result.conditions.length).toBeGreaterThan(5);
    for (const condition of assessment.result.conditions) {
      // The row reads: the condition's name, then its status.
      expect(text).toContain(squeeze(`${t(locale, `condition.${condition.id}`)}${t(locale, `status.${condition.status}`)}`));
      // The source in the reader's language: a built-in one in Chinese (shared/i18n/sources.ts).
      expect(text).toContain(squeeze(sourceText(condition.source, locale)).slice(0, 24));
    }
    expect(text).toContain(assessment.ruleSet.hash);
    expect(text).toContain(squeeze(t(locale, 'report.arithmetic')));
  });

  it('prints the head of the audit chain, an anchor of the store outside its file', () => {
    const head = chainHead(h.store.db);
    expect(squeeze(pdfToText(file))).toContain(squeeze(t(locale, 'reports.dossier.auditHeadValue', { seq: String(head.seq), hash: head.hash.slice(0, 16) })));
  });

  it('embeds every font it uses, as subsets', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\+NotoSans(TC|Thai).*\byes\s+yes\s+yes\b/);
  });

  it('renders to PNG pages', () => {
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, `dossier-${locale}`)]);
    const pages = fs.readdirSync(OUT).filter((f) => f.startsWith(`dossier-${locale}-`) && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(fs.statSync(path.join(OUT, page)).size).toBeGreaterThan(5_000);
  });
});

describe('dossier PDF of a person named in Thai', () => {
  it('draws the Thai name with an embedded Thai font', () => {
    const person = { familyName: 'SAETANG', givenNames: 'Prasert', nativeName: 'ประเสริฐ แซ่ตั้ง' };
    const { id } = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'hk-th', person } });
    const file = path.join(OUT, 'dossier-thai.pdf');
    fs.writeFileSync(file, Buffer.from(dossierPdfFile(h.officer, parsed('dossier.pdf', { caseId: id, locale: 'en' })).base64, 'base64'));
    expect(squeeze(pdfToText(file))).toContain(squeeze('ประเสริฐ แซ่ตั้ง'));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.some((line) => /\+NotoSansThai.*\byes\s+yes\s+yes\b/.test(line))).toBe(true);
  });
});

describe('statistics exports', () => {
  const query = { from: '2024-01-01', to: '2024-12-31' };

  it('writes a PDF with its charts that pdftoppm renders, in Chinese too', async () => {
    const { bytes, fileName } = await exportStatistics(h.officer, { query, format: 'pdf', locale: 'zh-Hant' });
    expect(fileName).toBe('tsp-statistics-2024-01-01-to-2024-12-31-zh-Hant.pdf');
    const file = path.join(OUT, 'statistics-zh-Hant.pdf');
    fs.writeFileSync(file, bytes);
    const text = squeeze(pdfToText(file));
    expect(text).toContain(squeeze(t('zh-Hant', 'reports.table.verdicts')));
    expect(text).toContain(squeeze(t('zh-Hant', 'reports.pdf.period', { from: query.from, to: query.to })));
    const head = chainHead(h.store.db);
    expect(text).toContain(squeeze(t('zh-Hant', 'reports.pdf.auditHead', { seq: String(head.seq), hash: head.hash.slice(0, 16) })));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(OUT, 'statistics-zh-Hant')]);
    expect(fs.readdirSync(OUT).some((f) => f.startsWith('statistics-zh-Hant-') && f.endsWith('.png'))).toBe(true);
  });

  it('writes an XLSX that reads back with the same tables, a frozen header and neutralised formulas', async () => {
    const { bytes } = await exportStatistics(h.officer, { query, format: 'xlsx', locale: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const tables = statisticsTables(statistics(h.officer, query), 'en');
    expect(workbook.worksheets).toHaveLength(tables.length + 1); // a cover sheet, then one per table
    tables.forEach((table, i) => {
      const sheet = workbook.worksheets[i + 1]!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toStrictEqual(table.columns.map((c) => (/^[=+\-@\t\r]/.test(c.label) ? `'${c.label}` : c.label)));
      const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
      // The rows, then their totals in bold where the table has them.
      expect(rows.map((r) => table.columns.map((_, c) => r.getCell(c + 1).value ?? null))).toStrictEqual(
        [...table.rows, ...(table.total === undefined ? [] : [table.total])].map((r) => r.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))),
      );
      if (table.total !== undefined) expect(rows.at(-1)?.font?.bold).toBe(true);
      for (const [c, column] of table.columns.entries()) expect(sheet.getColumn(c + 1).width).toBeGreaterThanOrEqual(Math.min(10, column.label.length));
    });
    // Status × instrument: the instruments are the columns, a rule-set id as written neutralised there too.
    const byStatus = workbook.worksheets[tables.findIndex((x) => x.id === 'byStatus') + 1]!;
    const ruleSets = (byStatus.getRow(1).values as unknown[]).slice(2);
    expect(ruleSets).toContain("'=cmd|calc");
    expect(ruleSets).not.toContain('=cmd|calc');
    // A year is a number, formatted without grouping.
    const transfers = workbook.worksheets[tables.findIndex((x) => x.id === 'transfers') + 1]!;
    if (transfers.rowCount > 2) {
      expect(typeof transfers.getRow(2).getCell(1).value).toBe('number');
      expect(transfers.getColumn(1).numFmt).toBe('0');
    }
  });
});
