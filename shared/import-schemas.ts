/**
 * Bringing cases in (issue 20): the channels of the import preview, the spreadsheet import and
 * its template, their inputs and answers. Pure.
 *
 * Every import path plans each case (or row) first: `new`, `update` of the case it matches (the
 * same prison number and sentencing State, or the same reference), with its differences field by
 * field, `unchanged`, or `invalid` with its problems. Nothing is ever silently duplicated.
 */
import { z } from 'zod';
import type { FieldProblem } from './domain/case.ts';
import { ATTACHMENT_BASE64_MAX_LENGTH } from './workflow-schemas.ts';
import { SPREADSHEET_FIELDS, type SpreadsheetField } from './imports/spreadsheet-fields.ts';

type ImportOutcome = 'new' | 'update' | 'unchanged' | 'invalid';

/** A spreadsheet of at most 20 MiB, base64 (as an attachment travels). */
export const SPREADSHEET_BASE64_MAX_LENGTH = ATTACHMENT_BASE64_MAX_LENGTH;
export const SPREADSHEET_MAX_ROWS = 100_000;
export const SPREADSHEET_MAX_COLUMNS = 200;

export interface CaseDifference {
  /** The field of the case file, as a dotted path (`person.dateOfBirth`, `sentences[0].term.years`). */
  field: string;
  stored: string;
  incoming: string;
}

/** What importing one case (a file's `cases[i]`, a spreadsheet's row) would do, or did. */
export interface ImportRowPlan {
  /** The case's place: its index in a JSON file (from 0), its row number in a spreadsheet (from 2, under the header). */
  row: number;
  /** Who it is, as the file gives it: the family name and the prison number, for the reader to find the row. */
  label: string;
  outcome: ImportOutcome;
  /** The case updated or left unchanged. */
  caseId: string | null;
  differences: CaseDifference[];
  /** For an invalid row: each problem, its field a case path, or in a spreadsheet the column's header (`column`). */
  problems: (FieldProblem & { column?: string | null })[];
}

export interface ImportCounts {
  new: number;
  update: number;
  unchanged: number;
  invalid: number;
}

export interface ImportPreview {
  rows: ImportRowPlan[];
  counts: ImportCounts;
}

const fieldKey = z.enum(SPREADSHEET_FIELDS.map((f) => f.key) as [SpreadsheetField, ...SpreadsheetField[]]);

/** Which case field each column fills, by column (from the first), null for a column left out. */
const columnMapping = z.array(fieldKey.nullable()).max(SPREADSHEET_MAX_COLUMNS);
export type ColumnMapping = z.output<typeof columnMapping>;

export const startSpreadsheetInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(SPREADSHEET_BASE64_MAX_LENGTH, { error: 'validation.file.over20MiB' }),
  /** The columns as the user mapped them; absent: the mapping suggested (the one saved, then the headers' names). */
  mapping: columnMapping.optional(),
});

export const spreadsheetJobInput = z.strictObject({ jobId: z.uuid() });

export const commitSpreadsheetInput = z.strictObject({
  jobId: z.uuid(),
  /** true: import the good rows and leave the invalid ones; false: import nothing unless every row is good. */
  skipInvalid: z.boolean(),
});

export const importTemplateInput = z.strictObject({ locale: z.enum(['en', 'zh-Hant']).default('en') });

type SpreadsheetPhase = 'reading' | 'checking' | 'ready' | 'failed';

/** A spreadsheet being read and checked (in steps, so the screen shows how far), then its preview. */
export interface SpreadsheetJob {
  jobId: string;
  phase: SpreadsheetPhase;
  /** Rows checked so far, of `total`. */
  done: number;
  total: number;
  /** The header row as written, one per column. */
  headers: string[];
  mapping: ColumnMapping;
  /** The mapping came from the one saved in the store (from an earlier import). */
  mappingSaved: boolean;
  /** When ready: what importing would do, row by row. */
  preview: ImportPreview | null;
  /** When failed: why (a message key with its parameters). */
  error: { messageKey: string; params?: Record<string, string | number> } | null;
}

export interface SpreadsheetImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out (only when asked to import the good rows). */
  skipped: number;
  /** The case of each row imported, in row order. */
  caseIds: string[];
}
