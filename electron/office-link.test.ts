/**
 * The desktop's link to an office server (issue 22): calls forwarded over HTTPS to a real
 * tsp-server on loopback, the server's certificate pinned by its fingerprint and checked before
 * anything is sent; two officers, each through their own link, on one store.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { tempDir } from '../db/testing.ts';
import type { ApiResponse, Channel } from '../shared/api.ts';
import { openApp, type OpenedApp } from './app.ts';
import { normaliseFingerprint, officeLink, officeServerProblem, type OfficeLink } from './office-link.ts';
import { createOfficeServer, type LogLine } from './server/office-server.ts';
import { selfSignedCertificate } from './server/testing.ts';

const PASSWORD = 'correct horse battery staple';
const CASE = { ...(CASE_FIXTURES.formatExample as { reference: string }), ruleSetId: 'coe-ets-112' };

function data<C extends Channel>(response: ApiResponse<C>) {
  if (!response.ok) throw new Error(`${response.error.code} ${response.error.messageKey}`);
  return response.data;
}

describe('the fingerprint and address of an office server', () => {
  it.each([
    ['ab'.repeat(32), `AB${':AB'.repeat(31)}`],
    [`AB:${'cd:'.repeat(30)}EF`, `AB${':CD'.repeat(30)}:EF`],
    [`${'0f '.repeat(32)}`, `0F${':0F'.repeat(31)}`],
    ['ab'.repeat(31), null],
    ['zz'.repeat(32), null],
  ])('%s → %s', (text, expected) => {
    expect(normaliseFingerprint(text)).toBe(expected);
  });

  it.each([
    [{ url: 'https://office.example:8443', fingerprint: 'ab'.repeat(32) }, null],
    [{ url: 'https://office.example:8443', fingerprint: null }, 'fingerprint'],
    [{ url: 'http://office.example:8443', fingerprint: 'ab'.repeat(32) }, 'https'],
    [{ url: 'http://127.0.0.1:8443', fingerprint: null }, null],
    [{ url: 'ftp://office.example', fingerprint: 'ab'.repeat(32) }, 'url'],
    [{ url: 'office.example', fingerprint: 'ab'.repeat(32) }, 'url'],
  ])('%j → %s', (server, expected) => {
    expect(officeServerProblem(server)).toBe(expected);
  });
});

describe('calls through the link to a server over HTTPS', () => {
  let dir: string;
  let app: OpenedApp;
  let server: FastifyInstance;
  let url: string;
  let fingerprint: string;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    dir = tempDir();
    const { key, cert, fingerprint: printed } = selfSignedCertificate(dir);
    fingerprint = printed;
    app = openApp({ file: path.join(dir, 'office.sqlite'), osUser: 'tsp-server', signIn: 'password' });
    server = createOfficeServer({ db: app.db, host: '127.0.0.1', tls: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, log: (line) => lines.push(line) });
    await server.listen({ host: '127.0.0.1', port: 0 });
    url = `https://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await server.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('two officers, each through their own link: one saves, the other sees it; a save on the version before is refused with the difference', async () => {
    const admin = officeLink({ url, fingerprint: fingerprint.toLowerCase() });
    data(await admin.dispatch('session.setup', { name: 'Admin Chan', password: PASSWORD }));
    for (const name of ['Officer Lee', 'Officer Wong']) data(await admin.dispatch('users.create', { name, role: 'officer', password: PASSWORD }));
    const [lee, wong] = [officeLink({ url, fingerprint }), officeLink({ url, fingerprint })] as [OfficeLink, OfficeLink];
    expect(data(await lee.dispatch('session.signIn', { name: 'Officer Lee', password: PASSWORD })).user?.name).toBe('Officer Lee');
    data(await wong.dispatch('session.signIn', { name: 'Officer Wong', password: PASSWORD }));

    const created = data(await lee.dispatch('cases.create', { case: CASE }));
    data(await lee.dispatch('cases.update', { id: created.id, expectedVersion: 1, case: { ...CASE, remandDays: 45 }, reason: 'remand found' }));
    expect(data(await wong.dispatch('cases.get', { id: created.id }))).toMatchObject({ version: 2, case: { remandDays: 45 } });
    const refused = await wong.dispatch('cases.update', { id: created.id, expectedVersion: 1, case: { ...CASE, reference: 'CSD-2024-0777' }, reason: 'reference corrected' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', problems: [{ params: { version: 2, user: 'Officer Lee', fields: 'remandDays' } }] } });

    data(await lee.dispatch('session.signOut', undefined));
    expect(await lee.dispatch('cases.list', {})).toMatchObject({ ok: false, error: { messageKey: 'error.signed_out' } });
    expect(data(await wong.dispatch('cases.list', {})).total).toBe(1);
  });

  it('sends nothing to a server whose certificate is not the one pinned', async () => {
    const calls = lines.length;
    const other = officeLink({ url, fingerprint: 'AB'.repeat(32) });
    expect(await other.dispatch('session.signIn', { name: 'Officer Lee', password: PASSWORD })).toEqual({
      ok: false, error: { code: 'unavailable', messageKey: 'error.office.certificate', problems: [] },
    });
    expect(lines.length).toBe(calls);
  });

  it('answers "unreachable" when no server answers at the address', async () => {
    const nobody = officeLink({ url: 'https://127.0.0.1:1', fingerprint }, { timeoutMs: 2_000 });
    expect(await nobody.dispatch('cases.list', {})).toEqual({ ok: false, error: { code: 'unavailable', messageKey: 'error.office.unreachable', problems: [] } });
  });

  it('sends a call again, under the same id, when the connection broke after it went out; the server does it once', async () => {
    const { key, cert, fingerprint: flakyFingerprint } = selfSignedCertificate(fs.mkdtempSync(path.join(dir, 'flaky-')));
    const ids: (string | string[] | undefined)[] = [];
    // Breaks the first connection once the call is in, then forwards to the real server (whose answer is the first call's).
    const flaky = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (request, response) => {
      ids.push(request.headers['idempotency-key']);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (ids.length === 1) {
          request.socket.destroy();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, data: { echoed: Buffer.concat(chunks).toString('utf8') } }));
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const link = officeLink({ url: `https://127.0.0.1:${(flaky.address() as { port: number }).port}`, fingerprint: flakyFingerprint }, { timeoutMs: 5_000 });
      expect(await link.dispatch('cases.list', { page: 2 })).toEqual({ ok: true, data: { echoed: '{"page":2}' } });
      expect(ids).toHaveLength(2);
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(ids[1]).toBe(ids[0]);
      // Each call has an id of its own.
      await link.dispatch('cases.list', {});
      expect(ids[2]).not.toBe(ids[0]);
    } finally {
      flaky.closeAllConnections();
      flaky.close();
    }
  });

  it('gives up on a server that takes the call and never answers, within the link’s time limit, saying the call may have been saved there', async () => {
    const { key, cert, fingerprint: silentFingerprint } = selfSignedCertificate(fs.mkdtempSync(path.join(dir, 'silent-')));
    let received = 0;
    const silent = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (request) => {
      received += 1;
      request.resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const link = officeLink({ url: `https://127.0.0.1:${(silent.address() as { port: number }).port}`, fingerprint: silentFingerprint }, { timeoutMs: 300 });
      // Sent whole, it may have been done there: not "nothing was saved" (error.office.unreachable).
      expect(await link.dispatch('cases.create', { case: CASE })).toEqual({ ok: false, error: { code: 'unavailable', messageKey: 'error.office.no_answer', problems: [] } });
      expect(received).toBe(1);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
