/**
 * The spreadsheet import (issue 20) beside the JSON import of the same cases: an XLSX workbook of
 * n rows (the template's columns, written by exceljs) read, checked row by row and imported into
 * an empty store through the service (imports.spreadsheetStart until ready, then
 * imports.spreadsheetCommit), against importCases of the very cases those rows stand for
 * (shared/imports/spreadsheet-fields.ts `caseOfRow`), into another empty store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { openApp } from '../electron/app.ts';
import { commitSpreadsheet, importCases, spreadsheetProgress, startSpreadsheet } from '../electron/services/case-import.ts';
import type { CaseFile } from '../shared/domain/case.ts';
import { t } from '../shared/i18n/index.ts';
import { caseOfRow, fieldLabelKey, SPREADSHEET_FIELDS, type Cell } from '../shared/imports/spreadsheet-fields.ts';
import { progress, timed, timedAsync, timeRow, type Row } from './measure.ts';

/** A case's row: each column's value as an officer would type it. */
function rowOf(c: CaseFile): Cell[] {
  const sentence = c.sentences[0];
  const term = sentence !== undefined && typeof sentence.term === 'object' ? sentence.term : null;
  const values: Record<string, Cell> = {
    reference: c.reference ?? null,
    familyName: c.person.familyName ?? null,
    givenNames: c.person.givenNames ?? null,
    nativeName: c.person.nativeName ?? null,
    prisonNumber: c.person.prisonNumber ?? null,
    dateOfBirth: c.person.dateOfBirth ?? null,
    nationalities: c.person.nationalities?.join(', ') ?? null,
    sentencingState: c.sentencingState,
    administeringState: c.administeringState,
    direction: c.direction ?? null,
    ruleSetId: c.ruleSetId ?? null,
    judgmentDate: c.judgment.date ?? null,
    judgmentFinal: c.judgment.final == null ? null : c.judgment.final ? 'yes' : 'no',
    sentenceStart: term === null ? null : (sentence?.start ?? null),
    termYears: term?.years ?? null,
    termMonths: term?.months ?? null,
    termDays: term?.days ?? null,
    offence: c.offences[0]?.description ?? null,
    remandDays: c.remandDays ?? null,
    consent: c.consent?.status ?? null,
  };
  return SPREADSHEET_FIELDS.map((f) => values[f.key] ?? null);
}

const removeStore = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '.audit-key', '.audit-head']) fs.rmSync(`${file}${suffix}`, { force: true });
};

export async function spreadsheetImportBenchmark(cases: readonly CaseFile[], dir: string): Promise<Row[]> {
  const n = cases.length;
  const rows = cases.map(rowOf);
  const mapping = SPREADSHEET_FIELDS.map((f) => f.key);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.addRow(SPREADSHEET_FIELDS.map((f) => t('en', fieldLabelKey(f.key))));
  for (const row of rows) sheet.addRow(row);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const files = JSON.parse(JSON.stringify(rows.map((r) => caseOfRow(r, mapping).file))) as unknown[];

  progress(`imports: a spreadsheet of ${n} rows (${Math.round(bytes.length / 1024)} KiB) into an empty store`);
  const sheetFile = path.join(dir, 'sheet-import.sqlite');
  const sheetApp = openApp({ file: sheetFile, osUser: 'bench' });
  let previewMs = 0;
  let commitMs = 0;
  try {
    let jobId = '';
    previewMs = await timedAsync(async () => {
      jobId = startSpreadsheet(sheetApp.context, { fileName: 'cases.xlsx', contentBase64: bytes.toString('base64') }).jobId;
      for (;;) {
        const { phase, preview, error } = spreadsheetProgress(sheetApp.context, { jobId });
        if (phase === 'failed') throw new Error(`the spreadsheet was not read: ${JSON.stringify(error)}`);
        if (phase === 'ready') {
          if (preview!.counts.new !== n) throw new Error(`the preview found ${JSON.stringify(preview!.counts)}, not ${n} new cases`);
          break;
        }
        await sleep(5);
      }
    });
    commitMs = timed(() => {
      if (commitSpreadsheet(sheetApp.context, { jobId, skipInvalid: false }).created !== n) throw new Error('the spreadsheet import lost rows');
    });
  } finally {
    sheetApp.close();
    removeStore(sheetFile);
  }

  progress(`imports: the same ${n} cases as JSON into an empty store`);
  const jsonFile = path.join(dir, 'json-import.sqlite');
  const jsonApp = openApp({ file: jsonFile, osUser: 'bench' });
  let jsonMs: number;
  try {
    jsonMs = timed(() => {
      if (importCases(jsonApp.context, files).ids.length !== n) throw new Error('the JSON import lost cases');
    });
  } finally {
    jsonApp.close();
    removeStore(jsonFile);
  }
  return [
    timeRow(
      `imports: spreadsheet of ${n.toLocaleString('en-GB')} rows (XLSX) vs JSON import of the same cases`,
      previewMs + commitMs, jsonMs, 0.33, 'ratio >= 0.33 (at most 3× the JSON import)',
      `ours: the XLSX read by exceljs and every row checked against the store in steps of 500 (${Math.round(previewMs)} ms, the preview), then planned again and written in one transaction (${Math.round(commitMs)} ms). reference: importCases of the cases the rows stand for, parsed JSON, one transaction. Both validate every case with zod and write one audit entry per case.`,
    ),
  ];
}
