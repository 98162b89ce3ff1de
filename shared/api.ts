/**
 * The IPC contract: every channel the renderer may call, with the schema its payload must
 * satisfy, what it answers and the roles allowed to call it. Each area writes its channels in
 * one file of shared/contracts/ (AREAS); the router (electron/router.ts) enforces the roles and
 * the schema before a service runs, and each service module's handlers are typed from the same
 * contract (electron/services/handlers.ts). The channels not yet moved to an area (LEGACY) keep
 * their schema and roles here and their answer in LegacyOutputs.
 */
import { z } from 'zod';
import * as s from './api-schemas.ts';
import type { Role } from './vocabularies.ts';
import * as auth from './auth-schemas.ts';
import { ALL, CASEWORK, LEGAL, noInput, SUPERVISOR, type OutputOf } from './contracts/channel.ts';
import { sessionContract } from './contracts/session.ts';
import { settingsContract } from './contracts/settings.ts';
import { usersContract } from './contracts/users.ts';
import type { BackupsState } from './backups-schemas.ts';
import type { CaseFile } from './domain/case.ts';
import * as tr from './treaties/api-schemas.ts';
import * as tm from './treaties/map/api-schemas.ts';
import type { TreatyMap } from './treaties/map/schema.ts';
import * as rp from './reports/schemas.ts';
import * as wf from './workflow-schemas.ts';
import * as enf from './enforcement/api-schemas.ts';
import * as pkg from './package-schemas.ts';
import type { HandoverCheck } from './workflow/handover-check.ts';
import type { StoredEnforcement } from './enforcement/report.ts';
import type { Dossier } from './reports/dossier-model.ts';
import type { Statistics } from './reports/statistics.ts';

/** The areas, each one file of shared/contracts/ and one handler map of electron/services/. */
export const AREAS = {
  session: sessionContract,
  settings: settingsContract,
  users: usersContract,
} as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AreaChannels = UnionToIntersection<(typeof AREAS)[keyof typeof AREAS]>;
/** A channel of an area's contract: its handler receives the parsed payload. */
export type AreaChannel = keyof AreaChannels;

const LEGACY = {
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
  'routes.screen': { input: tm.screenRoutesInput, roles: ALL },
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
  'audit.forCase': { input: auth.caseAuditInput, roles: ALL },
  'audit.list': { input: s.listAuditInput, roles: LEGAL },
  'audit.verify': { input: noInput, roles: SUPERVISOR },
  'dossier.model': { input: rp.dossierInput, roles: LEGAL },
  'dossier.pdf': { input: rp.dossierPdfInput, roles: LEGAL },
  'packages.make': { input: pkg.makePackageInput, roles: LEGAL },
  'packages.import': { input: pkg.importPackageInput, roles: CASEWORK },
  'reports.statistics': { input: rp.statisticsInput, roles: ALL },
  'reports.export': { input: rp.exportStatisticsInput, roles: ALL },
  'reports.exportProgress': { input: rp.exportProgressInput, roles: ALL },
} as const satisfies Record<string, { input: z.ZodType; roles: readonly Role[] }>;

/** Every channel (no channel is in two areas: shared/api.test.ts). */
export const API = Object.assign({}, LEGACY, ...Object.values(AREAS)) as typeof LEGACY & AreaChannels;

export type Channel = keyof typeof API;

/** Whether a user of `role` may call `channel`: the screens offer an action only when the router would accept it. */
export function mayCall(role: Role | undefined, channel: Channel): boolean {
  return role !== undefined && (API[channel].roles as readonly Role[]).includes(role);
}
export const CHANNELS = Object.keys(API) as Channel[];

/** The only channels answered when nobody is signed in (their `roles` apply once someone is). */
export const SIGNED_OUT_CHANNELS = ['session.current', 'session.signIn', 'session.setup'] as const satisfies readonly Channel[];
export type SignedOutChannel = (typeof SIGNED_OUT_CHANNELS)[number];

/** What a caller sends. */
export type ApiInputs = { [C in Channel]: z.input<(typeof API)[C]['input']> };
/** What a handler receives: the payload as its schema parsed it (defaults filled, text trimmed). */
export type ApiParsedInputs = { [C in Channel]: z.output<(typeof API)[C]['input']> };

/** What each channel answers. */
export type ApiOutputs = LegacyOutputs & { [C in AreaChannel]: OutputOf<AreaChannels[C]> };

interface LegacyOutputs {
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
  /** One step of screening open cases for the route index (derived data: nothing audited). */
  'routes.screen': tm.RouteScreening;
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
  'audit.forCase': auth.CaseAuditEntry[];
  'audit.list': s.AuditEntry[];
  'audit.verify': s.AuditVerification;
  'dossier.model': Dossier;
  'dossier.pdf': rp.ProducedFile;
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
