/** SQL for users. Users are never deleted (trigger users_never_deleted). */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import type { User } from '../shared/api-schemas.ts';
import type { Role } from '../shared/vocabularies.ts';
import { statement } from './statements.ts';

interface UserRow {
  id: string;
  name: string;
  role: Role;
  created_at: string;
}

const SQL = {
  insert: 'INSERT INTO users (id, name, role, created_at) VALUES (@id, @name, @role, @createdAt)',
  one: 'SELECT * FROM users WHERE id = ?',
  all: 'SELECT * FROM users ORDER BY name COLLATE NOCASE, id',
  count: 'SELECT count(*) FROM users',
  byName: 'SELECT * FROM users WHERE name = ? COLLATE NOCASE ORDER BY created_at, id',
} as const;

const userOf = (row: UserRow): User => ({ id: row.id, name: row.name, role: row.role, createdAt: row.created_at });

export function insertUser(db: WriteDb, user: User): void {
  statement(db, SQL.insert).run(user);
}

export function findUser(db: Database.Database, id: string): User | undefined {
  const row = statement(db, SQL.one).get(id) as UserRow | undefined;
  return row === undefined ? undefined : userOf(row);
}

export function allUsers(db: Database.Database): User[] {
  return (statement(db, SQL.all).all() as UserRow[]).map(userOf);
}

/** Users of this name, ignoring case (names are unique for new users; older stores may repeat one). */
export function findUsersByName(db: Database.Database, name: string): User[] {
  return (statement(db, SQL.byName).all(name) as UserRow[]).map(userOf);
}

export function countUsers(db: Database.Database): number {
  return statement(db, SQL.count).pluck().get() as number;
}
