/** `tsp due` in-process on a real SQLite file: what is due by urgency, as text and as JSON. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { runTsp } from './cli-io.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-cli-due-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tsp = runTsp;

const example = CASE_FIXTURES.formatExample as Record<string, unknown>;
const eu = (familyName: string, judgmentReceived: string) => ({
  ...example, ruleSetId: 'eu-fd-2008-909', status: 'awaiting-other-state',
  person: { ...(example.person as object), familyName }, events: { ...(example.events as object), judgmentReceived },
});

describe('tsp due', () => {
  it('lists deadlines by urgency as of --on, in text and JSON', async () => {
    const db = path.join(dir, 'due.sqlite');
    const input = path.join(dir, 'cases.json');
    // 2024-10-10 + 90 days = 2025-01-08; 2024-10-20 + 90 = 2025-01-18; 2024-12-01 + 90 = 2025-03-01.
    // Each case its own reference: one reference twice in a file is one case given twice, refused (issue 20).
    fs.writeFileSync(input, JSON.stringify([eu('AARON', '2024-10-10'), { ...eu('BERG', '2024-10-20'), reference: 'CSD-2024-0013' }, { ...eu('CARR', '2024-12-01'), reference: 'CSD-2024-0014' }]));
    expect((await tsp('cases', 'import', '--db', db, input)).code).toBe(0);

    const text = await tsp('due', '--db', db, '--on', '2025-01-15');
    expect(text.code).toBe(0);
    expect(text.out).toContain('What is due — 2025-01-15 (+90): Overdue 1, This week 1, Later 1');
    expect(text.out).toMatch(/Overdue\n {2}2025-01-08 {2}AARON, Pyotr \(CSD-2024-0012\) {2}Deadline: decision on recognition \(90 days\)/);
    expect(text.out.indexOf('BERG')).toBeLessThan(text.out.indexOf('CARR'));

    const json = JSON.parse((await tsp('due', '--db', db, '--on', '2025-01-15', '--json')).out);
    expect(json.items.map((i: { familyName: string; date: string; urgency: string }) => [i.familyName, i.date, i.urgency])).toEqual([
      ['AARON', '2025-01-08', 'overdue'], ['BERG', '2025-01-18', 'this-week'], ['CARR', '2025-03-01', 'later'],
    ]);

    const zh = await tsp('due', '--db', db, '--on', '2025-01-15', '--lang', 'zh-Hant');
    expect(zh.out).toContain('已逾期');
  });

  it('bad input exits 2 with a message', async () => {
    expect((await tsp('due', '--db', path.join(dir, 'due.sqlite'), '--on', '2025-02-30')).code).toBe(2);
    const missing = await tsp('due', '--db', path.join(dir, 'none.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no database');
  });
});
