/**
 * The statistics as titled tables in one language: what the XLSX sheets, the CSV sections,
 * the PDF pages and the reports page all show, so every format says the same thing. Codes
 * (statuses, outcomes, verdicts, conditions) are written with their catalog labels; counts and
 * days stay numbers. A table that suits a bar chart names its label and value columns.
 */
import type { Locale } from '../i18n/index.ts';
import { hasMessage, t } from '../i18n/index.ts';
import type { Statistics, StatisticsQuery } from './statistics.ts';
import type { DaysSummary } from './summary.ts';

export type Cell = string | number | null;

export interface ReportTable {
  id: 'transfers' | 'refusals' | 'processing' | 'pending' | 'pendingAge' | 'byStatus' | 'stepDays' | 'verdicts' | 'failingConditions' | 'overdue';
  title: string;
  columns: { label: string; numeric: boolean }[];
  rows: Cell[][];
  /** Bar chart: each row's label is its `labelColumns` joined, its length the `valueColumn`. */
  chart?: { labelColumns: number[]; valueColumn: number };
}

const SUMMARY_FIELDS = ['count', 'average', 'median', 'p90', 'shortest', 'longest'] as const;

function summaryRows(locale: Locale, summary: DaysSummary): Cell[][] {
  return SUMMARY_FIELDS.map((field) => [t(locale, `reports.summary.${field}`), summary[field]]);
}

export function statisticsTables(s: Statistics, locale: Locale): ReportTable[] {
  const L = (key: string, params = {}) => t(locale, key, params);
  const col = (key: string, numeric = false) => ({ label: L(`reports.col.${key}`), numeric });
  const direction = (d: string) => L(`reports.direction.${d}`);
  const status = (v: string | null) => (v === null ? L('ui.caseStatus.none') : L(`ui.caseStatus.${v}`));
  const none = L('reports.value.notRecorded');

  const tables: ReportTable[] = [
    {
      id: 'transfers',
      title: L('reports.table.transfers'),
      columns: [col('year'), col('jurisdiction'), col('direction'), col('transfers', true)],
      rows: s.transfers.map((r) => [String(r.year), r.jurisdiction, direction(r.direction), r.count]),
      chart: { labelColumns: [0, 1, 2], valueColumn: 3 },
    },
    {
      id: 'refusals',
      title: L('reports.table.refusals'),
      columns: [col('jurisdiction'), col('outcome'), col('reason'), col('cases', true)],
      // The coded reason in words (shared/vocabularies.ts); a code the catalogue does not know, as written.
      rows: s.refusals.map((r) => [r.jurisdiction, L(`ui.outcome.${r.outcome}`), r.reason === null ? none : hasMessage(locale, `reason.${r.reason}`) ? L(`reason.${r.reason}`) : r.reason, r.count]),
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
      rows: s.pending.buckets.map((b) => [L(`reports.bucket.${b.bucket}`), b.count]),
      chart: { labelColumns: [0], valueColumn: 1 },
    },
    {
      id: 'byStatus',
      title: L('reports.table.byStatus'),
      columns: [col('status'), col('ruleSet'), col('cases', true)],
      rows: s.byStatus.map((r) => [status(r.status), r.ruleSetId ?? none, r.count]),
      chart: { labelColumns: [0, 1], valueColumn: 2 },
    },
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
      rows: s.verdicts.map((r) => [r.verdict === 'not_assessed' ? L('ui.verdict.not_assessed') : L(`verdict.${r.verdict}`), r.count]),
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
