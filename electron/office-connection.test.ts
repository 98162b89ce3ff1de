/**
 * The desktop's office server setting and where each call goes (issue 22): this computer's store
 * until a supervisor connects, then the server (plain HTTP on loopback here: the pinned HTTPS is
 * electron/office-link.test.ts), the office.* channels answered by the desktop in either mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../db/audit-repo.ts';
import { tempDir } from '../db/testing.ts';
import type { ApiResponse, Channel } from '../shared/api.ts';
import { openApp, type OpenedApp } from './app.ts';
import { auditBackHere, officeConnection, routeCall, type OfficeConnection } from './office-connection.ts';
import { createRouter, type Router } from './router.ts';
import { provideOffice } from './services/office.ts';
import { createOfficeServer } from './server/office-server.ts';


let dir: string;
let desk: OpenedApp;
let deskRouter: Router;
let office: OpenedApp;
let server: FastifyInstance;
let url: string;
let connection: OfficeConnection;
let disconnectedHere: number;

const send = <C extends Channel>(channel: C, payload?: unknown) =>
  Promise.resolve(routeCall(connection, (c, p) => deskRouter.dispatch(c, p), channel, payload, () => {
    disconnectedHere += 1;
    auditBackHere(desk.db);
  })) as Promise<ApiResponse<C>>;

beforeEach(async () => {
  dir = tempDir();
  desk = openApp({ file: path.join(dir, 'desk.sqlite'), osUser: 'grace' });
  deskRouter = createRouter(desk.context);
  office = openApp({ file: path.join(dir, 'office.sqlite'), osUser: 'tsp-server', signIn: 'password' });
  server = createOfficeServer({ db: office.db, host: '127.0.0.1', log: () => undefined });
  await server.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  connection = officeConnection(path.join(dir, 'userData', 'office-server.json'));
  provideOffice(desk.db, connection);
  disconnectedHere = 0;
});
afterEach(async () => {
  await server.close();
  office.close();
  desk.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the office server setting', () => {
  it('sends every call to this computer’s store until a supervisor connects, then to the server; back again on disconnect', async () => {
    expect(await send('office.status')).toEqual({ ok: true, data: { mode: 'desk', url: null, fingerprint: null, available: true } });
    expect(await send('session.current')).toMatchObject({ ok: true, data: { user: { name: 'grace' } } });

    const connected = await send('office.connect', { url, fingerprint: null, reason: 'one register for the office' });
    expect(connected).toEqual({ ok: true, data: { mode: 'office', url, fingerprint: null, available: true } });
    expect(listAuditEntries(desk.db, { entity: 'store', limit: 1 })[0]).toMatchObject({ action: 'office.connect', reason: 'one register for the office', after: { url, fingerprint: null } });
    // The server's session, not the desk's: nobody is signed in there yet.
    expect(await send('session.current')).toMatchObject({ ok: true, data: { user: null, firstRun: true } });
    expect(await send('cases.list', {})).toMatchObject({ ok: false, error: { messageKey: 'error.signed_out' } });
    expect(await send('office.status')).toMatchObject({ ok: true, data: { mode: 'office', url } });
    expect(await send('office.connect', { url, fingerprint: null, reason: 'again' })).toMatchObject({ ok: false, error: { messageKey: 'error.office.connected' } });

    // The setting outlives the app: a new start reads it.
    expect(officeConnection(path.join(dir, 'userData', 'office-server.json')).status()).toMatchObject({ mode: 'office', url });

    expect(await send('office.disconnect')).toEqual({ ok: true, data: { mode: 'desk', url: null, fingerprint: null, available: true } });
    expect(disconnectedHere).toBe(1);
    expect(listAuditEntries(desk.db, { entity: 'store', limit: 1 })[0]).toMatchObject({ action: 'office.disconnect', reason: 'back to this computer’s store from the office server' });
    expect(await send('session.current')).toMatchObject({ ok: true, data: { user: { name: 'grace' } } });
    expect(fs.existsSync(path.join(dir, 'userData', 'office-server.json'))).toBe(false);
  });

  it('refuses a server it could not trust, naming the field: plain HTTP off this computer, a fingerprint that is not one', async () => {
    const plain = await send('office.connect', { url: 'http://tsp.office.example:8443', fingerprint: null, reason: 'r' });
    expect(plain).toMatchObject({ ok: false, error: { code: 'invalid_input', problems: [{ field: 'url', messageKey: 'validation.office.https' }] } });
    const short = await send('office.connect', { url: 'https://tsp.office.example:8443', fingerprint: 'AB:CD', reason: 'r' });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input', problems: [{ field: 'fingerprint', messageKey: 'validation.office.fingerprint' }] } });
    expect(connection.status().mode).toBe('desk');
  });

  it('only a supervisor of this computer’s store may connect it', async () => {
    const officer = createRouter({ ...desk.context, user: { id: 'x', name: 'someone', role: 'officer' } });
    expect(routeCall(connection, (c, p) => officer.dispatch(c, p), 'office.connect', { url, fingerprint: null, reason: 'r' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(connection.status().mode).toBe('desk');
  });

  it('goes back to this computer’s store when the server is out of reach', async () => {
    data(await send('office.connect', { url, fingerprint: null, reason: 'r' }));
    await server.close();
    expect(await send('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable', messageKey: 'error.office.unreachable' } });
    expect(await send('office.status')).toMatchObject({ ok: true, data: { mode: 'office' } });
    expect(await send('office.disconnect')).toMatchObject({ ok: true, data: { mode: 'desk' } });
    expect(await send('session.current')).toMatchObject({ ok: true, data: { user: { name: 'grace' } } });
  });

  it('ignores a setting file that is not one (the app starts on its own store)', () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{"url": "http://tsp.office.example", "fingerprint": null}');
    const messages: string[] = [];
    expect(officeConnection(file, { log: (m) => messages.push(m) }).status().mode).toBe('desk');
    expect(messages.join()).toMatch(/ignored: https/);
    fs.writeFileSync(file, 'not json');
    expect(officeConnection(file).status().mode).toBe('desk');
  });
});

function data<C extends Channel>(response: ApiResponse<C>) {
  if (!response.ok) throw new Error(`${response.error.code} ${response.error.messageKey}`);
  return response.data;
}

