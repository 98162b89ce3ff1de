/**
 * Inputs and outputs of sign-in and password management (electron/services/session.ts,
 * electron/services/users.ts). A password's own rules (shared/auth-policy.ts) depend on the
 * user's name, so the services check them; the schemas only bound the text.
 */
import { z } from 'zod';
import type { AboutInfo } from './about-schemas.ts';
import { nameKey } from './domain/names.ts';
import { userSchema } from './api-schemas.ts';
import { PASSWORD_MAX_LENGTH } from './auth-policy.ts';

/** Written as user names are stored (shared/api-schemas.ts): without invisible characters. */
const userName = z
  .string({ error: 'must be text' })
  .max(200, { error: 'must be at most 200 characters' })
  .transform(nameKey)
  .pipe(z.string().min(1, { error: 'a name is required' }));
/** Never trimmed: a space is as good a character as any other in a passphrase. */
const password = z.string({ error: 'must be text' }).min(1, { error: 'a password is required' }).max(PASSWORD_MAX_LENGTH * 4, { error: 'is too long' });
const userId = z.uuid({ error: 'must be a user id' });

export const signInInput = z.strictObject({ name: userName, password });
/** First run: the administrator (a supervisor) of a store where no supervisor can sign in. */
export const setupInput = z.strictObject({ name: userName, password });
export const changePasswordInput = z.strictObject({ currentPassword: password, newPassword: password });
/** A supervisor sets another user's password (a reset; it also lifts a lockout). */
export const setPasswordInput = z.strictObject({ userId, password });
export const unlockUserInput = z.strictObject({ userId });

export const sessionStateSchema = z.object({
  /** The signed-in user, or null. */
  user: userSchema.nullable(),
  /** No supervisor can sign in yet: the first-run screen creates the administrator. */
  firstRun: z.boolean(),
});
export type SessionState = z.output<typeof sessionStateSchema>;

/** A user as the Settings page lists them: whether they can sign in and until when they are locked out. */
export const userAccountSchema = userSchema.extend({
  hasPassword: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type UserAccount = z.output<typeof userAccountSchema>;

// ---------------------------------------------------------------- audit history of a case

export const caseAuditInput = z.strictObject({
  caseId: z.uuid({ error: 'must be a case id' }),
  /** Entries older than this sequence number (paging backwards). */
  beforeSeq: z.int().min(1).optional(),
  limit: z.int().min(1).max(500).default(100),
});

/** What the case page shows of an entry: the change without its stored states, and who made it. */
export interface CaseAuditEntry {
  seq: number;
  at: string;
  action: string;
  userId: string;
  /** The user's name, or null for an id the store does not know. */
  userName: string | null;
  reason: string | null;
  hash: string;
}

/** Where the store lives, and what Settings › About TSP Desk shows. */
export interface AppInfo extends AboutInfo {
  dataFile: string;
}
