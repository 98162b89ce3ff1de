/**
 * `tsp package export|import` on real stores: a package made from one store imports into another
 * as an incoming case; imported again it makes nothing and says the case and package agree; a
 * package changed after it was made is refused with exit 2 and the store unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { storeDigest } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { readZip, writeZip } from '../electron/packages/zip.ts';
import { runTsp } from './cli-io.ts';

let dir: string;
const file = (name: string) => path.join(dir, name);
let caseId: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-package-'));
  const app = openApp({ file: file('sender.sqlite'), osUser: os.userInfo().username });
  try {
    const created = app.router.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), direction: 'outgoing' } });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    caseId = created.data.id;
  } finally {
    app.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tsp package', () => {
  it('exports a case as a package that another store imports as an incoming case, and a second import makes nothing', async () => {
    const exported = await runTsp('package', 'export', '--db', file('sender.sqlite'), '--case', caseId, '--out', file('case.tsp.zip'));
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(`Wrote the transfer package of case ${caseId} to ${file('case.tsp.zip')}`);
    expect(readZip(fs.readFileSync(file('case.tsp.zip'))).map((e) => e.name)).toEqual(['manifest.json', 'case.json', 'request.pdf']);

    const first = await runTsp('package', 'import', '--db', file('receiver.sqlite'), file('case.tsp.zip'));
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Imported the package of HK CSD-2024-0012 as the incoming case [0-9a-f-]{36}\.\n$/);
    const receivedId = /case ([0-9a-f-]{36})/.exec(first.out)![1]!;
    const app = openApp({ file: file('receiver.sqlite'), osUser: os.userInfo().username });
    const before = storeDigest(app.db);
    const got = app.router.dispatch('cases.get', { id: receivedId });
    app.close();
    expect(got.ok && got.data.case.direction).toBe('incoming');

    const second = await runTsp('package', 'import', '--db', file('receiver.sqlite'), file('case.tsp.zip'));
    expect(second.code).toBe(0);
    expect(second.out).toBe(`The package of HK CSD-2024-0012 was imported before, as case ${receivedId}: nothing was written. The case and the package agree.\n`);
    const after = openApp({ file: file('receiver.sqlite'), osUser: os.userInfo().username });
    expect(storeDigest(after.db)).toBe(before);
    after.close();
  });

  it('refuses a package whose request was changed after it was made: exit 2, the file named, the store unchanged', async () => {
    expect((await runTsp('package', 'export', '--db', file('sender.sqlite'), '--case', caseId, '--out', file('t.tsp.zip'))).code).toBe(0);
    const entries = readZip(fs.readFileSync(file('t.tsp.zip')));
    fs.writeFileSync(file('tampered.tsp.zip'), writeZip(entries.map((e) => (e.name === 'request.pdf' ? { ...e, bytes: Buffer.concat([e.bytes, Buffer.from('\n')]) } : e))));
    const store = openApp({ file: file('other.sqlite'), osUser: os.userInfo().username });
    const before = storeDigest(store.db);
    store.close();
    const r = await runTsp('package', 'import', '--db', file('other.sqlite'), file('tampered.tsp.zip'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('was not imported (nothing was written): conflict');
    expect(r.err).toContain('request.pdf does not match its SHA-256 digest in the manifest');
    const after = openApp({ file: file('other.sqlite'), osUser: os.userInfo().username });
    expect(storeDigest(after.db)).toBe(before);
    after.close();
  });

  it.each([
    ['no --case', ['package', 'export', '--db', 'STORE', '--out', 'x.zip'], '--case is required'],
    ['no file to import', ['package', 'import', '--db', 'STORE'], 'use: tsp package import'],
    ['a file that is not there', ['package', 'import', '--db', 'STORE', 'missing.tsp.zip'], 'cannot read the package'],
    ['an unknown subcommand', ['package', 'send'], 'use: tsp package export'],
  ])('exits 2 on bad input: %s', async (_name, args, message) => {
    const r = await runTsp(...args.map((a) => (a === 'STORE' ? file('sender.sqlite') : a.endsWith('.zip') ? file(a) : a)));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
