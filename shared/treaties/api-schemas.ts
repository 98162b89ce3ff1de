/**
 * What the rule-set and profile channels answer (shared/contracts/rulesets.ts, profiles.ts):
 * rule-set versions in detail, re-assessment when a version takes effect and its stored report,
 * jurisdiction profiles.
 */
import { z } from 'zod';
import { ruleSetVersionSchema } from '../api-schemas.ts';
import { VERDICTS } from '../vocabularies.ts';
import { CONDITION_IDS } from '../eligibility/types.ts';
import { profileSchema } from './profile-schema.ts';
import { ruleSetSchema } from './schema.ts';

const STATUSES = ['met', 'not_met', 'unknown', 'waived', 'not_applicable'] as const;

/**
 * What a re-assessment runs for: a rule-set version, a jurisdiction profile version (ruleSetId then
 * holds its code) or a treaty map version (ruleSetId then holds "treaty-map").
 */
const REASSESS_SUBJECTS = ['rule-set', 'profile', 'treaty-map'] as const;
/** The id a treaty map version's re-assessment goes by (the map has versions, not ids). */
export const TREATY_MAP_SUBJECT_ID = 'treaty-map';
export type ReassessSubject = (typeof REASSESS_SUBJECTS)[number];

/** One version with its content, and how many assessments used it (then it is evidence: never changed). */
const ruleSetVersionDetailSchema = ruleSetVersionSchema.extend({
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

const reassessItemSchema = z.object({
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

