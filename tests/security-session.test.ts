/**
 * Sign-in, as the issue specifies it: scrypt hashes with a salt per user and their
 * parameters, lockout after 5 failures in a row for 15 minutes (on the injected clock,
 * recorded in the store), the session in the main process only, first run, password resets,
 * unlocks and changes — each audited, none leaking a hash.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCredentials } from '../db/auth-repo.ts';
import { countAuditEntries, listAuditEntries } from '../db/audit-repo.ts';
import { storeDigest, tempStore, type TempStore } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { createRouter, createSessionRouter, type Router } from '../electron/router.ts';
import type { Session } from '../electron/services/context.ts';
import { openSession } from '../electron/services/session.ts';
import { serviceHarness, type ServiceHarness } from '../electron/services/testing.ts';
import { hashPassword, verifyPassword } from '../electron/services/users-passwords.ts';
import type { ApiResponse, Channel } from '../shared/api.ts';
import { passwordProblem } from '../shared/auth-policy.ts';

const PASSWORD = 'correct horse battery staple';

function data<C extends Channel>(response: ApiResponse<C>) {
  if (!response.ok) throw new Error(`${response.error.code} ${response.error.messageKey}: ${JSON.stringify(response.error.problems)}`);
  return response.data;
}
function refusal<C extends Channel>(response: ApiResponse<C>) {
  if (response.ok) throw new Error(`expected a refusal, got ${JSON.stringify(response.data)}`);
  return response.error;
}

describe('the password rule (NIST SP 800-63B: length, no composition rules, not the name)', () => {
  it.each([
    ['eleven char', 'Lam Officer', 'validation.password.short'], // 11 characters
    ['twelve chars', 'Lam Officer', null], // exactly 12
    ['十二個中文字的密碼短句好記易用', 'Lam Officer', null], // 15 characters, counted as characters, not bytes
    ['床前明月光疑是地上霜', 'Lam Officer', 'validation.password.short'], // 10 characters (30 bytes in UTF-8)
    ['lamofficer-rules-ok', 'Lam Officer', 'validation.password.name'], // the whole name without its space
    ['my friend OFFICER knows', 'Lam Officer', 'validation.password.name'], // a word of the name, any case
    ['lam lam lam lam lam', 'Lam Officer', 'validation.password.name'], // "Lam", 3 letters, is a word of the name
    ['ho ho ho merry christmas', 'Grace Ho', null], // "Ho", 2 letters, is too short to count
    ['x'.repeat(257), 'Lam Officer', 'validation.password.long'],
    ['alllowercaseandfine', 'Chan Tai Man', null], // no composition rule
  ])('%j for %s → %s', (password, name, expected) => {
    expect(passwordProblem(password, name)).toBe(expected);
  });

  it('accepts every password of 12 to 256 characters that avoids the name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'qwxz0189 ,.!'), minLength: 12, maxLength: 256 }), (password) => {
        expect(passwordProblem(password, 'Lam Officer')).toBeNull();
      }),
    );
  });
});

describe('password hashes', () => {
  it('are scrypt with their parameters and a salt per password, verified only by the same password', () => {
    const a = hashPassword(PASSWORD);
    const b = hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b); // another salt
    expect(verifyPassword(PASSWORD, a)).toBe(true);
    expect(verifyPassword(PASSWORD, b)).toBe(true);
    expect(verifyPassword(`${PASSWORD} `, a)).toBe(false);
    expect(verifyPassword('', a)).toBe(false);
  });

  it('refuse a malformed or tampered hash instead of trying it', () => {
    const good = hashPassword(PASSWORD);
    expect(verifyPassword(PASSWORD, good.replace('$32768$', '$1073741824$'))).toBe(false); // N = 2^30: would hang sign-in
    expect(verifyPassword(PASSWORD, 'plain:correct horse battery staple')).toBe(false);
    expect(verifyPassword(PASSWORD, good.slice(0, good.lastIndexOf('$') + 1))).toBe(false); // no key
  });
});

let h: ServiceHarness;
let session: Session;
let router: Router;
beforeEach(() => {
  h = serviceHarness('2025-03-01T10:00:00.000Z');
  session = openSession(h.store.db, h.admin.clock);
  router = createSessionRouter(session, () => {});
});
afterEach(() => h.dispose());

/** A supervisor's router gives Lam Officer the password. */
function givePassword(userId = h.officer.user.id): void {
  data(createRouter(h.admin, () => {}).dispatch('users.setPassword', { userId, password: PASSWORD }));
}

