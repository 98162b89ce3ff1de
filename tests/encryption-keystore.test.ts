/**
 * The key store beside the database, with a fake keychain standing in for Electron's
 * safeStorage: a new store gets a key and a recovery key; the keychain opens it without a
 * question; another machine (or no keychain) needs the recovery key, which then re-wraps
 * the key for the new keychain; a plain store is encrypted at first start.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKind } from '../db/encryption.ts';
import { tempDir } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { generateRecoveryKey, keyFileOf, KeystoreError, normaliseRecoveryKey, unlockStore, type SafeStorage } from '../electron/keystore.ts';
import { legacyPath, sealedPath } from '../electron/services/attachment-files.ts';
import { createCase, getCase } from '../electron/services/cases.ts';
import { attachDocument, readAttachment } from '../electron/services/documents.ts';
import { parsed } from '../electron/services/testing.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { listAuditEntries } from '../db/audit-repo.ts';
import { listBackups } from '../electron/backups.ts';
import { protectOpenedStore, unlockForShell, type ShellHooks } from '../electron/keystore-start.ts';

/** A keychain bound to one "machine": what another machine wrapped does not decrypt. */
function fakeKeychain(available = true): SafeStorage & { machine: Buffer } {
  const machine = randomBytes(32);
  return {
    machine,
    available: () => available,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', machine, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(wrapped) {
      const d = createDecipheriv('aes-256-gcm', machine, wrapped.subarray(0, 12));
      d.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([d.update(wrapped.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function storePath(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'tsp-desk.sqlite');
}

function problemOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof KeystoreError) return error.problem;
    throw error;
  }
  return 'none';
}

describe('recovery keys', () => {
  it('are 8 groups of 5 base32 characters, different every time', () => {
    const a = generateRecoveryKey();
    expect(a).toMatch(/^([A-Z2-7]{5}-){7}[A-Z2-7]{5}$/);
    expect(generateRecoveryKey()).not.toBe(a);
  });

  it('are read in any case, with spaces or dashes', () => {
    const key = generateRecoveryKey();
    expect(normaliseRecoveryKey(` ${key.toLowerCase().replaceAll('-', ' ')} `)).toBe(key.replaceAll('-', ''));
    expect(() => normaliseRecoveryKey('ABCDE-12345')).toThrow(/8 groups of 5/);
  });
});

describe('unlockStore', () => {
  it('makes a key and a recovery key for a new store, and the keychain opens it afterwards', () => {
    const file = storePath();
    const keychain = fakeKeychain();
    const first = unlockStore(file, { safe: keychain });
    expect(first).toMatchObject({ via: 'new', encryptedExisting: false });
    expect(first.newRecoveryKey).toMatch(/^([A-Z2-7]{5}-){7}[A-Z2-7]{5}$/);
    openApp({ file, osUser: 'ada', key: first.key }).close();
    expect(fileKind(file)).toBe('other');
    // The key file holds no key in clear.
    const keyFile = fs.readFileSync(keyFileOf(file), 'utf8');
    expect(first.key.kind === 'raw' && keyFile.includes(first.key.bytes.toString('hex'))).toBe(false);
    expect((fs.statSync(keyFileOf(file)).mode & 0o777).toString(8)).toBe('600');

    const again = unlockStore(file, { safe: keychain });
    expect(again).toMatchObject({ via: 'safeStorage', newRecoveryKey: null });
    expect(again.key).toStrictEqual(first.key);
  });

  it('needs the recovery key on another machine, then wraps the key for that machine', () => {
    const file = storePath();
    const recoveryKey = unlockStore(file, { safe: fakeKeychain() }).newRecoveryKey!;
    const newMachine = fakeKeychain();
    expect(problemOf(() => unlockStore(file, { safe: newMachine }))).toBe('recovery_needed');
    expect(problemOf(() => unlockStore(file, { safe: newMachine, recoveryKey: generateRecoveryKey() }))).toBe('wrong_recovery_key');
    expect(unlockStore(file, { safe: newMachine, recoveryKey }).via).toBe('recovery');
    expect(unlockStore(file, { safe: newMachine }).via).toBe('safeStorage');
  });

  it('without a keychain (Linux with no Secret Service) asks for the recovery key at every start', () => {
    const file = storePath();
    const none = fakeKeychain(false);
    const { newRecoveryKey, key } = unlockStore(file, { safe: none });
    expect(JSON.parse(fs.readFileSync(keyFileOf(file), 'utf8')).safeStorage).toBeNull();
    expect(() => unlockStore(file, { safe: none })).toThrow(/no keychain.*recovery key/);
    expect(unlockStore(file, { safe: none, recoveryKey: newRecoveryKey! }).key).toStrictEqual(key);
  });

  it('encrypts an existing plain store at first start, keeping its cases', () => {
    const file = storePath();
    const plain = openApp({ file, osUser: 'ada' });
    const record = createCase(plain.context, { case: CASE_FIXTURES.formatExample });
    plain.close();
    expect(fileKind(file)).toBe('plain');

    const unlocked = unlockStore(file, { safe: fakeKeychain() });
    expect(unlocked.encryptedExisting).toBe(true);
    expect(fileKind(file)).toBe('other');
    const app = openApp({ file, osUser: 'ada', key: unlocked.key });
    expect(getCase(app.context, { id: record.id }).id).toBe(record.id);
    app.close();
  });

  it('refuses an encrypted store whose key file is gone, rather than making a new key', () => {
    const file = storePath();
    const { key } = unlockStore(file, { safe: fakeKeychain() });
    openApp({ file, osUser: 'ada', key }).close();
    fs.rmSync(keyFileOf(file));
    expect(problemOf(() => unlockStore(file, { safe: fakeKeychain() }))).toBe('key_file_missing');
    expect(fs.existsSync(keyFileOf(file))).toBe(false);
  });
});

describe('the shell at start (keystore-start.ts)', () => {
  function hooks(safe: SafeStorage, locale: ShellHooks['locale'] = 'en', recoveryKey?: string) {
    const shown: { kind: string; title: string; text: string }[] = [];
    const h: ShellHooks = { safe, recoveryKey, nativeBinding: undefined, locale, show: (kind, title, text) => shown.push({ kind, title, text }) };
    return { h, shown };
  }

  it('shows a new recovery key once, in the language of the system, and says when there is no keychain', () => {
    const file = storePath();
    const { h, shown } = hooks(fakeKeychain(), 'zh-Hant');
    const unlocked = unlockForShell(file, h)!;
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('請抄下此資料庫的復原密鑰');
    expect(shown[0]!.text).toContain(unlocked.newRecoveryKey!);
    unlockForShell(file, h);
    expect(shown).toHaveLength(1); // never again

    const bare = storePath();
    const none = hooks(fakeKeychain(false));
    unlockForShell(bare, none.h);
    expect(none.shown[0]!.text).toMatch(/no keychain.*TSP_DB_KEY/s);
  });

  it('explains how to give the recovery key when the keychain cannot open the store, and opens nothing', () => {
    const file = storePath();
    unlockForShell(file, hooks(fakeKeychain()).h);
    const other = hooks(fakeKeychain());
    expect(unlockForShell(file, other.h)).toBeNull();
    expect(other.shown[0]).toMatchObject({ kind: 'error', title: 'The case store cannot be opened' });
    expect(other.shown[0]!.text).toMatch(/recovery key in the environment variable TSP_DB_KEY/);
  });

  it('audits the encryption of a plain store as the system and takes the first daily backup, encrypted, in its worker thread', async () => {
    const file = storePath();
    const plain = openApp({ file, osUser: 'ada' });
    createCase(plain.context, { case: CASE_FIXTURES.formatExample });
    plain.close();
    const unlocked = unlockForShell(file, hooks(fakeKeychain()).h)!;
    const desk = openApp({ file, osUser: 'ada', key: unlocked.key });
    const scheduler = protectOpenedStore(desk, file, unlocked, { clock: () => new Date('2026-11-29T09:00:00.000Z') });
    const backup = await scheduler.check(); // what the timer does a minute after the start
    scheduler.stop();
    expect(backup?.encrypted).toBe(true);
    const actions = listAuditEntries(desk.db, { entity: 'store', limit: 10 }).map((e) => [e.action, e.userId]);
    expect(actions).toStrictEqual([['store.backup', 'system'], ['store.key.create', 'system'], ['store.encrypt', 'system']]);
    expect(listBackups(path.join(path.dirname(file), 'backups')).map((b) => b.name)).toStrictEqual(['tsp-desk-2026-11-29T090000Z.sqlite']);
    desk.close();
  });

  /** A store with one file attached as versions before schema 8 kept it: as it came, named by its hash, not sealed. */
  function storeWithLegacyAttachment() {
    const file = storePath();
    const older = openApp({ file, osUser: 'ada' });
    const { id: caseId } = createCase(older.context, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112', direction: 'outgoing' } });
    const text = '%PDF-1.4 a certified judgment attached in 2024';
    const attached = attachDocument(older.context, parsed('documents.attach', { caseId, kind: 'certified-judgment', fileName: 'judgment.pdf', contentBase64: Buffer.from(text).toString('base64') }))
      .find((d) => d.kind === 'certified-judgment')!.attachments[0]!;
    const legacy = legacyPath(older.db, attached.sha256);
    fs.mkdirSync(path.dirname(legacy), { recursive: true });
    fs.writeFileSync(legacy, text);
    fs.rmSync(sealedPath(older.db, attached.sha256));
    older.close();
    const unlocked = unlockForShell(file, hooks(fakeKeychain()).h)!;
    const desk = openApp({ file, osUser: 'ada', key: unlocked.key });
    return { file, caseId, text, attached, legacy, unlocked, desk };
  }

  it('seals, as the system, the files attached before schema 8 at the start that updates the store', () => {
    const { file, caseId, text, attached, legacy, unlocked, desk } = storeWithLegacyAttachment();
    // The store as this start found it: at schema 7, before attached files were sealed.
    protectOpenedStore({ ...desk, migratedFrom: 7 }, file, unlocked, { clock: () => new Date('2026-11-29T09:00:00.000Z') }).stop();
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.readFileSync(sealedPath(desk.db, attached.sha256)).includes(Buffer.from('certified judgment'))).toBe(false);
    expect(readAttachment(desk.context, { caseId, attachmentId: attached.id }).contentBase64).toBe(Buffer.from(text).toString('base64'));
    expect(listAuditEntries(desk.db, { entity: 'store', limit: 10 }).find((e) => e.action === 'attachments.seal')).toMatchObject({ userId: 'system', after: { sealed: 1, damaged: [] } });
    desk.close();
  });

  it('does not look at every attached file at every start: a store already at schema 8 or later is not searched', () => {
    const { file, legacy, unlocked, desk } = storeWithLegacyAttachment();
    expect(desk.migratedFrom).toBe(fs.readdirSync(path.resolve(import.meta.dirname, '../db/migrations')).filter((f) => f.endsWith('.sql')).length);
    protectOpenedStore(desk, file, unlocked, { clock: () => new Date('2026-11-29T09:00:00.000Z') }).stop();
    expect(fs.existsSync(legacy)).toBe(true); // left for tsp attachments seal
    expect(listAuditEntries(desk.db, { entity: 'store', limit: 10 }).map((e) => e.action)).not.toContain('attachments.seal');
    desk.close();
  });
});
