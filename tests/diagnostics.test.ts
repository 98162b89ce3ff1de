/**
 * The diagnostics log and what Settings › About and "Copy diagnostics" give (issue 20): a failure
 * the router logs carries no case data, names, prison numbers or dates of birth, in the file or
 * in what is copied; the log rotates; About names the version, the store's schema and the
 * rule-set and treaty-map libraries in use.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../electron/app.ts';
import { openDiagnosticsLog, type DiagnosticsLog } from '../electron/diagnostics/log-file.ts';
import { redactForLog } from '../electron/diagnostics/redact.ts';
import { nodeShellInfo } from '../electron/diagnostics/shell-info.ts';
import { createSessionRouter } from '../electron/router.ts';
import { BUILT_IN_TREATY_MAP } from '../shared/treaties/map/built-in/index.ts';
import { BUILT_IN_RULESETS } from '../shared/treaties/library.ts';

const root = path.resolve(import.meta.dirname, '..');
const T01 = JSON.parse(fs.readFileSync(path.join(root, 'fixtures', 'coe-ets-112', 'T01-baseline.case.json'), 'utf8')) as Record<string, unknown>;

/** The person whose data must stay out of the log. */
const PERSON = { familyName: 'IVANOV', givenNames: 'Pyotr Sergeyevich', nativeName: 'Иванов Пётр', dateOfBirth: '1979-02-28' };
const PRISON_NUMBER = 'HK-9931-4417';
const SECRETS = ['IVANOV', 'Ivanov', 'Pyotr', 'Sergeyevich', 'Иванов', 'Пётр', '1979', '02-28', '9931', '4417'];

let dir: string;
let log: DiagnosticsLog;
let app: OpenedApp;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-diagnostics-'));
  log = openDiagnosticsLog({ dataDir: dir });
  app = openApp({ file: path.join(dir, 'tsp-desk.sqlite'), osUser: 'officer', shell: nodeShellInfo(log) });
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A stored case whose nationalities were damaged outside the app (CHECK constraints ignored): reading it fails with a SyntaxError quoting the value. */
function damagedCase(): string {
  const created = app.router.dispatch('cases.create', { case: { ...T01, person: { ...(T01.person as object), ...PERSON }, prisonNumber: PRISON_NUMBER } });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  app.db.pragma('ignore_check_constraints = ON');
  app.db.prepare('UPDATE persons SET nationalities = ?').run(`${PERSON.familyName} ${PERSON.givenNames} ${PERSON.dateOfBirth} ${PRISON_NUMBER}`);
  app.db.pragma('ignore_check_constraints = OFF');
  return created.data.id;
}

