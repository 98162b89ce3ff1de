/**
 * A tiny static file server on 127.0.0.1 (an ephemeral port) that sends the app's
 * Content-Security-Policy with every answer, as Electron does for the app:// renderer.
 *
 * The page is never cached; the built scripts and styles (`/assets/`, named by a hash of
 * their content) may be kept, so that a second load of a window compiles them from V8's code
 * cache, as the app does from its second start (app:// is registered with `codeCache`).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticServer {
  /** The index page, e.g. http://127.0.0.1:41234/index.html */
  url: string;
  close(): Promise<void>;
}

export async function serveDirectory(root: string, contentSecurityPolicy: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    const cacheable = { ...headers, 'Cache-Control': 'public, max-age=31536000, immutable' };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400, headers).end();
      return;
    }
    const file = path.resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (request.method !== 'GET' || (file !== base && !file.startsWith(base + path.sep))) {
      response.writeHead(404, headers).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, headers).end();
        return;
      }
      response.writeHead(200, { ...(pathname.startsWith('/assets/') ? cacheable : headers), 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
