/**
 * What the reliability tests run in a Sandbox (sandbox.ts), so that a hang is stopped: `tsp`
 * in-process on real files, a store's digest (its content, table by table) and the store-wide
 * views through the router.
 */
import { randomUUID } from 'node:crypto';
import { openFile } from '../../db/connection.ts';
import { findAssessment } from '../../db/assessments-repo.ts';
import { sha256Hex } from '../../db/canonical-json.ts';
import { parseKeyText } from '../../db/encryption.ts';
import { storeDigest } from '../../db/testing.ts';
import { openApp } from '../../electron/app.ts';
import { main } from '../../electron/cli.ts';
import { processIo } from '../../electron/cli/io.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `tsp ...args` in this thread, reading and writing real files; what it printed and its exit code. */
export async function tsp(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, { ...processIo, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The content of every table of a store (without migrating or changing it), and its case and audit counts. */
export function digestOf(file: string, keyText?: string): { digest: string; cases: number; audit: number } {
  const db = openFile(file, { key: keyText === undefined ? undefined : parseKeyText(keyText), fileMustExist: true });
  try {
    return {
      digest: storeDigest(db),
      cases: db.prepare('SELECT count(*) FROM cases').pluck().get() as number,
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** One channel through the router of a store opened as the CLI opens it (a supervisor): the response. */
export function dispatch(file: string, channel: string, payload: unknown, now?: string): unknown {
  const app = openApp({ file, osUser: 'reliability', clock: now === undefined ? undefined : () => new Date(now) });
  try {
    return app.router.dispatch(channel, payload);
  } finally {
    app.close();
  }
}

/** Runs SQL on a store as it is (no migration): to put in what no service would write. */
export function execSql(file: string, sql: string, params: unknown[] = []): void {
  const db = openFile(file, { fileMustExist: true });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/**
 * What an older version stored for a case whose sentence ran past the year 9999: its latest
 * assessment again, with the release written as `date`, and the due dates the list reads.
 */
export function storeLegacyRelease(file: string, caseId: string, date: string): void {
  const db = openFile(file, { fileMustExist: true });
  try {
    const row = db.prepare('SELECT * FROM assessments WHERE id = (SELECT latest_assessment_id FROM cases WHERE id = ?)').get(caseId) as Record<string, unknown>;
    const stored = findAssessment(db, row.id as string);
    const result = JSON.parse(stored?.result as string) as { dates: Record<string, unknown>; steps: { params: Record<string, unknown> }[] };
    result.dates.releaseDate = date;
    result.dates.sentenceExpiryDate = date;
    result.steps.push({ key: 'step.remaining.expiry', params: { release: { date }, reference: { date: '2026-01-01' }, days: 2_900_000 } } as never);
    // Schema 15: the result is a document of its own, named as the whole result as written (texts_id NULL).
    const text = JSON.stringify(result);
    db.prepare('INSERT INTO assessment_snapshots (hash, content) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING').run(sha256Hex(text), text);
    const resultId = db.prepare('SELECT id FROM assessment_snapshots WHERE hash = ?').pluck().get(sha256Hex(text));
    const columns = Object.keys(row);
    const values = { ...row, id: randomUUID(), result_id: resultId, texts_id: null, created_at: new Date().toISOString() };
    db.prepare(`INSERT INTO assessments (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
    db.prepare('INSERT OR REPLACE INTO case_due_dates (case_id, rescreen_on, release_date, discharge_date) VALUES (?, NULL, ?, NULL)').run(caseId, date);
  } finally {
    db.close();
  }
}
