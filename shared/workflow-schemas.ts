/**
 * What transfer tracking answers (shared/contracts/workflow.ts, documents.ts, due.ts): the
 * Transfer and Documents sections of the case page, and the Due page. Pure, like
 * shared/api-schemas.ts.
 */
import { z } from 'zod';
import { CLOSE_OUTCOMES, CORRESPONDENCE_KINDS, CORRESPONDENTS } from './vocabularies.ts';
import { HANDOVER_WARNINGS } from './workflow/handover-check.ts';
import { isoDate } from './domain/fields.ts';
import { ALERT_KINDS, URGENCIES } from './workflow/alerts.ts';
import { DOCUMENT_STATUSES } from './workflow/documents.ts';
import { GUARDS, TRANSITION_IDS } from './workflow/lifecycle.ts';
import { STEPS } from './workflow/steps.ts';

export const documentKind = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'validation.documentKind' });

/** Largest attachment accepted through the API (base64 over IPC): 20 MiB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Its length in base64 (the payload guard lets this one field be that long: electron/payload-guard.ts). */
export const ATTACHMENT_BASE64_MAX_LENGTH = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;







// ---------------------------------------------------------------- outputs

const refusal = z.object({ guard: z.enum(GUARDS), missing: z.array(z.string()) });

const alertSchema = z.object({
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
  /** Each task of the step with the instrument it cites (never an internal code) and whether the facts show it done. */
  tasks: z.array(z.object({ id: z.string(), anchor: z.string(), status: z.enum(['completed', 'in-progress', 'not-started']) })),
  alerts: z.array(alertSchema),
  /** At the decision step: our State's decision recorded at this visit (who prepared it), and its approval. */
  decision: z.object({ preparedBy: z.string(), preparedByName: z.string().nullable(), approvedBy: z.string().nullable(), approvedByName: z.string().nullable() }).nullable(),
  /** The handover plan in force, once one is recorded. */
  handover: z.lazy(() => handoverPlanSchema).nullable(),
});
export type WorkflowState = z.output<typeof workflowStateSchema>;

export const handoverCheckSchema = z.object({
  plannedOn: isoDate,
  verdict: z.string(),
  failing: z.array(z.string()),
  releaseDate: isoDate.nullable(),
  remainingDays: z.int().nullable(),
  minimum: z.object({ years: z.int(), months: z.int(), days: z.int() }).nullable(),
  windowClosesOn: isoDate.nullable(),
  warnings: z.array(z.object({ code: z.enum(HANDOVER_WARNINGS), date: isoDate.nullable() })),
});

const handoverPlanSchema = z.object({
  plannedOn: isoDate,
  place: z.string(),
  escort: z.string().nullable(),
  contact: z.string().nullable(),
  checks: handoverCheckSchema.nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});

const correspondenceSchema = z.object({
  id: z.int(),
  kind: z.enum(CORRESPONDENCE_KINDS),
  correspondent: z.enum(CORRESPONDENTS),
  outgoing: z.boolean(),
  date: isoDate,
  reference: z.string().nullable(),
  subject: z.string().nullable(),
  chaseOn: isoDate.nullable(),
  answered: z.boolean(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});

const noteSchema = z.object({ id: z.int(), text: z.string(), createdAt: z.string(), createdByName: z.string().nullable() });

/** What a case records beside its file as the transfer runs: who it is assigned to, its correspondence and notes. */
export const caseWorkSchema = z.object({
  assignedTo: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  correspondence: z.array(correspondenceSchema),
  notes: z.array(noteSchema),
});
export type CaseWork = z.output<typeof caseWorkSchema>;

const attachmentSchema = z.object({
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

const dueItemSchema = z.object({
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
const unreadableCaseSchema = z.object({
  caseId: z.string(),
  reference: z.string().nullable(),
  familyName: z.string(),
  givenNames: z.string().nullable(),
});
export type UnreadableCase = z.output<typeof unreadableCaseSchema>;

export const dueListSchema = z.object({
  on: isoDate,
  horizonDays: z.int(),
  /** Every item of each urgency, whatever the page: the groups are counted over everything. */
  counts: z.record(z.enum(URGENCIES), z.int()),
  /** Sorted by date, then case: the page (`offset`, `limit`) of each group asked for, overdue first. */
  items: z.array(dueItemSchema),
  /** Some group has items after its page (counts tell how many). */
  truncated: z.boolean(),
  /** Open cases left out: their stored dates or rule-set cannot be computed; each needs correcting. */
  unreadable: z.array(unreadableCaseSchema),
});
export type DueList = z.output<typeof dueListSchema>;
