/**
 * Local users. Passwords and sign-in are not kept here; a user row is what writes are
 * attributed to (the audit log, assessments, the timeline).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendAudit } from '../../db/audit-repo.ts';
import { allUsers, countUsers, findUser, insertUser } from '../../db/users-repo.ts';
import { bootstrapAdminInput, createUserInput, type User } from '../../shared/api-schemas.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { validate } from './validate.ts';
import { write } from './write.ts';

export function createUser(ctx: ServiceContext, input: unknown): User {
  const { name, role } = validate(createUserInput, input);
  if (ctx.user.role !== 'admin') throw new ServiceError('forbidden', 'error.admin_only');
  return write(ctx, (scope) => {
    const user: User = { id: randomUUID(), name, role, createdAt: scope.at };
    insertUser(ctx.db, user);
    appendAudit(ctx.db, { at: scope.at, userId: scope.userId, action: 'user.create', entity: 'user', entityId: user.id, reason: null, before: null, after: user });
    return user;
  });
}

/** The acting user, as the store knows them. */
export function currentUser(ctx: ServiceContext): User {
  const user = findUser(ctx.db, ctx.user.id);
  if (!user) throw new ServiceError('forbidden', 'error.user_unknown');
  return user;
}

export function listUsers(ctx: ServiceContext): User[] {
  return allUsers(ctx.db);
}

/**
 * The first user of a new store: an administrator, who can then create the others.
 * Refused once any user exists, so it cannot be used to add a second administrator.
 */
export function bootstrapAdmin(db: Database.Database, clock: () => Date, input: unknown): User {
  const { name } = validate(bootstrapAdminInput, input);
  return db
    .transaction(() => {
      if (countUsers(db) > 0) throw new ServiceError('conflict', 'error.users_exist');
      const at = clock().toISOString();
      const user: User = { id: randomUUID(), name, role: 'admin', createdAt: at };
      insertUser(db, user);
      appendAudit(db, { at, userId: user.id, action: 'user.bootstrap', entity: 'user', entityId: user.id, reason: null, before: null, after: user });
      return user;
    })
    .immediate();
}
