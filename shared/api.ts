/**
 * The IPC contract: every channel the renderer may call, with the schema its payload must
 * satisfy and the roles allowed to call it. The router (electron/router.ts) enforces both
 * before a service runs; `ApiOutputs` types what comes back.
 */
import { z } from 'zod';
import * as s from './api-schemas.ts';
import { ROLES, type Role } from './vocabularies.ts';
import * as auth from './auth-schemas.ts';
import type { Diagnostics } from './about-schemas.ts';
import type { BackupsState } from './backups-schemas.ts';
import type { CaseFile } from './domain/case.ts';
import * as tr from './treaties/api-schemas.ts';
import * as tm from './treaties/map/api-schemas.ts';
import type { TreatyMap } from './treaties/map/schema.ts';
import * as rp from './reports/schemas.ts';
import * as wf from './workflow-schemas.ts';
import * as enf from './enforcement/api-schemas.ts';
import * as pkg from './package-schemas.ts';
import * as letter from './reports/letter.ts';
import type { HandoverCheck } from './workflow/handover-check.ts';
import type { StoredEnforcement } from './enforcement/report.ts';
import type { Dossier } from './reports/dossier-model.ts';
import type { Statistics } from './reports/statistics.ts';

/** Everyone signed in, the viewer included: reading. */
const ALL: readonly Role[] = ROLES;
/** Cases and assessments. */
const CASEWORK: readonly Role[] = ['officer', 'legal', 'supervisor'];
/** Dossiers, transfers, treaties (rule-sets). */
const LEGAL: readonly Role[] = ['legal', 'supervisor'];
/** Approvals, reopening a closed case, users. Which transition each role records: shared/workflow/roles.ts. */
const SUPERVISOR: readonly Role[] = ['supervisor'];
const noInput = z.strictObject({}).optional();

