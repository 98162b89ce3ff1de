/**
 * Inputs and outputs of the report channels (dossier, statistics, exports), as zod schemas
 * the router validates payloads with. Pure.
 */
import { z } from 'zod';
import { caseId, inputDate } from '../api-schemas.ts';
import { LOCALES } from '../i18n/index.ts';
import { isIsoDate, parseIsoDate } from '../sentence/calendar.ts';
import { DIRECTIONS } from '../vocabularies.ts';

const locale = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default('en');

export const dossierInput = z.strictObject({ caseId, locale });
export type DossierRequest = z.input<typeof dossierInput>;

/**
 * A case's documents as PDF (issue 19): the internal annex (the dossier with the audit trail,
 * kept by the officer), or the request for the other State's central authority.
 */
export const dossierPdfInput = dossierInput.extend({ document: z.enum(['annex', 'request']).default('annex') });

export const statisticsInput = z
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

export const exportStatisticsInput = z.strictObject({
  query: statisticsInput,
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
  locale,
});
export type ExportStatisticsRequest = z.input<typeof exportStatisticsInput>;

export const exportProgressInput = z.strictObject({ jobId: z.uuid({ error: 'must be an export job id' }) });

/** A file produced in the main process, carried over IPC as base64 (the test shell passes JSON). */
export interface ProducedFile {
  fileName: string;
  mediaType: string;
  base64: string;
}

export const EXPORT_PHASES = ['loading', 'computing', 'writing', 'done', 'failed'] as const;
export interface ExportProgress {
  jobId: string;
  phase: (typeof EXPORT_PHASES)[number];
  /** 0–100. */
  percent: number;
  file: ProducedFile | null;
}
