/**
 * Bringing cases in, idempotently (issue 20): `tsp-case/1` files (cases.import, and its preview)
 * and spreadsheets (XLSX, CSV: read and checked in steps, then imported in one write).
 *
 * Each case, or row, is planned first. It matches a stored case by the same reference, or the
 * same prison number (compared as shared/domain/prison-number.ts keys it) under the same
 * sentencing State: then it is an update, shown field by field, or unchanged; never a second
 * case. Otherwise it is new, or invalid with its problems. A JSON file is the case whole: an
 * update puts the file's case in place of the stored one. A spreadsheet row holds a few fields:
 * an update writes those the row fills and keeps the rest (an empty cell changes nothing). The
 * status and the closure are never changed by an import: the workflow moves a case.
 *
 * The import itself plans again inside its one transaction (the store may have changed since the
 * preview) and writes each new case as cases.create does and each update as cases.update does
 * (electron/services/cases.ts), one audit entry per case.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { appendAudit } from '../../db/audit-repo.ts';
import { caseMatchRows } from '../../db/case-matching.ts';
import { findCase } from '../../db/cases-repo.ts';
import { readSetting, writeSetting } from '../../db/settings-repo.ts';
import { parseStorableCase, type FieldProblem, type ImportResult } from '../../shared/api-schemas.ts';
import { keyedProblem, type CaseFile } from '../../shared/domain/case.ts';
import { prisonNumberKey } from '../../shared/domain/prison-number.ts';
import { t } from '../../shared/i18n/index.ts';
import {
  SPREADSHEET_MAX_COLUMNS, SPREADSHEET_MAX_ROWS,
  type ColumnMapping, type ImportCounts, type ImportPreview, type ImportRowPlan, type SpreadsheetImportResult, type SpreadsheetJob,
} from '../../shared/import-schemas.ts';
import { caseDifferences } from '../../shared/imports/case-differences.ts';
import {
  caseOfRow, fieldLabelKey, fieldOfProblem, labelOfRow, mappingToSave, mergeRow, SPREADSHEET_FIELDS, suggestMapping, type Cell, type SavedMapping,
} from '../../shared/imports/spreadsheet-fields.ts';
import { csvRows, TableTextError } from '../../shared/imports/table-text.ts';
import type { importsContract } from '../../shared/contracts/imports.ts';
import type { ProducedFile } from '../../shared/contracts/reports.ts';
import { isZip, readWorkbookRows, writeTemplateWorkbook, type SheetRow } from '../imports/workbook.ts';
import { readZip, ZipError } from '../packages/zip.ts';
import { importedClosure, insertClosedCase, IMPORT_MAX_CASES, type ImportedClosure } from './case-files.ts';
import { applyChange } from './case-change.ts';
import { creationRefused, insertNewCase, type CreationProblem } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers, Input } from './handlers.ts';
import { within } from './validate.ts';
import { write, type WriteScope } from './write.ts';

/** The store setting holding the last spreadsheet mapping used: a field by header (shared/imports/spreadsheet-fields.ts). */
const MAPPING_SETTING = 'import.spreadsheetMapping';
/** What an import's update says in the audit log and on the timeline. */
const UPDATE_REASON = 'updated by an import';

/** A problem of the import itself (`import.problem.*`), worded in English with its key for the reader's language. */
function importProblem(key: string, params?: Record<string, string | number>): FieldProblem {
  return { field: '(file)', message: t('en', key, params ?? {}), messageKey: key, ...(params === undefined ? {} : { params }) };
}

// ---------------------------------------------------------------- matching

/** What a case is matched on: its reference, and its sentencing State with its prison number (compared by its letters and digits). */
interface MatchKeys {
  reference: string | null;
  person: string | null;
}

function keysOf(reference: unknown, sentencingState: unknown, prisonNumber: unknown): MatchKeys {
  const number = typeof prisonNumber === 'string' ? prisonNumberKey(prisonNumber) : '';
  const state = typeof sentencingState === 'string' ? sentencingState.trim().toUpperCase() : '';
  return {
    reference: typeof reference === 'string' && reference.trim() !== '' ? reference.trim() : null,
    person: state !== '' && number !== '' ? `${state}|${number}` : null,
  };
}

const keysOfCase = (c: unknown): MatchKeys => {
  const file = (typeof c === 'object' && c !== null ? c : {}) as { reference?: unknown; sentencingState?: unknown; person?: { prisonNumber?: unknown } };
  return keysOf(file.reference, file.sentencingState, typeof file.person === 'object' && file.person !== null ? file.person.prisonNumber : undefined);
};

