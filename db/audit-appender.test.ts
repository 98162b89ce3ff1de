import { describe, expect, it } from 'vitest';
import { appendAudit, auditAppender, verifyAuditChain, type NewAuditEntry } from './audit-repo.ts';
import { auditKeyOf, setAuditKey } from './audit-key.ts';
import { tempStore, asWriter } from './testing.ts';

const entry = (i: number): NewAuditEntry => ({
  at: `2025-01-01T00:00:0${i}.000Z`, userId: 'u1', action: 'assessment.run', entity: 'case', entityId: `case-${i}`, reason: null, before: null, after: { verdict: 'eligible', i },
});

function storeWithUser() {
  const store = tempStore();
  store.db.prepare("INSERT INTO users (id, name, role, created_at) VALUES ('u1', 'Officer Lam', 'officer', '2025-01-01T00:00:00.000Z')").run();
  return store;
}

describe('auditAppender', () => {
  it('writes the same chain as appendAudit entry by entry', () => {
    const one = storeWithUser();
    const batch = storeWithUser();
    // The same audit key, so that the same entries give the same hashes.
    setAuditKey(batch.db, auditKeyOf(one.db));
    try {
      one.db.transaction(() => [0, 1, 2, 3].map((i) => appendAudit(asWriter(one.db), entry(i))))();
      const ends = batch.db.transaction(() => {
        appendAudit(asWriter(batch.db), entry(0)); // the chain does not start empty
        const append = auditAppender(asWriter(batch.db));
        return [1, 2, 3].map((i) => append(entry(i)));
      })();
      const hashes = (db: typeof one.db) => db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all();
      expect(hashes(batch.db)).toEqual(hashes(one.db));
      expect(ends.map((e) => e.seq)).toEqual([2, 3, 4]);
      expect(verifyAuditChain(batch.db)).toEqual({ ok: true, entries: 4, firstBadSeq: null });
    } finally {
      one.dispose();
      batch.dispose();
    }
  });

  it('refuses to fork the chain when another entry was appended meanwhile', () => {
    const store = storeWithUser();
    try {
      const append = auditAppender(asWriter(store.db));
      append(entry(0));
      appendAudit(asWriter(store.db), entry(1));
      expect(() => append(entry(2))).toThrow(/does not continue the chain/);
      expect(verifyAuditChain(store.db)).toEqual({ ok: true, entries: 2, firstBadSeq: null });
    } finally {
      store.dispose();
    }
  });
});
