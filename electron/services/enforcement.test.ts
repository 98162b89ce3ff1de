/**
 * Incoming transfers through the services: the sentence to be enforced here for a stored case
 * (the handover recorded on the timeline, the profiles in force), and the Adaptation step,
 * which records the decision that adapted or converted the sentence and refuses one that
 * aggravates it or exceeds our maximum, changing nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from './audit.ts';
import { createCase, getCase, listCaseEvents } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { dossierModel } from './dossier.ts';
import { computeCaseEnforcement, recordEnforcementDecision } from './enforcement.ts';
import { saveProfile } from './profiles.ts';
import type { ApiInputs } from '../../shared/api.ts';
import { expectRefused, parsed, serviceHarness, type ServiceHarness } from './testing.ts';
import { BUILT_IN_PROFILES } from '../../shared/treaties/profile-schema.ts';
import { transitionCase, workflowState } from './workflow.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness('2025-01-15T10:00:00.000Z'); // today: 2025-01-15
  // A supervisor: an officer creates cases only at the steps of their own role (shared/workflow/roles.ts).
  ctx = h.admin;
});
afterEach(() => h.dispose());

/**
 * A Hong Kong permanent resident sentenced in Thailand to 6 years from 2021-02-01, 30 days of
 * remand; our maximum for the offence 48 months. Under no rule-set, so no document holds up a step.
 */
