/**
 * Inputs and outputs of the treaty channels (shared/api.ts): rule-set versions in detail,
 * re-assessment when a version takes effect and its stored report, jurisdiction profiles.
 */
import { z } from 'zod';
import { reason, ruleSetVersionSchema } from '../api-schemas.ts';
import { VERDICTS } from '../vocabularies.ts';
import { CONDITION_IDS } from '../eligibility/types.ts';
import { profileSchema } from './profile-schema.ts';
import { ruleSetSchema } from './schema.ts';

const ruleSetId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a rule-set id such as "coe-ets-112"' });
const reportId = z.uuid({ error: 'must be a report id' });
const STATUSES = ['met', 'not_met', 'unknown', 'waived', 'not_applicable'] as const;

export const getRuleSetInput = z.strictObject({ id: ruleSetId });
/**
 * What a re-assessment runs for: a rule-set version, a jurisdiction profile version (ruleSetId then
 * holds its code) or a treaty map version (ruleSetId then holds "treaty-map").
 */
export const REASSESS_SUBJECTS = ['rule-set', 'profile', 'treaty-map'] as const;
/** The id a treaty map version's re-assessment goes by (the map has versions, not ids). */
export const TREATY_MAP_SUBJECT_ID = 'treaty-map';
export type ReassessSubject = (typeof REASSESS_SUBJECTS)[number];
const profileCode = z.string().regex(/^([A-Z]{2}|\*)$/, { error: 'must be an ISO 3166-1 alpha-2 code such as "HK", or "*"' });

export const startReassessInput = z.discriminatedUnion('subject', [
  z.strictObject({ subject: z.literal('rule-set').default('rule-set'), ruleSetId, version: z.string().min(1, { error: 'must not be empty' }), reason }),
  z.strictObject({ subject: z.literal('profile'), ruleSetId: profileCode, version: z.string().min(1, { error: 'must not be empty' }), reason }),
  z.strictObject({ subject: z.literal('treaty-map'), ruleSetId: z.literal(TREATY_MAP_SUBJECT_ID), version: z.string().min(1, { error: 'must not be empty' }), reason }),
], { error: 'must be "rule-set", "profile" or "treaty-map"' });
export const reassessStepInput = z.strictObject({ reportId });
export const reassessCancelInput = z.strictObject({ reportId });
export const getReassessReportInput = z.strictObject({ reportId });
export const listReassessReportsInput = z.strictObject({ ruleSetId: ruleSetId.optional() }).optional();
export const saveProfileInput = z.strictObject({ profile: z.unknown(), reason });

/** One version with its content, and how many assessments used it (then it is evidence: never changed). */
export const ruleSetVersionDetailSchema = ruleSetVersionSchema.extend({
  ruleSet: ruleSetSchema,
  assessments: z.int(),
  /** In force today for a case without a later reference date: the latest version effective on or before today. */
  inForceToday: z.boolean(),
});
export type RuleSetVersionDetail = z.output<typeof ruleSetVersionDetailSchema>;

export const ruleSetDetailSchema = z.object({ id: z.string(), versions: z.array(ruleSetVersionDetailSchema) });
export type RuleSetDetail = z.output<typeof ruleSetDetailSchema>;

/** A stored version in force today whose open cases have not been re-assessed under it. */
export const pendingReassessmentSchema = z.object({
  subject: z.enum(REASSESS_SUBJECTS),
  /** The rule-set id, or the profile's jurisdiction code. */
  ruleSetId: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  title: z.string(),
  openCases: z.int(),
});
export type PendingReassessment = z.output<typeof pendingReassessmentSchema>;

export const reassessProgressSchema = z.object({ reportId: z.string(), total: z.int(), done: z.int(), finished: z.boolean() });
export type ReassessProgress = z.output<typeof reassessProgressSchema>;

export const reassessItemSchema = z.object({
  position: z.int(),
  caseId: z.string(),
  /** The person's family name, to recognise the case in the report. */
  familyName: z.string().nullable(),
  outcome: z.enum(['changed', 'unchanged', 'skipped']),
  before: z.enum(VERDICTS).nullable(),
  after: z.enum(VERDICTS).nullable(),
  assessmentId: z.string().nullable(),
  conditions: z.array(z.object({ id: z.enum(CONDITION_IDS), before: z.enum(STATUSES).nullable(), after: z.enum(STATUSES) })),
  skippedReason: z.string().nullable(),
});
export type ReassessItem = z.output<typeof reassessItemSchema>;

export const reassessReportSummarySchema = z.object({
  id: z.string(),
  subject: z.enum(REASSESS_SUBJECTS),
  ruleSetId: z.string(),
  version: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  total: z.int(),
  done: z.int(),
  changed: z.int(),
  skipped: z.int(),
  /** Being run by the app now (it runs in the main process); false for a finished run and one stopped part-way. */
  running: z.boolean(),
});
export type ReassessReportSummary = z.output<typeof reassessReportSummarySchema>;

/** The report: every case whose verdict changed (before -> after, with the conditions that moved), and the counts. */
export const reassessReportSchema = reassessReportSummarySchema.extend({ items: z.array(reassessItemSchema) });
export type ReassessReport = z.output<typeof reassessReportSchema>;

export const profileVersionSchema = z.object({
  profile: profileSchema,
  source: z.enum(['built-in', 'stored']),
  hash: z.string().nullable(),
  createdAt: z.string().nullable(),
  inForceToday: z.boolean(),
});
export type ProfileVersion = z.output<typeof profileVersionSchema>;

