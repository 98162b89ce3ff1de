/**
 * The `app://` scheme the renderer is served from instead of `file://` (Electron security
 * checklist, item 18): a request resolves only to a file inside the renderer folder, with a
 * MIME type from a fixed list. Pure (no Electron): electron/main.ts registers the scheme and
 * answers with what `resolveAppRequest` decides.
 */
import nodePath from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tsp-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The only types served; a file of any other kind is refused rather than guessed at. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export type AppResolution =
  | { ok: true; file: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const refuse = (status: 400 | 403 | 404, reason: string): AppResolution => ({ ok: false, status, reason });

/**
 * The file `url` names inside `rootDir`, or why not. Refused: another scheme or host,
 * `.` and `..` segments (plain or percent-encoded), encoded separators, backslashes, NUL,
 * drive letters and other absolute forms, dot-files, and unknown file types. `pathImpl` is
 * node:path; tests pass path.win32 to check Windows' separators.
 */
export function resolveAppRequest(url: string, rootDir: string, pathImpl: typeof nodePath = nodePath): AppResolution {
  if (!URL.canParse(url)) return refuse(400, 'not a URL');
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return refuse(403, 'another origin');
  // The raw text, before the URL parser folds `..` away: a request that needed folding is not one the app makes.
  const rawPath = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath !== '' && !rawPath.startsWith('/')) return refuse(400, 'malformed path');
  const rawSegments = rawPath.split('/').slice(1);
  if (rawSegments.length === 0 || (rawSegments.length === 1 && rawSegments[0] === '')) rawSegments.splice(0, rawSegments.length, 'index.html');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') return refuse(400, 'empty, "." or ".." segment');
    // eslint-disable-next-line no-control-regex -- a control character in a file name is what is refused
    if (/[/\\:\u0000-\u001f\u007f]/.test(segment)) return refuse(400, 'separator, drive or control character in a segment');
    if (segment.startsWith('.')) return refuse(404, 'hidden file');
    segments.push(segment);
  }
  const root = pathImpl.resolve(rootDir);
  const file = pathImpl.resolve(root, ...segments);
  const relative = pathImpl.relative(root, file);
  if (relative === '' || relative.startsWith('..') || pathImpl.isAbsolute(relative)) return refuse(403, 'outside the renderer folder');
  const mimeType = MIME_TYPES[pathImpl.extname(file).toLowerCase()];
  if (mimeType === undefined) return refuse(404, 'not a type the app serves');
  return { ok: true, file, mimeType };
}

/** Whether a frame's URL is the app's own page (any route in its hash): the IPC sender check. */
export function isAppPage(url: string): boolean {
  return url === APP_INDEX_URL || url.startsWith(`${APP_INDEX_URL}#`) || url.startsWith(`${APP_INDEX_URL}?`);
}
