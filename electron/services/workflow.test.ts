/**
 * Transfer tracking through the services: an outgoing case from the application to the
 * handover and after, an incoming case, refusals that change nothing, and a withdrawal of
 * consent after it became irrevocable.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { runAssessment } from './assessments.ts';
import { listAudit } from './audit.ts';
import { createCase, getCase, listCaseEvents } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { attachDocument, setDocumentStatus } from './documents.ts';
import type { ApiInputs } from '../../shared/api.ts';
import { expectRefused, serviceHarness, type ServiceHarness } from './testing.ts';
import { createUser } from './users.ts';
import { transitionCase, workflowState } from './workflow.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness('2025-01-15T10:00:00.000Z'); // today: 2025-01-15
  ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
});
afterEach(() => h.dispose());

// Sentenced in Switzerland: ETS 112 binds it and Russia (Hong Kong has not been a party since 1997).
const example = { ...(CASE_FIXTURES.formatExample as Record<string, unknown>), sentencingState: 'CH', ruleSetId: 'coe-ets-112' };

type Step = Omit<ApiInputs['workflow.transition'], 'id' | 'expectedVersion' | 'reason'>;

/** Runs transitions in order, each at the version the previous one left. */
function walk(id: string, steps: Step[], as: ServiceContext = ctx) {
  let version = getCase(ctx, { id }).version;
  for (const step of steps) version = transitionCase(as, { id, expectedVersion: version, reason: `${step.transition} noted`, ...step }).version;
  return version;
}

/** A legal officer: records our State's decision, which the supervisor then approves (four eyes). */
function legalOfficer(): ServiceContext {
  const user = createUser(h.admin, { name: 'Lee Legal', role: 'legal' });
  return { ...h.admin, user: { id: user.id, name: user.name, role: user.role } };
}

const received = (caseId: string, ...kinds: string[]) => {
  for (const kind of kinds) setDocumentStatus(ctx, { caseId, kind, status: 'received' });
};

