/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per password, and the
 * parameters stored with the hash (`scrypt$N$r$p$salt$key`, base64), so raising them later
 * leaves older hashes verifiable. N = 2^15, r = 8, p = 1 costs about 32 MiB and 100 ms per
 * attempt (OWASP's scrypt minimum is N = 2^17 with r = 8 at p = 1 for servers; a desktop
 * app signing one officer in can afford 2^15 on the slowest machines it targets).
 * Comparison is constant-time.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, length: number): Buffer {
  // maxmem must exceed 128 * N * r bytes, the memory scrypt uses.
  return scryptSync(password.normalize('NFKC'), salt, length, { N, r, p, maxmem: 256 * N * r });
}

export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_LENGTH);
  const key = derive(password, salt, PARAMS.N, PARAMS.r, PARAMS.p, KEY_LENGTH);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `password` matches `stored`; false for a malformed or unsupported hash. */
export function verifyPassword(password: string, stored: string): boolean {
  const match = FORMAT.exec(stored);
  if (match === null) return false;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Refuse parameters no hash of ours has: a tampered row must not make sign-in hang.
  if (N > 2 ** 20 || r > 32 || p > 16 || N < 2) return false;
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const expected = Buffer.from(match[5] ?? '', 'base64');
  if (expected.length === 0) return false;
  return timingSafeEqual(derive(password, salt, N, r, p, expected.length), expected);
}

let decoy: string | undefined;
/** A hash of a random password, made once: verified against when the name is unknown, so the answer takes as long either way. */
export function decoyHash(): string {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  return decoy;
}
