/**
 * The domain's lists as plain values, without zod: each is written here once, and the
 * schemas build their `z.enum` from it (shared/domain/case.ts, shared/contracts/), the
 * workflow, the reports and the screens read it. The renderer's first screen (the case list)
 * needs them, and zod loads only with the screens that validate.
 */

/**
 * officer: correctional officer (cases, assessments); legal: legal officer (also dossiers,
 * transfers, treaties); supervisor: also approvals and users; viewer: reports, read-only.
 */
export const ROLES = ['officer', 'legal', 'supervisor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Where a transfer stands (the case file's `status`). */
export const caseStatuses = [
  'draft', 'screening', 'dossier', 'decision', 'requested', 'awaiting-other-state', 'agreed',
  'consent-verification', 'handover-scheduled', 'transferred', 'closed', 'refused', 'withdrawn',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses that end a case: reached only by closing it, which records outcome and reason. */
const TERMINAL_STATUSES = ['transferred', 'closed', 'refused', 'withdrawn'] as const satisfies readonly CaseStatus[];
export type OpenStatus = Exclude<CaseStatus, (typeof TERMINAL_STATUSES)[number]>;
export const OPEN_STATUSES = caseStatuses.filter((s): s is OpenStatus => !(TERMINAL_STATUSES as readonly string[]).includes(s));

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
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const VERDICTS = ['eligible', 'ineligible', 'needs_information', 'eligible_by_exception'] as const;
export type StoredVerdict = (typeof VERDICTS)[number];

/** outgoing: we are the sentencing State; incoming: the administering State. */
export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The dates of the case file's `events`. */
export const CASE_EVENTS = ['application', 'request', 'requestReceived', 'judgmentReceived', 'statesAgreed', 'transferPlanned'] as const;
export type CaseEventField = (typeof CASE_EVENTS)[number];

export const CONSENT_STATUSES = ['given', 'refused', 'withdrawn', 'not-asked'] as const;
export const CONSENT_BY = ['person', 'representative'] as const;
/** The consent of the constituent State whose law the sentence was imposed under (a US State). */
export const STATE_AUTHORITY_CONSENTS = ['given', 'refused', 'not-asked'] as const;
export const DUAL_CRIMINALITY = ['yes', 'no', 'unknown'] as const;
export const FINANCIAL_OBLIGATION_KINDS = ['fine', 'compensation', 'costs', 'confiscation'] as const;
export const EXPULSION_KINDS = ['in-sentence', 'administrative-consequential', 'administrative'] as const;
/** When the person left the sentencing State (ETS 167 Art. 2). */
export const LEFT_SENTENCING_STATE_WHEN = ['after-final-judgment', 'during-proceedings'] as const;
export const CUSTODY_STATUSES = ['in-custody', 'conditional-release', 'at-large'] as const;
/** How the administering State enforces the sentence (ETS 112 Arts. 9-11; FD 2008/909 Art. 8). */
export const ENFORCEMENT_PROCEDURES = ['continued', 'conversion'] as const;
export type EnforcementProcedure = (typeof ENFORCEMENT_PROCEDURES)[number];

export const DUE_FILTERS = ['overdue', 'this-week', 'any-due'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export const CASE_SORT_FIELDS = ['familyName', 'updatedAt', 'createdAt', 'status', 'reference'] as const;

export const LIST_LIMIT_MAX = 500;

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
