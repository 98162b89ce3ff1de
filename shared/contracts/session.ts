/**
 * Sign-in and one's own password (electron/services/session.ts). A password's own rules
 * (shared/auth-policy.ts) depend on the user's name, so the services check them; the schemas
 * only bound the text. Of these, only the first three answer a caller nobody signed in
 * (SIGNED_OUT_CHANNELS, shared/api.ts).
 */
import { z } from 'zod';
import { userSchema } from '../api-schemas.ts';
import { ALL, noInput, type AreaContract } from './channel.ts';
import { password, userName } from './inputs.ts';

const signInInput = z.strictObject({ name: userName, password });
/** First run: the administrator (a supervisor) of a store where no supervisor can sign in. */
const setupInput = z.strictObject({ name: userName, password });
const changePasswordInput = z.strictObject({ currentPassword: password, newPassword: password });

const sessionStateSchema = z.object({
  /** The signed-in user, or null. */
  user: userSchema.nullable(),
  /** No supervisor can sign in yet: the first-run screen creates the administrator. */
  firstRun: z.boolean(),
});
export type SessionState = z.output<typeof sessionStateSchema>;

export const sessionContract = {
  'session.current': { input: noInput, output: sessionStateSchema, roles: ALL },
  'session.signIn': { input: signInInput, output: sessionStateSchema, roles: ALL },
  'session.setup': { input: setupInput, output: sessionStateSchema, roles: ALL },
  'session.signOut': { input: noInput, output: sessionStateSchema, roles: ALL },
  'session.changePassword': { input: changePasswordInput, output: z.strictObject({ changedAt: z.string() }), roles: ALL },
} as const satisfies AreaContract;
