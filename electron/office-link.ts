/**
 * The desktop app's link to an office server (issue 22; docs/office-server.md): the main process
 * sends each call of the renderer to `tsp-server` instead of the local router, and answers with
 * the server's response, so the renderer does not change. The session's token stays here, in
 * the main process, as the local session does.
 *
 * The server is named by its address and the SHA-256 fingerprint of its certificate, pinned:
 * each call opens a TLS connection, checks the certificate the server presents against the
 * fingerprint before anything is sent, and only then writes the request. A certificate of an
 * office's own authority, or self-signed, works the same as a public one; any other certificate
 * is refused, whoever signed it. Plain HTTP only to a loopback address (development).
 *
 * When the server cannot be reached, or presents another certificate, the call is answered
 * `unavailable` with its reason, and nothing is written anywhere: the desktop keeps no copy of
 * the office's data and no half-done write. Each call carries an id of its own
 * (IDEMPOTENCY_HEADER): when the connection broke after the call went out whole, it is sent once
 * more under the same id, and the server answers what it answered the first time rather than do
 * it twice. When that fails too, or the answer did not come within the time limit, the server
 * may have done it: the answer says so (`error.office.no_answer`), never that nothing was saved.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { ApiResponse, Channel } from '../shared/api.ts';
import { IDEMPOTENCY_HEADER, isLoopback, SESSION_HEADER } from './server/protocol.ts';

export interface OfficeServer {
  /** `https://host:port` (or `http://` to a loopback address). */
  url: string;
  /** The SHA-256 fingerprint of the server's certificate, as `AB:CD:…` (32 pairs); null only for plain HTTP on loopback. */
  fingerprint: string | null;
}

/** A fingerprint as typed or pasted (any case, with or without colons or spaces), as `AB:CD:…`; null if it is not one. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? (hex.match(/../g) as string[]).join(':') : null;
}

/** What can be wrong with an office server's address and fingerprint as given. */
export type OfficeServerProblem = 'url' | 'https' | 'fingerprint';

const PROBLEM_TEXT: Record<OfficeServerProblem, string> = {
  url: 'the address is not a URL starting with https://',
  https: 'plain HTTP is only for a server on this computer: use https://',
  fingerprint: 'the certificate’s SHA-256 fingerprint is 64 hexadecimal digits',
};

/** What is wrong with a server's address and fingerprint as given, or null. */
export function officeServerProblem(server: OfficeServer): OfficeServerProblem | null {
  let url: URL;
  try {
    url = new URL(server.url);
  } catch {
    return 'url';
  }
  if (url.protocol === 'http:') return isLoopback(url.hostname) ? null : 'https';
  if (url.protocol !== 'https:') return 'url';
  if (server.fingerprint === null || normaliseFingerprint(server.fingerprint) === null) return 'fingerprint';
  return null;
}

class OfficeLinkError extends Error {
  /**
   * unreachable: nothing reached the server; no_answer: the call went out whole, and its answer did
   * not come back (`timedOut`: within the time limit; else the connection broke).
   */
  constructor(readonly reason: 'unreachable' | 'certificate' | 'no_answer', message: string, readonly timedOut = false) {
    super(message);
  }
}

/** Opens a TLS connection and resolves once the server's certificate matches `fingerprint` (else rejects, the socket destroyed). */
function pinnedSocket(url: URL, fingerprint: string, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      // The pin decides, not a certificate authority: checked below before anything is written.
      rejectUnauthorized: false,
      // SNI names a host, never an address.
      ...(net.isIP(host) === 0 ? { servername: host } : {}),
      minVersion: 'TLSv1.2',
    });
    const fail = (error: OfficeLinkError) => {
      socket.destroy();
      reject(error);
    };
    const silent = () => fail(new OfficeLinkError('unreachable', `no answer from ${url.host} within ${timeoutMs / 1000} s`));
    socket.setTimeout(timeoutMs, silent);
    socket.once('error', (error) => fail(new OfficeLinkError('unreachable', error.message)));
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate().fingerprint256;
      if (presented !== fingerprint) {
        fail(new OfficeLinkError('certificate', `${url.host} presents a certificate with fingerprint ${presented ?? 'none'}, not the one pinned`));
        return;
      }
      // The request's own time limit takes over (post).
      socket.off('timeout', silent);
      resolve(socket);
    });
  });
}

