/**
 * `tsp-server` (issue 22): the contracts of shared/api.ts over HTTP(S), for the officers of one
 * office. Every call goes through the router the desktop app uses (electron/router.ts): the same
 * roles, payload guard, schemas and services, one session per signed-in officer held here, on
 * the server, never by the client. The office's store is the one it is given (today a desk
 * store file; PostgreSQL when the services are asynchronous, docs/architecture.md).
 *
 *   POST /api/<channel>   body: the channel's payload as JSON (`null` for none);
 *                         header `Authorization: Bearer <token>` once signed in.
 *                         Answer: the channel's ApiResponse, as the router gives it.
 *                         `session.signIn` and `session.setup` that sign someone in answer the
 *                         new token in the header `X-TSP-Session`; `session.signOut` ends it.
 *   GET  /health          `{ ok, schemaVersion, server }`: nothing about cases or people.
 *
 * Sessions are short-lived: they end after `idleMinutes` without a call and at most `maxHours`
 * after sign-in; a token is 256 random bits, kept only as its sha256. Sign-ins are limited per
 * client address, per account and address, and for the whole server (sign-in-guard.ts), before
 * the store's own lockout of an account, which comes later here than on a desk. A caller
 * without a live session is answered before its body is read, and may only sign in, with a body
 * of at most SIGNED_OUT_BODY_LIMIT announced by its length; a signed-in officer's body is limited
 * to what the largest contract admits (a package of attachments). TLS is required
 * unless the server listens on loopback only (development). The log is one JSON line per call:
 * the channel, the outcome, the time taken and the user's id — never a payload, a name, a
 * token or an address.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { findCredentials } from '../../db/auth-repo.ts';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { schemaVersion } from '../../db/migrate.ts';
import { API, SIGNED_OUT_CHANNELS, type ApiResponse, type Channel } from '../../shared/api.ts';
import { keyedProblem } from '../../shared/domain/case.ts';
import { ATTACHMENT_BASE64_MAX_LENGTH } from '../../shared/workflow-schemas.ts';
import { createSessionRouter, type Router } from '../router.ts';
import type { Session } from '../services/context.ts';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, openSession } from '../services/session.ts';
import { IDEMPOTENCY_HEADER, isLoopback, SESSION_HEADER } from './protocol.ts';
import { createSignInGuard, unmapped } from './sign-in-guard.ts';

export interface OfficeServerOptions {
  db: Database.Database;
  /** Where it will listen: TLS is required unless this is a loopback address. */
  host: string;
  tls?: { key: string | Buffer; cert: string | Buffer } | undefined;
  clock?: (() => Date) | undefined;
  /** A session ends after this many minutes without a call (default 30). */
  idleMinutes?: number | undefined;
  /** …and at most this many hours after its sign-in (default 12). */
  maxHours?: number | undefined;
  /** Sign-in attempts a client address may make in a minute (default 10). */
  signInsPerMinute?: number | undefined;
  /**
   * Sign-ins started a second over the whole server (default 4: each hashes a password for about
   * 100 ms of the server's one thread); up to five seconds' worth wait their turn, more are refused.
   */
  signInsPerSecond?: number | undefined;
  /** Sign-ins that may wait for their turn (default five seconds' worth); more are refused (HTTP 503). */
  waitingSignIns?: number | undefined;
  /**
   * Failed sign-ins in a row, from any addresses, that lock an account in the store (default 20).
   * From one address, 5 in a row stop that address's sign-ins to the account for 15 minutes.
   */
  accountLockAfter?: number | undefined;
  /** The largest request body in bytes (default: a package import at its limit, with room for its JSON). */
  bodyLimit?: number | undefined;
  /**
   * A request whose headers and body have not all come within this many milliseconds is answered
   * 408 and its connection closed (default 5 minutes: a package at the body limit over a 2 Mbit/s
   * link), so that stalled clients do not hold connections for ever.
   */
  requestTimeoutMs?: number | undefined;
  /** Where the structured log lines go (default: stdout, one JSON object a line). */
  log?: ((line: LogLine) => void) | undefined;
}

