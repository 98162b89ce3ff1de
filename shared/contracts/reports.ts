/**
 * The statistics of the Reports page and their exports (electron/services/reports.ts); an
 * export runs in the background, its progress asked for until its file is ready.
 */
import { z } from 'zod';
import { boundedDate, country } from '../domain/fields.ts';
import type { Statistics } from '../reports/statistics.ts';
import { isIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import { DIRECTIONS } from '../vocabularies.ts';
import { ALL, typed, type AreaContract } from './channel.ts';
import { locale } from './inputs.ts';

const statisticsInput = z
  .strictObject({
    from: boundedDate,
    to: boundedDate,
    direction: z.enum(DIRECTIONS).optional(),
    ruleSetId: z.string().trim().min(1).max(100).optional(),
    state: country.optional(),
  })
  .refine((q) => !isIsoDate(q.from) || !isIsoDate(q.to) || parseIsoDate(q.from) <= parseIsoDate(q.to), {
    error: 'validation.period.order',
    path: ['to'],
  });
export type StatisticsRequest = z.input<typeof statisticsInput>;

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Also what `tsp report` gives electron/services/reports.ts `exportStatistics`. */
export const exportStatisticsInput = z.strictObject({
  query: statisticsInput,
  format: z.enum(EXPORT_FORMATS),
  locale,
});

const exportProgressInput = z.strictObject({ jobId: z.uuid({ error: 'validation.id.exportJob' }) });

/** A file produced in the main process, carried over IPC as base64 (the test shell passes JSON). */
export interface ProducedFile {
  fileName: string;
  mediaType: string;
  base64: string;
}

export interface ExportProgress {
  jobId: string;
  phase: 'loading' | 'computing' | 'writing' | 'done' | 'failed';
  /** 0–100. */
  percent: number;
  file: ProducedFile | null;
}

export const reportsContract = {
  'reports.statistics': { input: statisticsInput, output: typed<Statistics>(), roles: ALL },
  'reports.export': { input: exportStatisticsInput, output: typed<ExportProgress>(), roles: ALL },
  'reports.exportProgress': { input: exportProgressInput, output: typed<ExportProgress>(), roles: ALL },
} as const satisfies AreaContract;
