/**
 * The router is the gate every shell goes through: each channel is called with a valid and
 * an invalid payload, roles are enforced, and nothing is written when a call is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { isOutputSchema, type ChannelContract } from '../shared/contracts/channel.ts';
import { API, AREAS, CHANNELS, type ApiInputs, type ApiResponse, type Channel } from '../shared/api.ts';
import { BUILT_IN_TREATY_MAP } from '../shared/treaties/map/built-in/index.ts';
import { BUILT_IN_RULESETS } from '../shared/treaties/library.ts';
import { BUILT_IN_PROFILES } from '../shared/treaties/profile-schema.ts';
import { createRouter, HANDLERS, type Router } from './router.ts';
import { provideBackups, provideRestore } from './services/backups.ts';
import { provideOffice } from './services/office.ts';
import type { OfficeStatus } from '../shared/contracts/office.ts';
import type { ServiceContext } from './services/context.ts';
import { serviceHarness, type ServiceHarness } from './services/testing.ts';
import { storeDigest } from '../db/testing.ts';

const example = CASE_FIXTURES.formatExample as Record<string, unknown>;
const exampleCase = { ...example, ruleSetId: 'coe-ets-112' };
const PASSWORD = 'correct horse battery staple';

let h: ServiceHarness;
let admin: Router;
let caseId: string;

function data<C extends Channel>(response: ApiResponse<C>) {
  if (!response.ok) throw new Error(`${response.error.code}: ${JSON.stringify(response.error.problems)}`);
  return response.data;
}

beforeEach(() => {
  h = serviceHarness();
  admin = createRouter(h.admin, () => {});
  caseId = data(admin.dispatch('cases.create', { case: exampleCase })).id;
});
afterEach(() => h.dispose());

/** A valid payload for every channel (built against the case created in beforeEach). */
function validPayloads(): { [C in Channel]: ApiInputs[C] } {
  const ruleSet = { ...structuredClone(BUILT_IN_RULESETS[0]), version: 'local-1', effectiveFrom: '2024-01-01' };
  return {
    'session.current': undefined,
    'session.signIn': { name: 'Ada Admin', password: PASSWORD }, // after the password is set, below
    // Ada Admin has no password yet (a store from before sign-in), and she is at her own account.
    'session.setup': { name: 'Ada Admin', password: PASSWORD },
    'session.signOut': undefined,
    'session.changePassword': { currentPassword: PASSWORD, newPassword: 'a different long phrase' },
    'settings.info': undefined,
    'settings.diagnostics': undefined,
    'backups.state': undefined,
    'backups.run': {},
    'backups.inspect': { name: BACKUP },
    'backups.restore': { name: BACKUP, reason: 'the store was damaged', confirm: true },
    'cases.list': { text: 'ivanov' },
    'cases.get': { id: caseId },
    'cases.events': { caseId },
    'cases.create': { case: { ...example, person: { familyName: 'PETROV' } } },
    'cases.update': { id: caseId, expectedVersion: 1, case: { ...exampleCase, reference: 'CSD-2024-0099' }, reason: 'reference corrected' },
    'cases.setStatus': { id: caseId, expectedVersion: 1, status: 'screening', reason: 'application received' },
    'cases.close': { id: caseId, expectedVersion: 1, outcome: 'deceased', reason: 'death certificate received', reasonCode: 'deceased' },
    'cases.reopen': { id: caseId, expectedVersion: 1, status: 'draft', reason: 'reopened' },
    'workflow.state': { caseId },
    'workflow.transition': { id: caseId, expectedVersion: 1, transition: 'start-screening', date: '2025-01-10', reason: 'application received', legalBasis: 'ETS 112 Art. 2(2)' },
    'workflow.checkHandover': { caseId, plannedOn: '2025-03-01' },
    'cases.work': { caseId },
    'cases.recordCorrespondence': { caseId, kind: 'request', correspondent: 'other-state', outgoing: true, date: '2025-01-10', chaseOn: '2025-02-10' },
    'cases.addNote': { caseId, text: 'Consul visit on Friday.' },
    'cases.assign': { caseId, userId: h.officer.user.id },
    'documents.list': { caseId },
    'documents.setStatus': { caseId, kind: 'certified-judgment', status: 'requested', note: 'asked the court registry' },
    'documents.attach': { caseId, kind: 'certified-judgment', fileName: 'judgment.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 judgment').toString('base64') },
    'documents.attachment': { caseId, attachmentId: 1 },
    'due.list': { on: '2025-01-15' },
    'enforcement.compute': { caseId, handover: '2024-06-01' },
    // On an incoming case at the Adaptation step (created below): the fixture's own decision, within the limits.
    'enforcement.recordDecision': {
      id: caseId, expectedVersion: 1, procedure: 'conversion',
      decision: { authority: 'Court of First Instance', date: '2025-01-10', term: { years: 6, months: 6 } }, reason: 'conversion order received',
    },
    'cases.import': [{ ...example, person: { familyName: 'SIDOROV' } }],
    'cases.export': {},
    'cases.importPreview': [{ ...example, person: { familyName: 'SIDOROV' } }],
    'imports.spreadsheetStart': { fileName: 'cases.csv', contentBase64: Buffer.from('Family name,Sentencing State,Administering State\nSIDOROV,HK,TH\n').toString('base64') },
    'imports.spreadsheetProgress': { jobId: '00000000-0000-4000-8000-000000000000' }, // replaced by a started spreadsheet's id
    'imports.spreadsheetCommit': { jobId: '00000000-0000-4000-8000-000000000000', skipInvalid: false }, // replaced by a checked spreadsheet's id
    'imports.template': { locale: 'zh-Hant' },
    'assessments.run': { caseId, on: '2024-03-01' },
    'assessments.list': { caseId },
    'routes.forCase': { caseId, on: '2024-03-01' },
    'routes.screen': { limit: 10 },
    'treaties.table': { a: 'CH', b: 'PL', on: '2024-03-01' },
    'treaties.mapVersions': undefined,
    'treaties.map': {},
    'treaties.saveMap': { map: { ...structuredClone(BUILT_IN_TREATY_MAP), version: 'local-1' }, reason: 'Romania\'s date found' },
    'rulesets.list': undefined,
    'rulesets.save': { ruleSet, reason: 'local edition' },
    'rulesets.get': { id: 'coe-ets-112' },
    'rulesets.pendingReassessments': undefined,
    'rulesets.reassess': { ruleSetId: 'coe-ets-112', version: '1983', reason: 'declaration recorded' },
    'rulesets.reassessStep': { reportId: '00000000-0000-4000-8000-000000000000' }, // replaced by a started report's id
    'rulesets.reassessCancel': { reportId: '00000000-0000-4000-8000-000000000000' }, // replaced by a started report's id
    'rulesets.reassessPreview': { ruleSetId: 'coe-ets-112', version: '1983' },
    'rulesets.reassessReport': { reportId: '00000000-0000-4000-8000-000000000000' }, // likewise
    'rulesets.reassessExport': { reportId: '00000000-0000-4000-8000-000000000000', format: 'pdf', locale: 'zh-Hant' }, // likewise
    'rulesets.reassessReports': { ruleSetId: 'coe-ets-112' },
    'profiles.list': undefined,
    'profiles.save': { profile: { ...structuredClone(BUILT_IN_PROFILES[1]), version: 'local-1', effectiveFrom: '2024-01-01' }, reason: 'r. 69 confirmed' },
    'users.list': undefined,
    'users.create': { name: 'Chan Legal', role: 'legal' },
    'users.setPassword': { userId: h.officer.user.id, password: PASSWORD },
    'users.unlock': { userId: h.officer.user.id }, // after the password is set, below
    'audit.list': { limit: 10 },
    'audit.forCase': { caseId },
    'audit.verify': undefined,
    'dossier.model': { caseId, locale: 'zh-Hant' },
    'dossier.pdf': { caseId },
    'settings.letter': undefined,
    'settings.saveLetter': { letter: { authority: 'Correctional Services Department', place: 'Hong Kong' } },
    'packages.make': { caseId },
    'packages.import': { contentBase64: 'replaced by a package made of the case' },
    'reports.statistics': { from: '2024-01-01', to: '2024-12-31', direction: 'outgoing' },
    'reports.export': { query: { from: '2024-01-01', to: '2024-12-31' }, format: 'csv' },
    'reports.exportProgress': { jobId: '00000000-0000-4000-8000-000000000000' }, // replaced by a started export's id
    'office.status': undefined,
    'office.connect': { url: 'https://tsp.office.example:8443', fingerprint: 'ab'.repeat(32), reason: 'one register for the office' },
    'office.disconnect': undefined,
  };
}

