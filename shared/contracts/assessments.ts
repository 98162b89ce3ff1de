/** Eligibility assessments of a stored case: run one (stored with its frozen inputs), list them (electron/services/assessments.ts). */
import { z } from 'zod';
import { boundedDate } from '../domain/fields.ts';
import { assessmentRecordSchema, caseId, reason, ruleSetId } from '../api-schemas.ts';
import { ALL, CASEWORK, type AreaContract } from './channel.ts';

const runAssessmentInput = z.strictObject({
  caseId,
  ruleSetId: ruleSetId.optional(),
  /** "Assess as if on this date": overrides the rule-set's reference event. */
  on: boundedDate.optional(),
  reason: reason.optional(),
});
const listAssessmentsInput = z.strictObject({ caseId });

export const assessmentsContract = {
  'assessments.run': { input: runAssessmentInput, output: assessmentRecordSchema, roles: CASEWORK },
  /** Newest first. */
  'assessments.list': { input: listAssessmentsInput, output: z.array(assessmentRecordSchema), roles: ALL },
} as const satisfies AreaContract;
