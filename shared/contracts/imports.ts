/**
 * Bringing cases in (issue 20; electron/services/case-import.ts): a file of `tsp-case/1` cases
 * previewed and imported, each matched to a stored case (an update or unchanged, never a
 * duplicate), and a spreadsheet read, checked and imported with its template.
 */
import { z } from 'zod';
import { importResultSchema } from '../api-schemas.ts';
import {
  commitSpreadsheetInput, importTemplateInput, spreadsheetJobInput, startSpreadsheetInput,
  type ImportPreview, type SpreadsheetImportResult, type SpreadsheetJob,
} from '../import-schemas.ts';
import { CASEWORK, typed, type AreaContract } from './channel.ts';
import type { ProducedFile } from './reports.ts';

export const importsContract = {
  /** A file's cases (one or a list), each checked as the store checks it: invalid cases are named as `cases[i].<field>`. */
  'cases.import': { input: z.unknown(), output: importResultSchema, roles: CASEWORK },
  /** What importing the file would do, case by case; nothing is written. */
  'cases.importPreview': { input: z.unknown(), output: typed<ImportPreview>(), roles: CASEWORK },
  'imports.spreadsheetStart': { input: startSpreadsheetInput, output: typed<SpreadsheetJob>(), roles: CASEWORK },
  'imports.spreadsheetProgress': { input: spreadsheetJobInput, output: typed<SpreadsheetJob>(), roles: CASEWORK },
  'imports.spreadsheetCommit': { input: commitSpreadsheetInput, output: typed<SpreadsheetImportResult>(), roles: CASEWORK },
  'imports.template': { input: importTemplateInput, output: typed<ProducedFile>(), roles: CASEWORK },
} as const satisfies AreaContract;
