import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, auditHash, GENESIS_HASH, listAuditEntries, verifyAuditChain, type AuditRow } from './audit-repo.ts';
import { auditKeyOf } from './audit-key.ts';
import { canonicalJson } from './canonical-json.ts';
import { tempStore, type TempStore, asWriter } from './testing.ts';

let store: TempStore;
beforeEach(() => {
  store = tempStore();
  store.db.transaction(() => {
    for (let i = 1; i <= 5; i++) {
      appendAudit(asWriter(store.db), {
        at: `2025-01-0${i}T09:00:00.000Z`, userId: 'u1', action: 'case.update', entity: 'case', entityId: i % 2 === 0 ? 'even' : 'odd',
        reason: `step ${i}`, before: { n: i - 1 }, after: { n: i, name: '陳大文' },
      });
    }
  })();
});
afterEach(() => store.dispose());

const row = (seq: number) => store.db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as AuditRow;

describe('the audit log', () => {
  it('chains each entry to the one before it', () => {
    expect(row(1).prev_hash).toBe(GENESIS_HASH);
    for (let seq = 2; seq <= 5; seq++) expect(row(seq).prev_hash).toBe(row(seq - 1).hash);
    const { hash, ...rest } = row(3);
    expect(auditHash(rest, auditKeyOf(store.db))).toBe(hash);
    expect(verifyAuditChain(store.db)).toEqual({ ok: true, entries: 5, firstBadSeq: null });
  });

  it('stores before and after as canonical JSON', () => {
    expect(row(2).after).toBe(canonicalJson({ name: '陳大文', n: 2 }));
    expect(listAuditEntries(store.db, { entityId: 'even', limit: 10 }).map((e) => [e.seq, e.after])).toEqual([
      [4, { n: 4, name: '陳大文' }],
      [2, { n: 2, name: '陳大文' }],
    ]);
    expect(listAuditEntries(store.db, { limit: 2, beforeSeq: 4 }).map((e) => e.seq)).toEqual([3, 2]);
  });

  it('refuses UPDATE and DELETE (triggers)', () => {
    expect(() => store.db.prepare("UPDATE audit_log SET reason = 'edited' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
    expect(verifyAuditChain(store.db)).toEqual({ ok: true, entries: 5, firstBadSeq: null });
  });

  it('refuses an entry that does not continue the chain', () => {
    const { hash: _hash, ...last } = row(5);
    const forged = { ...last, seq: 6, prev_hash: GENESIS_HASH };
    const insert = store.db.prepare(`INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash, digest, keyed)
      VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @reason, @before, @after, @prev_hash, @hash, @digest, @keyed)`);
    const key = auditKeyOf(store.db);
    expect(() => insert.run({ ...forged, hash: auditHash(forged, key) })).toThrow(/continue the chain/);
    const gap = { ...last, seq: 7, prev_hash: row(5).hash };
    expect(() => insert.run({ ...gap, hash: auditHash(gap, key) })).toThrow(/continue the chain/);
  });

  it('detects an entry altered behind the triggers', () => {
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.prepare(`UPDATE audit_log SET after = '{"n":3,"name":"someone else"}' WHERE seq = 3`).run();
    expect(verifyAuditChain(store.db)).toEqual({ ok: false, entries: 5, firstBadSeq: 3 });
  });

  it('detects an entry altered and re-hashed: the next link breaks', () => {
    store.db.exec('DROP TRIGGER audit_log_no_update');
    const { hash: _old, ...rest } = row(2);
    const altered = { ...rest, reason: 'nothing to see' };
    store.db.prepare('UPDATE audit_log SET reason = ?, hash = ? WHERE seq = 2').run(altered.reason, auditHash(altered, auditKeyOf(store.db)));
    expect(verifyAuditChain(store.db)).toEqual({ ok: false, entries: 5, firstBadSeq: 3 });
  });

  it('detects an entry removed from the middle behind the triggers', () => {
    store.db.exec('DROP TRIGGER audit_log_no_delete');
    store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(store.db)).toEqual({ ok: false, entries: 4, firstBadSeq: 3 });
  });
});
