/**
 * The renderer's Content-Security-Policy: its own scripts and styles only, no network, no
 * frames. Sent as a header by the Electron shell and the Chromium test shell, and written into
 * the built index.html (a meta tag cannot carry frame-ancestors, so that one is left out there).
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.join('; ');
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
