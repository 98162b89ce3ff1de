/** Jurisdiction profiles: the stored versions beside the built-in ones (electron/services/profiles.ts). */
import { z } from 'zod';
import { reason } from '../api-schemas.ts';
import { profileVersionSchema } from '../treaties/api-schemas.ts';
import { ALL, LEGAL, noInput, type AreaContract } from './channel.ts';

/** The profile is checked by the service against shared/treaties/profile-schema.ts, its problems under `profile.`. */
const saveProfileInput = z.strictObject({ profile: z.unknown(), reason });

export const profilesContract = {
  'profiles.list': { input: noInput, output: z.array(profileVersionSchema), roles: ALL },
  'profiles.save': { input: saveProfileInput, output: profileVersionSchema, roles: LEGAL },
} as const satisfies AreaContract;
