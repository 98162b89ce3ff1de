/**
 * Statistics of a period (shared/reports/statistics.ts over db/reports-statistics.ts) and
 * their exports as XLSX, CSV or PDF. Read-only.
 *
 * An export runs as a job in the main process: `startStatisticsExport` answers at once with
 * a job id, `exportProgress` reports the phase (reading, computing, writing) and, once done,
 * hands over the file — once, to the user who started it. The router is synchronous and the
 * XLSX writer is not, and a long export should show progress rather than freeze the page.
 */
import { chainHead } from '../../db/audit-anchor.ts';
import { randomUUID } from 'node:crypto';
import { loadCaseFacts } from '../../db/reports-statistics.ts';
import { type Locale } from '../../shared/i18n/index.ts';
import { tablesToCsv } from '../../shared/reports/csv.ts';
import { exportStatisticsInput, type ExportFormat, type ExportProgress, type ProducedFile, type reportsContract } from '../../shared/contracts/reports.ts';
import { computeStatistics, type Statistics, type StatisticsQuery } from '../../shared/reports/statistics.ts';
import { statisticsTables } from '../../shared/reports/tables.ts';
import { statisticsPdf } from '../pdf/statistics-pdf.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { computeDue } from './due.ts';
import { ServiceError } from './errors.ts';
import { tablesToXlsx } from './reports-xlsx.ts';
import type { Handlers, Input } from './handlers.ts';
import { validate } from './validate.ts';

function queryOf(input: { from: string; to: string; direction?: StatisticsQuery['direction']; ruleSetId?: string | undefined; state?: string | undefined }): StatisticsQuery {
  return { from: input.from, to: input.to, direction: input.direction, ruleSetId: input.ruleSetId, state: input.state };
}

/**
 * Deadlines past due per case: the workflow's running deadlines of the cases open now, as of
 * the end of the period (or today, when the period ends later).
 */
function overdueDeadlines(ctx: ServiceContext, query: StatisticsQuery): Map<string, number> {
  const today = todayOf(ctx);
  const byCase = new Map<string, number>();
  for (const item of computeDue(ctx.db, query.to < today ? query.to : today, 0).items) {
    if (item.kind === 'deadline' && item.urgency === 'overdue') byCase.set(item.caseId, (byCase.get(item.caseId) ?? 0) + 1);
  }
  return byCase;
}

function facts(ctx: ServiceContext, query: StatisticsQuery) {
  return loadCaseFacts(ctx.db, query, overdueDeadlines(ctx, query));
}

export function statistics(ctx: ServiceContext, request: Input<'reports.statistics'>): Statistics {
  const query = queryOf(request);
  return computeStatistics(facts(ctx, query), query);
}

const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  /** Cases left out of every figure: a stored date of theirs cannot be read (Statistics.unreadable). */
  unreadable: string[];
}

type Phase = ExportProgress['phase'];

/** Loads, computes and writes one export; `onPhase` hears each phase as it starts. */
export async function exportStatistics(ctx: ServiceContext, input: unknown, onPhase: (phase: Phase) => void = () => {}): Promise<ExportedFile> {
  const { query: raw, format, locale } = validate(exportStatisticsInput, input);
  const query = queryOf(raw);
  onPhase('loading');
  const loaded = facts(ctx, query);
  onPhase('computing');
  const stats = computeStatistics(loaded, query);
  const tables = statisticsTables(stats, locale as Locale);
  onPhase('writing');
  const meta = { query, cases: stats.cases, producedOn: todayOf(ctx), locale: locale as Locale, auditHead: chainHead(ctx.db) };
  const bytes =
    format === 'xlsx' ? await tablesToXlsx(tables, meta) : format === 'pdf' ? statisticsPdf(tables, meta) : Buffer.from(tablesToCsv(tables), 'utf8');
  return { fileName: `tsp-statistics-${query.from}-to-${query.to}-${locale}.${format}`, mediaType: MEDIA_TYPES[format], bytes, unreadable: stats.unreadable };
}

interface Job {
  userId: string;
  progress: ExportProgress;
}

const PERCENT: Record<Phase, number> = { loading: 5, computing: 45, writing: 70, done: 100, failed: 100 };
const jobs = new Map<string, Job>();

function startStatisticsExport(ctx: ServiceContext, input: Input<'reports.export'>): ExportProgress {
  const jobId = randomUUID();
  const job: Job = { userId: ctx.user.id, progress: { jobId, phase: 'loading', percent: 0, file: null } };
  jobs.set(jobId, job);
  const setPhase = (phase: Phase) => {
    job.progress = { ...job.progress, phase, percent: PERCENT[phase] };
  };
  // Starts after this answer is sent, so the page can show progress from the first poll.
  setTimeout(() => {
    // The store may have been closed meanwhile (the window or the test that started it is gone).
    if (!ctx.db.open) return setPhase('failed');
    exportStatistics(ctx, input, setPhase)
      .then((file: ExportedFile) => {
        const produced: ProducedFile = { fileName: file.fileName, mediaType: file.mediaType, base64: file.bytes.toString('base64') };
        job.progress = { jobId, phase: 'done', percent: 100, file: produced };
      })
      .catch((error: unknown) => {
        console.error(`reports: export ${jobId} failed: ${(error as Error).stack ?? String(error)}`);
        setPhase('failed');
      });
  }, 0);
  return job.progress;
}

/** The job's progress; a finished job's file is handed over once, then the job is forgotten. */
function exportProgress(ctx: ServiceContext, { jobId }: Input<'reports.exportProgress'>): ExportProgress {
  const job = jobs.get(jobId);
  if (job === undefined || job.userId !== ctx.user.id) {
    throw new ServiceError('not_found', 'reports.error.exportNotFound', [{ field: 'jobId', message: 'no such export (it may have been collected already)' }]);
  }
  if (job.progress.phase === 'done' || job.progress.phase === 'failed') jobs.delete(jobId);
  return job.progress;
}

export const reportsHandlers: Handlers<keyof typeof reportsContract> = {
  'reports.statistics': statistics,
  'reports.export': startStatisticsExport,
  'reports.exportProgress': exportProgress,
};
