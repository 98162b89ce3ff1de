/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Ids made one after another sort one after another, so rows keyed by them are appended to
 * the end of the primary-key index instead of each landing on a random page of it: a batch
 * re-assessment writing 100,000 assessments then rewrites far fewer index pages.
 */
import { randomUUID } from 'node:crypto';

export function timeOrderedUuid(ms: number = Date.now()): string {
  // A version-4 UUID supplies the random bits and the variant; its first 48 bits become the time.
  const random = randomUUID();
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