describe('an outgoing case (ETS 112) from the application to the handover and after', () => {
  it('passes every guard in turn, each transition on the timeline with its details', () => {
    const { id } = createCase(ctx, { case: example });
    walk(id, [{ transition: 'start-screening', date: '2025-01-02' }]);

    // O3: no dossier before the eligibility assessment.
    let error = expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: 2, transition: 'prepare-dossier', reason: 'r' }));
    expect(error.problems).toEqual([expect.objectContaining({ field: 'transition', messageKey: 'workflow.guard.assessment_required' })]);
    runAssessment(ctx, { caseId: id, on: '2024-03-01' });
    walk(id, [{ transition: 'prepare-dossier', date: '2025-01-03' }]);

    // ETS 112 Art. 4(1): the information notice is needed before the decision.
    expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: 3, transition: 'submit-for-decision', reason: 'r' }));
    received(id, 'information-notice');
    walk(id, [{ transition: 'submit-for-decision', date: '2025-01-06' }]);

    // The request cannot go before the Art. 6(2) dossier is received, and the refusal names each document, nor before the decision is approved.
    error = expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: 4, transition: 'send-request', reason: 'r' }));
    expect(error.problems).toEqual([
      {
        field: 'documents',
        messageKey: 'workflow.guard.documents_missing',
        message: 'Required documents not yet received: Notification to the administering State; Certified copy of the judgment and the law applied; '
          + 'Statement of time served (remand, remission); Declaration of consent.',
        params: { guard: 'documents_missing', missing: 'notification-to-administering-state, certified-judgment, time-served-statement, consent-declaration' },
      },
      expect.objectContaining({ messageKey: 'workflow.guard.approval_required', params: { guard: 'approval_required', missing: 'approval' } }),
    ]);
    received(id, 'notification-to-administering-state', 'certified-judgment', 'time-served-statement', 'consent-declaration');
    // Our State's decision by a legal officer, approved by a supervisor: never by the one who recorded it.
    const legal = legalOfficer();
    walk(id, [{ transition: 'record-decision', date: '2025-01-06' }], legal);
    expect(workflowState(ctx, { caseId: id }).tasks).toEqual([
      { id: 'record-decision', anchor: 'ETS 112 Art. 3(1)(f)', status: 'completed' },
      { id: 'approve-decision', anchor: 'ETS 112 Art. 3(1)(f)', status: 'not-started' },
      expect.objectContaining({ id: 'documents', status: 'completed' }),
    ]);
    expect(expectRefused(legal, 'conflict', () => transitionCase(legal, { id, expectedVersion: getCase(ctx, { id }).version, transition: 'send-request', reason: 'r' })).problems).toMatchObject([
      { messageKey: 'workflow.guard.approval_required' },
    ]);
    walk(id, [{ transition: 'approve-decision', date: '2025-01-06' }]);
    expect(workflowState(ctx, { caseId: id }).decision).toMatchObject({ preparedByName: 'Lee Legal', approvedByName: h.admin.user.name });
    walk(id, [
      { transition: 'send-request', date: '2025-01-07', legalBasis: 'ETS 112 Art. 5(1)', documents: ['certified-judgment', 'time-served-statement'] },
      { transition: 'await-reply', date: '2025-01-08' },
      { transition: 'record-agreement', date: '2025-01-09', legalBasis: 'ETS 112 Art. 3(1)(f)' },
      { transition: 'start-consent-verification', date: '2025-01-10' },
    ]);

    // Art. 7(2): the verification record, here attached as a file, before the handover is scheduled.
    expect(workflowState(ctx, { caseId: id }).transitions.find((t) => t.transition === 'schedule-handover')?.refusals).toEqual([
      { guard: 'documents_missing', missing: ['consent-verification-record'] },
    ]);
    attachDocument(ctx, { caseId: id, kind: 'consent-verification-record', fileName: 'verification.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('record').toString('base64') });
    let version = walk(id, [{ transition: 'schedule-handover', date: '2025-01-11', handover: { plannedOn: '2025-01-11', place: 'Hong Kong International Airport' } }]);

    // Scheduled on 2025-01-11: a handover on 2025-01-10 would come before its own scheduling.
    const refusedEarly = expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: version, transition: 'transfer', date: '2025-01-10', reason: 'r' }));
    expect(refusedEarly.problems).toMatchObject([{ field: 'date', messageKey: 'workflow.guard.date_before_step', params: { guard: 'date_before_step', missing: '2025-01-11' } }]);
    expect(refusedEarly.problems[0]?.message).toBe('The date is before 2025-01-11, when the case reached its current step: steps are recorded in the order they happened.');

    // "Transferred" needs the handover's date, and one that has happened.
    error = expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: version, transition: 'transfer', reason: 'r' }));
    expect(error.problems).toMatchObject([{ field: 'date', messageKey: 'workflow.guard.handover_date_required' }]);
    error = expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: version, transition: 'transfer', date: '2025-01-16', reason: 'r' }));
    expect(error.problems).toMatchObject([{ field: 'date', messageKey: 'workflow.guard.date_in_future' }]);
    const transferred = transitionCase(ctx, { id, expectedVersion: version, transition: 'transfer', date: '2025-01-14', reason: 'handed over at the airport' });
    expect(transferred).toMatchObject({ closedAt: '2025-01-15T10:00:00.000Z', closeOutcome: 'transferred', case: { status: 'transferred' } });
    version = transferred.version;

    // Handed over on 2025-01-14: news of a pardon cannot be dated the day before.
    const refusedBeforeHandover = expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: version, transition: 'report-pardon', date: '2025-01-13', reason: 'r' }));
    expect(refusedBeforeHandover.problems).toMatchObject([{ field: 'date', messageKey: 'workflow.guard.date_before_step', params: { missing: '2025-01-14' } }]);

    // O15: enforcement news after the transfer; nothing else starts from here.
    version = transitionCase(ctx, { id, expectedVersion: version, transition: 'report-pardon', date: '2025-01-15', reason: 'pardon by the sentencing State', legalBasis: 'ETS 112 Art. 12' }).version;
    expect(workflowState(ctx, { caseId: id })).toMatchObject({ step: null, closeOutcome: 'transferred', tasks: [], alerts: [] });
    expect(workflowState(ctx, { caseId: id }).transitions.map((t) => t.transition)).toEqual([
      'report-completion', 'report-escape', 'report-pardon', 'report-amnesty', 'report-commutation',
    ]);
    expectRefused(ctx, 'conflict', () => transitionCase(ctx, { id, expectedVersion: version, transition: 'record-death', reason: 'r' }));

    const events = listCaseEvents(ctx, { caseId: id });
    expect(events.map((e) => [e.kind, e.date])).toEqual([
      ['created', '2025-01-15'],
      ['status:screening', '2025-01-02'],
      ['status:dossier', '2025-01-03'],
      ['status:decision', '2025-01-06'],
      ['decision-recorded', '2025-01-06'],
      ['decision-approved', '2025-01-06'],
      ['status:requested', '2025-01-07'],
      ['status:awaiting-other-state', '2025-01-08'],
      ['status:agreed', '2025-01-09'],
      ['status:consent-verification', '2025-01-10'],
      ['status:handover-scheduled', '2025-01-11'],
      ['closed:transferred', '2025-01-14'],
      ['enforcement:pardon', '2025-01-15'],
    ]);
    expect(events[6]).toMatchObject({
      fromStatus: 'decision', legalBasis: 'ETS 112 Art. 5(1)', documents: ['certified-judgment', 'time-served-statement'],
      note: 'send-request noted', userName: h.admin.user.name,
    });
    expect(events[11]).toMatchObject({ fromStatus: 'handover-scheduled', note: 'handed over at the airport' });
    const actions = listAudit(h.admin, { entityId: id, limit: 100 }).map((e) => e.action);
    expect(actions.filter((a) => a === 'case.status')).toHaveLength(8);
    expect(actions.filter((a) => a === 'case.close')).toHaveLength(1);
    expect(actions.filter((a) => a === 'case.record')).toHaveLength(3);
  });
});

