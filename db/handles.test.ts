import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, countAuditEntries } from './audit-repo.ts';
import { inWrite } from './handles.ts';
import { tempStore, type TempStore } from './testing.ts';

let store: TempStore;
beforeEach(() => (store = tempStore()));
afterEach(() => store.dispose());

const ENTRY = { at: '2025-01-15T09:00:00.000Z', userId: 'u1', action: 'case.update', entity: 'case', entityId: 'c1', reason: null, before: null, after: { n: 1 } };

describe('write handles: services are the only writers', () => {
  it('are made inside a transaction only', () => {
    expect(() => inWrite(store.db)).toThrow(/inside a transaction/);
    store.db.transaction(() => appendAudit(inWrite(store.db), ENTRY)).immediate();
    expect(countAuditEntries(store.db)).toBe(1);
  });

  it('are what the writing repository functions take: the plain connection does not compile', () => {
    store.db.transaction(() => {
      // @ts-expect-error a plain connection is not a write handle (`npm run typecheck` fails if it becomes one)
      appendAudit(store.db, ENTRY);
    }).immediate();
    expect(countAuditEntries(store.db)).toBe(1);
  });
});
