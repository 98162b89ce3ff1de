/**
 * Cases: the list and its filters, one case with its timeline, creating and changing a case
 * file, its status, closing and reopening it (electron/services/cases.ts), and cases as
 * `tsp-case/1` files, imported and exported (electron/services/case-files.ts).
 */
import { z } from 'zod';
import { caseEventSchema, caseId, caseListSchema, caseRecordSchema, reason } from '../api-schemas.ts';
import type { CaseFile } from '../domain/case.ts';
import { boundedDate, country, isoDate } from '../domain/fields.ts';
import { CASE_SORT_FIELDS, CLOSE_OUTCOMES, caseStatuses, DUE_FILTERS, LIST_LIMIT_MAX, OPEN_STATUSES, VERDICTS } from '../vocabularies.ts';
import { ALL, CASEWORK, SUPERVISOR, typed, type AreaContract } from './channel.ts';

/** The version of the case the user saw (optimistic concurrency). */
const version = z.int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.atLeastOne' });

const createCaseInput = z.strictObject({ case: z.unknown(), reason: reason.optional() });
const updateCaseInput = z.strictObject({ id: caseId, expectedVersion: version, case: z.unknown(), reason });
const setCaseStatusInput = z.strictObject({
  id: caseId,
  expectedVersion: version,
  status: z.enum(OPEN_STATUSES, { error: 'validation.status.open' }),
  reason,
});
const closeCaseInput = z.strictObject({
  id: caseId,
  expectedVersion: version,
  outcome: z.enum(CLOSE_OUTCOMES),
  reason,
  /** The civil date it happened (the handover's date for "transferred"); today when left out. */
  date: boundedDate.optional(),
  /** The coded reason (shared/workflow/reasons.ts): required of every closure but the transfer. */
  reasonCode: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'validation.code.lower' }).max(64).optional(),
});
const reopenCaseInput = z.strictObject({
  id: caseId,
  expectedVersion: version,
  status: z.enum(OPEN_STATUSES),
  reason,
});
const getCaseInput = z.strictObject({ id: caseId });
const listCaseEventsInput = z.strictObject({ caseId });
/** Also the query of db/case-search.ts. */
export const listCasesInput = z.strictObject({
  text: z.string().trim().max(200).optional(),
  /** One status, or several: cases at any of them. */
  status: z.union([z.enum(caseStatuses), z.array(z.enum(caseStatuses)).min(1).max(caseStatuses.length)]).optional(),
  ruleSetId: z.string().optional(),
  sentencingState: country.optional(),
  administeringState: country.optional(),
  /** The verdict of the latest assessment; `not_assessed` for cases never assessed. */
  verdict: z.enum([...VERDICTS, 'not_assessed']).optional(),
  /** Cases with something due (electron/services/due.ts): overdue, due this week, or due within 90 days. */
  due: z.enum(DUE_FILTERS).optional(),
  /** Cases assigned to this user; "me": to the signed-in user ("My cases"). */
  assignedTo: z.string().min(1).max(100).optional(),
  includeClosed: z.boolean().default(false),
  /**
   * Open cases with at least one open route today (the route index, electron/services/route-index.ts):
   * every prisoner who could be informed of the possibility of transfer (ETS 112 Art. 4(1)).
   */
  openRoute: z.literal(true).optional(),
  /**
   * Cases of a person who may be this one (a new case's duplicate check): the same family and given
   * names and date of birth, or the same prison number as compared (shared/domain/prison-number.ts).
   */
  samePerson: z.strictObject({
    familyName: z.string().max(200).optional(),
    givenNames: z.string().max(200).optional(),
    dateOfBirth: isoDate.optional(),
    prisonNumber: z.string().max(200).optional(),
  }).optional(),
  sort: z
    .strictObject({ field: z.enum(CASE_SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
    .default({ field: 'updatedAt', dir: 'desc' }),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(LIST_LIMIT_MAX).default(100),
});
export type ListCasesInput = z.input<typeof listCasesInput>;
export type CaseListQuery = z.output<typeof listCasesInput>;

const exportCasesInput = z.strictObject({ ids: z.array(caseId).optional() });

export const casesContract = {
  'cases.list': { input: listCasesInput, output: caseListSchema, roles: ALL },
  'cases.get': { input: getCaseInput, output: caseRecordSchema, roles: ALL },
  'cases.events': { input: listCaseEventsInput, output: z.array(caseEventSchema), roles: ALL },
  'cases.create': { input: createCaseInput, output: caseRecordSchema, roles: CASEWORK },
  'cases.update': { input: updateCaseInput, output: caseRecordSchema, roles: CASEWORK },
  'cases.setStatus': { input: setCaseStatusInput, output: caseRecordSchema, roles: CASEWORK },
  'cases.close': { input: closeCaseInput, output: caseRecordSchema, roles: CASEWORK },
  'cases.reopen': { input: reopenCaseInput, output: caseRecordSchema, roles: SUPERVISOR },
  'cases.export': { input: exportCasesInput, output: typed<CaseFile[]>(), roles: ALL },
} as const satisfies AreaContract;
