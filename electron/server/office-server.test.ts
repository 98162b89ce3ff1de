/**
 * The office server (issue 22): the contracts over HTTP through the same router, sessions held
 * on the server, two officers on one store, short-lived tokens, sign-in rate limits, body limits,
 * TLS off loopback, a log without personal data.
 */
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { loadMigrations } from '../../db/migrate.ts';
import type { ApiError, ApiOutputs, ApiResponse, Channel } from '../../shared/api.ts';
import { tempDir } from '../../db/testing.ts';
import { openApp, type OpenedApp } from '../app.ts';
import { HANDLERS } from '../router.ts';
import { serverConfig } from './config.ts';
import { createOfficeServer, type LogLine, type OfficeServerOptions } from './office-server.ts';
import { SESSION_HEADER } from './protocol.ts';
import { selfSignedCertificate } from './testing.ts';

const PASSWORD = 'correct horse battery staple';
const CASE = { ...(CASE_FIXTURES.formatExample as { reference: string; person: { familyName: string } }), ruleSetId: 'coe-ets-112' };

interface Answer<C extends Channel> {
  status: number;
  body: ApiResponse<C>;
  token: string | undefined;
}

let dir: string;
let app: OpenedApp;
let server: FastifyInstance;
let now: number;
let lines: LogLine[];
/** Raw sockets a test opened: destroyed after it, so a server that never answered one still closes. */
const sockets: net.Socket[] = [];

function start(options: Partial<OfficeServerOptions> = {}): FastifyInstance {
  server = createOfficeServer({ db: app.db, host: '127.0.0.1', clock: () => new Date(now), log: (line) => lines.push(line), ...options });
  return server;
}

async function call<C extends Channel>(channel: C, payload: unknown, token?: string, remoteAddress = '127.0.0.1'): Promise<Answer<C>> {
  const response = await server.inject({
    method: 'POST', url: `/api/${channel}`, remoteAddress,
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    payload: JSON.stringify(payload ?? null),
  });
  const header = response.headers[SESSION_HEADER];
  return { status: response.statusCode, body: response.json(), token: typeof header === 'string' ? header : undefined };
}

function data<C extends Channel>(answer: Answer<C>): ApiOutputs[C] {
  if (!answer.body.ok) throw new Error(`${answer.body.error.code} ${answer.body.error.messageKey}`);
  return answer.body.data;
}

function refusal<C extends Channel>(answer: Answer<C>): ApiError {
  if (answer.body.ok) throw new Error('expected a refusal');
  return answer.body.error;
}

/** Listens on a free loopback port (plain HTTP) and gives the port. */
async function listening(): Promise<number> {
  await server.listen({ host: '127.0.0.1', port: 0 });
  return (server.server.address() as net.AddressInfo).port;
}

/**
 * Sends `head` (the request line and headers, without the blank line) and `body` on a raw socket,
 * and gives the server's first answer as it comes (status line, headers, body), whether or not the
 * body the headers announce was all sent.
 */
