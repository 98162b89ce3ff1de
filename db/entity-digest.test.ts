/**
 * The digest of a case (db/entity-digest.ts) is read back at every audited write to the case and
 * for every case by `tsp audit verify`: its reads must stay index searches as the store grows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_DIGEST_READS } from './entity-digest.ts';
import { tempStore, type TempStore } from './testing.ts';

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.dispose());

describe('the reads of a case digest', () => {
  it.each(CASE_DIGEST_READS.map((sql) => [sql.replace(/\s+/g, ' ').slice(0, 70), sql]))('%s… searches an index, never scans a table (nor sorts, but for the assessments)', (_, sql) => {
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('a-case-id') as { detail: string }[]).map((r) => r.detail);
    // A case's assessments alone are sorted by id: an index for that would add ~75 bytes to every assessment ever stored (migration 0020).
    const sorted = sql.includes('FROM assessments a') ? ['USE TEMP B-TREE FOR ORDER BY'] : [];
    const searches = plan.filter((step) => !sorted.includes(step));
    expect(searches.length).toBeGreaterThan(0);
    for (const step of searches) expect(step).toMatch(/^SEARCH /);
  });
});
