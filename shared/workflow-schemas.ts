/**
 * Inputs and outputs of transfer tracking (electron/services/workflow.ts, documents.ts,
 * due.ts): transitions, the Transfer and Documents sections of the case page, and the
 * Due page. Pure, like shared/api-schemas.ts.
 */
import { z } from 'zod';
import { inputDate } from './api-schemas.ts';
import { CLOSE_OUTCOMES } from './vocabularies.ts';
import { isIsoDate } from './sentence/calendar.ts';
import { ALERT_KINDS, URGENCIES } from './workflow/alerts.ts';
import { DOCUMENT_STATUSES } from './workflow/documents.ts';
import { GUARDS, TRANSITION_IDS } from './workflow/lifecycle.ts';
import { STEPS } from './workflow/steps.ts';

const isoDate = z.string({ error: 'must be a date written YYYY-MM-DD' }).refine(isIsoDate, { error: 'must be a real calendar date written YYYY-MM-DD' });
const caseId = z.uuid({ error: 'must be a case id' });
const documentKind = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a document kind such as "certified-judgment"' });
const reason = z.string({ error: 'must be text' }).trim().min(1, { error: 'a reason is required' }).max(2000, { error: 'must be at most 2000 characters' });

/** Largest attachment accepted through the API (base64 over IPC): 20 MiB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Its length in base64 (the payload guard lets this one field be that long: electron/payload-guard.ts). */
export const ATTACHMENT_BASE64_MAX_LENGTH = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

export const transitionCaseInput = z.strictObject({
  id: caseId,
  expectedVersion: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }),
  transition: z.enum(TRANSITION_IDS, { error: `must be one of ${TRANSITION_IDS.join(', ')}` }),
  /** The civil date it happened; today when left out (the handover must give it). */
  date: inputDate.optional(),
  reason,
  legalBasis: z.string().trim().min(1).max(500).optional(),
  /** A code for the reason where one applies (e.g. a refusal ground). */
  reasonCode: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'must be lower-case letters, digits, "-" and "_"' }).max(64).optional(),
  documents: z.array(documentKind).max(50).optional(),
});
export type TransitionCaseInput = z.input<typeof transitionCaseInput>;

export const workflowStateInput = z.strictObject({ caseId });

export const setDocumentStatusInput = z.strictObject({
  caseId,
  kind: documentKind,
  status: z.enum(DOCUMENT_STATUSES, { error: `must be one of ${DOCUMENT_STATUSES.join(', ')}` }),
  note: z.string().trim().max(2000).optional(),
});

export const attachDocumentInput = z.strictObject({
  caseId,
  kind: documentKind,
  fileName: z.string().trim().min(1, { error: 'a file name is required' }).max(255),
  mediaType: z.string().max(200).default('application/octet-stream'),
  /** The file's bytes, base64: what survives every shell's IPC (Electron, the CLI, the test shell). */
  contentBase64: z.string().max(ATTACHMENT_BASE64_MAX_LENGTH, { error: 'the file is larger than 20 MiB' }),
});

export const listDocumentsInput = z.strictObject({ caseId });

/** One attached file of a case, to save or open (documents.attachment). */
export const readAttachmentInput = z.strictObject({ caseId, attachmentId: z.int({ error: 'must be an attachment id' }).positive({ error: 'must be an attachment id' }) });

export const listDueInput = z.strictObject({
  /** "What is due as of": today when left out. */
  on: inputDate.optional(),
  /** How far ahead "later" reaches. */
  horizonDays: z.int().min(0).max(3660).default(90),
  urgency: z.enum(URGENCIES).optional(),
  limit: z.int().min(1).max(5000).default(1000),
});

// ---------------------------------------------------------------- outputs

const refusal = z.object({ guard: z.enum(GUARDS), missing: z.array(z.string()) });

export const alertSchema = z.object({
  kind: z.enum(ALERT_KINDS),
  id: z.string().nullable(),
  date: isoDate,
  urgency: z.enum(URGENCIES),
});
export type AlertOut = z.output<typeof alertSchema>;

export const workflowStateSchema = z.object({
  caseId: z.string(),
  version: z.int(),
  direction: z.enum(['outgoing', 'incoming']),
  /** The open step, or null once closed. */
  step: z.enum(STEPS).nullable(),
  closeOutcome: z.enum(CLOSE_OUTCOMES).nullable(),
  ruleSetId: z.string().nullable(),
  consentIrrevocable: z.boolean(),
  /** Every transition that starts from here, with what would refuse it now. */
  transitions: z.array(
    z.object({
      transition: z.enum(TRANSITION_IDS),
      refusals: z.array(refusal),
      /** What it would record: a status, a closure, or only an entry (a withdrawal after consent became irrevocable, enforcement news). */
      effect: z.enum(['status', 'close', 'record']),
      needsDate: z.boolean(),
    }),
  ),
  tasks: z.array(z.object({ id: z.string(), anchor: z.string(), status: z.enum(['completed', 'in-progress', 'not-started']) })),
  alerts: z.array(alertSchema),
});
export type WorkflowState = z.output<typeof workflowStateSchema>;

export const attachmentSchema = z.object({
  id: z.int(),
  sha256: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** An attachment's record and its bytes (base64), checked against the hash it was stored under. */
export const attachmentContentSchema = attachmentSchema.extend({ contentBase64: z.string() });
export type AttachmentContent = z.output<typeof attachmentContentSchema>;

/** The dossier checklist (the reports helper builds the dossier PDF from it). */
export const caseDocumentSchema = z.object({
  kind: z.string(),
  labelKey: z.string(),
  step: z.enum(STEPS),
  required: z.boolean(),
  status: z.enum(DOCUMENT_STATUSES),
  note: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  /** When its status was last recorded; null while at its default. */
  updatedAt: z.string().nullable(),
});
export type CaseDocument = z.output<typeof caseDocumentSchema>;

export const dueItemSchema = z.object({
  caseId: z.string(),
  reference: z.string().nullable(),
  familyName: z.string(),
  givenNames: z.string().nullable(),
  status: z.string().nullable(),
  ruleSetId: z.string().nullable(),
  ...alertSchema.shape,
});
export type DueItem = z.output<typeof dueItemSchema>;

/** A case left out of a store-wide view because its stored values cannot be computed (electron/services/due.ts). */
export const unreadableCaseSchema = z.object({
  caseId: z.string(),
  reference: z.string().nullable(),
  familyName: z.string(),
  givenNames: z.string().nullable(),
});
export type UnreadableCase = z.output<typeof unreadableCaseSchema>;

export const dueListSchema = z.object({
  on: isoDate,
  horizonDays: z.int(),
  counts: z.record(z.enum(URGENCIES), z.int()),
  /** Sorted by date, then case; at most `limit`. */
  items: z.array(dueItemSchema),
  truncated: z.boolean(),
  /** Open cases left out: their stored dates or rule-set cannot be computed; each needs correcting. */
  unreadable: z.array(unreadableCaseSchema),
});
export type DueList = z.output<typeof dueListSchema>;
