/**
 * The IPC contract: every channel the renderer may call, with the schema its payload must
 * satisfy and the roles allowed to call it. The router (electron/router.ts) enforces both
 * before a service runs; `ApiOutputs` types what comes back.
 */
import { z } from 'zod';
import * as s from './api-schemas.ts';
import type { CaseFile } from './domain/case.ts';

type Role = s.Role;
const ALL: readonly Role[] = ['officer', 'legal', 'ministry', 'admin'];
const CASEWORK: readonly Role[] = ['officer', 'legal', 'admin'];
const noInput = z.strictObject({}).optional();

export const API = {
  'session.current': { input: noInput, roles: ALL },
  'cases.list': { input: s.listCasesInput, roles: ALL },
  'cases.get': { input: s.getCaseInput, roles: ALL },
  'cases.events': { input: s.listCaseEventsInput, roles: ALL },
  'cases.create': { input: s.createCaseInput, roles: CASEWORK },
  'cases.update': { input: s.updateCaseInput, roles: CASEWORK },
  'cases.setStatus': { input: s.setCaseStatusInput, roles: CASEWORK },
  'cases.close': { input: s.closeCaseInput, roles: CASEWORK },
  'cases.reopen': { input: s.reopenCaseInput, roles: ['legal', 'admin'] },
  'cases.import': { input: z.unknown(), roles: CASEWORK },
  'cases.export': { input: s.exportCasesInput, roles: ALL },
  'assessments.run': { input: s.runAssessmentInput, roles: CASEWORK },
  'assessments.list': { input: s.listAssessmentsInput, roles: ALL },
  'rulesets.list': { input: noInput, roles: ALL },
  'rulesets.save': { input: s.saveRuleSetInput, roles: ['legal', 'admin'] },
  'users.list': { input: noInput, roles: ['admin'] },
  'users.create': { input: s.createUserInput, roles: ['admin'] },
  'audit.list': { input: s.listAuditInput, roles: ['legal', 'admin'] },
  'audit.verify': { input: noInput, roles: ['admin'] },
} as const satisfies Record<string, { input: z.ZodType; roles: readonly Role[] }>;

export type Channel = keyof typeof API;
export const CHANNELS = Object.keys(API) as Channel[];

export type ApiInputs = { [C in Channel]: z.input<(typeof API)[C]['input']> };

export interface ApiOutputs {
  'session.current': s.User;
  'cases.list': s.CaseList;
  'cases.get': s.CaseRecord;
  'cases.events': s.CaseEvent[];
  'cases.create': s.CaseRecord;
  'cases.update': s.CaseRecord;
  'cases.setStatus': s.CaseRecord;
  'cases.close': s.CaseRecord;
  'cases.reopen': s.CaseRecord;
  'cases.import': s.ImportResult;
  'cases.export': CaseFile[];
  'assessments.run': s.AssessmentRecord;
  'assessments.list': s.AssessmentRecord[];
  'rulesets.list': s.RuleSetVersionSummary[];
  'rulesets.save': s.RuleSetVersionSummary;
  'users.list': s.User[];
  'users.create': s.User;
  'audit.list': s.AuditEntry[];
  'audit.verify': s.AuditVerification;
}

export interface ApiError {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'internal';
  messageKey: string;
  problems: s.FieldProblem[];
}

/** What crosses the IPC boundary: errors are values, never thrown (Error fields do not survive cloning). */
export type ApiResponse<C extends Channel = Channel> = { ok: true; data: ApiOutputs[C] } | { ok: false; error: ApiError };
