/**
 * Who a `tsp` command acts as (issue 24). The OS account comes from the operating system
 * (`os.userInfo()`, as the app), never from `$USER`, which whoever starts the process sets.
 *
 *   - Reads act as the store's user named as the OS account, else its first supervisor (as before).
 *   - A write is attributed to the user named as the OS account, never to someone else: a store
 *     without such a user refuses it (a new store's first user is made for the OS account). On a
 *     store with sign-in (users with passwords) it needs that user's password (TSP_PASSWORD, or
 *     asked without echo on a terminal) or a token a supervisor issued (TSP_TOKEN,
 *     `tsp token issue`), which acts as the user it was issued for. The password check is the
 *     app's sign-in: it is audited and counts towards the lockout.
 * TSP_PASSWORD is for scripts: an environment can be read by the user's other programs and may
 * end up in crash reports or shell history; prefer a token that expires.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { OpenedApp } from '../app.ts';
import { openFile } from '../../db/connection.ts';
import type { StoreKey } from '../../db/encryption.ts';
import { findCredentials } from '../../db/auth-repo.ts';
import { findUsersByName } from '../../db/users-repo.ts';
import { userOfToken } from '../services/cli-tokens.ts';
import { ServiceError } from '../services/errors.ts';
import { signIn } from '../services/session.ts';
import { verifyPassword } from '../services/users-passwords.ts';
import { UsageError } from './io.ts';
import { processKeySource, type KeySource } from './key.ts';

/** The OS account at the keyboard, from the operating system. */
export const cliOsUser = (): string => os.userInfo().username;

/** What a write command was given to prove who runs it. */
export interface WriterProof {
  password?: string | undefined;
  token?: string | undefined;
}

function storeHasSignIn(file: string, key: StoreKey | undefined): boolean {
  if (!fs.existsSync(file)) return false;
  let db;
  try {
    db = openFile(file, { key, fileMustExist: true });
    return (db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'user_credentials'").pluck().get() as number) > 0
      && (db.prepare('SELECT count(*) FROM user_credentials').pluck().get() as number) > 0;
  } catch {
    return false; // the command itself says why the store cannot be opened
  } finally {
    db?.close();
  }
}

/** TSP_TOKEN or TSP_PASSWORD; else, on a terminal and a store with sign-in, the password asked without echo. */
export async function writerProof(file: string | undefined, key: StoreKey | undefined, source: KeySource = processKeySource()): Promise<WriterProof> {
  const token = source.env.TSP_TOKEN || undefined;
  const password = source.env.TSP_PASSWORD || undefined;
  if (token !== undefined || password !== undefined || file === undefined || source.ask === undefined) return { token, password };
  if (!storeHasSignIn(file, key)) return {};
  return { password: await source.ask(`Password of ${cliOsUser()} for ${file}: `) };
}

/** Makes the opened app's session the writer's, or refuses (exit 2) with what to do. */
export function authorizeWriter(app: OpenedApp, proof: WriterProof = {}, osUser: string = cliOsUser()): void {
  const { session } = app;
  if (proof.token !== undefined) {
    const user = userOfToken(session, proof.token);
    if (user === undefined) throw new UsageError('TSP_TOKEN is not a token of this store, or it has expired: ask a supervisor for a new one (tsp token issue)');
    session.user = { id: user.id, name: user.name, role: user.role };
    return;
  }
  const [user, ...others] = findUsersByName(app.db, osUser);
  if (user === undefined || others.length > 0) {
    throw new UsageError(`${user === undefined ? 'no user of this store is' : 'several users of this store are'} named "${osUser}", your OS account: a write is attributed to the user who makes it; use that account, or a token a supervisor issued for you (TSP_TOKEN)`);
  }
  const signInInUse = (app.db.prepare('SELECT count(*) FROM user_credentials').pluck().get() as number) > 0;
  if (signInInUse) {
    if (findCredentials(app.db, user.id) === undefined) throw new UsageError(`${user.name} has no password yet: ask a supervisor to set one, or for a token (TSP_TOKEN)`);
    if (proof.password === undefined) throw new UsageError(`this store has sign-in: give ${user.name}'s password (on a terminal, or TSP_PASSWORD) or a token a supervisor issued (TSP_TOKEN)`);
    try {
      signIn(session, { name: user.name, password: proof.password });
    } catch (error) {
      if (error instanceof ServiceError) throw new UsageError(`sign-in refused for ${user.name}: ${error.messageKey === 'error.signin_locked' ? 'the account is locked for a while' : 'wrong password'}`);
      throw error;
    }
    return;
  }
  session.user = { id: user.id, name: user.name, role: user.role };
}

/**
 * authorizeWriter for a store that must not be written to first (a restore checks who replaces
 * the store before anything changes): the same rules, read only, so a wrong password is not
 * counted. A store that cannot be opened (damaged: why many a restore is made) proves nothing
 * and refuses nothing.
 */
export function proveWriterReadOnly(file: string, key: StoreKey | undefined, proof: WriterProof = {}, osUser: string = cliOsUser()): void {
  let db;
  try {
    db = openFile(file, { key, fileMustExist: true });
    db.prepare('SELECT count(*) FROM users').get();
  } catch {
    db?.close();
    return;
  }
  try {
    if (proof.token !== undefined) {
      if (userOfToken({ db, clock: () => new Date() }, proof.token) === undefined) throw new UsageError('TSP_TOKEN is not a token of this store, or it has expired');
      return;
    }
    const [user, ...others] = findUsersByName(db, osUser);
    if (user === undefined || others.length > 0) throw new UsageError(`no single user of ${file} is named "${osUser}", your OS account: a restore is made by a user of the store it replaces`);
    const signInInUse = (db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'user_credentials'").pluck().get() as number) > 0 && (db.prepare('SELECT count(*) FROM user_credentials').pluck().get() as number) > 0;
    if (!signInInUse) return;
    const credentials = findCredentials(db, user.id);
    if (credentials === undefined || proof.password === undefined || !verifyPassword(proof.password, credentials.passwordHash)) {
      throw new UsageError(`this store has sign-in: give ${user.name}'s password (on a terminal, or TSP_PASSWORD) or a token (TSP_TOKEN); the one given does not match`);
    }
  } finally {
    db.close();
  }
}
