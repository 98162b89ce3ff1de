/**
 * The statistics of the Reports page and their exports (electron/services/reports.ts); an
 * export runs in the background, its progress asked for until its file is ready.
 */
import { z } from 'zod';
import { inputDate } from '../api-schemas.ts';
import type { Statistics } from '../reports/statistics.ts';
import { isIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import { DIRECTIONS } from '../vocabularies.ts';
import { ALL, typed, type AreaContract } from './channel.ts';
import { locale } from './inputs.ts';

const statisticsInput = z
  .strictObject({
    from: inputDate,
    to: inputDate,
    direction: z.enum(DIRECTIONS, { error: `must be one of ${DIRECTIONS.join(', ')}` }).optional(),
    ruleSetId: z.string().trim().min(1).max(100).optional(),
    state: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals, such as "TH"' }).optional(),
  })
  .refine((q) => !isIsoDate(q.from) || !isIsoDate(q.to) || parseIsoDate(q.from) <= parseIsoDate(q.to), {
    error: 'must not be before "from"',
    path: ['to'],
  });
export type StatisticsRequest = z.input<typeof statisticsInput>;

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Also what `tsp report` gives electron/services/reports.ts `exportStatistics`. */
export const exportStatisticsInput = z.strictObject({
  query: statisticsInput,
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
  locale,
});

const exportProgressInput = z.strictObject({ jobId: z.uuid({ error: 'must be an export job id' }) });

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