export const API = {
  'session.current': { input: noInput, roles: ALL },
  'session.signIn': { input: auth.signInInput, roles: ALL },
  'session.setup': { input: auth.setupInput, roles: ALL },
  'session.signOut': { input: noInput, roles: ALL },
  'session.changePassword': { input: auth.changePasswordInput, roles: ALL },
  'settings.info': { input: noInput, roles: ALL },
  'settings.diagnostics': { input: noInput, roles: ALL },
  'backups.state': { input: noInput, roles: SUPERVISOR },
  'backups.run': { input: noInput, roles: SUPERVISOR },
  'cases.list': { input: s.listCasesInput, roles: ALL },
  'cases.get': { input: s.getCaseInput, roles: ALL },
  'cases.events': { input: s.listCaseEventsInput, roles: ALL },
  'cases.create': { input: s.createCaseInput, roles: CASEWORK },
  'cases.update': { input: s.updateCaseInput, roles: CASEWORK },
  'cases.setStatus': { input: s.setCaseStatusInput, roles: CASEWORK },
  'cases.close': { input: s.closeCaseInput, roles: CASEWORK },
  'cases.reopen': { input: s.reopenCaseInput, roles: SUPERVISOR },
  'workflow.state': { input: wf.workflowStateInput, roles: ALL },
  'workflow.transition': { input: wf.transitionCaseInput, roles: CASEWORK },
  'workflow.checkHandover': { input: wf.checkHandoverInput, roles: ALL },
  'cases.work': { input: wf.caseWorkInput, roles: ALL },
  'cases.recordCorrespondence': { input: wf.recordCorrespondenceInput, roles: CASEWORK },
  'cases.addNote': { input: wf.addNoteInput, roles: CASEWORK },
  'cases.assign': { input: wf.assignCaseInput, roles: CASEWORK },
  'documents.list': { input: wf.listDocumentsInput, roles: ALL },
  'documents.setStatus': { input: wf.setDocumentStatusInput, roles: CASEWORK },
  'documents.attach': { input: wf.attachDocumentInput, roles: CASEWORK },
  'documents.attachment': { input: wf.readAttachmentInput, roles: ALL },
  'due.list': { input: wf.listDueInput, roles: ALL },
  'enforcement.compute': { input: enf.computeEnforcementInput, roles: ALL },
  'enforcement.recordDecision': { input: enf.recordEnforcementDecisionInput, roles: CASEWORK },
  'cases.import': { input: z.unknown(), roles: CASEWORK },
  'cases.export': { input: s.exportCasesInput, roles: ALL },
  'assessments.run': { input: s.runAssessmentInput, roles: CASEWORK },
  'assessments.list': { input: s.listAssessmentsInput, roles: ALL },
  'routes.forCase': { input: tm.routesForCaseInput, roles: ALL },
  'treaties.table': { input: tm.treatyTableInput, roles: ALL },
  'treaties.mapVersions': { input: noInput, roles: ALL },
  'treaties.map': { input: tm.getTreatyMapInput.optional(), roles: ALL },
  'treaties.saveMap': { input: tm.saveTreatyMapInput, roles: LEGAL },
  'rulesets.list': { input: noInput, roles: ALL },
  'rulesets.save': { input: s.saveRuleSetInput, roles: LEGAL },
  'rulesets.get': { input: tr.getRuleSetInput, roles: ALL },
  'rulesets.pendingReassessments': { input: noInput, roles: ALL },
  'rulesets.reassess': { input: tr.startReassessInput, roles: LEGAL },
  'rulesets.reassessStep': { input: tr.reassessStepInput, roles: LEGAL },
  'rulesets.reassessCancel': { input: tr.reassessCancelInput, roles: LEGAL },
  'rulesets.reassessReport': { input: tr.getReassessReportInput, roles: ALL },
  'rulesets.reassessReports': { input: tr.listReassessReportsInput, roles: ALL },
  'profiles.list': { input: noInput, roles: ALL },
  'profiles.save': { input: tr.saveProfileInput, roles: LEGAL },
  'users.list': { input: noInput, roles: SUPERVISOR },
  'users.create': { input: s.createUserInput, roles: SUPERVISOR },
  'users.setPassword': { input: auth.setPasswordInput, roles: SUPERVISOR },
  'users.unlock': { input: auth.unlockUserInput, roles: SUPERVISOR },
  'audit.forCase': { input: auth.caseAuditInput, roles: ALL },
  'audit.list': { input: s.listAuditInput, roles: LEGAL },
  'audit.verify': { input: noInput, roles: SUPERVISOR },
  'dossier.model': { input: rp.dossierInput, roles: LEGAL },
  'dossier.pdf': { input: rp.dossierPdfInput, roles: LEGAL },
  'settings.letter': { input: noInput, roles: ALL },
  'settings.saveLetter': { input: letter.saveLetterInput, roles: LEGAL },
  'packages.make': { input: pkg.makePackageInput, roles: LEGAL },
  'packages.import': { input: pkg.importPackageInput, roles: CASEWORK },
  'reports.statistics': { input: rp.statisticsInput, roles: ALL },
  'reports.export': { input: rp.exportStatisticsInput, roles: ALL },
  'reports.exportProgress': { input: rp.exportProgressInput, roles: ALL },
} as const satisfies Record<string, { input: z.ZodType; roles: readonly Role[] }>;

export type Channel = keyof typeof API;

/** Whether a user of `role` may call `channel`: the screens offer an action only when the router would accept it. */
export function mayCall(role: Role | undefined, channel: Channel): boolean {
  return role !== undefined && (API[channel].roles as readonly Role[]).includes(role);
}
export const CHANNELS = Object.keys(API) as Channel[];

/** The only channels answered when nobody is signed in (their `roles` apply once someone is). */
export const SIGNED_OUT_CHANNELS = ['session.current', 'session.signIn', 'session.setup'] as const satisfies readonly Channel[];

export type ApiInputs = { [C in Channel]: z.input<(typeof API)[C]['input']> };