const IDLE_BACKUPS = { dir: '/backups', backups: [], running: null, lastFailure: null, policy: { daily: 7, weekly: 4, monthly: 12 } };
const BACKUP = 'tsp-desk-2026-11-29T080000Z.sqlite';

const INVALID: { [C in Channel]: unknown } = {
  'session.current': { extra: 1 },
  'session.signIn': { name: 'Ada Admin' },
  'session.setup': { name: '', password: 42 },
  'session.signOut': { everywhere: true },
  'session.changePassword': { newPassword: null },
  'settings.info': 'path',
  'settings.diagnostics': { lines: 10 },
  'backups.state': { dir: '/tmp' },
  'backups.run': { reason: 42 },
  'backups.inspect': { name: '../tsp-desk.sqlite' },
  'backups.restore': { name: BACKUP, reason: 'r' },
  'cases.list': { limit: 10_000 },
  'cases.get': { id: 'not-a-uuid' },
  'cases.events': {},
  'cases.create': { case: { format: 'tsp-case/1' }, unexpected: true },
  'cases.update': { id: 'x', expectedVersion: 0, case: {}, reason: '' },
  'cases.setStatus': { id: 'x', expectedVersion: 1, status: 'transferred', reason: 'r' },
  'cases.close': { id: 'x', expectedVersion: 1, outcome: 'vanished', reason: 'r' },
  'cases.reopen': { id: 'x', expectedVersion: 1, status: 'closed', reason: '' },
  'workflow.state': { caseId: 'x' },
  'workflow.transition': { id: 'x', expectedVersion: 1, transition: 'teleport', reason: 'r' },
  'workflow.checkHandover': { caseId: 'x', plannedOn: 'soon' },
  'cases.work': {},
  'cases.recordCorrespondence': { caseId: 'x', kind: 'telegram', correspondent: 'other-state', outgoing: true, date: '2025-01-10' },
  'cases.addNote': { caseId: 'x', text: '' },
  'cases.assign': { caseId: 'x' },
  'documents.list': {},
  'documents.setStatus': { caseId: 'x', kind: 'Certified Judgment', status: 'lost' },
  'documents.attach': { caseId: 'x', kind: 'certified-judgment', fileName: '', contentBase64: 42 },
  'documents.attachment': { caseId: 'x', attachmentId: 0 },
  'due.list': { on: '2025-02-30', horizonDays: -1 },
  'enforcement.compute': { caseId: 'x', procedure: 'pardon' },
  'enforcement.recordDecision': { id: 'x', expectedVersion: 1, procedure: 'conversion', decision: { authority: '', date: '2025-02-30', term: 'forever' }, reason: '' },
  'cases.import': [{ format: 'tsp-case/1', sentencingState: 'hk' }],
  'cases.export': { ids: ['nope'] },
  'cases.importPreview': [],
  'imports.spreadsheetStart': { fileName: '', contentBase64: 42 },
  'imports.spreadsheetProgress': { jobId: 'job-1' },
  'imports.spreadsheetCommit': { jobId: 'job-1', skipInvalid: 'yes' },
  'imports.template': { locale: 'fr' },
  'assessments.run': { caseId: 'x', on: '2024-02-30' },
  'assessments.list': { caseId: 42 },
  'routes.forCase': { caseId: 'x', on: '2024-02-30' },
  'routes.screen': { limit: 0 },
  'treaties.table': { a: 'ch', b: 'Poland' },
  'treaties.mapVersions': { all: true },
  'treaties.map': { version: 42 },
  'treaties.saveMap': { map: { format: 'tsp-treaty-map/1' }, reason: 'r' },
  'rulesets.list': 'all',
  'rulesets.save': { ruleSet: { format: 'tsp-ruleset/1' }, reason: 'r' },
  'rulesets.get': { id: 'Not An Id' },
  'rulesets.pendingReassessments': { all: true },
  'rulesets.reassess': { ruleSetId: 'coe-ets-112', version: '', reason: '' },
  'rulesets.reassessStep': { reportId: 'report-1' },
  'rulesets.reassessCancel': { reportId: 'report-1' },
  'rulesets.reassessPreview': { ruleSetId: 'coe-ets-112' },
  'rulesets.reassessReport': {},
  'rulesets.reassessExport': { reportId: '00000000-0000-4000-8000-000000000000', format: 'docx' },
  'rulesets.reassessReports': { ruleSetId: 42 },
  'profiles.list': [],
  'profiles.save': { profile: { format: 'tsp-profile/1', code: 'hk' }, reason: 'r' },
  'users.list': [],
  'users.create': { name: '', role: 'superuser' },
  'users.setPassword': { userId: 'u1', password: '' },
  'users.unlock': { userId: null },
  'audit.list': { limit: 0 },
  'audit.forCase': { caseId: 'not-a-case', limit: 0 },
  'audit.verify': { deep: true },
  'dossier.model': { caseId: 'x', locale: 'fr' },
  'dossier.pdf': {},
  'settings.letter': { authority: 'x' },
  'settings.saveLetter': { letter: { addressees: { russia: 'x' } } },
  'packages.make': { caseId: 'x' },
  'packages.import': { contentBase64: '' },
  'reports.statistics': { from: '2024-12-31', to: '2024-01-01' },
  'reports.export': { query: { from: '2024-01-01', to: '2024-12-31' }, format: 'docx' },
  'reports.exportProgress': { jobId: 'job-1' },
  'office.status': { url: 'x' },
  'office.connect': { url: 42, fingerprint: null, reason: 'r' },
  'office.disconnect': { reason: 7 },
};

