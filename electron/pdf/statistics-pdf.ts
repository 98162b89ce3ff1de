/**
 * The statistics of a period as a PDF: a title block (period, filters, case count), then each
 * table with its bar chart drawn in vector graphics (pdfkit rectangles, no image), so it
 * prints sharp at any size. Fonts are embedded.
 */
import { t, type Locale } from '../../shared/i18n/index.ts';
import type { StatisticsQuery } from '../../shared/reports/statistics.ts';
import { cellText, chartLabel, filtersText, type ReportTable } from '../../shared/reports/tables.ts';
import { PdfWriter } from './layout.ts';

export function statisticsPdf(tables: readonly ReportTable[], meta: { query: StatisticsQuery; cases: number; producedOn: string; locale: Locale; auditHead?: { seq: number; hash: string } | undefined }): Buffer {
  const L = (key: string, params = {}) => t(meta.locale, key, params);
  const number = new Intl.NumberFormat(meta.locale === 'en' ? 'en-GB' : 'zh-HK');
  const title = L('reports.pdf.title');
  const pdf = new PdfWriter({ title, subject: L('reports.pdf.period', meta.query), language: meta.locale });
  pdf.text(title, { size: 20, bold: true, gapAfter: 6 });
  pdf.text(L('reports.pdf.period', { from: meta.query.from, to: meta.query.to }), { size: 11, bold: true });
  pdf.text(filtersText(meta.query, meta.locale));
  pdf.text(L('reports.pdf.cases', { count: meta.cases }));
  pdf.muted(L('reports.pdf.produced', { date: meta.producedOn }));
  if (meta.auditHead !== undefined) pdf.muted(L('reports.pdf.auditHead', { seq: String(meta.auditHead.seq), hash: meta.auditHead.hash.slice(0, 16) }));
  for (const table of tables) {
    pdf.heading(table.title, 2);
    if (table.rows.length === 0) {
      pdf.muted(L('reports.pdf.empty'));
      continue;
    }
    const chart = table.chart;
    if (chart) {
      pdf.barChart(
        table.rows.map((row) => ({ label: chartLabel(table, row), value: Number(row[chart.valueColumn] ?? 0) })),
        (v) => number.format(v),
      );
    }
    pdf.table({
      columns: table.columns.map((c) => c.label),
      rows: [...table.rows, ...(table.total === undefined ? [] : [table.total])].map((row) => row.map((cell, i) => cellText(table, i, cell, (n) => number.format(n)))),
      widths: table.columns.map((c) => (c.numeric ? 1 : 1.8)),
      numeric: table.columns.map((c) => c.numeric),
    });
  }
  return pdf.finish((page, pages) => `${title} — ${L('reports.pdf.period', meta.query)} — ${L('reports.pdf.page', { page, pages })}`);
}
