/**
 * The IPC contract: every channel the renderer may call, with the schema its payload must
 * satisfy, what it answers and the roles allowed to call it. Each area writes its channels in
 * one file of shared/contracts/ (AREAS); the router (electron/router.ts) enforces the roles and
 * the schema before a service runs, and each area's handler map is typed from the same
 * contract (electron/services/handlers.ts).
 */
import type { z } from 'zod';
import type { FieldProblem } from './api-schemas.ts';
import type { Role } from './vocabularies.ts';
import type { OutputOf } from './contracts/channel.ts';
import { assessmentsContract } from './contracts/assessments.ts';
import { auditContract } from './contracts/audit.ts';
import { backupsContract } from './contracts/backups.ts';
import { casesContract } from './contracts/cases.ts';
import { documentsContract } from './contracts/documents.ts';
import { dossierContract } from './contracts/dossier.ts';
import { dueContract } from './contracts/due.ts';
import { enforcementContract } from './contracts/enforcement.ts';
import { importsContract } from './contracts/imports.ts';
import { packagesContract } from './contracts/packages.ts';
import { profilesContract } from './contracts/profiles.ts';
import { reportsContract } from './contracts/reports.ts';
import { rulesetsContract } from './contracts/rulesets.ts';
import { sessionContract } from './contracts/session.ts';
import { settingsContract } from './contracts/settings.ts';
import { treatiesContract } from './contracts/treaties.ts';
import { usersContract } from './contracts/users.ts';
import { officeContract } from './contracts/office.ts';
import { workflowContract } from './contracts/workflow.ts';

/** The areas, each one file of shared/contracts/ and one handler map of electron/services/. */
export const AREAS = {
  session: sessionContract,
  settings: settingsContract,
  backups: backupsContract,
  documents: documentsContract,
  cases: casesContract,
  imports: importsContract,
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
  office: officeContract,
} as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every channel of every area (no channel is in two areas: shared/api.test.ts). */
export const API = Object.assign({}, ...Object.values(AREAS)) as UnionToIntersection<(typeof AREAS)[keyof typeof AREAS]>;

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

/** What each channel answers: its output schema's type, or its typed marker's (shared/contracts/channel.ts). */
export type ApiOutputs = { [C in Channel]: OutputOf<(typeof API)[C]> };

export interface ApiError {
  /** `unavailable`: the store is busy, its disk full or read-only, or the file damaged (messageKey `error.store.*`). */
  code: 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal';
  messageKey: string;
  problems: FieldProblem[];
}

/** What crosses the IPC boundary: errors are values, never thrown (Error fields do not survive cloning). */
export type ApiResponse<C extends Channel = Channel> = { ok: true; data: ApiOutputs[C] } | { ok: false; error: ApiError };