describe('every channel', () => {
  it('has a handler, a payload schema and roles', () => {
    for (const channel of CHANNELS) expect(API[channel].roles.length).toBeGreaterThan(0);
    expect(CHANNELS).toHaveLength(80);
  });

  it('checks the answer of every channel whose output has a schema; the rest are typed only', () => {
    const typedOnly = CHANNELS.filter((channel) => !isOutputSchema((API[channel] as ChannelContract).output));
    expect(typedOnly.sort()).toEqual([
      'backups.inspect', 'backups.restore', 'backups.run', 'backups.state', 'cases.export', 'cases.importPreview', 'dossier.model', 'dossier.pdf', 'enforcement.compute',
        'imports.spreadsheetCommit', 'imports.spreadsheetProgress', 'imports.spreadsheetStart', 'imports.template',
      'office.connect', 'office.disconnect', 'office.status', 'packages.import', 'packages.make', 'reports.export', 'reports.exportProgress', 'reports.statistics', 'routes.screen', 'rulesets.reassessExport', 'settings.diagnostics', 'settings.info',
    ]);
  });

  it('has one handler per channel of an area, typed from its contract', () => {
    const areaChannels = Object.values(AREAS).flatMap((area) => Object.keys(area));
    expect(Object.keys(HANDLERS).sort()).toEqual(areaChannels.sort());
  });

  it.each(CHANNELS)('%s answers a valid payload with data', async (channel) => {
    let payload: unknown = validPayloads()[channel];
    if (channel === 'cases.reopen') {
      const closed = data(admin.dispatch('cases.close', { id: caseId, expectedVersion: 1, outcome: 'deceased', reason: 'r', reasonCode: 'deceased' }));
      payload = { ...(payload as object), expectedVersion: closed.version };
    }
    if (channel === 'session.signIn' || channel === 'session.changePassword') data(admin.dispatch('users.setPassword', { userId: h.admin.user.id, password: PASSWORD }));
    if (channel === 'users.unlock') data(admin.dispatch('users.setPassword', { userId: h.officer.user.id, password: PASSWORD }));
    if (channel === 'rulesets.reassessStep' || channel === 'rulesets.reassessReport' || channel === 'rulesets.reassessCancel' || channel === 'rulesets.reassessExport') {
      payload = { ...(payload as object), reportId: data(admin.dispatch('rulesets.reassess', { ruleSetId: 'coe-ets-112', version: '1983', reason: 'r' })).reportId };
    }
    if (channel === 'documents.attachment') data(admin.dispatch('documents.attach', validPayloads()['documents.attach']));
    if (channel === 'packages.import') payload = { contentBase64: data(admin.dispatch('packages.make', { caseId })).base64 };
    if (channel === 'enforcement.recordDecision') payload = { ...(payload as object), id: data(admin.dispatch('cases.create', { case: CASE_FIXTURES.incomingConversion })).id };
    if (channel === 'imports.spreadsheetProgress' || channel === 'imports.spreadsheetCommit') {
      const { jobId } = data(admin.dispatch('imports.spreadsheetStart', validPayloads()['imports.spreadsheetStart']));
      // Read and checked after the answer: the commit waits for the preview.
      if (channel === 'imports.spreadsheetCommit') await expect.poll(() => data(admin.dispatch('imports.spreadsheetProgress', { jobId })).phase).toBe('ready');
      payload = { ...(payload as object), jobId };
    }
    if (channel === 'reports.exportProgress') payload = { jobId: data(admin.dispatch('reports.export', { query: { from: '2024-01-01', to: '2024-12-31' }, format: 'csv' })).jobId };
    // The desktop app's main process provides the office connection (electron/office-connection.test.ts); here a stand-in.
    if (channel.startsWith('office.')) {
      let status: OfficeStatus = { mode: channel === 'office.disconnect' ? 'office' : 'desk', url: null, fingerprint: null, available: true };
      provideOffice(h.store.db, {
        status: () => status,
        connect: (server) => (status = { ...status, mode: 'office', ...server }),
        disconnect: () => (status = { ...status, mode: 'desk', url: null, fingerprint: null }),
      });
    }
    // The app's scheduler provides the backups (tests/backup.test.ts); here a stand-in that has none yet.
    if (channel.startsWith('backups.')) {
      provideBackups(h.store.db, { state: () => IDLE_BACKUPS, backUpNow: () => Promise.resolve() });
      // Restoring for real: tests/restore-in-app.test.ts; here a stand-in with one sound backup.
      provideRestore(h.store.db, {
        inspect: (name) => (name === BACKUP ? { name, at: '2026-11-29T08:00:00.000Z', bytes: 1, schemaVersion: 17, cases: 0, auditEntries: 1, problems: [] } : null),
        request: (_ctx, name) => ({ name, requestedAt: '2026-11-29T08:00:01.000Z', restarting: false }),
      });
    }
    const response = admin.dispatch(channel, payload);
    expect(response.ok, JSON.stringify(response)).toBe(true);
    // What it answers is what its contract says (an answer without a schema is typed only: shared/contracts/channel.ts).
    const output = (API[channel] as ChannelContract).output;
    if (response.ok && isOutputSchema(output)) expect(output.safeParse(response.data).error?.issues ?? []).toEqual([]);
  });

  it.each(CHANNELS)('%s refuses an invalid payload with its field problems and writes nothing', (channel) => {
    const before = storeDigest(h.store.db);
    const response = admin.dispatch(channel, INVALID[channel]);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(['invalid_input', 'not_found']).toContain(response.error.code);
    expect(response.error.problems.length).toBeGreaterThan(0);
    for (const p of response.error.problems) expect(p.message).not.toBe('');
    // Worded at the edge, in the reader's language: a key for every problem, never English only.
    expect(response.error.problems.filter((p) => p.messageKey === undefined)).toEqual([]);
    expect(storeDigest(h.store.db)).toBe(before);
  });
});