function exchange(port: number, head: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${head}\r\n\r\n${body}`));
    sockets.push(socket);
    let text = '';
    const answered = () => {
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (end === -1 || (length !== null && text.length < end + 4 + Number(length[1]))) return;
      socket.destroy();
      resolve({ status: Number(text.split(' ')[1]), text: text.slice(end + 4) });
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      answered();
    });
    socket.on('error', reject);
  });
}

/** The first administrator (at the server itself) and two officers with their passwords; their tokens. */
async function office(): Promise<{ admin: string; lee: string; wong: string; ids: Record<string, string> }> {
  const setup = await call('session.setup', { name: 'Admin Chan', password: PASSWORD });
  const admin = setup.token!;
  const ids: Record<string, string> = {};
  for (const name of ['Officer Lee', 'Officer Wong']) ids[name] = data(await call('users.create', { name, role: 'officer', password: PASSWORD }, admin)).id;
  const lee = (await call('session.signIn', { name: 'Officer Lee', password: PASSWORD })).token!;
  const wong = (await call('session.signIn', { name: 'Officer Wong', password: PASSWORD })).token!;
  return { admin, lee, wong, ids };
}

beforeEach(() => {
  dir = tempDir();
  app = openApp({ file: path.join(dir, 'office.sqlite'), osUser: 'tsp-server', signIn: 'password' });
  now = Date.parse('2026-12-07T09:00:00.000Z');
  lines = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the office server', () => {
  it('two officers on one store: one saves a case, the other sees it, and a save on the version before is refused with what changed and by whom', async () => {
    start();
    const { lee, wong } = await office();
    const created = data(await call('cases.create', { case: CASE }, lee));
    expect(data(await call('cases.get', { id: created.id }, wong)).version).toBe(1);
    data(await call('cases.update', { id: created.id, expectedVersion: 1, case: { ...CASE, remandDays: 120 }, reason: 'remand found' }, lee));
    const seen = data(await call('cases.get', { id: created.id }, wong));
    expect(seen).toMatchObject({ version: 2, case: { remandDays: 120 } });
    const refused = await call('cases.update', { id: created.id, expectedVersion: 1, case: { ...CASE, reference: 'CSD-2024-0777' }, reason: 'reference corrected' }, wong);
    expect(refusal(refused)).toMatchObject({ code: 'conflict', messageKey: 'error.version_conflict' });
    expect(refusal(refused).problems[0]!.params).toMatchObject({ version: 2, user: 'Officer Lee', fields: 'remandDays' });
    expect(data(await call('cases.get', { id: created.id }, lee)).case.reference).toBe(CASE.reference);
  });

  it('answers a call without a session, or with a token it does not know, as signed out; a role is checked as in the app', async () => {
    start();
    const { lee } = await office();
    for (const token of [undefined, 'not-a-token']) {
      expect(refusal(await call('cases.list', {}, token))).toMatchObject({ code: 'forbidden', messageKey: 'error.signed_out' });
    }
    expect(refusal(await call('users.list', null, lee))).toMatchObject({ code: 'forbidden', messageKey: 'error.role_forbidden' });
    expect(refusal(await call('no.such' as Channel, {}, lee))).toMatchObject({ code: 'not_found' });
  });

  it('ends a session at sign-out, after 30 minutes without a call, and 12 hours after its sign-in', async () => {
    start();
    const { lee, wong, admin } = await office();
    data(await call('session.signOut', null, lee));
    expect(refusal(await call('cases.list', {}, lee)).messageKey).toBe('error.signed_out');

    now += 29 * 60_000;
    data(await call('cases.list', {}, wong));
    now += 31 * 60_000;
    expect(refusal(await call('cases.list', {}, wong)).messageKey).toBe('error.signed_out');

    // The administrator calls every 20 minutes: the session still ends 12 hours after its sign-in.
    const fresh = (await call('session.signIn', { name: 'Admin Chan', password: PASSWORD })).token!;
    expect(fresh).not.toBe(admin);
    const signedInAt = now;
    while (now - signedInAt <= 12 * 3_600_000 - 20 * 60_000) {
      now += 20 * 60_000;
      data(await call('cases.list', {}, fresh));
    }
    now += 20 * 60_000;
    expect(refusal(await call('cases.list', {}, fresh)).messageKey).toBe('error.signed_out');
  });

  it('ends every session of a user whose password a supervisor resets, and the other sessions of one who changes their own', async () => {
    start();
    const { admin, lee, wong, ids } = await office();
    const NEW = 'a second long password here';
    data(await call('users.setPassword', { userId: ids['Officer Lee']!, password: NEW }, admin));
    expect(refusal(await call('cases.list', {}, lee)).messageKey).toBe('error.signed_out');
    expect(data(await call('cases.list', {}, wong)).total).toBe(0);
    expect(data(await call('users.list', null, admin))).toHaveLength(3);

    now += 61_000; // past the sign-in rate limit
    const [here, elsewhere] = [
      (await call('session.signIn', { name: 'Officer Lee', password: NEW })).token!,
      (await call('session.signIn', { name: 'Officer Lee', password: NEW })).token!,
    ];
    data(await call('session.changePassword', { currentPassword: NEW, newPassword: 'a third long password here' }, here));
    expect(data(await call('cases.list', {}, here)).total).toBe(0);
    expect(refusal(await call('cases.list', {}, elsewhere)).messageKey).toBe('error.signed_out');
  });

  it('limits sign-ins per client address before the account lockout; another address is not held up', async () => {
    start({ signInsPerMinute: 3 });
    await office(); // 3 sign-ins from 127.0.0.1 (setup and two officers)
    const limited = await call('session.signIn', { name: 'Officer Lee', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(refusal(limited)).toMatchObject({ code: 'unavailable', messageKey: 'error.signin_rate_limited' });
    expect((await call('session.signIn', { name: 'Officer Lee', password: PASSWORD }, undefined, '10.0.0.7')).token).toBeDefined();
    now += 61_000;
    expect((await call('session.signIn', { name: 'Officer Lee', password: PASSWORD })).token).toBeDefined();
    expect(lines.filter((l) => l.event === 'rate_limited')).toHaveLength(1);
  });

  it('counts the sign-ins of one IPv6 network (/64) together, and an IPv4 address the same however it is written', async () => {
    start({ signInsPerMinute: 3 });
    const attempt = async (address: string) => (await call('session.signIn', { name: 'Nobody Here', password: PASSWORD }, undefined, address)).status;
    // One machine picks a new address of its /64 for each attempt: the fourth is refused.
    expect(await Promise.all(['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:1:2:3'].map(attempt))).toEqual([200, 200, 200]);
    expect(await attempt('2001:db8:1:2:abcd::9')).toBe(429);
    expect(await attempt('2001:db8:1:3::1')).toBe(200);
    // 10.0.0.5 as itself and as an IPv4-mapped IPv6 address (a server listening on "::").
    expect(await Promise.all(['10.0.0.5', '::ffff:10.0.0.5', '10.0.0.5'].map(attempt))).toEqual([200, 200, 200]);
    expect(await attempt('::ffff:10.0.0.5')).toBe(429);
    // X-Forwarded-For is anyone's to write: it changes nothing.
    const forwarded = await server.inject({
      method: 'POST', url: '/api/session.signIn', remoteAddress: '10.0.0.5',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' }, payload: JSON.stringify({ name: 'Nobody Here', password: PASSWORD }),
    });
    expect(forwarded.statusCode).toBe(429);
  });

  it('stops one address after 5 failed sign-ins to an account, not the account; the account locks only after failures from several', async () => {
    start({ accountLockAfter: 8 });
    await office();
    const tryLee = async (password: string, address: string) => call('session.signIn', { name: 'officer lee', password }, undefined, address);
    // From 10.0.0.7, five wrong passwords in a row: the sixth attempt, even with the right one, is stopped there, without a hash or an audit entry.
    for (let i = 0; i < 5; i++) expect(refusal(await tryLee('a wrong password, long enough', '10.0.0.7')).messageKey).toBe('error.signin_failed');
    const stopped = await tryLee(PASSWORD, '10.0.0.7');
    expect(refusal(stopped)).toMatchObject({ code: 'forbidden', messageKey: 'error.signin_stopped_here' });
    expect(refusal(stopped).problems[0]).toMatchObject({ field: 'name', messageKey: 'validation.signin.stopped', params: { minutes: 15 } });
    // Lee, at another computer, signs in: the account was not locked (and its count starts again).
    expect((await tryLee(PASSWORD, '10.0.0.20')).token).toBeDefined();
    // Failures from several addresses: the eighth in a row locks the account itself, everywhere.
    const answers: string[] = [];
    for (const address of ['10.0.0.8', '10.0.0.9']) for (let i = 0; i < 4; i++) answers.push(refusal(await tryLee('a wrong password, long enough', address)).messageKey);
    expect(answers).toEqual([...Array<string>(7).fill('error.signin_failed'), 'error.signin_locked']);
    expect(refusal(await tryLee(PASSWORD, '10.0.0.20')).messageKey).toBe('error.signin_locked');
    // Fifteen minutes on, both have run out.
    now += 15 * 60_000 + 1_000;
    expect((await tryLee(PASSWORD, '10.0.0.7')).token).toBeDefined();
  });

  it('lets sign-ins take their turns, answering the other calls meanwhile, and refuses at once those over the waiting limit', async () => {
    start({ signInsPerSecond: 2, waitingSignIns: 1 });
    const { lee } = await office();
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the turn of office()'s last sign-in
    const order: string[] = [];
    const signIn = (address: string) => call('session.signIn', { name: 'Officer Wong', password: PASSWORD }, undefined, address).then((a) => {
      order.push(`signIn ${address}`);
      return a.status;
    });
    const first = signIn('10.0.0.1');
    const second = signIn('10.0.0.2');
    const third = signIn('10.0.0.3');
    const list = call('cases.list', {}, lee).then((a) => {
      order.push('cases.list');
      return a.status;
    });
    expect(await Promise.all([first, second, third, list])).toEqual([200, 200, 503, 200]);
    // The list was answered while the second sign-in waited its turn.
    expect(order.indexOf('cases.list')).toBeLessThan(order.indexOf('signIn 10.0.0.2'));
    expect(lines.filter((l) => l.event === 'rate_limited' && l.status === 503)).toHaveLength(1);
  });

  it('answers a call sent again under the same id as it did the first time, without doing it twice; the id is the session’s own', async () => {
    start();
    const { lee, wong } = await office();
    const create = async (token: string, callId: string) => {
      const response = await server.inject({
        method: 'POST', url: '/api/cases.create', remoteAddress: '127.0.0.1',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': callId },
        payload: JSON.stringify({ case: CASE }),
      });
      return response.json<ApiResponse<'cases.create'>>();
    };
    const first = await create(lee, 'call-0001-aaaa');
    const again = await create(lee, 'call-0001-aaaa');
    expect(again).toEqual(first);
    expect(data(await call('cases.list', {}, lee)).total).toBe(1);
    expect(lines.filter((l) => l.channel === 'cases.create').map((l) => l.outcome)).toEqual(['ok', 'replayed']);
    // Another call, or the same id from another officer's session, is done.
    expect(await create(lee, 'call-0002-bbbb')).not.toEqual(first);
    expect(await create(wong, 'call-0001-aaaa')).not.toEqual(first);
    expect(data(await call('cases.list', {}, lee)).total).toBe(3);
    // An answer too large to keep (here the 64 KiB limit passed by a list) is not sent again, nor done again: "look first".
    for (let i = 0; i < 200; i++) await create(lee, `call-${String(i).padStart(4, '0')}-many`);
    const list = async () => (await server.inject({
      method: 'POST', url: '/api/cases.list', remoteAddress: '127.0.0.1',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lee}`, 'idempotency-key': 'call-list-big' }, payload: JSON.stringify({ limit: 200 }),
    })).json<ApiResponse<'cases.list'>>();
    expect(data({ status: 200, body: await list(), token: undefined }).items).toHaveLength(200);
    expect(await list()).toEqual({ ok: false, error: { code: 'unavailable', messageKey: 'error.office.no_answer', problems: [] } });
  });

  it('keeps at most 8 sessions of one user: a ninth sign-in ends their oldest, not another user’s', async () => {
    start({ signInsPerMinute: 100 });
    const { lee, wong } = await office();
    const later: string[] = [];
    for (let i = 0; i < 7; i++) later.push((await call('session.signIn', { name: 'Officer Lee', password: PASSWORD })).token!);
    // Eight of Lee's now: the first still works.
    expect(data(await call('cases.list', {}, lee)).total).toBe(0);
    later.push((await call('session.signIn', { name: 'Officer Lee', password: PASSWORD })).token!);
    expect(refusal(await call('cases.list', {}, lee)).messageKey).toBe('error.signed_out');
    for (const token of [...later, wong]) expect(data(await call('cases.list', {}, token)).total).toBe(0);
  });

  it('makes the first administrator only at the server itself', async () => {
    start();
    const remote = await call('session.setup', { name: 'Someone', password: PASSWORD }, undefined, '10.0.0.7');
    expect(refusal(remote)).toMatchObject({ code: 'forbidden', messageKey: 'error.setup_server_local' });
    expect(remote.token).toBeUndefined();
    expect(refusal(await call('session.setup', { name: 'Someone', password: PASSWORD }, undefined, '::ffff:10.0.0.7')).messageKey).toBe('error.setup_server_local');
    // A server listening on "::" sees `curl https://127.0.0.1:8443` at itself as ::ffff:127.0.0.1.
    expect((await call('session.setup', { name: 'Admin Chan', password: PASSWORD }, undefined, '::ffff:127.0.0.1')).token).toBeDefined();
  });

  it('refuses a body over the limit before any service reads it', async () => {
    start({ bodyLimit: 2_000 });
    const { lee } = await office();
    const big = await call('cases.create', { case: { ...CASE, reference: 'x'.repeat(3_000) } }, lee);
    expect(big.status).toBe(413);
    expect(data(await call('cases.list', {}, lee)).total).toBe(0);
  });

  it('answers a caller without a session before reading the body it announces, and lets one sign in with a small body only', async () => {
    start();
    await office();
    const port = await listening();
    // 50 MB announced, 5 bytes sent: a caller nobody signed in is not worth the memory of a body.
    const anonymous = await exchange(port, 'POST /api/cases.list HTTP/1.1\r\nHost: office\r\nContent-Type: application/json\r\nContent-Length: 50000000', '{"que');
    expect(JSON.parse(anonymous.text)).toMatchObject({ ok: false, error: { messageKey: 'error.signed_out' } });
    const unknownToken = await exchange(port, 'POST /api/cases.import HTTP/1.1\r\nHost: office\r\nAuthorization: Bearer not-a-token\r\nContent-Type: application/json\r\nContent-Length: 50000000', '{"');
    expect(JSON.parse(unknownToken.text)).toMatchObject({ ok: false, error: { messageKey: 'error.signed_out' } });
    // Signing in takes a name and a password: a larger body is refused as it is announced, one of no announced length too.
    const bigSignIn = await exchange(port, 'POST /api/session.signIn HTTP/1.1\r\nHost: office\r\nContent-Type: application/json\r\nContent-Length: 50000000', '{"na');
    expect(bigSignIn.status).toBe(413);
    const chunkedSignIn = await exchange(port, 'POST /api/session.signIn HTTP/1.1\r\nHost: office\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked', '2\r\n{"\r\n');
    expect(chunkedSignIn.status).toBe(411);
    const signIn = JSON.stringify({ name: 'Officer Lee', password: PASSWORD });
    const small = await exchange(port, `POST /api/session.signIn HTTP/1.1\r\nHost: office\r\nContent-Type: application/json\r\nContent-Length: ${signIn.length}`, signIn);
    expect(JSON.parse(small.text)).toMatchObject({ ok: true, data: { user: { name: 'Officer Lee' } } });
    expect(lines).toContainEqual(expect.objectContaining({ event: 'call', channel: 'cases.list', outcome: 'forbidden', userId: null }));
  });

  it('drops a request whose body does not all come within the request time limit; other officers are served meanwhile', async () => {
    expect(start().server.requestTimeout).toBe(5 * 60_000);
    await server.close();
    start({ requestTimeoutMs: 300 });
    const { lee } = await office();
    const port = await listening();
    const stuck = exchange(port, `POST /api/cases.list HTTP/1.1\r\nHost: office\r\nAuthorization: Bearer ${lee}\r\nContent-Type: application/json\r\nContent-Length: 100`, '{"qu');
    expect(data(await call('cases.list', {}, lee)).total).toBe(0);
    expect((await stuck).status).toBe(408);
  });

  it('logs each call by channel, outcome and user id: never a name, a password, a token or a case', async () => {
    start();
    const { lee, ids } = await office();
    data(await call('cases.create', { case: CASE }, lee));
    const log = JSON.stringify(lines);
    for (const secret of ['Officer Lee', 'Admin Chan', PASSWORD, lee, CASE.person.familyName, '127.0.0.1']) {
      expect(log).not.toContain(secret);
    }
    expect(lines).toContainEqual(expect.objectContaining({ event: 'call', channel: 'cases.create', outcome: 'ok', userId: ids['Officer Lee'] }));
    expect(lines).toContainEqual(expect.objectContaining({ event: 'call', channel: 'session.signIn', outcome: 'ok', userId: ids['Officer Wong'] }));
  });

  it('logs a failing handler under the channel that failed, by the kind of its error: never its message, which may hold what it was given', async () => {
    start();
    const { lee } = await office();
    vi.spyOn(HANDLERS, 'cases.list').mockImplementation(() => {
      // As V8 words a JSON.parse of stored text: a slice of the text itself.
      throw new SyntaxError('Unexpected token \'C\', "Chan Tai Man" is not valid JSON');
    });
    expect(refusal(await call('cases.list', {}, lee)).code).toBe('internal');
    expect(lines.filter((l) => l.event === 'error')).toEqual([expect.objectContaining({ channel: 'cases.list', message: 'the handler failed: SyntaxError' })]);
    expect(JSON.stringify(lines)).not.toContain('Chan Tai Man');
  });

  it('tells its health without anything about cases or people', async () => {
    start();
    const health = await server.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toEqual({ ok: true, schemaVersion: loadMigrations().length, server: 'tsp-server' });
  });
});

