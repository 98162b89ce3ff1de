/**
 * Who a `tsp` write is attributed to (issue 24): the OS account from the operating system, not
 * $USER; on a store with sign-in, only with that user's password or a supervisor's token; and
 * never someone who did not act (no fallback to the first supervisor for writes). Reads stay open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { tempDir } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { main } from '../electron/cli.ts';
import { issueCliToken } from '../electron/services/cli-tokens.ts';
import { memoryIo } from './cli-io.ts';

const me = os.userInfo().username;
const PASSWORD = 'correct horse battery staple';
let dir: string;
let file: string;
let input: string;
const saved = { USER: process.env.USER, TSP_PASSWORD: process.env.TSP_PASSWORD, TSP_TOKEN: process.env.TSP_TOKEN };

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'store.sqlite');
  input = path.join(dir, 'case.json');
  fs.writeFileSync(input, JSON.stringify(CASE_FIXTURES.formatExample));
  delete process.env.TSP_PASSWORD;
  delete process.env.TSP_TOKEN;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function tsp(...argv: string[]) {
  const io = memoryIo();
  io.readFile = (p) => fs.readFileSync(p, 'utf8');
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** The user id and action of the newest audit entry. */
function lastEntry(): { user: string | undefined; action: string } {
  const app = openApp({ file, osUser: me });
  try {
    const row = app.db.prepare('SELECT a.action, u.name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.seq DESC LIMIT 1').get() as { action: string; name: string | null };
    return { user: row.name ?? undefined, action: row.action };
  } finally {
    app.close();
  }
}

/** A store with sign-in: the OS account's supervisor with a password, and an officer with one. */
function storeWithSignIn(): { officerId: string } {
  const app = openApp({ file, osUser: me });
  const ok = <T>(r: { ok: true; data: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };
  ok(app.router.dispatch('users.setPassword', { userId: app.context.user.id, password: PASSWORD }));
  const officer = ok(app.router.dispatch('users.create', { name: 'Officer Lam', role: 'officer', password: 'a quiet river at dawn' }));
  app.close();
  return { officerId: officer.id };
}

describe('the CLI identity', () => {
  it('takes the OS account from the operating system, not from $USER', async () => {
    process.env.USER = 'mallory';
    expect((await tsp('cases', 'import', '--db', file, input)).code).toBe(0);
    expect(lastEntry()).toEqual({ user: me, action: 'case.import' });
  });

  it('refuses a write on a store without a user named as the OS account, instead of naming its first supervisor', async () => {
    openApp({ file, osUser: 'the-boss' }).close();
    const result = await tsp('cases', 'import', '--db', file, input);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`named "${me}"`);
    expect(lastEntry().action).toBe('user.bootstrap');
    // Reads stay as they were.
    expect((await tsp('cases', 'search', '--db', file)).code).toBe(0);
  });

  it('on a store with sign-in, needs the password for a write, and audits the sign-in', async () => {
    storeWithSignIn();
    const without = await tsp('cases', 'import', '--db', file, input);
    expect(without.code).toBe(2);
    expect(without.err).toContain('this store has sign-in');
    process.env.TSP_PASSWORD = 'not the password at all';
    expect((await tsp('cases', 'import', '--db', file, input)).code).toBe(2);
    expect(lastEntry().action).toBe('session.sign_in_failed');
    process.env.TSP_PASSWORD = PASSWORD;
    expect((await tsp('cases', 'import', '--db', file, input)).code).toBe(0);
    expect(lastEntry()).toEqual({ user: me, action: 'case.import' });
    // Reads need nothing.
    delete process.env.TSP_PASSWORD;
    expect((await tsp('cases', 'search', '--db', file)).code).toBe(0);
    // Nor does a backup go through without it: it writes its audit entry.
    expect((await tsp('backup', '--db', file, '--out', path.join(dir, 'b.sqlite'))).code).toBe(2);
  });

  it('takes a token a supervisor issued, acting as the user it was issued for, until it expires', async () => {
    storeWithSignIn();
    process.env.TSP_PASSWORD = PASSWORD;
    const issued = await tsp('token', 'issue', '--db', file, '--user', 'Officer Lam', '--hours', '1');
    expect(issued.code).toBe(0);
    expect(lastEntry()).toEqual({ user: me, action: 'token.issue' });
    delete process.env.TSP_PASSWORD;
    process.env.TSP_TOKEN = issued.out.trim();
    expect((await tsp('cases', 'import', '--db', file, input)).code).toBe(0);
    expect(lastEntry()).toEqual({ user: 'Officer Lam', action: 'case.import' });

    const app = openApp({ file, osUser: me });
    const expired = issueCliToken({ ...app.context, clock: () => new Date(Date.now() - 2 * 3_600_000) }, { userName: 'Officer Lam', hours: 1 });
    app.close();
    process.env.TSP_TOKEN = expired.token;
    const refused = await tsp('cases', 'import', '--db', file, input);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('expired');
    process.env.TSP_TOKEN = 'tsp_made-up';
    expect((await tsp('cases', 'import', '--db', file, input)).code).toBe(2);
  });

  it('issues tokens only at a supervisor\'s request', async () => {
    storeWithSignIn();
    const app = openApp({ file, osUser: me });
    const officer = { ...app.context, user: { ...app.context.user, role: 'officer' as const } };
    expect(() => issueCliToken(officer, { userName: 'Officer Lam', hours: 1 })).toThrow();
    app.close();
  });
});
