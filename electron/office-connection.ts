/**
 * The desktop app's office server setting (issue 22): a file in the app's data folder naming the
 * server and its pinned certificate fingerprint, and where each call of the window goes. Without
 * the setting every call goes to this computer's store, as before; with it, every call goes to
 * the server (electron/office-link.ts) but the three `office.*` channels, which the desktop
 * answers itself, so that anyone at the computer can see where it works and go back to its own
 * store even when the server is out of reach. electron/main.ts wires it; tested under Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { API, type ApiResponse, type Channel } from '../shared/api.ts';
import type { OfficeStatus } from '../shared/contracts/office.ts';
import { officeLink, officeServerProblem, type OfficeLink, type OfficeServer } from './office-link.ts';
import type Database from 'better-sqlite3';
import { auditStoreEvent, SYSTEM_USER_ID } from './backups.ts';
import type { OfficeControl } from './services/office.ts';

export interface OfficeConnection extends OfficeControl {
  /** The link to the server, or null in desk mode. */
  link(): OfficeLink | null;
}

export interface OfficeConnectionOptions {
  log?: ((message: string) => void) | undefined;
  /** Each call's bound (default: the link's). */
  timeoutMs?: number | undefined;
}

function readSetting(file: string, log: (message: string) => void): OfficeServer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<OfficeServer>;
    const server: OfficeServer = { url: String(value.url ?? ''), fingerprint: value.fingerprint ?? null };
    const problem = officeServerProblem(server);
    if (problem === null) return server;
    log(`office server setting ${file} ignored: ${problem}`);
  } catch {
    log(`office server setting ${file} ignored: not JSON`);
  }
  return null;
}

export function officeConnection(file: string, options: OfficeConnectionOptions = {}): OfficeConnection {
  const log = options.log ?? (() => undefined);
  const linkTo = (server: OfficeServer | null) => (server === null ? null : officeLink(server, { log, timeoutMs: options.timeoutMs }));
  let link = linkTo(readSetting(file, log));
  const status = (): OfficeStatus => ({ mode: link === null ? 'desk' : 'office', url: link?.server.url ?? null, fingerprint: link?.server.fingerprint ?? null, available: true });
  return {
    link: () => link,
    status,
    connect(server) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written whole, then moved into place: a crash leaves the old setting or the new one, never half of one.
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, `${JSON.stringify(server, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(partial, file);
      link = linkTo(server);
      return status();
    },
    disconnect() {
      fs.rmSync(file, { force: true });
      link = null;
      return status();
    },
  };
}

type Local = (channel: string, payload: unknown) => ApiResponse<Channel> | Promise<ApiResponse<Channel>>;

/**
 * Where a window's call goes. In desk mode: this computer's router, `office.*` included (their
 * roles checked there). On an office server: `office.status` and `office.disconnect` answered
 * here, whoever is signed in or not; `office.connect` refused (go back first); every other call
 * to the server.
 */
export function routeCall(
  connection: OfficeConnection, local: Local, channel: string, payload: unknown,
  /** Told when someone at the computer goes back to its own store while on the server (the main process audits it in that store). */
  disconnectedHere: () => void = () => undefined,
): ApiResponse<Channel> | Promise<ApiResponse<Channel>> {
  const link = connection.link();
  if (link === null) return local(channel, payload);
  if (!channel.startsWith('office.')) return link.dispatch(channel, payload);
  if (channel === 'office.connect') return { ok: false, error: { code: 'conflict', messageKey: 'error.office.connected', problems: [] } };
  if (channel !== 'office.status' && channel !== 'office.disconnect') return local(channel, payload);
  if (!API[channel].input.safeParse(payload).success) return { ok: false, error: { code: 'invalid_input', messageKey: 'error.invalid_input', problems: [] } };
  if (channel === 'office.status') return { ok: true, data: connection.status() };
  const status = connection.disconnect();
  disconnectedHere();
  return { ok: true, data: status };
}

/** Records in this computer's store that someone went back to it from the office server (signed in to neither, so by the app). */
export function auditBackHere(db: Database.Database): void {
  auditStoreEvent({ db, clock: () => new Date(), userId: SYSTEM_USER_ID }, 'office.disconnect', db.name, 'back to this computer’s store from the office server', {});
}