describe('one instant per call', () => {
  // Each read of this clock is a day later: a call that read it twice would date its rows on two days.
  const CALLS: readonly Channel[] = ['assessments.run', 'cases.update', 'workflow.state', 'workflow.transition', 'documents.list', 'dossier.model', 'due.list', 'cases.work'];

  it.each(CALLS)('%s reads the clock once, so its writes and its "today" are of one day', (channel) => {
    let reads = 0;
    let day = Date.parse('2025-01-15T12:00:00.000Z');
    const ticking = createRouter({ ...h.admin, clock: () => { reads += 1; day += 86_400_000; return new Date(day); } }, () => {});
    const response = ticking.dispatch(channel, validPayloads()[channel]);
    expect(response.ok, JSON.stringify(response)).toBe(true);
    expect(reads).toBe(1);
  });

  it('dates an assessment run at midnight on the day its write is stamped with', () => {
    let reads = 0;
    // 23:59:59.999 local time, then the next day.
    const instants = [new Date(2025, 0, 15, 23, 59, 59, 999), new Date(2025, 0, 16, 0, 0, 0, 1)];
    const ticking = createRouter({ ...h.admin, clock: () => instants[Math.min(reads++, 1)]! }, () => {});
    // No request received yet: the reference date is "today", the provisional reading.
    const undated = data(admin.dispatch('cases.create', { case: { ...exampleCase, events: { ...(example.events as object), requestReceived: null } } })).id;
    const run = data(ticking.dispatch('assessments.run', { caseId: undated }));
    expect(run.result.referenceSource).toBe('today');
    expect(run.referenceDate).toBe('2025-01-15');
    expect(new Date(run.createdAt).getDate()).toBe(15);
  });
});

