/**
 * Workbooks of the spreadsheet import (issue 20): an XLSX file read with exceljs (the library the
 * statistics export writes with) into rows of plain cells, and the template workbook.
 *
 * The template is written synchronously (a channel answers at once), as the smallest SpreadsheetML
 * package every spreadsheet program opens: one sheet of inline strings and numbers, the header row
 * bold, in a ZIP written by electron/packages/zip.ts. The tests read it back with exceljs.
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../../shared/imports/spreadsheet-fields.ts';
import { neutraliseFormula } from '../../shared/reports/csv.ts';
import { writeZip } from '../packages/zip.ts';

/** A row of the sheet, by its number as the spreadsheet program shows it (the header is row 1). */
export interface SheetRow {
  number: number;
  cells: Cell[];
}

/** An XLSX file starts as every ZIP does. */
export const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A date cell is a calendar date: exceljs gives it as midnight UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return String(value.text);
  return null; // an error value (#N/A) or anything else: nothing known
}

/** The first sheet's rows, each cell as plain text, number or truth value; `maxRows` bounds a hostile file. */
export async function readWorkbookRows(bytes: Buffer, limits: { maxRows: number; maxColumns: number }): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const rows: SheetRow[] = [];
  let tooLarge = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (rows.length > limits.maxRows) {
      tooLarge = true;
      return;
    }
    const cells: Cell[] = [];
    const width = Math.min(row.cellCount, limits.maxColumns);
    for (let c = 1; c <= width; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push({ number, cells });
  });
  if (tooLarge) throw new RangeError(`more than ${limits.maxRows} rows`);
  return rows;
}

// XML 1.0 allows no C0 control but tab, LF and CR.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!).replace(CONTROL, '');

/** A1-style column letters: 0 -> A, 26 -> AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(value: string | number, ref: string, style: number): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutraliseFormula(value))}</t></is></c>`;
}

/** A one-sheet workbook: the header row (bold, frozen) and the rows under it. */
export function writeTemplateWorkbook(sheetName: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): Buffer {
  const widths = header.map((h, i) => Math.max(12, ...[h, ...rows.map((r) => String(r[i] ?? ''))].map((v) => [...v].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0) + 2)));
  const sheetRows = [header, ...rows]
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cellXml(v, `${columnName(c)}${r + 1}`, r === 0 ? 1 : 0)).join('')}</row>`)
    .join('');
  const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`, 'utf8');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return writeZip([
    {
      name: '[Content_Types].xml',
      bytes: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      bytes: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: 'xl/workbook.xml',
      bytes: xml(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${escapeXml(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      bytes: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/styles.xml',
      bytes: xml(
        `<styleSheet xmlns="${main}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      bytes: xml(
        `<worksheet xmlns="${main}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
          `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
          `<sheetData>${sheetRows}</sheetData></worksheet>`,
      ),
    },
  ]);
}
