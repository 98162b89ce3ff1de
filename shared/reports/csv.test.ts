/** CSV export: RFC 4180 quoting, a UTF-8 byte-order mark, and formula injection neutralised. */
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, tablesToCsv } from './csv.ts';
import type { ReportTable } from './tables.ts';

const table = (rows: ReportTable['rows']): ReportTable => ({
  id: 'refusals',
  title: 'Refusals',
  columns: [{ label: 'Reason', numeric: false }, { label: 'Cases', numeric: true }],
  rows,
});

describe('tablesToCsv', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const csv = tablesToCsv([table([['none', 1]])]);
    expect(csv.startsWith('\uFEFFRefusals\r\nReason,Cases\r\nnone,1\r\n\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(tablesToCsv([table([['a, b', 1], ['say "no"', 2], ['two\nlines', 3]])])).toContain('"a, b",1\r\n"say ""no""",2\r\n"two\nlines",3\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises %j with a leading apostrophe', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(tablesToCsv([table([[cell, 1]])]).split('\r\n')[2]!.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('leaves ordinary text, Chinese and negative numbers alone', () => {
    expect(neutraliseFormula('陳大文')).toBe('陳大文');
    expect(neutraliseFormula('public interest')).toBe('public interest');
    expect(tablesToCsv([table([['x', -3]])])).toContain('x,-3\r\n');
  });
});
