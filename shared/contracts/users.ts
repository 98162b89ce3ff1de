/** Users (supervisors): the people writes are attributed to, with their role and whether they can sign in (electron/services/users.ts). */
import { z } from 'zod';
import { userSchema } from '../api-schemas.ts';
import { ROLES } from '../vocabularies.ts';
import { noInput, SUPERVISOR, type AreaContract } from './channel.ts';
import { password, userId, userName } from './inputs.ts';

/** A user as the Settings page lists them: whether they can sign in and until when they are locked out. */
const userAccountSchema = userSchema.extend({
  hasPassword: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type UserAccount = z.output<typeof userAccountSchema>;

const createUserInput = z.strictObject({
  name: userName,
  role: z.enum(ROLES),
  /** The initial password (shared/auth-policy.ts); without one the user cannot sign in until a supervisor sets it. */
  password: password.optional(),
});
/** The first user of a new store (the CLI, tests): electron/services/users.ts `bootstrapAdmin`. */
export const bootstrapAdminInput = z.strictObject({ name: userName });
/** A supervisor sets another user's password (a reset; it also lifts a lockout). */
const setPasswordInput = z.strictObject({ userId, password });
const unlockUserInput = z.strictObject({ userId });

export const usersContract = {
  'users.list': { input: noInput, output: z.array(userAccountSchema), roles: SUPERVISOR },
  'users.create': { input: createUserInput, output: userSchema, roles: SUPERVISOR },
  'users.setPassword': { input: setPasswordInput, output: userAccountSchema, roles: SUPERVISOR },
  'users.unlock': { input: unlockUserInput, output: userAccountSchema, roles: SUPERVISOR },
} as const satisfies AreaContract;
