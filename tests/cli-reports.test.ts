/** `tsp dossier` and `tsp report statistics` on a real store: the files they write, and exit 2 with reasons on bad input. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/testing.ts';
import { main } from '../electron/cli.ts';
import { memoryIo } from './cli-io.ts';

let dir: string;
const file = (name: string) => path.join(dir, name);

async function tsp(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

let caseId: string;
beforeAll(async () => {
  dir = tempDir();
  expect((await tsp('demo', '--db', file('store.sqlite'), '--cases', '40')).code).toBe(0);
  const { openApp } = await import('../electron/app.ts');
  const app = openApp({ file: file('store.sqlite'), osUser: 'cli' });
  const listed = app.router.dispatch('cases.list', { limit: 1 });
  if (!listed.ok) throw new Error('the demo store lists no case');
  caseId = listed.data.items[0]!.id;
  app.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tsp dossier', () => {
  it.each(['en', 'zh-Hant'])('writes the dossier of a case as a PDF in %s', async (lang) => {
    const r = await tsp('dossier', '--db', file('store.sqlite'), '--case', caseId, '--out', file(`d-${lang}.pdf`), '--lang', lang);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`Wrote the dossier of case ${caseId}`);
    expect(fs.readFileSync(file(`d-${lang}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['no --case', ['dossier', '--db', 'STORE', '--out', 'x.pdf'], '--case is required'],
    ['a case id that is not one', ['dossier', '--db', 'STORE', '--case', 'nope', '--out', 'x.pdf'], 'caseId: must be a case id'],
    ['an unknown case', ['dossier', '--db', 'STORE', '--case', '00000000-0000-4000-8000-000000000000', '--out', 'x.pdf'], 'not found'],
    ['no database', ['dossier', '--db', 'missing.sqlite', '--case', '00000000-0000-4000-8000-000000000000', '--out', 'x.pdf'], 'no database at'],
  ])('exits 2 for %s', async (_, args, message) => {
    const r = await tsp(...args.map((a) => (a === 'STORE' ? file('store.sqlite') : a === 'missing.sqlite' || a === 'x.pdf' ? file(a) : a)));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(fs.existsSync(file('x.pdf'))).toBe(false);
  });
});

describe('tsp report statistics', () => {
  const period = ['--from', '2000-01-01', '--to', '2030-12-31'];

  it('writes CSV with a byte-order mark', async () => {
    const r = await tsp('report', 'statistics', '--db', file('store.sqlite'), ...period, '--format', 'csv', '--out', file('s.csv'));
    expect(r.code).toBe(0);
    const csv = fs.readFileSync(file('s.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFTransfers per year by jurisdiction and direction\r\n')).toBe(true);
  });

  it('writes an XLSX workbook with a sheet per table', async () => {
    expect((await tsp('report', 'statistics', '--db', file('store.sqlite'), ...period, '--format', 'xlsx', '--out', file('s.xlsx'), '--lang', 'zh-Hant')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('s.xlsx'));
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(10);
    expect(workbook.worksheets[1]!.getRow(1).getCell(1).value).toBe('年份');
  });

  it('writes a PDF, filtered', async () => {
    const r = await tsp('report', 'statistics', '--db', file('store.sqlite'), ...period, '--format', 'pdf', '--out', file('s.pdf'), '--direction', 'incoming', '--state', 'HK');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(file('s.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 2 naming each bad field, and writes nothing', async () => {
    const r = await tsp('report', 'statistics', '--db', file('store.sqlite'), '--from', '2024-02-30', '--to', '2024-01-01', '--format', 'docx', '--out', file('bad.out'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('query.from: must be a real calendar date written YYYY-MM-DD');
    expect(r.err).toContain('format: must be one of xlsx, csv, pdf');
    expect(fs.existsSync(file('bad.out'))).toBe(false);
  });

  it('exits 2 when the period ends before it starts, or options are missing', async () => {
    const reversed = await tsp('report', 'statistics', '--db', file('store.sqlite'), '--from', '2025-01-01', '--to', '2024-01-01', '--format', 'csv', '--out', file('bad.csv'));
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('query.to: must not be before "from"');
    const missing = await tsp('report', 'statistics', '--db', file('store.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--from is required');
    expect(missing.err).toContain('--out is required');
    expect((await tsp('report', 'monthly', '--db', file('store.sqlite'))).code).toBe(2);
  });
});
