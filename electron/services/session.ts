/**
 * Sign-in. The session lives in the main process only: the renderer learns who is signed
 * in (session.current) but never holds a token, a hash or a password after sending it.
 * Five failed sign-ins in a row lock the account for fifteen minutes (recorded in the store,
 * so restarting the app does not lift it; a supervisor can unlock it sooner). On the office
 * server, five in a row from one address stop that address only, and the account locks after
 * more (Session.accountLockAfter; electron/server/sign-in-guard.ts). Every sign-in,
 * failure, lockout, sign-out and password change is audited; no audit entry holds a hash.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { inWrite } from '../../db/handles.ts';
import { appendAudit } from '../../db/audit-repo.ts';
import { findCredentials, recordAttempts, saveCredentials, supervisorCanSignIn, type Credentials } from '../../db/auth-repo.ts';
import { countUsers, findUser, findUsersByName, insertUser } from '../../db/users-repo.ts';
import type { User } from '../../shared/api-schemas.ts';
import { keyedProblem } from '../../shared/domain/case.ts';
import type { sessionContract, SessionState } from '../../shared/contracts/session.ts';
import type { ServiceContext, Session } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers, Input } from './handlers.ts';
import { checkPassword } from './users.ts';
import { decoyHash, hashPassword, verifyPassword } from './users-passwords.ts';
import { write } from './write.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export function openSession(db: Database.Database, clock: () => Date, user: ServiceContext['user'] | null = null, osUser?: string): Session {
  return { db, clock, user, osUser };
}

/** The context services run in, or null when nobody is signed in. */
export function sessionContext(session: Session): ServiceContext | null {
  return session.user === null ? null : { db: session.db, clock: session.clock, user: session.user };
}

function sessionState(session: Session): SessionState {
  const user = session.user === null ? undefined : findUser(session.db, session.user.id);
  return { user: user ?? null, firstRun: !supervisorCanSignIn(session.db) };
}

const asActing = (user: User): ServiceContext['user'] => ({ id: user.id, name: user.name, role: user.role });

/**
 * First run: creates the administrator (a supervisor) with a password and signs them in.
 * Allowed only while no supervisor can sign in. In a new store (no users) anyone opening it
 * is its first administrator. A store from before sign-in already has its people, known then
 * by their computer account: only a supervisor signed in to the computer as themselves may
 * give themselves the password — never someone else, and never a new supervisor beside them.
 */
function setUpAdministrator(session: Session, { name, password }: Input<'session.setup'>): SessionState {
  checkPassword(password, name, 'password');
  const hash = hashPassword(password);
  const user = session.db
    .transaction(() => {
      if (supervisorCanSignIn(session.db)) throw new ServiceError('conflict', 'error.setup_done');
      const at = session.clock().toISOString();
      const existing = findUsersByName(session.db, name).find((u) => u.role === 'supervisor');
      const atKeyboard = session.osUser?.toLocaleLowerCase();
      if (countUsers(session.db) > 0 && (existing === undefined || existing.name.toLocaleLowerCase() !== atKeyboard)) {
        throw new ServiceError('forbidden', 'error.setup_not_owner', [keyedProblem('name', 'validation.setup.notOwner')]);
      }
      const admin: User = existing ?? { id: randomUUID(), name, role: 'supervisor', createdAt: at };
      const w = inWrite(session.db);
      if (existing === undefined) insertUser(w, admin);
      saveCredentials(w, { userId: admin.id, passwordHash: hash, failedAttempts: 0, lockedUntil: null, changedAt: at });
      appendAudit(w, {
        at, userId: admin.id, action: existing === undefined ? 'user.bootstrap' : 'user.password_set', entity: 'user', entityId: admin.id,
        reason: null, before: null, after: existing === undefined ? admin : { passwordSetAt: at },
      });
      return admin;
    })
    .immediate();
  session.user = asActing(user);
  return sessionState(session);
}

const isLocked = (credentials: Credentials, now: Date): boolean => credentials.lockedUntil !== null && credentials.lockedUntil > now.toISOString();

function lockedError(credentials: Credentials, now: Date): ServiceError {
  const minutes = Math.max(1, Math.ceil((Date.parse(credentials.lockedUntil ?? '') - now.getTime()) / 60_000));
  return new ServiceError('forbidden', 'error.signin_locked', [keyedProblem('name', 'validation.signin.locked', { minutes })]);
}

const failed = () => new ServiceError('forbidden', 'error.signin_failed');

