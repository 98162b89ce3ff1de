/** The parts several areas' requests share: user names, passwords and ids. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../auth-policy.ts';
import { nameKey } from '../domain/names.ts';
import { LOCALES } from '../i18n/index.ts';

/** A user's name is an identifier: compared and stored without invisible characters, so no two users look alike (shared/domain/names.ts). */
export const userName = z
  .string({ error: 'validation.text' })
  .max(200, { error: 'validation.text.tooLong' })
  .transform(nameKey)
  .pipe(z.string().min(1, { error: 'validation.name.required' }));

/** Never trimmed: a space is as good a character as any other in a passphrase. Its own rules (shared/auth-policy.ts) depend on the user's name: the services check them. */
export const password = z.string({ error: 'validation.text' }).min(1, { error: 'validation.password.required' }).max(PASSWORD_MAX_LENGTH * 4, { error: 'validation.text.tooLong' });

export const userId = z.uuid({ error: 'validation.id.user' });

/** The language of a document the app produces (a dossier, a package, an export). */
export const locale = z.enum(LOCALES).default('en');
