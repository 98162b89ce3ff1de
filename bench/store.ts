/**
 * Store benchmarks on a real SQLite file: writing cases through the service (validation,
 * mapping, audit hash chain) beside SQLite's bare insert speed, and the trigram search beside
 * a plain LIKE scan over the same people.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../electron/app.ts';
import { generateDemoCases, seedDemo } from '../electron/services/demo.ts';
import { listCases } from '../electron/services/cases.ts';
import { measure, type Measurement } from './measure.ts';

const CASES = 10_000;

export async function storeBenchmarks(): Promise<(Measurement & { ratio?: string })[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-bench-'));
  const app = openApp({ file: path.join(dir, 'bench.sqlite'), osUser: 'bench' });
  try {
    let started = performance.now();
    seedDemo(app.context, CASES, { assess: false });
    const seeded: Measurement = { name: `store: create ${CASES} cases via the service (validated, audited)`, opsPerSecond: (CASES * 1000) / (performance.now() - started), rounds: 1 };

    const raw = generateDemoCases(CASES, 2).map((c) => JSON.stringify(c));
    app.db.exec('CREATE TABLE bench_blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = app.db.prepare('INSERT INTO bench_blobs (body) VALUES (?)');
    started = performance.now();
    app.db.transaction(() => raw.forEach((body) => insert.run(body)))();
    const bare: Measurement = { name: `peer: bare INSERT of ${CASES} JSON blobs, one transaction`, opsPerSecond: (CASES * 1000) / (performance.now() - started), rounds: 1 };

    const queries = ['chan', 'ivan', 'silva', 'ngu', 'wong'];
    let q = 0;
    const search = measure(`store: search ${CASES} cases by name (FTS5 trigram, first page)`, () => {
      listCases(app.context, { text: queries[q++ % queries.length], includeClosed: true, limit: 100 });
    });
    const like = app.db.prepare("SELECT id FROM persons WHERE lower(family_name || ' ' || coalesce(given_names, '') || ' ' || coalesce(native_name, '') || ' ' || coalesce(prison_number, '')) LIKE ? LIMIT 100");
    const scan = measure(`peer: LIKE scan over the same ${CASES} people`, () => {
      like.all(`%${queries[q++ % queries.length]}%`);
    });
    return [
      { ...seeded, ratio: `${(seeded.opsPerSecond / bare.opsPerSecond).toFixed(2)}× bare inserts` },
      bare,
      { ...search, ratio: `${(search.opsPerSecond / scan.opsPerSecond).toFixed(2)}× a LIKE scan (which returns ids only)` },
      scan,
    ];
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
