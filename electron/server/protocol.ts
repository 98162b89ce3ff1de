/** What the office server and the desktop's link to it share (no HTTP framework here: the desktop loads this). */

/** The header in which a sign-in's answer carries the new session's token. */
export const SESSION_HEADER = 'x-tsp-session';

/** Whether a host name or address reaches this machine only (plain HTTP is allowed there, for development). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