/** Cases (stored ones by id, or the file's earlier ones by row) by their keys. */
class CaseIndex<T> {
  private readonly byReference = new Map<string, T[]>();
  private readonly byPerson = new Map<string, { value: T; reference: string | null }[]>();

  add(keys: MatchKeys, value: T): void {
    if (keys.reference !== null) this.byReference.set(keys.reference, [...(this.byReference.get(keys.reference) ?? []), value]);
    if (keys.person !== null) this.byPerson.set(keys.person, [...(this.byPerson.get(keys.person) ?? []), { value, reference: keys.reference }]);
  }

  /**
   * The cases a case with `keys` is: those of its reference; else those of its prison number and
   * sentencing State that have no other reference (two references are two cases, perhaps of one person).
   */
  matches(keys: MatchKeys): T[] {
    const byReference = keys.reference === null ? undefined : this.byReference.get(keys.reference);
    if (byReference !== undefined) return byReference;
    if (keys.person === null) return [];
    return (this.byPerson.get(keys.person) ?? []).filter((e) => keys.reference === null || e.reference === null).map((e) => e.value);
  }
}

/** The stored cases (read once per import), and the file's cases planned so far. */
interface Matcher {
  stored: CaseIndex<string>;
  seen: CaseIndex<number>;
}

function matcherOf(ctx: ServiceContext): Matcher {
  const stored = new CaseIndex<string>();
  for (const row of caseMatchRows(ctx.db)) stored.add(keysOf(row.reference, row.sentencingState, row.prisonNumber), row.id);
  return { stored, seen: new CaseIndex<number>() };
}

// ---------------------------------------------------------------- planning

/** A plan with what its write needs. */
interface Planned {
  plan: ImportRowPlan;
  file: CaseFile | null;
  closure: ImportedClosure | null;
  expectedVersion: number;
  refusals: CreationProblem[];
  warnings: FieldProblem[];
}

interface Item {
  row: number;
  label: string;
  keys: MatchKeys;
  /** The case to store, given the stored case it matches (or null): unknown until checked. */
  build: (stored: CaseFile | null) => unknown;
  /** The problems of the item before the case is built (a spreadsheet cell that cannot be read). */
  early: FieldProblem[];
  /** How a problem of the built case is named for the reader (a file's `cases[i].…`, a sheet's column). */
  name: (problems: readonly FieldProblem[]) => ImportRowPlan['problems'];
  /** How the row is named when another row is the same case. */
  rowName: (row: number) => string;
}

function invalid(item: Item, problems: ImportRowPlan['problems'], refusals: CreationProblem[] = []): Planned {
  return { plan: { row: item.row, label: item.label, outcome: 'invalid', caseId: null, differences: [], problems }, file: null, closure: null, expectedVersion: 0, refusals, warnings: [] };
}

function planItem(ctx: ServiceContext, matcher: Matcher, item: Item): Planned {
  const problems: FieldProblem[] = [];
  const earlier = matcher.seen.matches(item.keys)[0];
  matcher.seen.add(item.keys, item.row);
  if (earlier !== undefined) problems.push(importProblem('import.problem.sameAsRow', { row: item.rowName(earlier) }));
  const ids = [...new Set(matcher.stored.matches(item.keys))];
  if (ids.length > 1) problems.push(importProblem('import.problem.severalCases', { count: ids.length }));
  const stored = ids.length !== 1 ? undefined : findCase(ctx.db, ids[0]!);
  problems.push(...item.early);
  const parsed = parseStorableCase(item.build(stored?.case ?? null));
  if (!parsed.ok) problems.push(...parsed.errors);
  if (problems.length > 0 || !parsed.ok) return invalid(item, item.name(problems));
  const warnings = parsed.warnings;
  if (stored !== undefined) {
    const value: CaseFile = { ...parsed.value, status: stored.case.status };
    delete value.closure;
    const differences = caseDifferences(stored.case, value);
    const base = { row: item.row, label: item.label, caseId: stored.meta.id, differences, problems: [] };
    if (differences.length === 0) return { plan: { ...base, outcome: 'unchanged' }, file: null, closure: null, expectedVersion: stored.meta.version, refusals: [], warnings };
    if (stored.meta.closedAt !== null) return invalid(item, item.name([importProblem('import.problem.closedCase')]));
    return { plan: { ...base, outcome: 'update' }, file: value, closure: null, expectedVersion: stored.meta.version, refusals: [], warnings };
  }
  // A new case, as cases.create takes it: no step beyond the importer's role; ended only with its closure.
  const { closure, problems: refused } = importedClosure(ctx.user.role, parsed.value, '(file)');
  if (refused.length > 0) return invalid(item, item.name(refused.map(({ kind: _kind, ...p }) => ({ ...p, field: p.field.replace(/^\(file\)\./, '') }))), refused);
  return { plan: { row: item.row, label: item.label, outcome: 'new', caseId: null, differences: [], problems: [] }, file: parsed.value, closure, expectedVersion: 0, refusals: [], warnings };
}

