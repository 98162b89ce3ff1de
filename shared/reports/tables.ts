/**
 * The statistics as titled tables in one language: what the XLSX sheets, the CSV sections,
 * the PDF pages and the reports page all show, so every format says the same thing. Codes
 * (statuses, outcomes, verdicts, conditions) are written with their catalog labels; counts and
 * days stay numbers. A table that suits a bar chart names its label and value columns.
 */
import type { Locale } from '../i18n/index.ts';
import { hasMessage, t } from '../i18n/index.ts';
import { caseStatuses } from '../vocabularies.ts';
import type { Statistics, StatisticsQuery } from './statistics.ts';
import type { DaysSummary } from './summary.ts';
import { instrumentTitle } from './wording.ts';

export type Cell = string | number | null;

export interface ReportTable {
  id: 'transfers' | 'refusals' | 'processing' | 'pending' | 'pendingAge' | 'byStatus' | 'stepDays' | 'verdicts' | 'failingConditions' | 'overdue';
  title: string;
  /** `year`: a number written without digit grouping (2025, never 2,025), a number still in a spreadsheet. */
  columns: { label: string; numeric: boolean; year?: boolean }[];
  rows: Cell[][];
  /** The totals under the rows, its first cell "Total"; absent where figures do not add up (a case fails several conditions). */
  total?: Cell[];
  /** Bar chart: each row's label is its `labelColumns` joined, its length the `valueColumn`. */
  chart?: { labelColumns: number[]; valueColumn: number };
}

const SUMMARY_FIELDS = ['count', 'average', 'median', 'p90', 'shortest', 'longest'] as const;

function summaryRows(locale: Locale, summary: DaysSummary): Cell[][] {
  return SUMMARY_FIELDS.map((field) => [t(locale, `reports.summary.${field}`), summary[field]]);
}

/** A row of totals: "Total", then the sum of each column in `summed`, empty elsewhere. */
function totalRow(locale: Locale, rows: readonly Cell[][], width: number, summed: readonly number[]): Cell[] {
  return Array.from({ length: width }, (_, i) => (i === 0 ? t(locale, 'reports.total') : summed.includes(i) ? rows.reduce((n, r) => n + Number(r[i] ?? 0), 0) : null));
}

/**
 * Active cases by status and instrument as one table (status × instrument) with the totals of
 * each row and column: a picture of the work in hand on one page, not a bar for every pair.
 */
function byStatusTable(s: Statistics, locale: Locale, none: string, status: (v: string | null) => string): ReportTable {
  const label = (id: string | null) => (id === null ? none : instrumentTitle(locale, id));
  // Instruments by title, "not recorded" last; statuses in the order of the procedure, none last.
  const ruleSets = [...new Set(s.byStatus.map((r) => r.ruleSetId))].sort((a, b) => (a === null ? 1 : b === null ? -1 : label(a).localeCompare(label(b), locale)));
  const step = (st: string | null) => (st === null ? caseStatuses.length : (caseStatuses as readonly string[]).indexOf(st));
  const statuses = [...new Set(s.byStatus.map((r) => r.status))].sort((a, b) => step(a) - step(b));
  const count = (st: string | null, rs: string | null) => s.byStatus.find((r) => r.status === st && r.ruleSetId === rs)?.count ?? 0;
  const rows: Cell[][] = statuses.map((st) => {
    const counts = ruleSets.map((rs) => count(st, rs));
    return [status(st), ...counts, counts.reduce((n, c) => n + c, 0)];
  });
  const width = ruleSets.length + 2;
  return {
    id: 'byStatus',
    title: t(locale, 'reports.table.byStatus'),
    columns: [{ label: t(locale, 'reports.col.status'), numeric: false }, ...ruleSets.map((rs) => ({ label: label(rs), numeric: true })), { label: t(locale, 'reports.total'), numeric: true }],
    rows,
    ...(rows.length === 0 ? {} : { total: totalRow(locale, rows, width, Array.from({ length: width - 1 }, (_, i) => i + 1)) }),
  };
}

