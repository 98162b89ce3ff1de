/** What every service is called with: the store, the clock and the acting user. */
import type Database from 'better-sqlite3';
import type { Role } from '../../shared/vocabularies.ts';

export interface ServiceContext {
  db: Database.Database;
  /** The time of a write; injected so tests and replays are deterministic. */
  clock: () => Date;
  user: { id: string; name: string; role: Role };
}
