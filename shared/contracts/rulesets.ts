/**
 * Rule-sets: their stored versions beside the built-in ones, and the re-assessment of the
 * cases a version (or a profile or treaty map version) changes once it is in force, with its
 * stored report (electron/services/rulesets.ts, reassess-report.ts).
 */
import { z } from 'zod';
import { reason, ruleSetId, ruleSetVersionSchema } from '../api-schemas.ts';
import {
  pendingReassessmentSchema,
  reassessPreviewSchema,
  reassessProgressSchema,
  reassessReportSchema,
  reassessReportSummarySchema,
  ruleSetDetailSchema,
  TREATY_MAP_SUBJECT_ID,
} from '../treaties/api-schemas.ts';
import type { ProducedFile } from './reports.ts';
import { ALL, LEGAL, noInput, typed, type AreaContract } from './channel.ts';
import { locale } from './inputs.ts';

const reportId = z.uuid({ error: 'validation.id.report' });
const profileCode = z.string().regex(/^([A-Z]{2}|\*)$/, { error: 'validation.profileCode' });
const version = z.string().min(1, { error: 'validation.notEmpty' });

/** The rule-set is checked by the service against shared/treaties/schema.ts, its problems under `ruleSet.`. */
const saveRuleSetInput = z.strictObject({ ruleSet: z.unknown(), reason });
const getRuleSetInput = z.strictObject({ id: ruleSetId });
/**
 * What a re-assessment runs for: a rule-set version, a jurisdiction profile version (ruleSetId then
 * holds its code) or a treaty map version (ruleSetId then holds "treaty-map").
 */
/** Also what the app's own re-assessment of versions coming into force starts (electron/reassessment.ts). */
export const startReassessInput = z.discriminatedUnion('subject', [
  z.strictObject({ subject: z.literal('rule-set').default('rule-set'), ruleSetId, version, reason }),
  z.strictObject({ subject: z.literal('profile'), ruleSetId: profileCode, version, reason }),
  z.strictObject({ subject: z.literal('treaty-map'), ruleSetId: z.literal(TREATY_MAP_SUBJECT_ID), version, reason }),
], { error: 'validation.datedKind' });
const reportInput = z.strictObject({ reportId });
/**
 * A dry run of the re-assessment a version would cause: the version not saved yet (`ruleSet`, checked by the
 * service as `rulesets.save` checks it) or a saved one (`ruleSetId` and `version`); from case `from` of its
 * selection, one step at a time.
 */
const reassessPreviewInput = z
  .strictObject({ ruleSet: z.unknown().optional(), ruleSetId: ruleSetId.optional(), version: version.optional(), from: z.int().min(0).default(0) })
  .refine((q) => (q.ruleSet !== undefined) !== (q.ruleSetId !== undefined && q.version !== undefined), {
    error: 'validation.preview.subject',
    path: ['ruleSet'],
  });
const exportReportInput = z.strictObject({ reportId, format: z.enum(['csv', 'pdf']), locale });
const listReassessReportsInput = z.strictObject({ ruleSetId: ruleSetId.optional() }).optional();

export const rulesetsContract = {
  'rulesets.list': { input: noInput, output: z.array(ruleSetVersionSchema), roles: ALL },
  'rulesets.save': { input: saveRuleSetInput, output: ruleSetVersionSchema, roles: LEGAL },
  'rulesets.get': { input: getRuleSetInput, output: ruleSetDetailSchema, roles: ALL },
  'rulesets.pendingReassessments': { input: noInput, output: z.array(pendingReassessmentSchema), roles: ALL },
  'rulesets.reassess': { input: startReassessInput, output: reassessProgressSchema, roles: LEGAL },
  'rulesets.reassessStep': { input: reportInput, output: reassessProgressSchema, roles: LEGAL },
  'rulesets.reassessCancel': { input: reportInput, output: reassessProgressSchema, roles: LEGAL },
  'rulesets.reassessPreview': { input: reassessPreviewInput, output: reassessPreviewSchema, roles: LEGAL },
  'rulesets.reassessReport': { input: reportInput, output: reassessReportSchema, roles: ALL },
  'rulesets.reassessExport': { input: exportReportInput, output: typed<ProducedFile>(), roles: ALL },
  /** Newest first. */
  'rulesets.reassessReports': { input: listReassessReportsInput, output: z.array(reassessReportSummarySchema), roles: ALL },
} as const satisfies AreaContract;