describe('first run', () => {
  let store: TempStore;
  beforeEach(() => {
    store = tempStore();
  });
  afterEach(() => store.dispose());

  it('creates the administrator, a supervisor with a password, signed in; only once', () => {
    const fresh = createSessionRouter(openSession(store.db, () => new Date('2025-03-01T09:00:00.000Z')), () => {});
    expect(data(fresh.dispatch('session.current', undefined))).toEqual({ user: null, firstRun: true });
    const before = storeDigest(store.db);
    expect(refusal(fresh.dispatch('session.setup', { name: 'Grace Ho', password: 'short' })).problems).toMatchObject([{ field: 'password', messageKey: 'validation.password.short' }]);
    expect(refusal(fresh.dispatch('session.setup', { name: 'Grace Ho', password: 'grace ho is the admin' })).problems).toMatchObject([{ field: 'password', messageKey: 'validation.password.name' }]);
    expect(storeDigest(store.db)).toBe(before);

    const state = data(fresh.dispatch('session.setup', { name: 'Grace Ho', password: PASSWORD }));
    expect(state).toEqual({ user: { id: expect.any(String), name: 'Grace Ho', role: 'supervisor', createdAt: '2025-03-01T09:00:00.000Z' }, firstRun: false });
    expect(listAuditEntries(store.db, { limit: 5 })).toMatchObject([{ action: 'user.bootstrap', userId: state.user?.id }]);
    expect(refusal(fresh.dispatch('session.setup', { name: 'Mallory', password: PASSWORD }))).toMatchObject({ code: 'conflict', messageKey: 'error.setup_done' });
  });

  it('gives a store from before sign-in, whose supervisor has no password, that supervisor a password rather than a twin', () => {
    // serviceHarness made "Ada Admin" the way older versions did: no password. She is at the keyboard, under her own account.
    const atHerDesk = createSessionRouter(openSession(h.store.db, h.admin.clock, null, 'ada admin'), () => {});
    expect(data(atHerDesk.dispatch('session.current', undefined))).toEqual({ user: null, firstRun: true });
    const state = data(atHerDesk.dispatch('session.setup', { name: 'Ada Admin', password: PASSWORD }));
    expect(state.user?.id).toBe(h.admin.user.id);
    expect(data(createRouter(h.admin, () => {}).dispatch('users.list', undefined)).filter((u) => u.role === 'supervisor')).toHaveLength(1);
  });

  it('lets nobody else set up a store from before sign-in: not another account, not a new supervisor, not an officer', () => {
    const before = storeDigest(h.store.db);
    const at = (osUser: string | undefined) => createSessionRouter(openSession(h.store.db, h.admin.clock, null, osUser), () => {});
    for (const [osUser, name] of [
      ['mallory', 'Ada Admin'], // her name, someone else's account
      ['mallory', 'Mallory'], // a new supervisor beside her
      ['Lam Officer', 'Lam Officer'], // an officer, at his own account
      [undefined, 'Ada Admin'], // the account not known
    ] as const) {
      expect(refusal(at(osUser).dispatch('session.setup', { name, password: PASSWORD }))).toMatchObject({
        code: 'forbidden', messageKey: 'error.setup_not_owner', problems: [{ field: 'name', messageKey: 'validation.setup.notOwner' }],
      });
    }
    expect(storeDigest(h.store.db)).toBe(before);
  });
});

