/**
 * Transfer tracking on a case (electron/services/workflow.ts, case-work.ts, handover.ts): the
 * transitions of its lifecycle and its Transfer section, the check of a planned handover, and
 * the case's correspondence, notes and assignment.
 */
import { z } from 'zod';
import { boundedDate } from '../domain/fields.ts';
import { caseId, caseRecordSchema, reason } from '../api-schemas.ts';
import { CORRESPONDENCE_KINDS, CORRESPONDENTS } from '../vocabularies.ts';
import { caseWorkSchema, documentKind, handoverCheckSchema, workflowStateSchema } from '../workflow-schemas.ts';
import { TRANSITION_IDS } from '../workflow/lifecycle.ts';
import { ALL, CASEWORK, type AreaContract } from './channel.ts';

const transitionCaseInput = z.strictObject({
  id: caseId,
  expectedVersion: z.int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.atLeastOne' }),
  transition: z.enum(TRANSITION_IDS),
  /** The civil date it happened; today when left out (the handover must give it). */
  date: boundedDate.optional(),
  reason,
  legalBasis: z.string().trim().min(1).max(500).optional(),
  /** A code for the reason where one applies (e.g. a refusal ground). */
  reasonCode: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'validation.code.lower' }).max(64).optional(),
  documents: z.array(documentKind).max(50).optional(),
  /** Scheduling the handover (schedule-handover, reschedule-handover): its planned date, place, escorting authority and contact. */
  handover: z
    .strictObject({
      plannedOn: boundedDate,
      place: z.string().trim().min(1, { error: 'validation.place.required' }).max(500),
      escort: z.string().trim().min(1).max(500).optional(),
      contact: z.string().trim().min(1).max(500).optional(),
    })
    .optional(),
});

/** The check of a handover planned for a date, before it is scheduled. */
const checkHandoverInput = z.strictObject({ caseId, plannedOn: boundedDate });

const shortText = z.string().trim().min(1).max(500);

const recordCorrespondenceInput = z.strictObject({
  caseId,
  kind: z.enum(CORRESPONDENCE_KINDS),
  correspondent: z.enum(CORRESPONDENTS),
  /** Sent by us (true) or received (false). */
  outgoing: z.boolean(),
  /** The date written on it, or when it was received. */
  date: boundedDate,
  reference: shortText.optional(),
  subject: shortText.optional(),
  /** For a letter we sent: the date to chase an answer by, shown on the Due page until a reply from the same correspondent is recorded. */
  chaseOn: boundedDate.optional(),
});

const addNoteInput = z.strictObject({ caseId, text: z.string().trim().min(1, { error: 'validation.note.required' }).max(10_000) });

const caseWorkInput = z.strictObject({ caseId });

const assignCaseInput = z.strictObject({
  caseId,
  /** The user the case is assigned to; null: nobody. */
  userId: z.string().min(1).max(100).nullable(),
  reason: z.string().trim().min(1).max(2000).optional(),
});

const workflowStateInput = z.strictObject({ caseId });

export const workflowContract = {
  'workflow.state': { input: workflowStateInput, output: workflowStateSchema, roles: ALL },
  'workflow.transition': { input: transitionCaseInput, output: caseRecordSchema, roles: CASEWORK },
  /** Null when the case names no rule-set to check the date against. */
  'workflow.checkHandover': { input: checkHandoverInput, output: handoverCheckSchema.nullable(), roles: ALL },
  'cases.work': { input: caseWorkInput, output: caseWorkSchema, roles: ALL },
  'cases.recordCorrespondence': { input: recordCorrespondenceInput, output: caseWorkSchema, roles: CASEWORK },
  'cases.addNote': { input: addNoteInput, output: caseWorkSchema, roles: CASEWORK },
  'cases.assign': { input: assignCaseInput, output: caseWorkSchema, roles: CASEWORK },
} as const satisfies AreaContract;
