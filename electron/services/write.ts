/**
 * How every write runs: as the acting user, who must exist in the store with the role the
 * context claims, inside one immediate transaction (it takes the write lock at BEGIN, so a
 * second process waits for busy_timeout instead of failing half-way). Anything thrown rolls
 * the whole write back, its audit entry included.
 */
import { anchorHead } from '../../db/audit-anchor.ts';
import { inWrite, type WriteDb } from '../../db/handles.ts';
import { findUser } from '../../db/users-repo.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';

export interface WriteScope {
  /** The store inside this write's transaction: the handle the writing repository functions take (db/handles.ts). */
  db: WriteDb;
  /** The time of this write, read once so every row of it carries the same instant. */
  at: string;
  /** The calendar date of this write in the clock's local time zone (YYYY-MM-DD). */
  today: string;
  userId: string;
}

export function write<T>(ctx: ServiceContext, work: (scope: WriteScope) => T): T {
  const result = ctx.db
    .transaction(() => {
      // The context is built at sign-in; a user since removed or given another role must sign in again.
      const stored = findUser(ctx.db, ctx.user.id);
      if (stored === undefined || stored.role !== ctx.user.role) throw new ServiceError('forbidden', 'error.user_unknown');
      const now = ctx.clock();
      return work({ db: inWrite(ctx.db), at: now.toISOString(), today: formatIsoDate(todayFrom(now)), userId: ctx.user.id });
    })
    .immediate();
  // Committed: the chain's head goes beside the store (db/audit-anchor.ts).
  anchorHead(ctx.db);
  return result;
}
