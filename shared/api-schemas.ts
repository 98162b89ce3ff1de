/**
 * Inputs and outputs of the application services (electron/services), as zod schemas.
 * Pure: the renderer imports these to type its calls and validate its forms; the router
 * validates each payload with them before a service runs.
 */
import { z } from 'zod';
import { caseSchema, keyedProblem, parseCase, type CaseParseResult, type FieldProblem } from './domain/case.ts';
import { CLOSE_OUTCOMES, caseStatuses, ROLES, VERDICTS } from './vocabularies.ts';
import { CONDITION_IDS } from './eligibility/types.ts';
import { isoDate } from './domain/fields.ts';
import { referenceEvents, RULESET_KINDS } from './treaties/schema.ts';
import type { StoredMessageParams } from './messages.ts';

export type { FieldProblem };

// ---------------------------------------------------------------- building blocks

/** A date a request gives (not one the app computed): within the app's bounds (shared/domain/bounds.ts). */
export const caseId = z.uuid({ error: 'validation.id.case' });
export const ruleSetId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'validation.id.ruleSet' });
export const reason = z.string({ error: 'validation.text' }).trim().min(1, { error: 'validation.reason.required' }).max(2000, { error: 'validation.text.tooLong' });
const timestamp = z.string();




/**
 * A case file the store accepts: valid `tsp-case/1`, and the family name known (the
 * format allows it unknown; a case in the store must be findable by name).
 */
export function parseStorableCase(input: unknown): CaseParseResult {
  const parsed = parseCase(input);
  // Read from the input as given when the file has other problems, so that a form hears of every one in one round.
  const familyName = parsed.ok ? parsed.value.person.familyName : rawFamilyName(input);
  const missing = familyName == null || (typeof familyName === 'string' && familyName.trim() === '');
  const problem = keyedProblem('person.familyName', 'validation.storable.familyName');
  if (!parsed.ok) return missing && !parsed.errors.some((e) => e.field === 'person.familyName') ? { ...parsed, errors: [...parsed.errors, problem] } : parsed;
  return missing ? { ok: false, errors: [problem] } : parsed;
}

/** `person.familyName` of an input not yet parsed: undefined where there is none. */
function rawFamilyName(input: unknown): unknown {
  const person = typeof input === 'object' && input !== null ? (input as { person?: unknown }).person : undefined;
  return typeof person === 'object' && person !== null ? (person as { familyName?: unknown }).familyName : undefined;
}

// ---------------------------------------------------------------- outputs

const latestAssessmentSchema = z.object({
  id: z.string(),
  verdict: z.enum(VERDICTS),
  referenceDate: isoDate,
  createdAt: timestamp,
  ruleSetId: z.string(),
});

export const caseRecordSchema = z.object({
  id: z.string(),
  version: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  closedAt: timestamp.nullable(),
  closeOutcome: z.enum(CLOSE_OUTCOMES).nullable(),
  closeReason: z.string().nullable(),
  case: caseSchema,
  latestAssessment: latestAssessmentSchema.nullable(),
});
export type CaseRecord = z.output<typeof caseRecordSchema>;

