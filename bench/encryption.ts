/**
 * The cost of encryption at rest (docs/storage-security.md): the same work on a plain store
 * and on an encrypted one (SQLCipher 4 through better-sqlite3-multiple-ciphers, raw 256-bit
 * key), each a fresh file in the same run: import N cases (validated, audited, one
 * transaction); then, reopened with a cold page cache, search by family name and open cases one by one. Time ratio plain / encrypted:
 * 1 means free, 0.5 means encryption doubles the time.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { rawKey, type StoreKey } from '../db/encryption.ts';
import { openApp } from '../electron/app.ts';
import { importCases } from '../electron/services/case-import.ts';
import { getCase, listCases } from '../electron/services/cases.ts';
import { listCasesInput } from '../shared/contracts/cases.ts';
import type { CaseFile } from '../shared/domain/case.ts';
import { progress, roundsRow, timed, type Round, type Row } from './measure.ts';

/** Rounds of a plain and an encrypted store (odd: the median is a round's). */
const ROUNDS = 3;

interface Timings {
  importMs: number;
  searchMs: number;
  readMs: number;
}

/** Import into a new store; then, reopened (SQLite's page cache empty, so every page read is decrypted), search and read. */
function run(file: string, key: StoreKey | undefined, items: readonly unknown[], names: readonly string[], reads: number): Timings {
  let ids: string[] = [];
  const writer = openApp({ file, osUser: 'bench', key });
  let importMs: number;
  try {
    importMs = timed(() => {
      ids = importCases(writer.context, items).ids;
    });
  } finally {
    writer.close();
  }
  const reader = openApp({ file, osUser: 'bench', key });
  try {
    const searchMs = timed(() => {
      for (const text of names) listCases(reader.context, listCasesInput.parse({ text, includeClosed: true, limit: 100 }));
    });
    const readMs = timed(() => {
      for (let i = 0; i < reads; i += 1) getCase(reader.context, { id: ids[(i * 7919) % ids.length] as string });
    });
    return { importMs, searchMs, readMs };
  } finally {
    reader.close();
  }
}

export function encryptionBenchmarks(cases: readonly CaseFile[], dir: string): Row[] {
  const n = cases.length;
  const items = JSON.parse(JSON.stringify(cases)) as unknown[];
  const names = [...new Set(cases.flatMap((c) => (typeof c.person.familyName === 'string' && [...c.person.familyName].length >= 3 ? [c.person.familyName] : [])))].slice(0, 100);
  const reads = Math.min(n, 2_000);
  // Rounds alternating a plain and an encrypted store, each a fresh file.
  const rounds: { plain: Timings; encrypted: Timings }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    progress(`encryption: round ${round + 1}/${ROUNDS}: ${n} cases imported, ${names.length} searches, ${reads} reads, on a plain store, then an encrypted one`);
    const plain = run(path.join(dir, `enc-plain-${round}.sqlite`), undefined, items, names, reads);
    const encrypted = run(path.join(dir, `enc-sqlcipher-${round}.sqlite`), rawKey(randomBytes(32)), items, names, reads);
    rounds.push({ plain, encrypted });
  }
  const of = (part: keyof Timings): Round[] => rounds.map((r) => ({ ours: r.encrypted[part], reference: r.plain[part] }));
  const how = 'ours: encrypted store (SQLCipher 4: AES-256-CBC + HMAC-SHA512 per 4 KiB page, raw key, no KDF); reference: plain store; same driver, schema and pragmas (WAL, synchronous=FULL), fresh files in the same run.';
  return [
    roundsRow(`encryption: import ${n.toLocaleString('en-GB')} cases, encrypted vs plain`, 'time', of('importMs'), 0.5, 'ratio >= 0.5', how, 'ms'),
    roundsRow(`encryption: ${names.length} name searches, encrypted vs plain`, 'time', of('searchMs'), 0.5, 'ratio >= 0.5', how, 'ms'),
    roundsRow(`encryption: open ${reads.toLocaleString('en-GB')} cases, encrypted vs plain`, 'time', of('readMs'), 0.5, 'ratio >= 0.5', how, 'ms'),
  ];
}