export interface ApiOutputs {
  'session.current': auth.SessionState;
  'session.signIn': auth.SessionState;
  'session.setup': auth.SessionState;
  'session.signOut': auth.SessionState;
  'session.changePassword': { changedAt: string };
  'settings.info': auth.AppInfo;
  /** For a support request: the About facts and the log's last lines, no personal data. */
  'settings.diagnostics': Diagnostics;
  /** null where the app makes no backups itself (the CLI: `tsp backup`). */
  'backups.state': BackupsState | null;
  'backups.run': BackupsState;
  'cases.list': s.CaseList;
  'cases.get': s.CaseRecord;
  'cases.events': s.CaseEvent[];
  'cases.create': s.CaseRecord;
  'cases.update': s.CaseRecord;
  'cases.setStatus': s.CaseRecord;
  'cases.close': s.CaseRecord;
  'cases.reopen': s.CaseRecord;
  'workflow.state': wf.WorkflowState;
  'workflow.transition': s.CaseRecord;
  /** Null when the case names no rule-set to check the date against. */
  'workflow.checkHandover': HandoverCheck | null;
  'cases.work': wf.CaseWork;
  'cases.recordCorrespondence': wf.CaseWork;
  'cases.addNote': wf.CaseWork;
  'cases.assign': wf.CaseWork;
  'documents.list': wf.CaseDocument[];
  'documents.setStatus': wf.CaseDocument[];
  'documents.attach': wf.CaseDocument[];
  'documents.attachment': wf.AttachmentContent;
  'due.list': wf.DueList;
  'enforcement.compute': StoredEnforcement;
  'enforcement.recordDecision': s.CaseRecord;
  'cases.import': s.ImportResult;
  'cases.export': CaseFile[];
  'assessments.run': s.AssessmentRecord;
  'assessments.list': s.AssessmentRecord[];
  /** Exploration: every route open for the person, assessed; never the case's assessment. */
  'routes.forCase': tm.CaseRoutes;
  'treaties.table': tm.TreatyTable;
  'treaties.mapVersions': tm.TreatyMapVersion[];
  'treaties.map': TreatyMap;
  'treaties.saveMap': tm.TreatyMapVersion;
  'rulesets.list': s.RuleSetVersionSummary[];
  'rulesets.save': s.RuleSetVersionSummary;
  'rulesets.get': tr.RuleSetDetail;
  'rulesets.pendingReassessments': tr.PendingReassessment[];
  'rulesets.reassess': tr.ReassessProgress;
  'rulesets.reassessStep': tr.ReassessProgress;
  'rulesets.reassessCancel': tr.ReassessProgress;
  'rulesets.reassessReport': tr.ReassessReport;
  'rulesets.reassessReports': tr.ReassessReportSummary[];
  'profiles.list': tr.ProfileVersion[];
  'profiles.save': tr.ProfileVersion;
  'users.list': auth.UserAccount[];
  'users.create': s.User;
  'users.setPassword': auth.UserAccount;
  'users.unlock': auth.UserAccount;
  'audit.forCase': auth.CaseAuditEntry[];
  'audit.list': s.AuditEntry[];
  'audit.verify': s.AuditVerification;
  'dossier.model': Dossier;
  'dossier.pdf': rp.ProducedFile;
  'settings.letter': letter.LetterSettings;
  'settings.saveLetter': letter.LetterSettings;
  'packages.make': rp.ProducedFile;
  'packages.import': pkg.PackageImport;
  'reports.statistics': Statistics;
  'reports.export': rp.ExportProgress;
  'reports.exportProgress': rp.ExportProgress;
}

export interface ApiError {
  /** `unavailable`: the store is busy, its disk full or read-only, or the file damaged (messageKey `error.store.*`). */
  code: 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal';
  messageKey: string;
  problems: s.FieldProblem[];
}

/** What crosses the IPC boundary: errors are values, never thrown (Error fields do not survive cloning). */
export type ApiResponse<C extends Channel = Channel> = { ok: true; data: ApiOutputs[C] } | { ok: false; error: ApiError };
