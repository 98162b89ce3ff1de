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
import { ALL, CASEWORK, SUPERVISOR, type OutputOf } from './contracts/channel.ts';
import { assessmentsContract } from './contracts/assessments.ts';
import { auditContract } from './contracts/audit.ts';
import { backupsContract } from './contracts/backups.ts';
import { documentsContract } from './contracts/documents.ts';
import { dossierContract } from './contracts/dossier.ts';
import { dueContract } from './contracts/due.ts';
import { enforcementContract } from './contracts/enforcement.ts';
import { packagesContract } from './contracts/packages.ts';
import { profilesContract } from './contracts/profiles.ts';
import { reportsContract } from './contracts/reports.ts';
import { rulesetsContract } from './contracts/rulesets.ts';
import { sessionContract } from './contracts/session.ts';
import { settingsContract } from './contracts/settings.ts';
import { treatiesContract } from './contracts/treaties.ts';
import { usersContract } from './contracts/users.ts';
import { workflowContract } from './contracts/workflow.ts';
import type { CaseFile } from './domain/case.ts';

/** The areas, each one file of shared/contracts/ and one handler map of electron/services/. */
export const AREAS = {
  session: sessionContract,
  settings: settingsContract,
  backups: backupsContract,
  documents: documentsContract,
  workflow: workflowContract,
  due: dueContract,
  enforcement: enforcementContract,
  assessments: assessmentsContract,
  treaties: treatiesContract,
  rulesets: rulesetsContract,
  profiles: profilesContract,
  audit: auditContract,
  dossier: dossierContract,
  packages: packagesContract,
  reports: reportsContract,
  users: usersContract,
} as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AreaChannels = UnionToIntersection<(typeof AREAS)[keyof typeof AREAS]>;
/** A channel of an area's contract: its handler receives the parsed payload. */
export type AreaChannel = keyof AreaChannels;

const LEGACY = {
  'cases.list': { input: s.listCasesInput, roles: ALL },
  'cases.get': { input: s.getCaseInput, roles: ALL },
  'cases.events': { input: s.listCaseEventsInput, roles: ALL },
  'cases.create': { input: s.createCaseInput, roles: CASEWORK },
  'cases.update': { input: s.updateCaseInput, roles: CASEWORK },
  'cases.setStatus': { input: s.setCaseStatusInput, roles: CASEWORK },
  'cases.close': { input: s.closeCaseInput, roles: CASEWORK },
  'cases.reopen': { input: s.reopenCaseInput, roles: SUPERVISOR },
  'cases.import': { input: z.unknown(), roles: CASEWORK },
  'cases.export': { input: s.exportCasesInput, roles: ALL },
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
  /** One step of screening open cases for the route index (derived data: nothing audited). */
}

export interface ApiError {
  /** `unavailable`: the store is busy, its disk full or read-only, or the file damaged (messageKey `error.store.*`). */
  code: 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal';
  messageKey: string;
  problems: s.FieldProblem[];
}

/** What crosses the IPC boundary: errors are values, never thrown (Error fields do not survive cloning). */
export type ApiResponse<C extends Channel = Channel> = { ok: true; data: ApiOutputs[C] } | { ok: false; error: ApiError };
