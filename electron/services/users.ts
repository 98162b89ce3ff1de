/**
 * Local users and their passwords. A user row is what writes are attributed to (the audit
 * log, assessments, the timeline); a user can sign in once they have a password
 * (electron/services/session.ts). Supervisors create users, set passwords and lift lockouts.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { inWrite } from '../../db/handles.ts';
import { appendAudit } from '../../db/audit-repo.ts';
import { allCredentials, findCredentials, recordAttempts, saveCredentials } from '../../db/auth-repo.ts';
import { allUsers, countUsers, findUser, findUsersByName, insertUser } from '../../db/users-repo.ts';
import type { User } from '../../shared/api-schemas.ts';
import { passwordProblem } from '../../shared/auth-policy.ts';
import { bootstrapAdminInput, type UserAccount, type usersContract } from '../../shared/contracts/users.ts';
import { keyedProblem } from '../../shared/domain/case.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers, Input } from './handlers.ts';
import { hashPassword } from './users-passwords.ts';
import { validate } from './validate.ts';
import { write } from './write.ts';

function requireSupervisor(ctx: ServiceContext): void {
  if (ctx.user.role !== 'supervisor') throw new ServiceError('forbidden', 'error.supervisor_only');
}

/** Refuses a password that breaks the rule of shared/auth-policy.ts, naming the field. */
export function checkPassword(password: string, userName: string, field: string): void {
  const problem = passwordProblem(password, userName);
  if (problem !== null) throw new ServiceError('invalid_input', 'error.invalid_input', [keyedProblem(field, problem)]);
}

export function createUser(ctx: ServiceContext, { name, role, password }: Input<'users.create'>): User {
  requireSupervisor(ctx);
  if (password !== undefined) checkPassword(password, name, 'password');
  const passwordHash = password === undefined ? undefined : hashPassword(password);
  return write(ctx, (scope) => {
    if (findUsersByName(ctx.db, name).length > 0) throw new ServiceError('conflict', 'error.user_name_taken', [keyedProblem('name', 'validation.user.nameTaken')]);
    const user: User = { id: randomUUID(), name, role, createdAt: scope.at };
    insertUser(scope.db, user);
    if (passwordHash !== undefined) saveCredentials(scope.db, { userId: user.id, passwordHash, failedAttempts: 0, lockedUntil: null, changedAt: scope.at });
    appendAudit(scope.db, { at: scope.at, userId: scope.userId, action: 'user.create', entity: 'user', entityId: user.id, reason: null, before: null, after: { ...user, hasPassword: passwordHash !== undefined } });
    return user;
  });
}

/** A supervisor sets a user's password (first password or reset); it clears any lockout. */
function setUserPassword(ctx: ServiceContext, { userId, password }: Input<'users.setPassword'>): UserAccount {
  requireSupervisor(ctx);
  const user = findUser(ctx.db, userId);
  if (user === undefined) throw new ServiceError('not_found', 'error.user_not_found');
  checkPassword(password, user.name, 'password');
  const passwordHash = hashPassword(password);
  return write(ctx, (scope) => {
    saveCredentials(scope.db, { userId, passwordHash, failedAttempts: 0, lockedUntil: null, changedAt: scope.at });
    appendAudit(scope.db, { at: scope.at, userId: scope.userId, action: 'user.password_set', entity: 'user', entityId: userId, reason: null, before: null, after: { passwordSetAt: scope.at } });
    return { ...user, hasPassword: true, lockedUntil: null };
  });
}

/** A supervisor lifts a lockout before it runs out. */
function unlockUser(ctx: ServiceContext, { userId }: Input<'users.unlock'>): UserAccount {
  requireSupervisor(ctx);
  const user = findUser(ctx.db, userId);
  const credentials = findCredentials(ctx.db, userId);
  if (user === undefined) throw new ServiceError('not_found', 'error.user_not_found');
  if (credentials === undefined) throw new ServiceError('conflict', 'error.user_no_password');
  return write(ctx, (scope) => {
    recordAttempts(scope.db, userId, 0, null);
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'user.unlock', entity: 'user', entityId: userId, reason: null,
      before: { failedAttempts: credentials.failedAttempts, lockedUntil: credentials.lockedUntil }, after: { failedAttempts: 0, lockedUntil: null },
    });
    return { ...user, hasPassword: true, lockedUntil: null };
  });
}

/** The acting user, as the store knows them. */
export function currentUser(ctx: ServiceContext): User {
  const user = findUser(ctx.db, ctx.user.id);
  if (!user) throw new ServiceError('forbidden', 'error.user_unknown');
  return user;
}

/** Every user, with whether they can sign in and any lockout still running. */
export function listUsers(ctx: ServiceContext): UserAccount[] {
  const credentials = allCredentials(ctx.db);
  const now = ctx.clock().toISOString();
  return allUsers(ctx.db).map((user) => {
    const c = credentials.get(user.id);
    return { ...user, hasPassword: c !== undefined, lockedUntil: c?.lockedUntil != null && c.lockedUntil > now ? c.lockedUntil : null };
  });
}

/**
 * The first user of a new store, for the command line and tests, where the OS account is
 * the acting user (electron/app.ts): a supervisor, who can then create the others. Refused
 * once any user exists, so it cannot be used to add a second administrator.
 */
export function bootstrapAdmin(db: Database.Database, clock: () => Date, input: unknown): User {
  const { name } = validate(bootstrapAdminInput, input);
  return db
    .transaction(() => {
      if (countUsers(db) > 0) throw new ServiceError('conflict', 'error.users_exist');
      const at = clock().toISOString();
      const user: User = { id: randomUUID(), name, role: 'supervisor', createdAt: at };
      const w = inWrite(db);
      insertUser(w, user);
      appendAudit(w, { at, userId: user.id, action: 'user.bootstrap', entity: 'user', entityId: user.id, reason: null, before: null, after: user });
      return user;
    })
    .immediate();
}

export const usersHandlers: Handlers<keyof typeof usersContract> = {
  'users.list': (ctx) => listUsers(ctx),
  'users.create': createUser,
  'users.setPassword': setUserPassword,
  'users.unlock': unlockUser,
};
