/**
 * The writer that tests/crash-safety.test.ts kills: opens the store given on the command line
 * (encrypted when TSP_DB_KEY is set) and writes through the services without end — create a
 * case, edit one (its person and sentences), assess one — printing one line per write only
 * after its transaction has committed:
 *   create <caseId> <version> | update <caseId> <version> | assess <caseId> <assessmentId>
 */
import fs from 'node:fs';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { parseKeyText } from '../db/encryption.ts';
import { openApp } from '../electron/app.ts';
import { runAssessment } from '../electron/services/assessments.ts';
import { createCase, updateCase } from '../electron/services/cases.ts';
import { Random } from '../electron/services/seeded-random.ts';

const [file, seedText] = process.argv.slice(2);
if (!file || !seedText) throw new Error('usage: crash-safety-child.ts STORE SEED');
const secret = process.env.TSP_DB_KEY;
const app = openApp({ file, osUser: 'crash-test', key: secret ? parseKeyText(secret) : undefined });
const random = new Random(Number(seedText));
const example = CASE_FIXTURES.formatExample as { person: object; sentences: object[] };
const cases = new Map<string, number>(
  (app.db.prepare('SELECT id, version FROM cases').all() as { id: string; version: number }[]).map((c) => [c.id, c.version]),
);

/** A write is acknowledged only once its transaction has returned; writeSync so the line is out before the next write starts. */
const ack = (line: string) => fs.writeSync(1, `${line}\n`);

function caseFile(name: string, sentences: number) {
  return { ...example, ruleSetId: 'coe-ets-112', person: { ...example.person, familyName: name }, sentences: example.sentences.slice(0, sentences) };
}

for (let n = 0; n < 100_000; n += 1) {
  const ids = [...cases.keys()];
  const op = ids.length === 0 ? 'create' : random.weighted([['create', 4], ['update', 4], ['assess', 2]] as const);
  if (op === 'create') {
    const record = createCase(app.context, { case: caseFile(`CRASH-${seedText}-${n}`, 2), reason: 'crash test' });
    cases.set(record.id, record.version);
    ack(`create ${record.id} ${record.version}`);
  } else if (op === 'update') {
    const id = random.pick(ids);
    // One sentence or two: the child rows are replaced inside the same transaction.
    const record = updateCase(app.context, { id, expectedVersion: cases.get(id) as number, case: caseFile(`EDITED-${seedText}-${n}`, random.int(1, 2)), reason: 'crash test edit' });
    cases.set(id, record.version);
    ack(`update ${id} ${record.version}`);
  } else {
    const id = random.pick(ids);
    const assessment = runAssessment(app.context, { caseId: id, reason: 'crash test' });
    ack(`assess ${id} ${assessment.id}`);
  }
}
app.close();