interface Posted {
  status: number;
  body: string;
  token: string | undefined;
}

async function post(server: OfficeServer, path: string, body: string, token: string | null, timeoutMs: number, callId: string): Promise<Posted> {
  const url = new URL(path, server.url);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), [IDEMPOTENCY_HEADER]: callId };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const socket = url.protocol === 'https:' ? await pinnedSocket(url, normaliseFingerprint(server.fingerprint ?? '') ?? '', timeoutMs) : null;
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = { method: 'POST', headers, ...(socket === null ? {} : { createConnection: () => socket }) };
    // Once the request has gone out whole, the server may have done it: a failure after that is not "nothing was saved".
    let sent = false;
    const request = (socket === null ? http : https).request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const header = response.headers[SESSION_HEADER];
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), token: typeof header === 'string' ? header : undefined });
      });
      response.on('error', (error) => reject(error instanceof OfficeLinkError ? error : new OfficeLinkError('no_answer', error.message)));
    });
    // Set on the socket itself: the `timeout` option is not, on a socket given by createConnection.
    request.setTimeout(timeoutMs, () => request.destroy(new OfficeLinkError(sent ? 'no_answer' : 'unreachable', `no answer from ${url.host} within ${timeoutMs / 1000} s`, true)));
    request.once('finish', () => (sent = true));
    request.on('error', (error) => reject(error instanceof OfficeLinkError ? error : new OfficeLinkError(sent ? 'no_answer' : 'unreachable', error.message)));
    request.end(body);
  });
}

export interface OfficeLink {
  readonly server: OfficeServer;
  dispatch<C extends Channel>(channel: C | string, payload: unknown): Promise<ApiResponse<C>>;
}

/** A link to one office server; `timeoutMs` bounds each call (default 30 s: an import of many cases takes a while). */
export function officeLink(server: OfficeServer, options: { timeoutMs?: number; log?: (message: string) => void } = {}): OfficeLink {
  const problem = officeServerProblem(server);
  if (problem !== null) throw new Error(`the office server: ${PROBLEM_TEXT[problem]}`);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let token: string | null = null;
  return {
    server,
    async dispatch<C extends Channel>(channel: C | string, payload: unknown): Promise<ApiResponse<C>> {
      let answer: Posted;
      const path = `/api/${encodeURIComponent(channel)}`;
      const body = JSON.stringify(payload ?? null);
      const callId = randomUUID();
      try {
        try {
          answer = await post(server, path, body, token, timeoutMs, callId);
        } catch (error) {
          // The connection broke after the call went out: once more, under the same id (the server does it at most once).
          if (!(error instanceof OfficeLinkError && error.reason === 'no_answer' && !error.timedOut)) throw error;
          options.log?.(`office link: ${channel}: ${error.message}; sent again`);
          answer = await post(server, path, body, token, timeoutMs, callId).catch((again: unknown) => {
            throw again instanceof OfficeLinkError && again.reason === 'unreachable' ? new OfficeLinkError('no_answer', again.message) : again;
          });
        }
      } catch (error) {
        const reason = error instanceof OfficeLinkError ? error.reason : 'unreachable';
        options.log?.(`office link: ${channel}: ${error instanceof Error ? error.message : String(error)}`);
        return { ok: false, error: { code: 'unavailable', messageKey: `error.office.${reason}`, problems: [] } };
      }
      if (answer.token !== undefined) token = answer.token;
      let response: ApiResponse<C>;
      try {
        response = JSON.parse(answer.body) as ApiResponse<C>;
      } catch {
        options.log?.(`office link: ${channel}: HTTP ${answer.status}, not a response of the contract`);
        return { ok: false, error: { code: 'unavailable', messageKey: 'error.office.unreachable', problems: [] } };
      }
      // Signed out there (the session ended, or by this call): the token is no use any more.
      if (channel === 'session.signOut' || (!response.ok && response.error.messageKey === 'error.signed_out')) token = null;
      return response;
    },
  };
}