describe('the diagnostics log keeps no personal data', () => {
  it('a failure the router logs names the channel and the error, but no name, prison number or date of birth', () => {
    const id = damagedCase();
    // What the router hands the log: the error's own message quotes the damaged value.
    const raw: string[] = [];
    createSessionRouter(app.session, (message) => raw.push(message)).dispatch('cases.get', { id });
    expect(raw.join('\n')).toContain('IVANOV');

    expect(app.router.dispatch('cases.get', { id })).toMatchObject({ ok: false, error: { code: 'internal' } });
    const written = fs.readFileSync(log.file, 'utf8');
    expect(written).toMatch(/\[error\] router: cases\.get failed: SyntaxError: Unexpected token …/);
    for (const secret of SECRETS) expect(written, secret).not.toContain(secret);
  });

  it('with TSP_DEBUG=1 the stack is logged too, still without the person', () => {
    const id = damagedCase();
    const before = process.env.TSP_DEBUG;
    process.env.TSP_DEBUG = '1';
    try {
      app.router.dispatch('cases.get', { id });
    } finally {
      if (before === undefined) delete process.env.TSP_DEBUG;
      else process.env.TSP_DEBUG = before;
    }
    const written = fs.readFileSync(log.file, 'utf8');
    expect(written).toMatch(/ at .*case-mapping\.ts:\d+:\d+/); // where it happened: a source file and line
    for (const secret of SECRETS) expect(written, secret).not.toContain(secret);
  });

  it('"Copy diagnostics" gives the log lines, and no more of the person than the log', () => {
    const id = damagedCase();
    app.router.dispatch('cases.get', { id });
    const copied = app.router.dispatch('settings.diagnostics', undefined);
    if (!copied.ok) throw new Error(copied.error.code);
    expect(copied.data.text).toContain('router: cases.get failed: SyntaxError');
    for (const secret of SECRETS) expect(copied.data.text, secret).not.toContain(secret);
  });

  it('whatever a message quotes or names, no name, date or number of a person survives (property)', () => {
    const latinName = fc.stringMatching(/^[A-Z][a-z]{2,10}$/);
    const capsName = fc.stringMatching(/^[A-Z]{3,12}$/);
    const cyrillic = fc.stringMatching(/^[А-Я][а-я]{2,8}$/);
    const han = fc.stringMatching(/^[陳李張黃何林王吳劉蔡楊許鄭謝郭]{1}[大文小明美玲志強家豪]{1,2}$/);
    const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const prisonNumber = fc.tuple(fc.stringMatching(/^[A-Z]{2,4}$/), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `${a}-${b}-${c}`);
    const secret = fc.oneof(latinName, capsName, cyrillic, han, date, prisonNumber).filter((s) => redactForLog(s) !== s);
    const template = fc.constantFrom(
      (s: string) => `router: cases.get failed: SyntaxError: Unexpected token 'x', "${s} ..." is not valid JSON`,
      (s: string) => `backup failed: ENOSPC: no space left on device, write '/home/officer/${s}.sqlite'`,
      (s: string) => `router: cases.update failed: Error: case of ${s} could not be saved`,
      (s: string) => `render failed: TypeError: Cannot read properties of undefined (reading '${s}')`,
      (s: string) => `uncaught: Error: ${JSON.stringify({ person: { familyName: s, dateOfBirth: s } })}`,
      (s: string) => `renderer: ${s} ${s.toUpperCase()} born ${s}`,
      (s: string) => `file /tmp/exports/${s}/dossier.pdf: EACCES`,
    );
    fc.assert(
      fc.property(secret, template, (s, say) => {
        const line = redactForLog(say(s), { home: '/home/officer' });
        expect(line).not.toContain(s);
        expect(line).not.toContain(s.toUpperCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps what a failure needs: the error class, the codes, the words, the source file and line', () => {
    expect(redactForLog('router: cases.create failed: SqliteError: UNIQUE constraint failed: persons.prison_number')).toBe(
      'router: cases.create failed: SqliteError: UNIQUE constraint failed: persons.prison_number',
    );
    expect(redactForLog('backup failed: ENOSPC: no space left on device, write')).toBe('backup failed: ENOSPC: no space left on device, write');
    expect(redactForLog('    at mapCase (file:///home/officer/tsp/dist-electron/db/case-mapping.js:129:61)', { home: '/home/officer' })).toBe(
      '    at mapCase (file://~/tsp/dist-electron/db/case-mapping.js:129:61)',
    );
    expect(redactForLog("TypeError: Cannot read properties of undefined (reading 'familyName')")).toBe('TypeError: Cannot read properties of undefined (reading …)');
  });
});

describe('the diagnostics log file', () => {
  it('lives in the data folder and rotates: past its size it becomes .1, .2, .3, the oldest dropped', () => {
    const small = openDiagnosticsLog({ dataDir: path.join(dir, 'small'), maxBytes: 200 });
    expect(small.file).toBe(path.join(dir, 'small', 'logs', 'tsp-desk.log'));
    for (let i = 1; i <= 40; i++) small.info(i % 2 === 1 ? 'odd line' : 'even line');
    expect(fs.readdirSync(path.dirname(small.file)).sort()).toEqual(['tsp-desk.1.log', 'tsp-desk.2.log', 'tsp-desk.3.log', 'tsp-desk.log']);
    for (const f of fs.readdirSync(path.dirname(small.file))) expect(fs.statSync(path.join(path.dirname(small.file), f)).size).toBeLessThan(400);
    const tail = small.tail(6);
    expect(tail).toHaveLength(6);
    expect(tail.every((l) => /^\[\d{4}-\d\d-\d\dT[\d:.]+Z\] \[info\] +(odd|even) line$/.test(l)), tail.join('\n')).toBe(true);
    // Oldest first, newest last, across the archives: the 40th line was even.
    expect(tail.map((l) => l.split(' ').at(-2))).toEqual(['odd', 'even', 'odd', 'even', 'odd', 'even']);
  });
});

describe('About TSP Desk (settings.info)', () => {
  it('names the version, the store schema, the rule-set library and the treaty map in force', () => {
    const info = app.router.dispatch('settings.info', undefined);
    if (!info.ok) throw new Error(info.error.code);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(info.data).toMatchObject({
      dataFile: path.join(dir, 'tsp-desk.sqlite'),
      appVersion: pkg.version,
      schemaVersion: fs.readdirSync(path.join(root, 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length,
      ruleSets: { builtIn: BUILT_IN_RULESETS.length, stored: 0 },
      treatyMap: { builtIn: BUILT_IN_TREATY_MAP.version, inForce: BUILT_IN_TREATY_MAP.version, stored: false },
      platform: `${process.platform} ${process.arch}`,
      runtime: `Node ${process.versions.node}`,
    });
    expect(info.data.ruleSets.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  it('counts the rule-set versions saved in the store, and names a stored treaty map once it is in force', () => {
    const ruleSet = { ...structuredClone(BUILT_IN_RULESETS[0]), version: 'local-1', effectiveFrom: '2024-01-01' };
    expect(app.router.dispatch('rulesets.save', { ruleSet, reason: 'local practice' })).toMatchObject({ ok: true });
    const map = { ...structuredClone(BUILT_IN_TREATY_MAP), version: 'local-map-1', effectiveFrom: '2020-01-01' };
    expect(app.router.dispatch('treaties.saveMap', { map, reason: 'corrected entry' })).toMatchObject({ ok: true });
    const info = app.router.dispatch('settings.info', undefined);
    if (!info.ok) throw new Error(info.error.code);
    expect(info.data.ruleSets.stored).toBe(1);
    expect(info.data.treatyMap).toEqual({ builtIn: BUILT_IN_TREATY_MAP.version, inForce: 'local-map-1', stored: true });
  });

  it('"Copy diagnostics" without a log (the CLI, the test shells) says so', () => {
    const plain = openApp({ file: path.join(dir, 'plain.sqlite'), osUser: 'officer' });
    try {
      const copied = plain.router.dispatch('settings.diagnostics', undefined);
      if (!copied.ok) throw new Error(copied.error.code);
      expect(copied.data.logFile).toBeNull();
      expect(copied.data.text).toMatch(/^TSP Desk \S+\nStore schema: \d+\nRule-set library: \d+ built-in/);
      expect(copied.data.text).toContain('Log: none (this window writes no log)');
    } finally {
      plain.close();
    }
  });
});
