/**
 * The statistics tables as one CSV file (RFC 4180: CRLF line ends, fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled), UTF-8 with a byte-order mark so
 * spreadsheet programs read Chinese correctly. Each table is a section: its title on a line
 * of its own, its header row, its rows, then an empty line.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell that begins with = + - @ TAB or CR
 * would run as a formula in a spreadsheet, so it is written with a leading apostrophe.
 * Numbers are written as numbers and never altered.
 */
import type { Cell, ReportTable } from './tables.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text safe to put in a spreadsheet cell (also used for XLSX). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: readonly Cell[]): string => `${cells.map(field).join(',')}\r\n`;

/** Any tables of titled columns and rows (the statistics', a re-assessment report's). */
export function tablesToCsv(tables: readonly Pick<ReportTable, 'title' | 'columns' | 'rows' | 'total'>[]): string {
  let out = '\uFEFF';
  for (const table of tables) {
    out += line([table.title]);
    out += line(table.columns.map((c) => c.label));
    for (const row of table.rows) out += line(row);
    if (table.total !== undefined) out += line(table.total);
    out += '\r\n';
  }
  return out;
}
