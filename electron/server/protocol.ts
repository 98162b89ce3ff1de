/** What the office server and the desktop's link to it share (no HTTP framework here: the desktop loads this). */

/** The header in which a sign-in's answer carries the new session's token. */
export const SESSION_HEADER = 'x-tsp-session';

/**
 * The header naming one call of a signed-in desktop (a random id per call): when the connection
 * broke after the call went out, the desktop sends it again under the same id, and the server
 * answers what it answered the first time instead of doing it twice.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Whether a host name or address reaches this machine only (plain HTTP is allowed there, for development). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
