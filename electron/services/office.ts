/**
 * Which store this desktop app works on: its own, or an office server's (issue 22). The main
 * process provides the control (electron/office-connection.ts: the setting in the app's data
 * folder, and the switch of every later call to the server); here the choice is checked and
 * audited in this computer's store. A window without the control (the CLI, a test) says so.
 */
import type Database from 'better-sqlite3';
import { appendAudit } from '../../db/audit-repo.ts';
import { keyedProblem } from '../../shared/domain/case.ts';
import type { OfficeStatus, officeContract } from '../../shared/contracts/office.ts';
import { normaliseFingerprint, officeServerProblem, type OfficeServer } from '../office-link.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers, Input } from './handlers.ts';
import { write } from './write.ts';

export interface OfficeControl {
  status(): OfficeStatus;
  /** Saves the server and sends every later call of the window there. */
  connect(server: OfficeServer): OfficeStatus;
  disconnect(): OfficeStatus;
}

const controls = new WeakMap<Database.Database, OfficeControl>();

export function provideOffice(db: Database.Database, control: OfficeControl): void {
  controls.set(db, control);
}

const NOT_HERE: OfficeStatus = { mode: 'desk', url: null, fingerprint: null, available: false };

const PROBLEM_FIELD = { url: 'url', https: 'url', fingerprint: 'fingerprint' } as const;

function connect(ctx: ServiceContext, { url, fingerprint, reason }: Input<'office.connect'>): OfficeStatus {
  const control = controls.get(ctx.db);
  if (control === undefined) throw new ServiceError('conflict', 'error.office.not_here');
  if (control.status().mode === 'office') throw new ServiceError('conflict', 'error.office.connected');
  const server: OfficeServer = { url, fingerprint: fingerprint === null || fingerprint === '' ? null : (normaliseFingerprint(fingerprint) ?? fingerprint) };
  const problem = officeServerProblem(server);
  if (problem !== null) throw new ServiceError('invalid_input', 'error.invalid_input', [keyedProblem(PROBLEM_FIELD[problem], `validation.office.${problem}`)]);
  write(ctx, (scope) => {
    appendAudit(scope.db, { at: scope.at, userId: ctx.user.id, action: 'office.connect', entity: 'store', entityId: 'office-server', reason, before: null, after: server });
  });
  return control.connect(server);
}

function disconnect(ctx: ServiceContext): OfficeStatus {
  const control = controls.get(ctx.db);
  if (control === undefined || control.status().mode === 'desk') return control?.status() ?? NOT_HERE;
  write(ctx, (scope) => {
    appendAudit(scope.db, { at: scope.at, userId: ctx.user.id, action: 'office.disconnect', entity: 'store', entityId: 'office-server', reason: null, before: null, after: null });
  });
  return control.disconnect();
}

export const officeHandlers: Handlers<keyof typeof officeContract> = {
  'office.status': (ctx) => controls.get(ctx.db)?.status() ?? NOT_HERE,
  'office.connect': connect,
  'office.disconnect': disconnect,
};