const incoming = (status: string, patch: Record<string, unknown> = {}) => ({
  format: 'tsp-case/1',
  sentencingState: 'TH',
  administeringState: 'HK',
  direction: 'incoming',
  status,
  person: { familyName: 'CHAN', givenNames: 'Siu Ming', permanentResidence: ['HK'] },
  sentences: [{ id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1'] }],
  remandDays: 30,
  offences: [{ id: 'O1', description: 'Possession of a dangerous drug', administeringMaxPenaltyMonths: 48 }],
  ...patch,
});

type Decision = ApiInputs['enforcement.recordDecision'];
const decide = (id: string, expectedVersion: number, term: Decision['decision']['term'], procedure: Decision['procedure'] = 'conversion', date = '2025-01-10') =>
  recordEnforcementDecision(ctx, parsed('enforcement.recordDecision', { id, expectedVersion, procedure, decision: { authority: 'Court of First Instance', date, term }, reason: 'order received' }));

describe('enforcement.compute for a stored case', () => {
  it('counts from the handover recorded on the timeline, and uses the administering State’s profile in force', () => {
    const { id } = createCase(ctx, { case: incoming('handover-scheduled') });
    transitionCase(ctx, { id, expectedVersion: 1, transition: 'transfer', date: '2024-06-01', reason: 'handed over at the airport' });
    const e = computeCaseEnforcement(ctx, { caseId: id });
    expect(e).toMatchObject({ handover: '2024-06-01', handoverSource: 'recorded', status: 'computed' });
    // Adapted to 4 years: 2025-02-01, less 30 days = 2025-01-02; r. 69 on the whole term: T 1461, R = 487 -> 2023-09-03, before the handover.
    expect(e.enforced).toMatchObject({ kind: 'fixed', releaseDate: '2025-01-02' });
    expect(e.release).toMatchObject({ remissionDays: 487, base: 'whole-term', projectedRelease: '2024-06-01' });
    expect(e.flags).toContain('release_due_on_arrival');

    // A stored Hong Kong profile that counts remission on the part served here only takes over from its date.
    const hk = structuredClone(BUILT_IN_PROFILES.find((p) => p.code === 'HK')!);
    saveProfile(h.admin, { profile: { ...hk, version: 'csd-2024', effectiveFrom: '2024-01-01', transferredRemission: { value: 'part-served-here', source: 'CSD letter', confidence: 'S' } }, reason: 'confirmed' });
    // Here: 2024-06-01 -> 2025-01-02 = 215 days; R = min(71, 184) = 71 -> 2024-10-23.
    expect(computeCaseEnforcement(ctx, { caseId: id }).release).toMatchObject({ remissionDays: 71, base: 'part-served-here', projectedRelease: '2024-10-23' });
  });

  it('a handover given overrides the one recorded; none at all is today, provisional', () => {
    const { id } = createCase(ctx, { case: incoming('agreed') });
    expect(computeCaseEnforcement(ctx, { caseId: id })).toMatchObject({ handover: '2025-01-15', handoverSource: 'today', flags: expect.arrayContaining(['handover_provisional']) });
    expect(computeCaseEnforcement(ctx, { caseId: id, handover: '2024-12-01' })).toMatchObject({ handover: '2024-12-01', handoverSource: 'given' });
  });
});

describe('the Adaptation step: recording the decision', () => {
  it('records who decided, when, and the term, on the case, the timeline and the audit log; the task is then done', () => {
    const { id } = createCase(ctx, { case: incoming('agreed') });
    // A case with no rule-set has no instrument to cite (tasks cite the case's own instrument, never a step code).
    expect(workflowState(ctx, { caseId: id }).tasks).toEqual([{ id: 'adapt-sentence', anchor: '', status: 'not-started' }]);
    const record = decide(id, 1, { years: 3, months: 6 });
    expect(record.case.enforcement).toEqual({ procedure: 'conversion', decision: { authority: 'Court of First Instance', date: '2025-01-10', term: { years: 3, months: 6, days: 0 } } });
    const entry = listCaseEvents(ctx, { caseId: id }).at(-1);
    expect(entry).toMatchObject({ kind: 'enforcement-decision', date: '2025-01-10', fromStatus: 'agreed', legalBasis: 'ETS 112 Art. 11(1) (pattern)', reasonCode: 'conversion', note: 'order received' });
    expect(listAudit(h.admin, { limit: 1 })[0]).toMatchObject({ action: 'case.enforcement', entityId: id });
    expect(workflowState(ctx, { caseId: id }).tasks[0]?.status).toBe('completed');
    expect(computeCaseEnforcement(ctx, { caseId: id, handover: '2024-06-01' })).toMatchObject({ status: 'computed', enforced: { basis: 'decision' } });
  });

  it('refuses a conversion that aggravates the sentence, and writes nothing', () => {
    const { id } = createCase(ctx, { case: incoming('agreed', { offences: [{ id: 'O1', administeringMaxPenaltyMonths: 120 }] }) });
    const error = expectRefused(ctx, 'conflict', () => decide(id, 1, { years: 6, months: 1 }));
    expect(error.messageKey).toBe('error.enforcement_refused');
    expect(error.problems).toEqual([
      expect.objectContaining({ field: 'decision.term', messageKey: 'enforce.guard.aggravates', params: { end: '2027-02-01' } }),
    ]);
    expect(getCase(ctx, { id }).case.enforcement).toBeUndefined();
  });

  it('refuses a term within the sentence imposed but beyond our maximum', () => {
    const { id } = createCase(ctx, { case: incoming('agreed') });
    const error = expectRefused(ctx, 'conflict', () => decide(id, 1, { years: 5 }, 'continued'));
    expect(error.problems.map((p) => p.messageKey)).toEqual(['enforce.guard.exceeds_our_maximum']);
  });

  it('is for incoming cases once the States agreed, or after the handover (Art. 11(2)); not on a date still to come', () => {
    const outgoing = createCase(ctx, { case: incoming('agreed', { direction: 'outgoing' }) });
    expect(expectRefused(ctx, 'conflict', () => decide(outgoing.id, 1, { years: 3 })).problems.map((p) => p.messageKey)).toEqual(['enforce.guard.not_incoming']);
    const early = createCase(ctx, { case: incoming('dossier') });
    expect(expectRefused(ctx, 'conflict', () => decide(early.id, 1, { years: 3 })).problems.map((p) => p.messageKey)).toEqual(['enforce.guard.wrong_step']);
    const agreed = createCase(ctx, { case: incoming('agreed') });
    expect(expectRefused(ctx, 'conflict', () => decide(agreed.id, 1, { years: 3 }, 'conversion', '2025-01-16')).problems.map((p) => p.field)).toEqual(['decision.date']);

    const { id } = createCase(ctx, { case: incoming('handover-scheduled') });
    const transferred = transitionCase(ctx, { id, expectedVersion: 1, transition: 'transfer', date: '2024-06-01', reason: 'handed over' });
    expect(decide(id, transferred.version, { years: 3 }).case.enforcement?.decision?.term).toEqual({ years: 3, months: 0, days: 0 });
  });

  it('refuses conversion where the instrument has none (FD 2008/909)', () => {
    const { id } = createCase(ctx, { case: incoming('agreed', { sentencingState: 'DE', administeringState: 'NL', ruleSetId: 'eu-fd-2008-909' }) });
    expect(expectRefused(ctx, 'conflict', () => decide(id, 1, { years: 3 })).problems.map((p) => p.messageKey)).toEqual(['enforce.guard.procedure_not_allowed']);
  });
});

describe('the dossier of an incoming case', () => {
  it('has the sentence to be enforced here after the computed dates, with the decision and every step; an outgoing case has none', () => {
    const { id } = createCase(ctx, { case: incoming('agreed') });
    decide(id, 1, { years: 3, months: 6 });
    const dossier = dossierModel(h.admin, { caseId: id, locale: 'en' });
    expect(dossier.sections.map((s) => s.id)).toEqual(['person', 'judgment', 'dates', 'enforcement', 'eligibility', 'documents', 'consent', 'timeline', 'audit']);
    const section = dossier.sections.find((s) => s.id === 'enforcement')!;
    const facts = section.blocks.find((b) => b.kind === 'facts');
    expect(facts?.kind === 'facts' && facts.rows).toContainEqual(['Decision', 'Court of First Instance, 10 January 2025: 3 years 6 months — within the limits, applied']);
    expect(section.blocks.at(-1)).toMatchObject({ kind: 'steps', title: 'How it was computed' });

    const outgoing = createCase(ctx, { case: incoming('agreed', { direction: 'outgoing' }) });
    expect(dossierModel(h.admin, { caseId: outgoing.id, locale: 'en' }).sections.map((s) => s.id)).not.toContain('enforcement');
  });
});
