/**
 * What a case records as its transfer runs (issue 19): correspondence with chase dates that
 * show on the Due page until answered, a planned handover on the Due page, notes, assignment
 * and "My cases"; each write audited; the new rows inside the case's digest, so that
 * `tsp audit verify` still passes and names a row edited behind the app.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyStore } from '../../db/audit-verify.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { listAudit } from './audit.ts';
import { addNote, assignCase, caseWork, recordCorrespondence } from './case-work.ts';
import { createCase, listCases } from './cases.ts';
import { setDocumentStatus } from './documents.ts';
import { listDue } from './due.ts';
import { expectRefused, parsed, serviceHarness, type ServiceHarness } from './testing.ts';
import { transitionCase, workflowState } from './workflow.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness('2025-01-15T10:00:00.000Z'); // today: Wednesday 2025-01-15
});
afterEach(() => h.dispose());

const example = { ...(CASE_FIXTURES.formatExample as Record<string, unknown>), sentencingState: 'CH', ruleSetId: 'coe-ets-112' };

describe('correspondence', () => {
  it('a request with a chase date is due until the other State replies; the reply ticks the task', () => {
    const { id } = createCase(h.admin, { case: { ...example, status: 'awaiting-other-state' } });
    recordCorrespondence(h.officer, { caseId: id, kind: 'request', correspondent: 'other-state', outgoing: true, date: '2025-01-02', reference: 'CSD/T/12', chaseOn: '2025-01-20' });
    expect(listDue(h.admin, parsed('due.list', {})).items.filter((i) => i.caseId === id)).toMatchObject([{ kind: 'chase', date: '2025-01-20', urgency: 'this-week' }]);
    const task = () => workflowState(h.admin, { caseId: id }).tasks.find((t) => t.id === 'await-other-state');
    expect(task()).toEqual({ id: 'await-other-state', anchor: 'ETS 112 Art. 5(4)', status: 'not-started' });
    recordCorrespondence(h.officer, { caseId: id, kind: 'reply', correspondent: 'other-state', outgoing: false, date: '2025-01-14', reference: 'MJ 4471' });
    expect(listDue(h.admin, parsed('due.list', {})).items.filter((i) => i.caseId === id)).toEqual([]);
    expect(task()).toEqual({ id: 'await-other-state', anchor: 'ETS 112 Art. 5(4)', status: 'completed' });
    expect(caseWork(h.admin, { caseId: id }).correspondence.map((c) => [c.kind, c.date, c.answered])).toEqual([['request', '2025-01-02', true], ['reply', '2025-01-14', false]]);
    expect(listAudit(h.admin, { entityId: id, limit: 10 }).map((e) => e.action).slice(0, 2)).toEqual(['case.correspondence', 'case.correspondence']);
  });

  it('refuses a chase date on a letter received or before the letter, and any letter on a closed case', () => {
    const { id } = createCase(h.admin, { case: example });
    expectRefused(h.officer, 'invalid_input', () => recordCorrespondence(h.officer, { caseId: id, kind: 'reply', correspondent: 'other-state', outgoing: false, date: '2025-01-02', chaseOn: '2025-02-01' }));
    expectRefused(h.officer, 'invalid_input', () => recordCorrespondence(h.officer, { caseId: id, kind: 'request', correspondent: 'other-state', outgoing: true, date: '2025-01-10', chaseOn: '2025-01-09' }));
    transitionCase(h.admin, { id, expectedVersion: 1, transition: 'close-unviable', reason: 'no reply in a year', reasonCode: 'no-reply' });
    expectRefused(h.officer, 'conflict', () => recordCorrespondence(h.officer, { caseId: id, kind: 'reminder', correspondent: 'other-state', outgoing: true, date: '2025-01-10' }));
  });
});

describe('a handover planned for a date', () => {
  it('shows on the Due page, and its place and escort tick the task', () => {
    const { id } = createCase(h.admin, { case: { ...example, status: 'agreed' } });
    for (const kind of ['information-notice', 'notification-to-administering-state', 'certified-judgment', 'time-served-statement', 'consent-declaration', 'consent-verification-record']) {
      setDocumentStatus(h.admin, { caseId: id, kind, status: 'received' });
    }
    // Today is 2025-01-15: the handover is planned for 3 March, scheduled today.
    const scheduled = transitionCase(h.officer, {
      id, expectedVersion: 1, transition: 'schedule-handover', reason: 'escort booked', handover: { plannedOn: '2025-03-03', place: 'Hong Kong International Airport', escort: 'CSD Escort Unit', contact: 'Mr Chan, 2345 6789' },
    });
    expect(scheduled.case.events.transferPlanned).toBe('2025-03-03');
    expect(listDue(h.admin, parsed('due.list', {})).items.filter((i) => i.caseId === id && i.kind === 'handover-planned')).toMatchObject([{ date: '2025-03-03', urgency: 'later' }]);
    const state = workflowState(h.admin, { caseId: id });
    expect(state.tasks.find((t) => t.id === 'arrange-escort-and-transit')).toEqual({ id: 'arrange-escort-and-transit', anchor: 'ETS 112 Art. 16', status: 'completed' });
    expect(state.handover).toMatchObject({ plannedOn: '2025-03-03', place: 'Hong Kong International Airport', contact: 'Mr Chan, 2345 6789', checks: { plannedOn: '2025-03-03', warnings: [] } });
  });
});

describe('notes and assignment', () => {
  it('a note and an assignment are audited; "My cases" lists the cases assigned to the signed-in user', () => {
    const a = createCase(h.admin, { case: example }).id;
    const b = createCase(h.admin, { case: example }).id;
    addNote(h.officer, { caseId: a, text: 'Consul visit moved to Friday.' });
    assignCase(h.admin, { caseId: a, userId: h.officer.user.id });
    expect(caseWork(h.admin, { caseId: a })).toMatchObject({ assignedTo: { id: h.officer.user.id, name: 'Lam Officer' }, notes: [{ text: 'Consul visit moved to Friday.', createdByName: 'Lam Officer' }] });
    expect(listCases(h.officer, parsed('cases.list', { assignedTo: 'me' })).items.map((i) => i.id)).toEqual([a]);
    expect(listCases(h.admin, parsed('cases.list', { assignedTo: 'me' })).items).toEqual([]);
    expect(listCases(h.admin, parsed('cases.list', {})).items.map((i) => i.id).sort()).toEqual([a, b].sort());
    expect(listAudit(h.admin, { entityId: a, limit: 10 }).map((e) => e.action).slice(0, 2)).toEqual(['case.assign', 'case.note']);
    expectRefused(h.admin, 'invalid_input', () => assignCase(h.admin, { caseId: a, userId: 'nobody-such' }));
  });

  it('the rows of the new tables are in the case digest: verify passes, and names a note edited behind the app', () => {
    const { id } = createCase(h.admin, { case: example });
    addNote(h.officer, { caseId: id, text: 'Interview on 20 January.' });
    recordCorrespondence(h.officer, { caseId: id, kind: 'notice', correspondent: 'person', outgoing: true, date: '2025-01-15' });
    expect(verifyStore(h.store.db).findings).toEqual([]);
    h.store.db.exec("DROP TRIGGER case_notes_no_update; UPDATE case_notes SET text = 'Interview cancelled.'");
    expect(verifyStore(h.store.db).findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'entity_changed', entity: 'case', entityId: id })]));
  });
});
