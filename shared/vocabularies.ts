/**
 * The case vocabularies, list limit and message-parameter conversion as plain values,
 * without zod: the renderer's first screen (the case list) needs them, and zod with the
 * schemas built from these (shared/domain/case.ts, shared/api-schemas.ts, which re-export
 * them) loads only with the screens that validate.
 */
import type { StoredMessageParams } from './api-schemas.ts';
import { parseIsoDate } from './sentence/calendar.ts';
import type { MessageParams } from './sentence/compute.ts';

export const caseStatuses = [
  'draft', 'screening', 'dossier', 'decision', 'requested', 'awaiting-other-state', 'agreed',
  'consent-verification', 'handover-scheduled', 'transferred', 'closed', 'refused', 'withdrawn',
] as const;

export const VERDICTS = ['eligible', 'ineligible', 'needs_information', 'eligible_by_exception'] as const;

export const DUE_FILTERS = ['overdue', 'this-week', 'any-due'] as const;

export const LIST_LIMIT_MAX = 500;

/** Stored parameters back to the shape the i18n formatter takes (`{ day }` for dates). */
export function toMessageParams(params: StoredMessageParams): MessageParams {
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value !== 'object' ? value : 'date' in value ? { day: parseIsoDate(value.date) } : { period: { ...value.period } };
  }
  return out;
}
