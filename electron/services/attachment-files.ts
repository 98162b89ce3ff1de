/**
 * The files attached to cases, on disk beside the database: content-addressed (the same file
 * attached twice is stored once) and sealed with AES-256-GCM under the store's attachments
 * key (migration 0008), which lives inside the database — in an encrypted store a copied
 * attachments folder reads as noise.
 *
 *   <data folder>/attachments/<2 hex>/s-<HMAC-SHA256(key, sha256)>   "TSPA1" | 12-byte nonce | ciphertext | 16-byte tag
 *
 * The name is a keyed hash, so the folder does not tell which known document it holds; the
 * recorded sha256 is the GCM associated data, so a sealed file cannot stand in for another.
 * Files attached before schema 8 were stored as they came, named by their sha256; they are
 * still read. Whatever is read is checked against the recorded size and sha256.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { storeSecret } from '../../db/secrets-repo.ts';
import { syncDirectory, syncFile } from '../../db/store-files.ts';
import { ServiceError } from './errors.ts';

const MAGIC = Buffer.from('TSPA1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Where attachments live: beside the database file, in the app's data folder (or the CLI's and tests' temporary one). */
export function attachmentsDir(db: Database.Database): string {
  if (db.memory || db.name === '') throw new ServiceError('conflict', 'error.attachments_unavailable');
  return path.join(path.dirname(path.resolve(db.name)), 'attachments');
}

/** The file of a sealed attachment. */
export function sealedPath(db: Database.Database, sha256: string): string {
  const name = crypto.createHmac('sha256', storeSecret(db, 'attachments')).update(sha256).digest('hex');
  return path.join(attachmentsDir(db), name.slice(0, 2), `s-${name}`);
}

/** The file of an attachment stored before schema 8, as it came. */
export function legacyPath(db: Database.Database, sha256: string): string {
  return path.join(attachmentsDir(db), sha256.slice(0, 2), sha256);
}

export function sha256Of(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Seals and writes the bytes unless already there; returns their sha256. The rename of a flushed
 * file makes a half-written file impossible (a part file left by a crash goes at the next start). Called before the write transaction that records the
 * attachment: a write that then fails leaves at most an unreferenced file.
 */
export function storeAttachment(db: Database.Database, bytes: Buffer): string {
  const sha256 = sha256Of(bytes);
  const target = sealedPath(db, sha256);
  if (!fs.existsSync(target)) {
    const nonce = crypto.randomBytes(NONCE_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', storeSecret(db, 'attachments'), nonce).setAAD(Buffer.from(sha256));
    const sealed = Buffer.concat([MAGIC, nonce, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${process.pid}.${crypto.randomUUID()}.part`;
    fs.writeFileSync(temp, sealed, { mode: 0o600 });
    syncFile(temp);
    fs.renameSync(temp, target);
    syncDirectory(path.dirname(target));
  }
  return sha256;
}

function unseal(db: Database.Database, sha256: string, sealed: Buffer): Buffer | null {
  if (sealed.length < MAGIC.length + NONCE_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const nonce = sealed.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', storeSecret(db, 'attachments'), nonce).setAAD(Buffer.from(sha256));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(MAGIC.length + NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null; // the tag does not match: changed on disk
  }
}

/** The bytes of the attachment recorded with `sha256` and `size`, or null when its file is missing, changed or damaged. */
export function readAttachmentBytes(db: Database.Database, sha256: string, size: number): Buffer | null {
  const sealed = sealedPath(db, sha256);
  const legacy = legacyPath(db, sha256);
  const bytes = fs.existsSync(sealed) ? unseal(db, sha256, fs.readFileSync(sealed)) : fs.existsSync(legacy) ? fs.readFileSync(legacy) : null;
  return bytes !== null && bytes.length === size && sha256Of(bytes) === sha256 ? bytes : null;
}