describe('sign-in', () => {
  it('signs in by name (any case) and password; the answer holds no hash or token', () => {
    givePassword();
    const state = data(router.dispatch('session.signIn', { name: 'LAM OFFICER', password: PASSWORD }));
    expect(state).toEqual({ user: { id: h.officer.user.id, name: 'Lam Officer', role: 'officer', createdAt: expect.any(String) }, firstRun: true });
    expect(JSON.stringify(state)).not.toMatch(/scrypt|hash|token/i);
    expect(data(router.dispatch('cases.list', {})).total).toBe(0); // now acting as the officer
    expect(listAuditEntries(h.store.db, { limit: 1 })).toMatchObject([{ action: 'session.sign_in', userId: h.officer.user.id }]);
  });

  it('answers a wrong password and an unknown name alike, and writes nothing for an unknown name', () => {
    givePassword();
    const wrong = refusal(router.dispatch('session.signIn', { name: 'Lam Officer', password: 'not the password at all' }));
    const before = storeDigest(h.store.db);
    const unknown = refusal(router.dispatch('session.signIn', { name: 'Nobody Here', password: PASSWORD }));
    expect(unknown).toEqual(wrong);
    expect(unknown).toEqual({ code: 'forbidden', messageKey: 'error.signin_failed', problems: [] });
    expect(storeDigest(h.store.db)).toBe(before);
    // A user without a password cannot sign in at all.
    expect(refusal(router.dispatch('session.signIn', { name: 'Ada Admin', password: PASSWORD })).messageKey).toBe('error.signin_failed');
  });

  it('locks the account for 15 minutes after 5 failures in a row, in the store, audited', () => {
    givePassword();
    // Failures at 10:00, 10:01, 10:02, 10:03, 10:04; the fifth locks until 10:04 + 15 min = 10:19.
    for (let minute = 0; minute < 5; minute++) {
      h.setNow(`2025-03-01T10:0${minute}:00.000Z`);
      const error = refusal(router.dispatch('session.signIn', { name: 'Lam Officer', password: `wrong guess number ${minute}` }));
      expect(error.messageKey).toBe(minute < 4 ? 'error.signin_failed' : 'error.signin_locked');
    }
    expect(findCredentials(h.store.db, h.officer.user.id)).toMatchObject({ failedAttempts: 5, lockedUntil: '2025-03-01T10:19:00.000Z' });
    expect(listAuditEntries(h.store.db, { entity: 'user', entityId: h.officer.user.id, limit: 10 }).map((e) => e.action)).toEqual([
      'user.locked', 'session.sign_in_failed', 'session.sign_in_failed', 'session.sign_in_failed', 'session.sign_in_failed', 'user.password_set', 'user.create',
    ]);

    // 10:10: the right password is refused too; 19:00 − 10:00 = 9 minutes to go.
    h.setNow('2025-03-01T10:10:00.000Z');
    expect(refusal(router.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD })).problems).toMatchObject([{ params: { minutes: 9 } }]);
    // A restart does not lift it: the lock is in the store.
    const reopened = createSessionRouter(openSession(h.store.reopen(), h.admin.clock), () => {});
    expect(refusal(reopened.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD })).messageKey).toBe('error.signin_locked');

    // 10:19:00 is the end of the lock; from then on the password works and the count starts again.
    h.setNow('2025-03-01T10:19:00.000Z');
    expect(data(reopened.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD })).user?.name).toBe('Lam Officer');
    expect(findCredentials(h.store.db, h.officer.user.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it('counts failures in a row only: a success in between starts again', () => {
    givePassword();
    for (let i = 0; i < 4; i++) refusal(router.dispatch('session.signIn', { name: 'Lam Officer', password: `wrong guess ${i}` }));
    data(router.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD }));
    refusal(router.dispatch('session.signIn', { name: 'Lam Officer', password: 'wrong again, once' }));
    expect(findCredentials(h.store.db, h.officer.user.id)).toMatchObject({ failedAttempts: 1, lockedUntil: null });
  });

  it('lets a supervisor unlock an account before the 15 minutes are up, audited', () => {
    givePassword();
    for (let i = 0; i < 5; i++) refusal(router.dispatch('session.signIn', { name: 'Lam Officer', password: `wrong guess ${i}` }));
    const supervisor = createRouter(h.admin, () => {});
    expect(data(supervisor.dispatch('users.list', undefined)).find((u) => u.id === h.officer.user.id)).toMatchObject({ hasPassword: true, lockedUntil: '2025-03-01T10:15:00.000Z' });
    expect(refusal(createRouter(h.officer, () => {}).dispatch('users.unlock', { userId: h.officer.user.id })).code).toBe('forbidden');
    data(supervisor.dispatch('users.unlock', { userId: h.officer.user.id }));
    expect(listAuditEntries(h.store.db, { limit: 1 })).toMatchObject([{ action: 'user.unlock', userId: h.admin.user.id, entityId: h.officer.user.id }]);
    expect(data(router.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD })).user?.id).toBe(h.officer.user.id);
  });

  it('signs out: the session is empty and every other channel refuses', () => {
    givePassword();
    data(router.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD }));
    expect(data(router.dispatch('session.signOut', undefined)).user).toBeNull();
    expect(refusal(router.dispatch('cases.list', {}))).toEqual({ code: 'forbidden', messageKey: 'error.signed_out', problems: [] });
  });
});

