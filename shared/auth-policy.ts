/**
 * The password rule (NIST SP 800-63B §3.1.1.2): length, not composition. At least 12
 * characters, counted as the user sees them (code points, so a Chinese passphrase counts
 * each character once); at most 256, which bounds the work of hashing; and not built on
 * the user's own name. Pure, so the forms check as the officer types and the services
 * check again.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'validation.password.short' | 'validation.password.long' | 'validation.password.name';

/** Words of a name that are long enough to matter ("Ho" in a password is no weakness). */
function nameWords(name: string): string[] {
  const folded = name.normalize('NFKC').toLowerCase();
  const words = folded.split(/[\s,.'’-]+/u).filter((w) => [...w].length >= 3);
  const whole = folded.replace(/[\s,.'’-]+/gu, '');
  return [...new Set([whole, ...words])].filter((w) => w.length > 0);
}

/** The first rule the password breaks, or null when it is acceptable for a user of this name. */
export function passwordProblem(password: string, userName: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'validation.password.short';
  if (length > PASSWORD_MAX_LENGTH) return 'validation.password.long';
  const folded = password.normalize('NFKC').toLowerCase();
  if (nameWords(userName).some((word) => folded.includes(word))) return 'validation.password.name';
  return null;
}