describe('an incoming case (Hong Kong–Thailand, at the dossier step)', () => {
  it('asks for the Art. 6(1) documents before our request goes, and lists its own tasks', () => {
    const { id } = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    const state = workflowState(ctx, { caseId: id });
    expect(state).toMatchObject({ direction: 'incoming', step: 'dossier', ruleSetId: 'hk-th' });
    expect(state.tasks.map((t) => t.id)).toEqual(['decide-procedure', 'collect-dossier']);
    walk(id, [{ transition: 'submit-for-decision' }]);
    expect(workflowState(ctx, { caseId: id }).transitions.find((t) => t.transition === 'send-request')?.refusals).toEqual([
      { guard: 'documents_missing', missing: ['nationality-proof', 'dual-criminality-law', 'enforcement-statement'] },
      { guard: 'approval_required', missing: ['approval'] },
    ]);
    received(id, 'nationality-proof', 'dual-criminality-law', 'enforcement-statement');
    walk(id, [{ transition: 'record-decision' }], legalOfficer());
    // The tasks of a Hong Kong–Thailand case cite its own instrument, never ETS 112 nor an internal step code.
    expect(workflowState(ctx, { caseId: id }).tasks.map((t) => [t.id, t.anchor, t.status])).toEqual([
      ['record-decision', 'Hong Kong–Thailand agreement on the transfer of sentenced persons (2000), as reported', 'completed'],
      ['approve-decision', 'Hong Kong–Thailand agreement on the transfer of sentenced persons (2000), as reported', 'not-started'],
      ['documents', '3/3', 'completed'],
    ]);
    walk(id, [{ transition: 'approve-decision' }, { transition: 'send-request' }, { transition: 'await-reply' }]);
    // The sentencing State's dossier (Art. 6(2)) comes before the agreement.
    expect(workflowState(ctx, { caseId: id }).transitions.find((t) => t.transition === 'record-agreement')?.refusals).toEqual([
      { guard: 'documents_missing', missing: ['certified-judgment', 'time-served-statement', 'consent-declaration'] },
    ]);
  });
});

describe('consent withdrawal', () => {
  it('under SR 0.344.294 after the States agreed: recorded, but the case goes on', () => {
    const { id } = createCase(ctx, { case: { ...example, ruleSetId: 'ch-0-344-294', status: 'agreed' } });
    const state = workflowState(ctx, { caseId: id });
    expect(state.consentIrrevocable).toBe(true);
    expect(state.transitions.find((t) => t.transition === 'withdraw-consent')).toMatchObject({ effect: 'record', refusals: [] });
    const after = transitionCase(ctx, { id, expectedVersion: 1, transition: 'withdraw-consent', reason: 'letter of the person', reasonCode: 'person-withdrew', date: '2025-01-14' });
    expect(after).toMatchObject({ closedAt: null, case: { status: 'agreed' } });
    expect(listCaseEvents(ctx, { caseId: id }).at(-1)).toMatchObject({ kind: 'consent-withdrawal-ineffective', date: '2025-01-14', fromStatus: 'agreed' });
  });

  it('under ETS 112 it ends the case at any step', () => {
    const { id } = createCase(ctx, { case: { ...example, status: 'agreed' } });
    expect(transitionCase(ctx, { id, expectedVersion: 1, transition: 'withdraw-consent', reason: 'letter', reasonCode: 'person-withdrew' })).toMatchObject({ closeOutcome: 'consent_withdrawn', case: { status: 'withdrawn' } });
  });
});
