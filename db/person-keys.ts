/**
 * person_keys (migration 0016): each person's prison number as compared (shared/domain/prison-number.ts).
 * Written with the person by db/cases-repo.ts; the rows a migration left without a key are filled
 * when the store is opened (db/connection.ts).
 */
import type Database from 'better-sqlite3';
import { nameKey } from '../shared/domain/names.ts';
import { prisonNumberKey } from '../shared/domain/prison-number.ts';
import { foldForSearch } from './search-fold.ts';
import { statement } from './statements.ts';

/** Keeps the person's key in step with their prison number (none: no row). */
export function writePersonKey(db: Database.Database, personId: number | bigint, prisonNumber: string | null): void {
  const key = prisonNumber === null ? '' : prisonNumberKey(prisonNumber);
  if (key === '') {
    statement(db, 'DELETE FROM person_keys WHERE person_id = ?').run(personId);
    return;
  }
  statement(db, `INSERT INTO person_keys (person_id, prison_number_key) VALUES (?, ?)
    ON CONFLICT (person_id) DO UPDATE SET prison_number_key = excluded.prison_number_key`).run(personId, key);
}

/** Fills the keys a migration left empty (NULL); returns how many. Found by index: nothing to read once done. */
export function fillPersonKeys(db: Database.Database): number {
  const pending = statement(db, `SELECT k.person_id AS id, p.prison_number AS number FROM person_keys k JOIN persons p ON p.id = k.person_id
    WHERE k.prison_number_key IS NULL`).all() as { id: number; number: string | null }[];
  if (pending.length === 0) return 0;
  db.transaction(() => {
    for (const row of pending) writePersonKey(db, row.id, row.number);
  })();
  return pending.length;
}

/** A name as a duplicate check compares it: folded as search folds it, without spaces and punctuation ("Tai-man" is "TAI MAN"). */
const sameNameKey = (name: string | null | undefined): string => foldForSearch(nameKey(name ?? '')).replace(/[\s\p{P}]/gu, '');

export interface PersonLike {
  familyName?: string | undefined;
  givenNames?: string | undefined;
  dateOfBirth?: string | undefined;
  prisonNumber?: string | undefined;
}

/**
 * The persons who may be this one: the same family and given names (as compared by sameNameKey)
 * and date of birth, or the same prison number (as keyed). By index: persons_date_of_birth, person_keys.
 */
export function personsLike(db: Database.Database, person: PersonLike): number[] {
  const ids = new Set<number>();
  const family = sameNameKey(person.familyName);
  if (family !== '' && person.dateOfBirth !== undefined) {
    const born = statement(db, 'SELECT id, family_name, given_names FROM persons WHERE date_of_birth = ?').all(person.dateOfBirth) as
      { id: number; family_name: string; given_names: string | null }[];
    const given = sameNameKey(person.givenNames);
    for (const row of born) if (sameNameKey(row.family_name) === family && sameNameKey(row.given_names) === given) ids.add(row.id);
  }
  const key = prisonNumberKey(person.prisonNumber ?? '');
  if (key !== '') {
    for (const id of statement(db, 'SELECT person_id FROM person_keys WHERE prison_number_key = ?').pluck().all(key) as number[]) ids.add(id);
  }
  return [...ids];
}