/** Signs in by name and password; the same refusal whether the name or the password is wrong. */
export function signIn(session: Session, { name, password }: Input<'session.signIn'>): SessionState {
  const candidates = findUsersByName(session.db, name).flatMap((user) => {
    const credentials = findCredentials(session.db, user.id);
    return credentials === undefined ? [] : [{ user, credentials }];
  });
  if (candidates.length === 0) {
    verifyPassword(password, decoyHash()); // as slow as a wrong password: the answer does not tell which names exist
    throw failed();
  }
  const now = session.clock();
  const locked = candidates.find((c) => isLocked(c.credentials, now));
  if (locked !== undefined) throw lockedError(locked.credentials, now);
  const match = candidates.find((c) => verifyPassword(password, c.credentials.passwordHash));
  if (match === undefined) {
    // Older stores may hold two users of one name; the failure counts against each.
    const lockedNow = candidates.map((c) => recordFailure(session, c.user, c.credentials)).find((c) => c !== undefined);
    if (lockedNow !== undefined) throw lockedError(lockedNow, session.clock()); // now: hashing took a while since `now`
    throw failed();
  }
  const ctx: ServiceContext = { db: session.db, clock: session.clock, user: asActing(match.user) };
  write(ctx, (scope) => {
    if (match.credentials.failedAttempts > 0 || match.credentials.lockedUntil !== null) recordAttempts(scope.db, match.user.id, 0, null);
    appendAudit(scope.db, { at: scope.at, userId: match.user.id, action: 'session.sign_in', entity: 'user', entityId: match.user.id, reason: null, before: null, after: null });
  });
  session.user = ctx.user;
  return sessionState(session);
}

/** Counts a failed sign-in; returns the credentials when this failure locked the account. */
function recordFailure(session: Session, user: User, credentials: Credentials): Credentials | undefined {
  const ctx: ServiceContext = { db: session.db, clock: session.clock, user: asActing(user) };
  return write(ctx, (scope) => {
    // A lockout that has run out starts the count again.
    const previous = credentials.lockedUntil === null ? credentials.failedAttempts : 0;
    const failedAttempts = previous + 1;
    const lockedUntil = failedAttempts >= (session.accountLockAfter ?? MAX_FAILED_SIGN_INS) ? new Date(Date.parse(scope.at) + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    recordAttempts(scope.db, user.id, failedAttempts, lockedUntil);
    appendAudit(scope.db, {
      at: scope.at, userId: user.id, action: lockedUntil === null ? 'session.sign_in_failed' : 'user.locked', entity: 'user', entityId: user.id,
      reason: null, before: null, after: { failedAttempts, lockedUntil },
    });
    return lockedUntil === null ? undefined : { ...credentials, failedAttempts, lockedUntil };
  });
}

function signOut(session: Session): SessionState {
  const ctx = sessionContext(session);
  session.user = null;
  if (ctx !== null && findUser(ctx.db, ctx.user.id) !== undefined) {
    write(ctx, (scope) => {
      appendAudit(scope.db, { at: scope.at, userId: ctx.user.id, action: 'session.sign_out', entity: 'user', entityId: ctx.user.id, reason: null, before: null, after: null });
    });
  }
  return sessionState(session);
}

/** The signed-in user changes their own password, giving the current one. */
function changeOwnPassword(ctx: ServiceContext, { currentPassword, newPassword }: Input<'session.changePassword'>): { changedAt: string } {
  const credentials = findCredentials(ctx.db, ctx.user.id);
  if (credentials === undefined || !verifyPassword(currentPassword, credentials.passwordHash)) {
    throw new ServiceError('invalid_input', 'error.password_wrong', [{ field: 'currentPassword', message: 'is not your current password', messageKey: 'validation.password.wrong' }]);
  }
  checkPassword(newPassword, ctx.user.name, 'newPassword');
  const passwordHash = hashPassword(newPassword);
  return write(ctx, (scope) => {
    saveCredentials(scope.db, { userId: ctx.user.id, passwordHash, failedAttempts: 0, lockedUntil: null, changedAt: scope.at });
    appendAudit(scope.db, { at: scope.at, userId: ctx.user.id, action: 'user.password_change', entity: 'user', entityId: ctx.user.id, reason: null, before: null, after: { changedAt: scope.at } });
    return { changedAt: scope.at };
  });
}

export const sessionHandlers: Handlers<keyof typeof sessionContract> = {
  'session.current': (session) => sessionState(session),
  'session.signIn': signIn,
  'session.setup': setUpAdministrator,
  'session.signOut': (_ctx, _input, session) => signOut(session),
  'session.changePassword': changeOwnPassword,
};
