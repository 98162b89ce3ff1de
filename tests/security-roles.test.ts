/**
 * Every channel of shared/api.ts refuses every role it does not list, and everything but
 * the sign-in channels refuses a caller nobody signed in. Iterates over CHANNELS × ROLES, so
 * a channel added later is covered without touching this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDigest } from '../db/testing.ts';
import { createRouter, createSessionRouter } from '../electron/router.ts';
import type { ServiceContext } from '../electron/services/context.ts';
import { openSession } from '../electron/services/session.ts';
import { serviceHarness, type ServiceHarness } from '../electron/services/testing.ts';
import { createUser } from '../electron/services/users.ts';
import { API, CHANNELS, SIGNED_OUT_CHANNELS, type Channel } from '../shared/api.ts';
import { ROLES, type Role } from '../shared/vocabularies.ts';

let h: ServiceHarness;
const contexts = new Map<Role, ServiceContext>();

beforeAll(() => {
  h = serviceHarness();
  contexts.set('supervisor', h.admin);
  contexts.set('officer', h.officer);
  for (const role of ['legal', 'viewer'] as const) {
    const user = createUser(h.admin, { name: `A ${role}`, role });
    contexts.set(role, { ...h.admin, user: { id: user.id, name: user.name, role } });
  }
});
afterAll(() => h.dispose());

const allows = (channel: Channel, role: Role) => (API[channel].roles as readonly Role[]).includes(role);
const refusedPairs = CHANNELS.flatMap((channel) => ROLES.filter((role) => !allows(channel, role)).map((role) => [channel, role] as const));
const allowedPairs = CHANNELS.flatMap((channel) => ROLES.filter((role) => allows(channel, role)).map((role) => [channel, role] as const));

describe('roles', () => {
  it('has refusals to check (the matrix is not trivially open)', () => {
    expect(refusedPairs.length).toBeGreaterThan(10);
    expect(refusedPairs.some(([, role]) => role === 'viewer')).toBe(true);
  });

  // Any payload will do: the role is checked before the payload is read.
  it.each(refusedPairs)('%s refuses a %s, writing nothing', (channel, role) => {
    const ctx = contexts.get(role);
    if (ctx === undefined) throw new Error(`no context for ${role}`);
    const before = storeDigest(h.store.db);
    for (const payload of [undefined, {}, { id: '00000000-0000-4000-8000-000000000000' }]) {
      expect(createRouter(ctx, () => {}).dispatch(channel, payload)).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'error.role_forbidden', problems: [] } });
    }
    expect(storeDigest(h.store.db)).toBe(before);
  });

  it.each(allowedPairs)('%s lets a %s through the gate', (channel, role) => {
    const ctx = contexts.get(role);
    if (ctx === undefined) throw new Error(`no context for ${role}`);
    const response = createRouter(ctx, () => {}).dispatch(channel, { id: '00000000-0000-4000-8000-000000000000' });
    if (!response.ok) expect(response.error.messageKey).not.toBe('error.role_forbidden');
  });

  it('are those documented in docs/architecture.md, channel by channel (a change to either alone fails here)', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../docs/architecture.md'), 'utf8');
    const section = /<!-- roles:begin -->\n([\s\S]*?)<!-- roles:end -->/.exec(doc)?.[1] ?? '';
    const [header, , ...rows] = section.trim().split('\n');
    const columns = (header ?? '').split('|').map((c) => c.trim()).filter(Boolean).slice(1);
    expect(columns).toEqual([...ROLES]);
    const documented = Object.fromEntries(rows.map((row) => {
      const [name = '', ...cells] = row.split('|').map((c) => c.trim()).filter(Boolean);
      return [name.replaceAll('`', ''), columns.filter((_, i) => cells[i] === 'yes')];
    }));
    const enforced = Object.fromEntries(CHANNELS.map((c) => [c, ROLES.filter((r) => allows(c, r))]));
    expect(documented).toEqual(enforced);
  });

  it('nest as the issue defines them: an officer may do nothing a legal officer may not, nor a legal officer anything a supervisor may not', () => {
    for (const channel of CHANNELS) {
      if (allows(channel, 'officer')) expect(allows(channel, 'legal'), channel).toBe(true);
      if (allows(channel, 'legal')) expect(allows(channel, 'supervisor'), channel).toBe(true);
    }
    expect(CHANNELS.filter((c) => c.startsWith('users.')).every((c) => API[c].roles.join() === 'supervisor')).toBe(true);
  });
});

describe('signed out', () => {
  const signedOut = () => createSessionRouter(openSession(h.store.db, h.admin.clock), () => {});
  const guarded = CHANNELS.filter((c) => !(SIGNED_OUT_CHANNELS as readonly string[]).includes(c));

  it.each(guarded)('%s refuses a caller nobody signed in, before reading the payload', (channel) => {
    const before = storeDigest(h.store.db);
    for (const payload of [undefined, {}, { limit: 1 }]) {
      expect(signedOut().dispatch(channel, payload)).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'error.signed_out', problems: [] } });
    }
    expect(storeDigest(h.store.db)).toBe(before);
  });

  it.each([...SIGNED_OUT_CHANNELS])('%s answers a caller nobody signed in', (channel) => {
    const response = signedOut().dispatch(channel, undefined);
    if (!response.ok) expect(response.error.messageKey).not.toBe('error.signed_out');
  });

  it('leaves only the sign-in channels open', () => {
    expect([...SIGNED_OUT_CHANNELS].sort()).toEqual(['session.current', 'session.setup', 'session.signIn']);
  });
});