export function statisticsTables(s: Statistics, locale: Locale): ReportTable[] {
  const L = (key: string, params = {}) => t(locale, key, params);
  const col = (key: string, numeric = false) => ({ label: L(`reports.col.${key}`), numeric });
  const direction = (d: string) => L(`reports.direction.${d}`);
  const status = (v: string | null) => (v === null ? L('ui.caseStatus.none') : L(`ui.caseStatus.${v}`));
  const none = L('reports.value.notRecorded');

  const transfers: Cell[][] = s.transfers.map((r) => [r.year, r.jurisdiction, direction(r.direction), r.count]);
  const refusals: Cell[][] = s.refusals.map((r) => [
    r.jurisdiction,
    L(`ui.outcome.${r.outcome}`),
    // The coded reason in words (shared/vocabularies.ts); a code the catalogue does not know, as written.
    r.reason === null ? none : hasMessage(locale, `reason.${r.reason}`) ? L(`reason.${r.reason}`) : r.reason,
    r.count,
  ]);
  const pendingAge: Cell[][] = s.pending.buckets.map((b) => [L(`reports.bucket.${b.bucket}`), b.count]);
  const verdicts: Cell[][] = s.verdicts.map((r) => [r.verdict === 'not_assessed' ? L('ui.verdict.not_assessed') : L(`verdict.${r.verdict}`), r.count]);
  const withTotal = (rows: Cell[][], width: number, summed: number[]) => (rows.length === 0 ? {} : { total: totalRow(locale, rows, width, summed) });

  const tables: ReportTable[] = [
    {
      id: 'transfers',
      title: L('reports.table.transfers'),
      columns: [{ ...col('year', true), year: true }, col('jurisdiction'), col('direction'), col('transfers', true)],
      rows: transfers,
      ...withTotal(transfers, 4, [3]),
      chart: { labelColumns: [0, 1, 2], valueColumn: 3 },
    },
    {
      id: 'refusals',
      title: L('reports.table.refusals'),
      columns: [col('jurisdiction'), col('outcome'), col('reason'), col('cases', true)],
      rows: refusals,
      ...withTotal(refusals, 4, [3]),
      chart: { labelColumns: [0, 1], valueColumn: 3 },
    },
    {
      id: 'processing',
      title: L('reports.table.processing'),
      columns: [col('figure'), col('days', true)],
      rows: summaryRows(locale, s.processing),
    },
    {
      id: 'pending',
      title: L('reports.table.pending'),
      columns: [col('figure'), col('days', true)],
      rows: summaryRows(locale, s.pending),
    },
    {
      id: 'pendingAge',
      title: L('reports.table.pendingAge'),
      columns: [col('pendingFor'), col('cases', true)],
      rows: pendingAge,
      ...withTotal(pendingAge, 2, [1]),
      chart: { labelColumns: [0], valueColumn: 1 },
    },
    byStatusTable(s, locale, none, status),
    {
      id: 'stepDays',
      title: L('reports.table.stepDays'),
      columns: [col('step'), col('cases', true), col('median', true), col('p90', true), col('longest', true)],
      rows: s.stepDays.map((r) => [status(r.step), r.count, r.median, r.p90, r.longest]),
      chart: { labelColumns: [0], valueColumn: 2 },
    },
    {
      id: 'verdicts',
      title: L('reports.table.verdicts'),
      columns: [col('verdict'), col('cases', true)],
      rows: verdicts,
      ...withTotal(verdicts, 2, [1]),
      chart: { labelColumns: [0], valueColumn: 1 },
    },
    {
      id: 'failingConditions',
      title: L('reports.table.failingConditions'),
      columns: [col('condition'), col('timesNotMet', true)],
      rows: s.failingConditions.map((r) => [L(`condition.${r.condition}`), r.count]),
      chart: { labelColumns: [0], valueColumn: 1 },
    },
  ];
  if (s.overdueDeadlines !== null) {
    tables.push({ id: 'overdue', title: L('reports.table.overdue'), columns: [col('figure'), col('deadlines', true)], rows: [[L('reports.summary.overdue'), s.overdueDeadlines]] });
  }
  return tables;
}

/** The label of a chart bar: the row's label cells joined. */
export function chartLabel(table: ReportTable, row: readonly Cell[]): string {
  return (table.chart?.labelColumns ?? [0]).map((i) => String(row[i] ?? '')).join(' · ');
}

/** The filters of a query in words, for the title block of each export. */
export function filtersText(query: StatisticsQuery, locale: Locale): string {
  const parts: string[] = [];
  if (query.direction) parts.push(t(locale, 'reports.filter.direction', { value: t(locale, `reports.direction.${query.direction}`) }));
  if (query.ruleSetId) parts.push(t(locale, 'reports.filter.ruleSet', { value: query.ruleSetId }));
  if (query.state) parts.push(t(locale, 'reports.filter.state', { value: query.state }));
  return parts.length === 0 ? t(locale, 'reports.pdf.noFilters') : t(locale, 'reports.pdf.filters', { filters: parts.join('; ') });
}

/** A cell as the page and the PDF write it: numbers grouped in the reader's way, a year as written, nothing as a dash. */
export function cellText(table: ReportTable, column: number, cell: Cell, number: (n: number) => string): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  return table.columns[column]?.year === true ? String(cell) : number(cell);
}
