/**
 * Short-lived tokens for `tsp` writes on a store with sign-in (issue 24): a supervisor issues
 * one for a user (`tsp token issue --user NAME --hours N`, audited as token.issue); a script
 * then writes as that user with TSP_TOKEN instead of a password. The store keeps the token's
 * sha256 only (cli_tokens, migration 0013); a token works until it expires.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendAudit } from '../../db/audit-repo.ts';
import { findUser, findUsersByName } from '../../db/users-repo.ts';
import type { User } from '../../shared/api-schemas.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { write } from './write.ts';

export const MAX_TOKEN_HOURS = 24;
const TOKEN_PREFIX = 'tsp_';

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface IssuedToken {
  token: string;
  userId: string;
  expiresAt: string;
}

/** A supervisor issues a token for the user named `userName`, valid `hours` (1 to 24). */
export function issueCliToken(ctx: ServiceContext, input: { userName: string; hours: number }): IssuedToken {
  if (ctx.user.role !== 'supervisor') throw new ServiceError('forbidden', 'error.role_forbidden', [{ field: 'user', message: 'only a supervisor issues tokens' }]);
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > MAX_TOKEN_HOURS) {
    throw new ServiceError('invalid_input', 'error.invalid_input', [{ field: 'hours', message: `must be a whole number of hours from 1 to ${MAX_TOKEN_HOURS}` }]);
  }
  const [user, ...others] = findUsersByName(ctx.db, input.userName);
  if (user === undefined || others.length > 0) {
    throw new ServiceError('invalid_input', 'error.invalid_input', [{ field: 'user', message: user === undefined ? `no user is named "${input.userName}"` : `several users are named "${input.userName}"` }]);
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return write(ctx, (scope) => {
    const id = randomUUID();
    const expiresAt = new Date(Date.parse(scope.at) + input.hours * 3_600_000).toISOString();
    ctx.db
      .prepare('INSERT INTO cli_tokens (id, user_id, token_hash, issued_by, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, user.id, tokenHash(token), scope.userId, scope.at, expiresAt);
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'token.issue', entity: 'user', entityId: user.id, reason: null, before: null,
      after: { tokenId: id, expiresAt },
    });
    return { token, userId: user.id, expiresAt };
  });
}

/** The user a token was issued for, if it is one of this store's and has not expired. */
export function userOfToken(ctx: Pick<ServiceContext, 'db' | 'clock'>, token: string): User | undefined {
  const row = ctx.db.prepare('SELECT user_id, expires_at FROM cli_tokens WHERE token_hash = ?').get(tokenHash(token.trim())) as { user_id: string; expires_at: string } | undefined;
  if (row === undefined || row.expires_at <= ctx.clock().toISOString()) return undefined;
  return findUser(ctx.db, row.user_id);
}
