/**
 * A re-assessment report as a file (`rulesets.reassessExport`): CSV for a spreadsheet, PDF to print
 * or file. The same three tables in both, in the user's language: what was run and why, the
 * parameters the version changed (by their names, the values in words), and every person whose
 * verdict changed or whose case was skipped, with prison number and case reference.
 *
 * The CSV is written as the statistics CSV is (shared/reports/csv.ts): UTF-8 with a byte-order
 * mark, and a text cell that would start a formula (a name typed as "=...", a reason) neutralised.
 */
import { findRuleSetVersion } from '../../db/rulesets-repo.ts';
import { hasMessage, t, type Locale } from '../../shared/i18n/index.ts';
import { sourceText } from '../../shared/i18n/sources.ts';
import type { ProducedFile } from '../../shared/contracts/reports.ts';
import { tablesToCsv } from '../../shared/reports/csv.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { describeParameter } from '../../shared/treaties/describe.ts';
import type { ParameterKey } from '../../shared/treaties/parameter-groups.ts';
import type { ReassessItem, ReassessReport } from '../../shared/treaties/api-schemas.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { PdfWriter } from '../pdf/layout.ts';
import type { ServiceContext } from './context.ts';
import type { Input } from './handlers.ts';
import { getReassessReport } from './reassess-report.ts';
import { storedRuleSet } from './ruleset-resolution.ts';

interface Table {
  title: string;
  columns: { label: string; numeric: boolean }[];
  rows: (string | number | null)[][];
  /** Relative widths of the columns in the PDF (equal without). */
  widths?: number[];
}

/** What the report re-assessed, in words: the rule-set's title (not its id), a profile's place, or the treaty map. */
function subjectWords(locale: Locale, r: ReassessReport, title: string | undefined): string {
  if (r.subject === 'rule-set') return t(locale, 'reassess.export.ruleSetVersion', { title: title ?? r.ruleSetId, version: r.version });
  if (r.subject === 'profile') return t(locale, 'reassess.export.profileVersion', { code: r.ruleSetId, version: r.version });
  return t(locale, 'reassess.export.mapVersion', { version: r.version });
}

const verdictWords = (locale: Locale, v: ReassessItem['before']) => (v === null ? t(locale, 'ui.treaties.report.notAssessed') : t(locale, `verdict.${v}`));

function whyWords(locale: Locale, item: ReassessItem): string {
  // Never assessed before: every condition is new, the list would say nothing.
  if (item.outcome !== 'skipped' && item.before === null) return t(locale, 'reassess.report.firstAssessment');
  if (item.outcome === 'skipped') {
    return t(locale, 'ui.treaties.report.skipped', { reason: t(locale, `ui.treaties.report.skipped.${item.skippedReason as 'no_rule_set'}`) });
  }
  return item.conditions
    .map((c) =>
      t(locale, 'ui.treaties.report.condition', {
        condition: t(locale, `condition.${c.id}`),
        before: c.before === null ? t(locale, 'ui.treaties.report.notAssessed') : t(locale, `status.${c.before}`),
        after: t(locale, `status.${c.after}`),
      }),
    )
    .join('; ');
}

