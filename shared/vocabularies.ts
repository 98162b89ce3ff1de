/**
 * The case vocabularies, list limit and message-parameter conversion as plain values,
 * without zod: the renderer's first screen (the case list) needs them, and zod with the
 * schemas built from these (shared/domain/case.ts, shared/api-schemas.ts, which re-export
 * them) loads only with the screens that validate.
 */
import type { StoredMessageParams } from './api-schemas.ts';
import { isIsoDate, parseIsoDate } from './sentence/calendar.ts';
import type { MessageParams } from './sentence/compute.ts';

export const caseStatuses = [
  'draft', 'screening', 'dossier', 'decision', 'requested', 'awaiting-other-state', 'agreed',
  'consent-verification', 'handover-scheduled', 'transferred', 'closed', 'refused', 'withdrawn',
] as const;

/** Why a case was closed; each maps to the status the case file then carries. */
export const CLOSE_OUTCOMES = [
  'transferred',
  'refused_by_sentencing_state',
  'refused_by_administering_state',
  'ineligible_closed',
  'consent_withdrawn',
  'consent_not_verified',
  'released_before_transfer',
  'sentence_extinguished',
  'withdrawn_by_state',
  'deceased',
  'escaped',
  'closed_unviable',
] as const;

export const VERDICTS = ['eligible', 'ineligible', 'needs_information', 'eligible_by_exception'] as const;

export const DUE_FILTERS = ['overdue', 'this-week', 'any-due'] as const;

export const LIST_LIMIT_MAX = 500;

/**
 * Stored parameters back to the shape the i18n formatter takes (`{ day }` for dates). A stored
 * date that is not a calendar date (written by an older version: a year past 9999) is shown as
 * it was written rather than failing the whole page.
 */
export function toMessageParams(params: StoredMessageParams): MessageParams {
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] =
      typeof value !== 'object' ? value : 'date' in value ? (isIsoDate(value.date) ? { day: parseIsoDate(value.date) } : value.date) : { period: { ...value.period } };
  }
  return out;
}