const caseSummarySchema = z.object({
  id: z.string(),
  version: z.int(),
  reference: z.string().nullable(),
  familyName: z.string(),
  givenNames: z.string().nullable(),
  nativeName: z.string().nullable(),
  prisonNumber: z.string().nullable(),
  dateOfBirth: isoDate.nullable(),
  sentencingState: z.string(),
  administeringState: z.string(),
  direction: z.enum(['outgoing', 'incoming']).nullable(),
  ruleSetId: z.string().nullable(),
  status: z.enum(caseStatuses).nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  assessedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type CaseSummary = z.output<typeof caseSummarySchema>;
export const caseListSchema = z.object({
  /** Cases matching; when countCapped, at least this many (a text search stops counting there, db/case-search.ts). */
  total: z.int(),
  countCapped: z.boolean(),
  items: z.array(caseSummarySchema),
  /** Without includeClosed, with a text or filter: the closed cases it also matches, counted as `total` is (db/case-search.ts). */
  closedMatching: z.object({ total: z.int(), countCapped: z.boolean() }).optional(),
  /** With the "due" filter: open cases whose stored dates cannot be computed, left out of it (electron/services/due.ts). */
  /** With the "open route" filter: open cases not yet screened for today's routes, left out until they are (routes.screen). */
  routesUnscreened: z.int().min(0).optional(),
  unreadable: z.array(z.object({ caseId: z.string(), reference: z.string().nullable(), familyName: z.string(), givenNames: z.string().nullable() })).optional(),
});
export type CaseList = z.output<typeof caseListSchema>;

/** A message parameter as stored: dates are written out as `{ date: 'YYYY-MM-DD' }`. */
const storedParam = z.union([
  z.string(),
  z.number(),
  z.object({ date: isoDate }),
  z.object({ period: z.object({ years: z.number(), months: z.number(), days: z.number() }) }),
]);
const storedParams: z.ZodType<StoredMessageParams> = z.record(z.string(), storedParam);

/** The engine's Assessment with every day number written as an ISO date. */
export const storedAssessmentSchema = z.object({
  verdict: z.enum(VERDICTS),
  flags: z.array(z.string()),
  rescreenOn: isoDate.nullable(),
  /** Absent in assessments stored before the transfer window was computed. */
  transferWindow: z.object({ from: isoDate, to: isoDate.nullable() }).nullable().optional(),
  treaty: z.object({ id: z.string(), version: z.string() }),
  /** The treaty map version read (absent in assessments stored before the treaty map). */
  treatyMap: z.object({ version: z.string(), hash: z.string().nullable() }).optional(),
  referenceDate: isoDate,
  referenceSource: z.enum(['override', 'event', 'today']),
  referenceEvent: z.enum(referenceEvents),
  dates: z.object({
    releaseDate: isoDate.nullable(),
    sentenceExpiryDate: isoDate.nullable(),
    remainingDays: z.number().nullable(),
    nominalReleaseDate: isoDate.nullable(),
    expectedDischargeDate: isoDate.nullable(),
    remissionDays: z.number().nullable(),
    remandDays: z.number().nullable(),
    termDays: z.number().nullable(),
    servedDays: z.number().nullable(),
    basis: z.enum(['expiry', 'release-with-remission']),
  }),
  conditions: z.array(
    z.object({
      id: z.enum(CONDITION_IDS),
      status: z.enum(['met', 'not_met', 'unknown', 'waived', 'not_applicable']),
      effect: z.enum(['mandatory', 'optional_refusal', 'discretionary_refusal']),
      source: z.string(),
      confidence: z.enum(['C', 'S', 'U']),
      messageKey: z.string(),
      params: storedParams,
      missing: z.array(z.string()),
      flags: z.array(z.string()),
      clearsOn: isoDate.nullable(),
      /** Met from this day (a condition tested at the transfer, e.g. a minimum still being served). */
      holdsFrom: isoDate.optional(),
    }),
  ),
  steps: z.array(z.object({ key: z.string(), params: storedParams })),
});
export type StoredAssessment = z.output<typeof storedAssessmentSchema>;

export const assessmentRecordSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseVersion: z.int(),
  ruleSet: z.object({ id: z.string(), version: z.string(), hash: z.string(), source: z.enum(['built-in', 'stored']) }),
  verdict: z.enum(VERDICTS),
  referenceDate: isoDate,
  on: isoDate.nullable(),
  result: storedAssessmentSchema,
  caseSnapshot: caseSchema,
  userId: z.string(),
  createdAt: timestamp,
  reason: z.string().nullable(),
});
export type AssessmentRecord = z.output<typeof assessmentRecordSchema>;

/**
 * One step of a case's timeline (created, imported, status:<status>, closed:<outcome>,
 * reopened, consent-withdrawal-ineffective, enforcement:<kind>); a transition also records
 * the step it left, its legal basis, the reason's code and the documents it cites
 * (null on entries from before transfer tracking, and on entries that are not transitions).
 */
export const caseEventSchema = z.object({
  id: z.int(),
  caseId: z.string(),
  kind: z.string(),
  date: isoDate,
  note: z.string().nullable(),
  userId: z.string(),
  userName: z.string().nullable(),
  createdAt: timestamp,
  fromStatus: z.string().nullable(),
  legalBasis: z.string().nullable(),
  reasonCode: z.string().nullable(),
  documents: z.array(z.string()).nullable(),
});
export type CaseEvent = z.output<typeof caseEventSchema>;

export const importResultSchema = z.object({
  /** The case of each file's case, in the file's order: created, updated or found unchanged (issue 20). */
  ids: z.array(z.string()),
  outcomes: z.array(z.enum(['new', 'update', 'unchanged'])),
  /** Accepted, but worth a look (e.g. an unknown offence category, which has no effect). */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportResult = z.output<typeof importResultSchema>;

export const auditEntrySchema = z.object({
  seq: z.int(),
  at: timestamp,
  userId: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({ ok: z.boolean(), entries: z.int(), firstBadSeq: z.int().nullable() });
export type AuditVerification = z.output<typeof auditVerificationSchema>;

export const ruleSetVersionSchema = z.object({
  id: z.string(),
  version: z.string(),
  effectiveFrom: isoDate,
  title: z.string(),
  kind: z.enum(RULESET_KINDS),
  /** An ad hoc arrangement's one case; null for the rest. */
  caseId: z.string().nullable(),
  hash: z.string(),
  source: z.enum(['built-in', 'stored']),
  createdAt: timestamp.nullable(),
});
export type RuleSetVersionSummary = z.output<typeof ruleSetVersionSchema>;

export const userSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: timestamp });
export type User = z.output<typeof userSchema>;
