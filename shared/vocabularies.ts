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

/**
 * Why a case was refused, withdrawn or closed: the coded reason each such transition takes
 * (with free text beside it), counted by the statistics ("refused or withdrawn, by reason").
 * The refusal grounds follow the conditions and grounds of the instruments (ETS 112 Art. 3,
 * FD 2008/909 Art. 9) and practice; `other` always needs the free text to say what.
 */
export const REFUSAL_REASONS = [
  'not-national', 'remaining-too-short', 'judgment-not-final', 'no-dual-criminality', 'no-consent', 'excluded-offence',
  'financial-obligations', 'pending-proceedings', 'public-order', 'rehabilitation-unlikely', 'insufficient-ties',
  'enforcement-not-possible', 'other',
] as const;
export const WITHDRAWAL_REASONS = ['person-withdrew', 'person-released', 'request-withdrawn', 'no-reply', 'other'] as const;
export const CLOSURE_REASONS = [
  'not-eligible', 'consent-not-verified', 'released', 'sentence-ended', 'deceased', 'escaped', 'no-reply', 'not-viable', 'other',
] as const;
/** The reason of a closure recorded by an import of an older export, which carried the ended status but not its closure. */
export const IMPORTED_CLOSURE_REASON = 'imported-unrecorded';
export const REASON_CODES = [...new Set([...REFUSAL_REASONS, ...WITHDRAWAL_REASONS, ...CLOSURE_REASONS, IMPORTED_CLOSURE_REASON])];
export type ReasonCode = (typeof REASON_CODES)[number];

/** Correspondence of a case (electron/services/correspondence.ts): what was written, and to or from whom. */
export const CORRESPONDENCE_KINDS = ['request', 'reminder', 'reply', 'notice', 'consultation'] as const;
export const CORRESPONDENTS = ['other-state', 'person', 'authority'] as const;
