import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.ts';
import { listAudit } from './audit.ts';
import { bootstrapAdmin, createUser, listUsers } from './users.ts';
import { expectRefused, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness();
});
afterEach(() => h.dispose());

describe('users', () => {
  it('starts a new store with one administrator, and only once', () => {
    const db = openDatabase(':memory:');
    const clock = () => new Date('2025-01-01T00:00:00.000Z');
    const admin = bootstrapAdmin(db, clock, { name: 'First Admin' });
    expect(admin).toMatchObject({ name: 'First Admin', role: 'supervisor', createdAt: '2025-01-01T00:00:00.000Z' });
    expect(() => bootstrapAdmin(db, clock, { name: 'Second' })).toThrow(/conflict/);
    expect(() => bootstrapAdmin(openDatabase(':memory:'), clock, { name: '' })).toThrow(/invalid_input/);
    db.close();
  });

  it('lets an administrator add users, audited; nobody else', () => {
    const user = createUser(h.admin, { name: 'Chan Legal', role: 'legal' });
    expect(listUsers(h.officer).map((u) => u.name)).toEqual(['Ada Admin', 'Chan Legal', 'Lam Officer']);
    expect(listAudit(h.admin, { entity: 'user', entityId: user.id, limit: 5 })).toMatchObject([{ action: 'user.create', userId: h.admin.user.id }]);
    expectRefused(h.officer, 'forbidden', () => createUser(h.officer, { name: 'Sneaky', role: 'supervisor' }));
    expect(refusedPayload(h.admin, 'users.create', { name: 'X', role: 'superuser' }).problems).toMatchObject([{ field: 'role' }]);
  });

  it('never deletes a user (trigger)', () => {
    expect(() => h.admin.db.prepare('DELETE FROM users').run()).toThrow(/never deleted/);
  });
});