function countsOf(rows: readonly ImportRowPlan[]): ImportCounts {
  const counts: ImportCounts = { new: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  return counts;
}

/** Writes a planned case (new or update) inside the caller's write; answers its id. */
function applyPlanned(ctx: ServiceContext, scope: WriteScope, p: Planned): string {
  const { plan, file } = p;
  if (plan.outcome === 'unchanged') return plan.caseId!;
  if (plan.outcome === 'update') {
    return applyChange(ctx, scope, {
      id: plan.caseId!, expectedVersion: p.expectedVersion, reason: UPDATE_REASON, action: 'case.import.update', mustBeOpen: true,
      next: () => ({ case: file!, event: { kind: 'import-updated' } }),
    }).id;
  }
  if (p.closure !== null) return insertClosedCase(ctx, scope, file!, p.closure);
  return insertNewCase(ctx, scope, file!, { action: 'case.import', event: 'imported', reason: null }).id;
}

// ---------------------------------------------------------------- tsp-case/1 files

function fileItems(input: unknown): Item[] {
  // Array.from: a hole in a sparse array is a case too (undefined, refused), never skipped.
  const items = Array.isArray(input) ? Array.from(input as unknown[]) : [input];
  if (items.length === 0) throw new ServiceError('invalid_input', 'error.import_empty', [keyedProblem('cases', 'validation.import.empty')]);
  if (items.length > IMPORT_MAX_CASES) {
    throw new ServiceError('invalid_input', 'error.import_too_large', [{ field: 'cases', message: `at most ${IMPORT_MAX_CASES} cases per import` }]);
  }
  return items.map((raw, i) => {
    const person = (raw as { person?: { familyName?: unknown; prisonNumber?: unknown } } | null)?.person;
    const label = [person?.familyName, person?.prisonNumber].filter((s): s is string => typeof s === 'string' && s.trim() !== '').join(' ');
    return { row: i, label, keys: keysOfCase(raw), build: () => raw, early: [], name: (problems) => within(`cases[${i}]`, problems), rowName: (row) => `cases[${row}]` };
  });
}

/** What importing the file would do, case by case; writes nothing. */
export function previewCaseImport(ctx: ServiceContext, input: unknown): ImportPreview {
  const matcher = matcherOf(ctx);
  const rows = fileItems(input).map((item) => planItem(ctx, matcher, item).plan);
  return { rows, counts: countsOf(rows) };
}

/**
 * Imports a file of cases, all or nothing: any invalid case refuses the whole file (each problem
 * named `cases[i].<field>`). New cases are created, matched ones updated or left unchanged.
 */
export function importCases(ctx: ServiceContext, input: unknown): ImportResult {
  const items = fileItems(input);
  return write(ctx, (scope) => {
    const matcher = matcherOf(ctx);
    const planned = items.map((item) => planItem(ctx, matcher, item));
    const bad = planned.filter((p) => p.plan.outcome === 'invalid');
    if (bad.length > 0) {
      const refusals = bad.flatMap((p) => p.refusals.map((r) => ({ ...r, field: r.field.replace(/^\(file\)/, `cases[${p.plan.row}]`) })));
      if (refusals.length === bad.flatMap((p) => p.plan.problems).length) throw creationRefused(refusals);
      throw new ServiceError('invalid_input', 'error.import_invalid', bad.flatMap((p) => p.plan.problems));
    }
    return {
      ids: planned.map((p) => applyPlanned(ctx, scope, p)),
      outcomes: planned.map((p) => p.plan.outcome as 'new' | 'update' | 'unchanged'),
      warnings: planned.flatMap((p) => within(`cases[${p.plan.row}]`, p.warnings)),
    };
  });
}

// ---------------------------------------------------------------- spreadsheets

interface SheetJob {
  userId: string;
  progress: SpreadsheetJob;
  rows: SheetRow[];
}

const jobs = new Map<string, SheetJob>();
/** Rows checked between two turns of the event loop: the window's other calls are answered meanwhile. */
const CHECK_STEP = 500;

const isEmptyRow = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function sheetItems(headers: readonly string[], mapping: ColumnMapping, rows: readonly SheetRow[]): Item[] {
  return rows.map(({ number, cells }) => {
    const row = caseOfRow(cells, mapping);
    const name = (problems: readonly FieldProblem[]): ImportRowPlan['problems'] =>
      problems.map((p) => {
        const field = fieldOfProblem(p, mapping);
        const column = field === null ? -1 : mapping.indexOf(field);
        return { ...p, field: field ?? p.field, column: column < 0 ? null : (headers[column] ?? null) };
      });
    const person = row.file.person as { prisonNumber?: unknown } | undefined;
    return {
      row: number,
      label: labelOfRow(cells, mapping),
      keys: keysOf(row.file.reference, row.file.sentencingState, person?.prisonNumber),
      build: (stored: CaseFile | null) => (stored === null ? row.file : mergeRow(stored, row.file)),
      early: row.problems.map((p) => ({ field: SPREADSHEET_FIELDS.find((f) => f.key === p.field)!.path, message: t('en', p.messageKey), messageKey: p.messageKey })),
      name,
      rowName: (r: number) => String(r),
    };
  });
}

function savedMapping(ctx: ServiceContext): SavedMapping {
  const value = readSetting(ctx.db, MAPPING_SETTING);
  return typeof value === 'object' && value !== null ? (value as SavedMapping) : {};
}

function jobOf(ctx: ServiceContext, jobId: string): SheetJob {
  const job = jobs.get(jobId);
  if (job === undefined || job.userId !== ctx.user.id) {
    throw new ServiceError('not_found', 'import.error.jobNotFound', [{ field: 'jobId', message: 'no such spreadsheet (it may have been imported already)' }]);
  }
  return job;
}

async function readSheet(bytes: Buffer): Promise<SheetRow[]> {
  const limits = { maxRows: SPREADSHEET_MAX_ROWS + 1, maxColumns: SPREADSHEET_MAX_COLUMNS };
  if (isZip(bytes)) {
    // The archive read first within bounds (entries, sizes: electron/packages/zip.ts), so that a
    // workbook inflating to gigabytes is refused before exceljs holds it in memory.
    readZip(bytes);
    return readWorkbookRows(bytes, limits);
  }
  const records = csvRows(bytes);
  if (records.length > limits.maxRows) throw new RangeError(`more than ${SPREADSHEET_MAX_ROWS} rows`);
  return records.map((cells, i) => ({ number: i + 1, cells: cells.slice(0, limits.maxColumns) })).filter((r) => !isEmptyRow(r.cells));
}

/**
 * Starts reading a spreadsheet: the answer comes at once, and imports.spreadsheetProgress tells how
 * far the reading and checking are, then gives the preview. The first non-empty row is the header.
 */
export function startSpreadsheet(ctx: ServiceContext, { contentBase64, mapping: chosen }: Input<'imports.spreadsheetStart'>): SpreadsheetJob {
  const jobId = randomUUID();
  // One spreadsheet at a time per user: choosing another file forgets the one before (and its rows).
  for (const [id, other] of jobs) if (other.userId === ctx.user.id) jobs.delete(id);
  const job: SheetJob = {
    userId: ctx.user.id,
    rows: [],
    progress: { jobId, phase: 'reading', done: 0, total: 0, headers: [], mapping: [], mappingSaved: false, preview: null, error: null },
  };
  jobs.set(jobId, job);
  const fail = (messageKey: string, params?: Record<string, string | number>) => {
    job.rows = [];
    job.progress = { ...job.progress, phase: 'failed', error: params === undefined ? { messageKey } : { messageKey, params } };
  };
  setTimeout(() => {
    void (async () => {
      const sheet = await readSheet(Buffer.from(contentBase64, 'base64'));
      const [header, ...rows] = sheet;
      if (header === undefined || rows.length === 0) return fail('import.error.noRows');
      const headers = header.cells.map((c) => (c === null ? '' : String(c).trim()));
      const suggested = suggestMapping(headers, savedMapping(ctx));
      const mapping = chosen ?? suggested.mapping;
      job.rows = rows;
      job.progress = { ...job.progress, phase: 'checking', total: rows.length, headers, mapping, mappingSaved: chosen === undefined && suggested.fromSaved };
      const matcher = matcherOf(ctx);
      const items = sheetItems(headers, mapping, rows);
      const plans: ImportRowPlan[] = [];
      for (let i = 0; i < items.length; i += CHECK_STEP) {
        if (!ctx.db.open) return fail('import.error.unreadable', { detail: 'the store was closed' });
        for (const item of items.slice(i, i + CHECK_STEP)) plans.push(planItem(ctx, matcher, item).plan);
        job.progress = { ...job.progress, done: plans.length };
        await nextTurn();
      }
      job.progress = { ...job.progress, phase: 'ready', preview: { rows: plans, counts: countsOf(plans) } };
    })().catch((error: unknown) => {
      if (error instanceof TableTextError || error instanceof RangeError || error instanceof ZipError) return fail('import.error.unreadable', { detail: error.message });
      // exceljs refuses a damaged workbook with its own errors: the file, not the app, is at fault.
      fail('import.error.unreadable', { detail: error instanceof Error ? error.message.slice(0, 200) : String(error) });
    });
  }, 0);
  return job.progress;
}

export function spreadsheetProgress(ctx: ServiceContext, { jobId }: Input<'imports.spreadsheetProgress'>): SpreadsheetJob {
  return jobOf(ctx, jobId).progress;
}

/**
 * Imports a checked spreadsheet in one write: every row planned again, then with `skipInvalid`
 * the good rows (the invalid ones left out), without it nothing unless every row is good. The
 * mapping used is saved for the next import.
 */
export function commitSpreadsheet(ctx: ServiceContext, { jobId, skipInvalid }: Input<'imports.spreadsheetCommit'>): SpreadsheetImportResult {
  const job = jobOf(ctx, jobId);
  if (job.progress.phase !== 'ready') throw new ServiceError('conflict', 'import.error.notReady', [{ field: 'jobId', message: `the spreadsheet is ${job.progress.phase}, not ready` }]);
  const { headers, mapping } = job.progress;
  const result = write(ctx, (scope) => {
    const matcher = matcherOf(ctx);
    const planned = sheetItems(headers, mapping, job.rows).map((item) => planItem(ctx, matcher, item));
    const bad = planned.filter((p) => p.plan.outcome === 'invalid');
    if (bad.length > 0 && !skipInvalid) {
      throw new ServiceError('invalid_input', 'import.error.invalidRows', bad.flatMap((p) => p.plan.problems.map((q) => ({ ...q, field: `rows[${p.plan.row}].${q.field}` }))));
    }
    const good = planned.filter((p) => p.plan.outcome !== 'invalid');
    const caseIds = good.map((p) => applyPlanned(ctx, scope, p));
    const before = savedMapping(ctx);
    const after = { ...before, ...mappingToSave(headers, mapping) };
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      writeSetting(scope.db, { name: MAPPING_SETTING, value: after, updatedAt: scope.at, updatedBy: scope.userId });
      appendAudit(scope.db, { at: scope.at, userId: scope.userId, action: 'setting.save', entity: 'setting', entityId: MAPPING_SETTING, reason: null, before, after });
    }
    const counts = countsOf(good.map((p) => p.plan));
    return { created: counts.new, updated: counts.update, unchanged: counts.unchanged, skipped: bad.length, caseIds };
  });
  jobs.delete(jobId);
  return result;
}

/** The template: a column per field, the header in the user's language, one example row. */
export function importTemplate(_ctx: ServiceContext, { locale }: Input<'imports.template'>): ProducedFile {
  const header = SPREADSHEET_FIELDS.map((f) => t(locale, fieldLabelKey(f.key)));
  const bytes = writeTemplateWorkbook(t(locale, 'import.template.sheet'), header, [SPREADSHEET_FIELDS.map((f) => f.example)]);
  return { fileName: `cases-template-${locale}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
}

/** The imports area's handlers (shared/contracts/imports.ts). */
export const importsHandlers: Handlers<keyof typeof importsContract> = {
  'cases.import': importCases,
  'cases.importPreview': previewCaseImport,
  'imports.spreadsheetStart': startSpreadsheet,
  'imports.spreadsheetProgress': spreadsheetProgress,
  'imports.spreadsheetCommit': commitSpreadsheet,
  'imports.template': importTemplate,
};
