/**
 * The statistics tables as an XLSX workbook (exceljs): a cover sheet with the period and
 * filters, then one sheet per table with a bold header row, column widths fitted to the
 * content, the header frozen, numbers as numbers and text neutralised against formula
 * injection (shared/reports/csv.ts `neutraliseFormula`).
 */
import ExcelJS from 'exceljs';
import { t, type Locale } from '../../shared/i18n/index.ts';
import { neutraliseFormula } from '../../shared/reports/csv.ts';
import type { StatisticsQuery } from '../../shared/reports/statistics.ts';
import { filtersText, type Cell, type ReportTable } from '../../shared/reports/tables.ts';

/** Excel's limit is 31 characters and no : \ / ? * [ ]. */
function sheetName(index: number, title: string): string {
  return `${index + 1} ${title.replace(/[:\\/?*[\]]/g, ' ')}`.slice(0, 31);
}

const cellValue = (cell: Cell): string | number | null => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);

/** Display width of text in Excel's character units: wide (CJK) characters count twice. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

export async function tablesToXlsx(tables: readonly ReportTable[], meta: { query: StatisticsQuery; cases: number; producedOn: string; locale: Locale }): Promise<Buffer> {
  const L = (key: string, params = {}) => t(meta.locale, key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TSP Desk';
  workbook.title = L('reports.pdf.title');

  const cover = workbook.addWorksheet(L('reports.pdf.title').slice(0, 31).replace(/[:\\/?*[\]]/g, ' '));
  for (const line of [
    L('reports.pdf.title'),
    L('reports.pdf.period', { from: meta.query.from, to: meta.query.to }),
    filtersText(meta.query, meta.locale),
    L('reports.pdf.cases', { count: meta.cases }),
    L('reports.pdf.produced', { date: meta.producedOn }),
  ]) {
    cover.addRow([neutraliseFormula(line)]);
  }
  cover.getRow(1).font = { bold: true, size: 14 };
  cover.getColumn(1).width = 90;

  tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(sheetName(index, table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({
      header: neutraliseFormula(c.label),
      key: `c${i}`,
      width: Math.min(60, Math.max(10, displayWidth(c.label) + 2, ...table.rows.map((r) => displayWidth(String(r[i] ?? '')) + 2))),
      // A year stays a number, written without grouping (2025).
      style: c.numeric ? { numFmt: c.year === true ? '0' : '#,##0.##', alignment: { horizontal: 'right' } } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F2F1' } };
    header.border = { bottom: { style: 'thin' } };
    for (const row of table.rows) sheet.addRow(row.map(cellValue));
    if (table.total !== undefined) sheet.addRow(table.total.map(cellValue)).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
