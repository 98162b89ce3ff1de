/**
 * A ZIP archive (PKWARE APPNOTE 6.3, the subset every system opens: no ZIP64, no encryption,
 * entries stored or deflated, UTF-8 names) written and read synchronously with node:zlib, for
 * the transfer package: the other State opens it with any archive tool. Reading is bounded
 * (entries, sizes, names) so a hostile archive cannot exhaust memory, and every entry is
 * checked against its CRC-32.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

export const ZIP_LIMITS = { entries: 1000, entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, nameLength: 400 } as const;

export class ZipError extends Error {}

/** DOS date and time of 1980-01-01 00:00: the archive's own dates say nothing (the manifest dates the package). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = zlib.deflateRawSync(entry.bytes);
    const store = deflated.length >= entry.bytes.length;
    const data = store ? entry.bytes : deflated;
    const crc = zlib.crc32(entry.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function readZip(archive: Buffer): ZipEntry[] {
  const fail = (why: string): never => {
    throw new ZipError(why);
  };
  // The end record is within the last 22 + 65535 bytes (its comment).
  let end = -1;
  for (let i = archive.length - 22; i >= Math.max(0, archive.length - 22 - 0xffff); i--) {
    if (archive.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) fail('not a ZIP archive');
  const count = archive.readUInt16LE(end + 10);
  const directoryAt = archive.readUInt32LE(end + 16);
  if (count > ZIP_LIMITS.entries) fail(`more than ${ZIP_LIMITS.entries} entries`);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryAt;
  for (let n = 0; n < count; n++) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== 0x02014b50) fail('a damaged central directory');
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressed = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    if ((flags & 0x1) !== 0) fail('an encrypted entry');
    if (nameLength > ZIP_LIMITS.nameLength) fail('an entry name too long');
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name.startsWith('/') || name.split('/').includes('..') || name.includes('\\') || names.has(name)) fail(`an unsafe or repeated entry name "${name}"`);
    names.add(name);
    if (size > ZIP_LIMITS.entryBytes || (total += size) > ZIP_LIMITS.totalBytes) fail('entries larger than a package may be');
    if (localAt + 30 > archive.length || archive.readUInt32LE(localAt) !== 0x04034b50) fail(`a damaged entry "${name}"`);
    const dataAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    if (dataAt + compressed > archive.length) fail(`a truncated entry "${name}"`);
    const data = archive.subarray(dataAt, dataAt + compressed);
    let bytes: Buffer;
    if (method === 0) bytes = Buffer.from(data);
    else if (method === 8) {
      try {
        bytes = zlib.inflateRawSync(data, { maxOutputLength: ZIP_LIMITS.entryBytes });
      } catch {
        return fail(`an entry that does not inflate "${name}"`);
      }
    } else return fail(`an entry compressed with method ${method}`);
    if (bytes.length !== size || zlib.crc32(bytes) !== crc) fail(`an entry whose CRC does not match "${name}"`);
    if (!name.endsWith('/')) entries.push({ name, bytes });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