/** The report's tables in `locale`. */
function reportTables(r: ReassessReport, locale: Locale, title?: string): Table[] {
  const L = (key: string, params = {}) => t(locale, key, params);
  const col = (key: string, numeric = false) => ({ label: L(key), numeric });
  const summary: Table = {
    title: L('ui.treaties.report.title'),
    columns: [col('reassess.export.what'), col('reassess.export.value')],
    rows: [
      [L('ui.treaties.report.ruleSet'), subjectWords(locale, r, title)],
      [L('ui.treaties.report.reason'), r.reason],
      [L('ui.treaties.report.when'), r.createdAt.slice(0, 10)],
      [L('ui.treaties.report.cases'), L('ui.treaties.report.counts', { done: r.done, total: r.total, changed: r.changed, skipped: r.skipped })],
    ],
  };
  const confidence = (c: 'C' | 'S' | 'U') => L(`ui.treaties.confidence.${c}`);
  const parameters: Table = {
    title: r.previousVersion === null ? L('reassess.export.parametersFirst') : L('reassess.export.parameters', { version: r.previousVersion }),
    columns: [col('ui.treaties.params.parameter'), col('reassess.export.before'), col('reassess.export.after'), col('ui.treaties.params.source'), col('ui.treaties.params.confidence')],
    rows: r.parameters.map((p) => {
      const key = p.key as ParameterKey;
      const words = (value: unknown) => describeParameter(locale, key, value as never);
      return [L(`treaties.param.${key}`), words(p.before.value), words(p.after.value), sourceText(p.after.source, locale), `${confidence(p.before.confidence)} → ${confidence(p.after.confidence)}`];
    }),
  };
  const people: Table = {
    title: L('ui.treaties.report.caption'),
    columns: [
      col('ui.form.f.person.familyName'), col('ui.form.f.person.givenNames'), col('ui.form.f.person.prisonNumber'), col('ui.form.f.reference'),
      col('reassess.export.before'), col('reassess.export.after'), col('ui.treaties.report.why'),
    ],
    widths: [1.1, 1.1, 1.3, 1.4, 1, 1, 2],
    rows: r.items.map((i) => [i.familyName, i.givenNames, i.prisonNumber, i.reference, verdictWords(locale, i.before), i.after === null ? '' : verdictWords(locale, i.after), whyWords(locale, i)]),
  };
  return [summary, parameters, people];
}

function reportPdf(tables: readonly Table[], locale: Locale, producedOn: string): Buffer {
  const title = tables[0]!.title;
  const pdf = new PdfWriter({ title, subject: title, language: locale });
  pdf.text(title, { size: 20, bold: true, gapAfter: 6 });
  pdf.muted(t(locale, 'reassess.export.produced', { date: producedOn }));
  for (const table of tables) {
    pdf.heading(table.title, 2);
    if (table.rows.length === 0) {
      pdf.muted(t(locale, 'reports.pdf.empty'));
      continue;
    }
    pdf.table({
      columns: table.columns.map((c) => c.label),
      rows: table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
      widths: table.widths ?? table.columns.map(() => 1),
    });
  }
  return pdf.finish((page, pages) => `${title} — ${t(locale, 'reports.pdf.page', { page, pages })}`);
}

/** `rulesets.reassessExport`: the report as a CSV or PDF file. */
export function exportReassessReport(ctx: ServiceContext, { reportId, format, locale }: Input<'rulesets.reassessExport'>): ProducedFile {
  const report = getReassessReport(ctx, { reportId });
  const title = report.subject === 'rule-set' ? ruleSetTitle(ctx, locale, report.ruleSetId, report.version) : undefined;
  const tables = reportTables(report, locale, title);
  const fileName = `tsp-reassessment-${report.ruleSetId}-${report.version.replace(/[^A-Za-z0-9.-]+/g, '_')}-${locale}.${format}`;
  if (format === 'csv') return { fileName, mediaType: 'text/csv; charset=utf-8', base64: Buffer.from(tablesToCsv(tables), 'utf8').toString('base64') };
  return { fileName, mediaType: 'application/pdf', base64: reportPdf(tables, locale, formatIsoDate(todayFrom(ctx.clock()))).toString('base64') };
}

/** The rule-set by name: its instrument's label in `locale` where the desk has one, else the version's title. */
function ruleSetTitle(ctx: ServiceContext, locale: Locale, id: string, version: string): string | undefined {
  const label = `param.instrument.${id}`;
  if (hasMessage(locale, label)) {
    const named = t(locale, label);
    return locale === 'en' ? named.charAt(0).toUpperCase() + named.slice(1) : named;
  }
  const row = findRuleSetVersion(ctx.db, id, version);
  return row === undefined ? builtInRuleSet(id)?.title : storedRuleSet(row).title;
}
