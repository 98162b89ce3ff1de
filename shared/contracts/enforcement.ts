/**
 * The enforcement channels (electron/services/enforcement.ts): the computation for a stored case, and
 * the decision of the court or authority that adapted or converted the sentence, recorded at
 * the Adaptation step (docs/domain.md "The steps of a transfer": I4).
 */
import { z } from 'zod';
import { caseId, caseRecordSchema, reason } from '../api-schemas.ts';
import { termSchema } from '../domain/case.ts';
import type { StoredEnforcement } from '../enforcement/report.ts';
import { ENFORCEMENT_PROCEDURES } from '../vocabularies.ts';
import { isoDate } from '../domain/fields.ts';
import { ALL, CASEWORK, typed, type AreaContract } from './channel.ts';

const procedure = z.enum(ENFORCEMENT_PROCEDURES, { error: 'validation.enforcement.procedure' });

const computeEnforcementInput = z.strictObject({
  caseId,
  /** "As if handed over on": the handover recorded on the timeline, else today, when left out. */
  handover: isoDate.optional(),
  /** "What if": the case's own procedure when left out. */
  procedure: procedure.optional(),
});

const recordEnforcementDecisionInput = z.strictObject({
  id: caseId,
  expectedVersion: z.int({ error: 'validation.wholeNumber' }).min(1, { error: 'validation.atLeastOne' }),
  procedure,
  decision: z.strictObject({
    authority: z.string({ error: 'validation.text' }).trim().min(1, { error: 'validation.authority.required' }).max(500, { error: 'validation.text.tooLong' }),
    date: isoDate,
    term: termSchema,
  }),
  reason,
});

export const enforcementContract = {
  'enforcement.compute': { input: computeEnforcementInput, output: typed<StoredEnforcement>(), roles: ALL },
  'enforcement.recordDecision': { input: recordEnforcementDecisionInput, output: caseRecordSchema, roles: CASEWORK },
} as const satisfies AreaContract;