/** One line of the server's log: what happened, never to whom or with what data. */
export interface LogLine {
  at: string;
  event: 'call' | 'rate_limited' | 'error';
  channel?: string;
  outcome?: string;
  status?: number;
  ms?: number;
  userId?: string | null;
  message?: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const SIGN_IN_CHANNELS: readonly string[] = ['session.signIn', 'session.setup'];
/** The channels that set a password: after one succeeds, the session that made it takes the new hash as its own. */
const PASSWORD_CHANNELS: readonly Channel[] = ['session.changePassword', 'users.setPassword'];
const DEFAULT_BODY_LIMIT = ATTACHMENT_BASE64_MAX_LENGTH * 2 + 64 * 1024;
/** The largest body of a caller without a session: a name and a password fit many times over. */
const SIGNED_OUT_BODY_LIMIT = 16 * 1024;

interface Held {
  session: Session;
  router: Router;
  signedInAt: number;
  lastCall: number;
  /** The user's password hash as this session last saw it (each has its own salt): a change by anyone else ends the session. */
  passwordHash: string | null;
  /** The answers to its last calls that named themselves (IDEMPOTENCY_HEADER), as sent, by call id: a call sent again gets the same answer. */
  replies: Map<string, { text: string; at: number }>;
}

/** How many answers a session keeps for calls sent again, for how long, and the largest kept (a write answers a record; a larger answer is not sent again, see TOO_LARGE_TO_KEEP). */
const REPLIES_KEPT = 32;
const REPLY_KEPT_MS = 10 * 60_000;
const REPLY_MAX_LENGTH = 64 * 1024;
/** The sessions one user may hold at once (a desktop or two, a browser); a sign-in beyond ends their oldest. */
const SESSIONS_PER_USER = 8;

/** The id a call gives itself, if it is one (a UUID, or any short token). */
function callIdOf(request: FastifyRequest): string | null {
  const id = request.headers[IDEMPOTENCY_HEADER];
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(id) ? id : null;
}

/** What a call sent again is answered when its first answer was too large to keep: it was done, look (never done twice). */
const TOO_LARGE_TO_KEEP = JSON.stringify({ ok: false, error: { code: 'unavailable', messageKey: 'error.office.no_answer', problems: [] } });

/** Keeps the answer to a call that named itself, forgetting those past their time or over the count. */
function remember(held: Held, callId: string, answer: string, now: number): void {
  const text = answer.length > REPLY_MAX_LENGTH ? TOO_LARGE_TO_KEEP : answer;
  for (const [id, kept] of held.replies) if (now - kept.at > REPLY_KEPT_MS || held.replies.size >= REPLIES_KEPT) held.replies.delete(id);
  held.replies.set(callId, { text, at: now });
}

const passwordHashOf = (db: Database.Database, userId: string) => findCredentials(db, userId)?.passwordHash ?? null;

const tokenKey = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function createOfficeServer(options: OfficeServerOptions): FastifyInstance {
  if (options.tls === undefined && !isLoopback(options.host)) {
    throw new Error(`the office server listens on ${options.host}: give it a TLS certificate and key (plain HTTP only on loopback, for development)`);
  }
  const clock = options.clock ?? (() => new Date());
  const idleMs = (options.idleMinutes ?? 30) * 60_000;
  const maxMs = (options.maxHours ?? 12) * 3_600_000;
  const log = options.log ?? ((line: LogLine) => process.stdout.write(`${JSON.stringify(line)}\n`));
  const sessions = new Map<string, Held>();
  const signInsPerSecond = options.signInsPerSecond ?? 4;
  const guard = createSignInGuard({
    clock, perMinute: options.signInsPerMinute ?? 10, sourceLockAfter: MAX_FAILED_SIGN_INS, sourceLockMinutes: LOCKOUT_MINUTES,
    perSecond: signInsPerSecond, maxWaiting: options.waitingSignIns ?? Math.max(1, Math.round(signInsPerSecond * 5)),
  });
  const accountLockAfter = options.accountLockAfter ?? 20;
  /** A session of nobody yet, whose failed sign-ins lock the account only after `accountLockAfter`. */
  const newSession = (): Session => ({ ...openSession(options.db, clock), accountLockAfter });

  const requestTimeout = options.requestTimeoutMs ?? 5 * 60_000;
  // Node looks for requests past their time every 30 s, or more often for a shorter limit.
  const connectionsCheckingInterval = Math.min(30_000, Math.max(50, Math.floor(requestTimeout / 4)));
  const server = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Fastify's default is none: a client sending a byte now and then would keep its connection
    // open for ever. Node heeds the limit only when it is given as the server is made.
    requestTimeout,
    ...(options.tls === undefined
      ? { http: { requestTimeout, connectionsCheckingInterval } }
      : { https: { key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' as const, requestTimeout, connectionsCheckingInterval } }),
  });

  /** Signed out, idle too long, or signed in too long ago. */
  const ended = (held: Held, now: number) => now - held.lastCall > idleMs || now - held.signedInAt > maxMs || held.session.user === null;

  /**
   * The session of a live token; an expired one is forgotten, and so is one whose user's password
   * was set since (a supervisor's reset of a stolen account, or the user's own change elsewhere).
   */
  function heldOf(request: FastifyRequest): { key: string; held: Held } | null {
    const header = request.headers.authorization;
    if (header === undefined || !header.startsWith('Bearer ')) return null;
    const key = tokenKey(header.slice('Bearer '.length));
    const held = sessions.get(key);
    if (held === undefined) return null;
    const now = clock().getTime();
    if (ended(held, now) || passwordHashOf(options.db, held.session.user!.id) !== held.passwordHash) {
      sessions.delete(key);
      return null;
    }
    held.lastCall = now;
    return { key, held };
  }

  server.get('/health', async () => ({ ok: true, schemaVersion: schemaVersion(options.db), server: 'tsp-server' }));

  /**
   * Forgets sessions that have ended, and the oldest of `userId`'s beyond SESSIONS_PER_USER (run at
   * each sign-in: a handful of officers, a short walk), so that one account signing in again and
   * again cannot make the server hold sessions without end.
   */
  function sweep(now: number, userId: string): void {
    const own: string[] = [];
    for (const [key, held] of sessions) {
      if (ended(held, now)) sessions.delete(key);
      else if (held.session.user?.id === userId) own.push(key);
    }
    // In sign-in order (a Map keeps its insertion order): the oldest go first.
    for (const key of own.slice(0, Math.max(0, own.length - (SESSIONS_PER_USER - 1)))) sessions.delete(key);
  }

  /** The channel being dispatched (one at a time: the router is synchronous), for a failing handler's log line. */
  let calling = '';
  /**
   * A router for `session`; a session's router lives as long as it does, and serves many channels.
   * A failing handler is logged by the kind of its error only: its message may quote what it was
   * given or read (V8 puts a slice of the text in a JSON.parse error), and its stack the message.
   */
  const routerOf = (session: Session) => createSessionRouter(session, (_message, error) => log({
    at: clock().toISOString(), event: 'error', channel: calling, message: `the handler failed: ${error instanceof Error ? error.name : typeof error}`,
  }));
  const dispatch = (router: Router, channel: string, payload: unknown) => {
    calling = Object.hasOwn(API, channel) ? channel : '(unknown)';
    return router.dispatch(channel, payload);
  };

  /** A call's line: its response's outcome, or `replayed` for a call sent again. */
  const logCall = (channel: string, response: ApiResponse<Channel> | 'replayed', started: number, userId: string | null) => log({
    at: clock().toISOString(), event: 'call', channel: Object.hasOwn(API, channel) ? channel : '(unknown)',
    outcome: response === 'replayed' ? response : response.ok ? 'ok' : response.error.code, status: 200, ms: Math.round(performance.now() - started), userId,
  });

  /** The live session of each request, found before its body is read. */
  const liveOf = new WeakMap<FastifyRequest, { key: string; held: Held } | null>();

  server.post<{ Params: { channel: string } }>('/api/:channel', {
    // Before the body is read: whoever has no live session gets no further than the signed-out
    // channels, with a small body of announced length (never up to a package's 50 MB in memory).
    onRequest: async (request, reply) => {
      const started = performance.now();
      const found = heldOf(request);
      liveOf.set(request, found);
      if (found !== null) return;
      const { channel } = request.params;
      if (!(SIGNED_OUT_CHANNELS as readonly string[]).includes(channel)) {
        const response = dispatch(routerOf(newSession()), channel, undefined);
        logCall(channel, response, started, null);
        return reply.code(200).send(response);
      }
      const length = request.headers['content-length'];
      const status = length === undefined ? (request.headers['transfer-encoding'] === undefined ? null : 411) : Number(length) > SIGNED_OUT_BODY_LIMIT ? 413 : null;
      if (status === null) return;
      log({ at: clock().toISOString(), event: 'error', status, message: status === 411 ? 'a body without a length from a caller without a session' : 'a body over the limit of a caller without a session' });
      return reply.code(status).send({ ok: false, error: { code: 'invalid_input', messageKey: 'error.invalid_input', problems: [] } });
    },
  }, async (request, reply) => {
    const started = performance.now();
    const { channel } = request.params;
    // A channel without input is called with the body `null`.
    const payload = request.body ?? undefined;
    const found = liveOf.get(request) ?? null;
    let response: ApiResponse<Channel>;
    /** Where the answer is kept, for a signed-in call that named itself. */
    let keepFor: { held: Held; callId: string } | null = null;
    let userId = found?.held.session.user?.id ?? null;
    if (SIGN_IN_CHANNELS.includes(channel)) {
      if (!guard.admit(request.ip)) {
        log({ at: clock().toISOString(), event: 'rate_limited', channel });
        return reply.code(429).send({ ok: false, error: { code: 'unavailable', messageKey: 'error.signin_rate_limited', problems: [] } });
      }
      // The office's first administrator is made at the server itself, never by whoever reaches it first over the network.
      if (channel === 'session.setup' && !isLoopback(unmapped(request.ip))) {
        return reply.code(200).send({ ok: false, error: { code: 'forbidden', messageKey: 'error.setup_server_local', problems: [] } });
      }
      const name = channel === 'session.signIn' && typeof (payload as { name?: unknown } | undefined)?.name === 'string' ? (payload as { name: string }).name : null;
      const stopped = name === null ? null : guard.stoppedFor(request.ip, name);
      if (stopped !== null) {
        log({ at: clock().toISOString(), event: 'rate_limited', channel });
        return reply.code(200).send({ ok: false, error: { code: 'forbidden', messageKey: 'error.signin_stopped_here', problems: [keyedProblem('name', 'validation.signin.stopped', { minutes: stopped })] } });
      }
      // Each sign-in hashes a password on this one thread: they take their turns, the other calls answered meanwhile.
      if (!(await guard.turn())) {
        log({ at: clock().toISOString(), event: 'rate_limited', channel, status: 503 });
        return reply.code(503).header('retry-after', '5').send({ ok: false, error: { code: 'unavailable', messageKey: 'error.signin_busy', problems: [] } });
      }
      // A sign-in always starts a session of its own: a token held before it is ended.
      if (found !== null) sessions.delete(found.key);
      const session = newSession();
      const router = routerOf(session);
      response = dispatch(router, channel, payload);
      if (name !== null && (response.ok || response.error.messageKey === 'error.signin_failed')) guard.record(request.ip, name, response.ok ? 'signed-in' : 'failed');
      if (response.ok && session.user !== null) {
        const token = randomBytes(32).toString('base64url');
        const now = clock().getTime();
        sweep(now, session.user.id);
        sessions.set(tokenKey(token), { session, router, signedInAt: now, lastCall: now, passwordHash: passwordHashOf(options.db, session.user.id), replies: new Map() });
        userId = session.user.id;
        void reply.header(SESSION_HEADER, token);
      }
    } else if (found === null) {
      // Signed out (no token, or an ended session): the router answers as to anyone signed out.
      response = dispatch(routerOf(newSession()), channel, payload);
    } else {
      // A call sent again (its connection broke after it went out): what it was answered, not done twice.
      const callId = callIdOf(request);
      const replayed = callId === null ? undefined : found.held.replies.get(callId);
      if (replayed !== undefined) {
        logCall(channel, 'replayed', started, userId);
        return reply.code(200).type(JSON_TYPE).send(replayed.text);
      }
      response = dispatch(found.held.router, channel, payload);
      if (found.held.session.user === null) sessions.delete(found.key);
      // Its own change of password keeps this session (read again only after the calls that set one).
      else if (response.ok && (PASSWORD_CHANNELS as readonly string[]).includes(channel)) found.held.passwordHash = passwordHashOf(options.db, found.held.session.user.id);
      if (callId !== null) keepFor = { held: found.held, callId };
    }
    logCall(channel, response, started, userId);
    const text = JSON.stringify(response);
    if (keepFor !== null) remember(keepFor.held, keepFor.callId, text, clock().getTime());
    return reply.code(200).type(JSON_TYPE).send(text);
  });

  server.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    log({ at: clock().toISOString(), event: 'error', status, message: status === 500 ? 'internal error' : error.message });
    void reply.code(status).send({
      ok: false,
      error: status === 500 ? { code: 'internal', messageKey: 'error.internal', problems: [] } : { code: 'invalid_input', messageKey: 'error.invalid_input', problems: [] },
    });
  });

  return server;
}