describe('passwords', () => {
  it('are changed by their owner, who gives the current one; the old one then fails', () => {
    givePassword();
    data(router.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD }));
    const before = storeDigest(h.store.db);
    expect(refusal(router.dispatch('session.changePassword', { currentPassword: 'not my password', newPassword: 'a brand new phrase' }))).toMatchObject({
      code: 'invalid_input', messageKey: 'error.password_wrong', problems: [{ field: 'currentPassword' }],
    });
    expect(refusal(router.dispatch('session.changePassword', { currentPassword: PASSWORD, newPassword: 'officer lam again' })).problems).toMatchObject([{ field: 'newPassword', messageKey: 'validation.password.name' }]);
    expect(storeDigest(h.store.db)).toBe(before);
    data(router.dispatch('session.changePassword', { currentPassword: PASSWORD, newPassword: 'a brand new phrase' }));
    data(router.dispatch('session.signOut', undefined));
    expect(refusal(router.dispatch('session.signIn', { name: 'Lam Officer', password: PASSWORD })).messageKey).toBe('error.signin_failed');
    expect(data(router.dispatch('session.signIn', { name: 'Lam Officer', password: 'a brand new phrase' })).user?.name).toBe('Lam Officer');
  });

  it('are set by supervisors with a new user or as a reset; no audit entry holds a hash', () => {
    const supervisor = createRouter(h.admin, () => {});
    const user = data(supervisor.dispatch('users.create', { name: 'Chan Legal', role: 'legal', password: PASSWORD }));
    expect(refusal(supervisor.dispatch('users.create', { name: 'chan legal', role: 'viewer' }))).toMatchObject({ code: 'conflict', messageKey: 'error.user_name_taken' });
    expect(refusal(supervisor.dispatch('users.create', { name: 'Vera Viewer', role: 'viewer', password: 'too short' })).problems).toMatchObject([{ field: 'password' }]);
    data(supervisor.dispatch('users.setPassword', { userId: user.id, password: 'reset by the supervisor' }));
    expect(data(router.dispatch('session.signIn', { name: 'Chan Legal', password: 'reset by the supervisor' })).user?.role).toBe('legal');
    const audit = JSON.stringify(listAuditEntries(h.store.db, { limit: 1000 }));
    expect(audit).not.toContain('scrypt$');
    expect(audit).not.toContain(PASSWORD);
    expect(countAuditEntries(h.store.db)).toBeGreaterThan(0);
  });
});

describe('the desktop app', () => {
  it('starts signed out: nothing is readable before sign-in', () => {
    const store = tempStore();
    store.db.close();
    const desk = openApp({ file: store.file, osUser: 'officer', signIn: 'password' });
    try {
      expect(data(desk.router.dispatch('session.current', undefined))).toEqual({ user: null, firstRun: true });
      expect(refusal(desk.router.dispatch('cases.list', {})).messageKey).toBe('error.signed_out');
      expect(() => desk.context).toThrow(/nobody is signed in/);
    } finally {
      desk.close();
      store.dispose();
    }
  });
});