describe('backups', () => {
  it('has none where no scheduler runs (the CLI): the state is null and a backup is refused', () => {
    expect(data(admin.dispatch('backups.state', {}))).toBeNull();
    const refused = admin.dispatch('backups.run', {});
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'not_found', messageKey: 'error.backups_unavailable' });
  });

  it('starts one backup at a time, as the signed-in supervisor, and answers at once with the state', () => {
    const asked: { userId: string; reason: string }[] = [];
    let running: { startedAt: string; by: 'user' } | null = null;
    provideBackups(h.store.db, {
      state: () => ({ ...IDLE_BACKUPS, running }),
      backUpNow: (actor, reason) => {
        asked.push({ userId: actor.userId, reason });
        running = { startedAt: '2026-11-29T08:00:00.000Z', by: 'user' };
        return new Promise(() => undefined);
      },
    });
    expect(data(admin.dispatch('backups.run', {})).running).toStrictEqual({ startedAt: '2026-11-29T08:00:00.000Z', by: 'user' });
    expect(asked).toStrictEqual([{ userId: h.admin.user.id, reason: 'asked for in Settings' }]);
    const again = admin.dispatch('backups.run', {});
    expect(again.ok ? null : again.error).toMatchObject({ code: 'conflict', messageKey: 'error.backup_running' });
    expect(asked).toHaveLength(1);
  });
});