describe('TLS', () => {
  it('is required off loopback: plain HTTP is refused there', () => {
    expect(() => createOfficeServer({ db: app.db, host: '0.0.0.0' })).toThrow(/TLS certificate/);
    expect(() => serverConfig([], { TSP_SERVER_STORE: 'office.sqlite', TSP_SERVER_HOST: '10.0.0.2' })).toThrow(/TLS is required/);
    expect(serverConfig([], { TSP_SERVER_STORE: 'office.sqlite' })).toMatchObject({ host: '127.0.0.1', port: 8443, idleMinutes: 30, maxHours: 12 });
  });

  it('a configuration file that is missing, not JSON or not an object is named in the refusal', () => {
    const file = path.join(dir, 'server.json');
    expect(() => serverConfig(['--config', file], {})).toThrow(`the configuration file ${file} cannot be read (ENOENT)`);
    fs.writeFileSync(file, '{"store": "office.sqlite",');
    expect(() => serverConfig(['--config', file], {})).toThrow(`the configuration file ${file} is not JSON`);
    fs.writeFileSync(file, '["office.sqlite"]');
    expect(() => serverConfig(['--config', file], {})).toThrow(`the configuration file ${file} holds one JSON object`);
    fs.writeFileSync(file, '{"store": "office.sqlite", "port": 9443}');
    expect(serverConfig(['--config', file], {})).toMatchObject({ store: 'office.sqlite', port: 9443, signInsPerSecond: 4, accountLockAfter: 20 });
    // The account never locks before one address is stopped (5), nor after NIST's ceiling of 100.
    for (const lockAfter of ['4', '101']) expect(() => serverConfig(['--config', file], { TSP_SERVER_ACCOUNT_LOCK_AFTER: lockAfter })).toThrow(/accountLockAfter/);
    expect(serverConfig(['--config', file], { TSP_SERVER_ACCOUNT_LOCK_AFTER: '50', TSP_SERVER_SIGNINS_PER_SECOND: '2' })).toMatchObject({ accountLockAfter: 50, signInsPerSecond: 2 });
  });

  it('serves the contracts over HTTPS with the configured certificate', async () => {
    const { key, cert } = selfSignedCertificate(dir);
    const config = serverConfig([], { TSP_SERVER_STORE: 'office.sqlite', TSP_SERVER_HOST: '0.0.0.0', TSP_SERVER_PORT: '8443', TSP_SERVER_TLS_CERT: cert, TSP_SERVER_TLS_KEY: key });
    start({ host: config.host, tls: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.server.address() as { port: number };
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, path: '/health', ca: fs.readFileSync(cert) }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(JSON.parse(body)).toMatchObject({ ok: true, server: 'tsp-server' });
  });
});
