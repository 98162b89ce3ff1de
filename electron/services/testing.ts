/**
 * Helpers for tests of the services: a store in a temporary file with a first
 * administrator and an officer, a clock the test moves, and a check that a refused write
 * left the store exactly as it was.
 */
import assert from 'node:assert/strict';
import { countAuditEntries } from '../../db/audit-repo.ts';
import { storeDigest, tableCounts, tempStore, type TempStore } from '../../db/testing.ts';
import { API, type ApiError, type ApiInputs, type Channel } from '../../shared/api.ts';
import { createRouter } from '../router.ts';
import type { ServiceContext } from './context.ts';
import type { Input } from './handlers.ts';
import { ServiceError, type ServiceErrorCode } from './errors.ts';
import { bootstrapAdmin, createUser } from './users.ts';

export interface ServiceHarness {
  store: TempStore;
  admin: ServiceContext;
  officer: ServiceContext;
  /** Sets the time the next writes happen at. */
  setNow(iso: string): void;
  dispose(): void;
}

export function serviceHarness(start = '2025-01-15T10:00:00.000Z'): ServiceHarness {
  const store = tempStore();
  let now = new Date(start);
  const clock = () => new Date(now.getTime());
  const adminUser = bootstrapAdmin(store.db, clock, { name: 'Ada Admin' });
  const admin: ServiceContext = { db: store.db, clock, user: { id: adminUser.id, name: adminUser.name, role: adminUser.role } };
  const officerUser = createUser(admin, { name: 'Lam Officer', role: 'officer' });
  const officer: ServiceContext = { db: store.db, clock, user: { id: officerUser.id, name: officerUser.name, role: officerUser.role } };
  return {
    store,
    admin,
    officer,
    setNow(iso) {
      now = new Date(iso);
    },
    dispose: () => store.dispose(),
  };
}

/** Runs a write that must be refused with `code`; checks nothing changed, audit log included. */
export function expectRefused(ctx: ServiceContext, code: ServiceErrorCode, write: () => unknown): ServiceError {
  const digest = storeDigest(ctx.db);
  const counts = tableCounts(ctx.db);
  const audit = countAuditEntries(ctx.db);
  let caught: unknown;
  try {
    write();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof ServiceError)) throw new assert.AssertionError({ message: `expected a ServiceError, got ${String(caught)}` });
  assert.equal(caught.code, code, `expected ${code}, got ${caught.code}: ${caught.message}`);
  assert.equal(countAuditEntries(ctx.db), audit, 'the audit log grew');
  assert.deepEqual(tableCounts(ctx.db), counts, 'rows were added');
  assert.equal(storeDigest(ctx.db), digest, 'the store changed');
  return caught;
}

/** A payload the router refuses by its channel's schema, before any service runs: the error it answers. */
export function refusedPayload(ctx: ServiceContext, channel: Channel, payload: unknown): ApiError {
  const response = createRouter(ctx, () => {}).dispatch(channel, payload);
  if (response.ok) throw new assert.AssertionError({ message: `${channel} accepted ${JSON.stringify(payload)}` });
  assert.equal(response.error.code, 'invalid_input', `expected invalid_input, got ${response.error.code}`);
  return response.error;
}

/** A payload as the router hands it to its handler: parsed with the channel's schema, defaults filled (a bad payload throws). */
export function parsed<C extends Channel>(channel: C, payload: ApiInputs[C]): Input<C> {
  return API[channel].input.parse(payload) as Input<C>;
}