describe('an import of a case already here (issue 20)', () => {
  it('is an update of that case, field by field, or unchanged: never a second case', () => {
    const [file] = data(admin.dispatch('cases.export', { ids: [caseId] }));
    const count = () => data(admin.dispatch('cases.list', { includeClosed: true, limit: 10 })).total;
    expect(data(admin.dispatch('cases.import', [file]))).toMatchObject({ ids: [caseId], outcomes: ['unchanged'] });
    const corrected = { ...file, remandDays: 200 };
    expect(data(admin.dispatch('cases.importPreview', [corrected])).rows).toMatchObject([
      { outcome: 'update', caseId, differences: [{ field: 'remandDays', stored: '190', incoming: '200' }] },
    ]);
    expect(data(admin.dispatch('cases.import', [corrected]))).toMatchObject({ ids: [caseId], outcomes: ['update'] });
    expect(data(admin.dispatch('cases.get', { id: caseId }))).toMatchObject({ version: 2, case: { remandDays: 200 } });
    expect(count()).toBe(1);
  });
});

describe('the gate', () => {
  it('names the bad fields of a case import: cases[i].<field>', () => {
    const response = admin.dispatch('cases.import', [exampleCase, { ...example, sentences: [{ id: 'S1', start: '2023-13-01', term: 'forever' }] }]);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    const fields = response.error.problems.map((p) => p.field);
    expect(fields).toContain('cases[1].sentences[0].start');
    expect(fields).toContain('cases[1].sentences[0].term');
    expect(fields.some((f) => f.startsWith('cases[0]'))).toBe(false);
  });

  it('refuses an unknown channel', () => {
    expect(admin.dispatch('cases.drop', {})).toMatchObject({ ok: false, error: { code: 'not_found', messageKey: 'error.unknown_channel' } });
    expect(admin.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('checks the role before the service runs: a viewer reads but cannot write', () => {
    const viewerUser = data(admin.dispatch('users.create', { name: 'Vera Viewer', role: 'viewer' }));
    const viewer: ServiceContext = { ...h.admin, user: { id: viewerUser.id, name: viewerUser.name, role: 'viewer' } };
    const router = createRouter(viewer, () => {});
    expect(data(router.dispatch('cases.list', {})).total).toBe(1);
    const before = storeDigest(h.store.db);
    expect(router.dispatch('assessments.run', { caseId })).toMatchObject({ ok: false, error: { code: 'forbidden', messageKey: 'error.role_forbidden' } });
    expect(router.dispatch('cases.create', { case: exampleCase })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(storeDigest(h.store.db)).toBe(before);
  });

  it('turns an unexpected failure into an internal error value and logs it', () => {
    const logged: string[] = [];
    const router = createRouter(h.admin, (m) => logged.push(m));
    h.store.db.close();
    expect(router.dispatch('cases.list', {})).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.internal', problems: [] } });
    expect(logged[0]).toContain('cases.list failed');
  });

  it('runs an assessment end to end and stores the frozen snapshot', () => {
    const record = data(admin.dispatch('assessments.run', { caseId, on: '2024-03-01' }));
    expect(record.ruleSet).toMatchObject({ id: 'coe-ets-112', version: '1983', source: 'built-in' });
    expect(record.result.referenceDate).toBe('2024-03-01');
    // The example: S1 2021-11-02 + 6 y = 2027-11-02; S2 consecutive + 1 y = 2028-11-02; less 190 days of remand:
    // back to 2028-05-02 is 184 days (31+30+31+31+30+31), 6 more gives 2028-04-26.
    expect(record.result.dates).toMatchObject({ releaseDate: '2028-04-26', sentenceExpiryDate: '2028-04-25' });
    expect(data(admin.dispatch('cases.get', { id: caseId })).latestAssessment).toMatchObject({ verdict: record.verdict });
  });
});
