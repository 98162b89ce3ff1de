/**
 * The lifecycle as a specification: every transition from where it may start, every guard
 * refusing with its code and what is missing, and consent irrevocability per rule-set.
 */
import { describe, expect, it } from 'vitest';
import { CLOSE_OUTCOMES, OPEN_STATUSES } from '../vocabularies.ts';
import type { CaseFile } from '../domain/case.ts';
import { makeCase } from '../eligibility/testing.ts';
import { builtInRuleSet } from '../treaties/library.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { workflowFacts } from './facts.ts';
import {
  availableTransitions, decide, GUARDS, TRANSITION_IDS, TRANSITIONS, transitionToOutcome, transitionToStatus,
  type TransitionId, type WorkflowFacts,
} from './lifecycle.ts';
import { reasonsFor } from './reasons.ts';
import { STEPS } from './steps.ts';

const TODAY = '2025-03-10';
const facts = (over: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  status: 'draft', closeOutcome: null, verdict: 'eligible', consentIrrevocable: false, documents: [], stepReachedOn: null, sinceStep: [], today: TODAY, ...over,
});

describe('the steps', () => {
  it('are the open case statuses in order, then the handover and after', () => {
    expect(STEPS.slice(0, OPEN_STATUSES.length)).toEqual(OPEN_STATUSES);
    expect(STEPS.slice(OPEN_STATUSES.length)).toEqual(['transferred', 'post-transfer']);
  });

  it('every close outcome is reached by exactly one transition', () => {
    for (const outcome of CLOSE_OUTCOMES) expect(transitionToOutcome(outcome), outcome).toBeDefined();
  });
});

/** Each forward transition with where it starts and what it leads to, all guards passing. */
const FORWARD: [TransitionId, WorkflowFacts['status'], string][] = [
  ['start-screening', 'draft', 'status:screening'],
  ['prepare-dossier', 'screening', 'status:dossier'],
  ['submit-for-decision', 'dossier', 'status:decision'],
  ['send-request', 'decision', 'status:requested'],
  ['await-reply', 'requested', 'status:awaiting-other-state'],
  ['record-agreement', 'requested', 'status:agreed'],
  ['record-agreement', 'awaiting-other-state', 'status:agreed'],
  ['start-consent-verification', 'agreed', 'status:consent-verification'],
  ['schedule-handover', 'agreed', 'status:handover-scheduled'],
  ['schedule-handover', 'consent-verification', 'status:handover-scheduled'],
  ['return-to-dossier', 'decision', 'status:dossier'],
  ['return-to-dossier', 'awaiting-other-state', 'status:dossier'],
  ['transfer', 'handover-scheduled', 'closed:transferred'],
  ['consent-not-verified', 'consent-verification', 'closed:consent_not_verified'],
];

/** The decision recorded by one officer and approved by another at this visit of the decision step. */
const APPROVED = [{ kind: 'decision-recorded', userId: 'lee' }, { kind: 'decision-approved', userId: 'sam' }];
/** What a transition's form gives besides its date: a reason code for a closure, a plan for a scheduling. */
const given = (transition: TransitionId) => ({
  reasonCode: reasonsFor(transition)[0] ?? null,
  plan: transition === 'schedule-handover' ? { plannedOn: '2025-04-01', check: null } : null,
});

describe('every transition', () => {
  it.each(FORWARD)('%s from %s records %s', (transition, status, event) => {
    const d = decide(facts({ status, sinceStep: APPROVED }), { transition, date: '2025-03-01', ...given(transition) });
    expect(d).toMatchObject({ ok: true, date: '2025-03-01', effect: { event } });
  });

  it.each(TRANSITION_IDS.filter((id) => (TRANSITIONS[id] as { from: unknown }).from === 'open'))('%s ends the case from every open step', (transition) => {
    for (const status of OPEN_STATUSES) {
      const d = decide(facts({ status }), { transition, ...given(transition) });
      expect(d.ok && d.effect.kind, `${transition} from ${status}`).toBe('close');
    }
  });

  it('is refused from a step it does not start from, with the code wrong_step', () => {
    expect(decide(facts({ status: 'draft' }), { transition: 'send-request' })).toEqual({ ok: false, refusals: [{ guard: 'wrong_step', missing: [] }] });
    expect(decide(facts({ status: null, closeOutcome: 'deceased' }), { transition: 'record-death' })).toMatchObject({ ok: false, refusals: [{ guard: 'wrong_step' }] });
  });

  it('available transitions: only those starting where the case stands', () => {
    const fromDraft = availableTransitions(facts({ status: 'draft' }));
    expect(fromDraft).toContain('start-screening');
    expect(fromDraft).not.toContain('transfer');
    expect(fromDraft).not.toContain('report-completion');
    expect(availableTransitions(facts({ status: null, closeOutcome: 'transferred' }))).toEqual([
      'report-completion', 'report-escape', 'report-pardon', 'report-amnesty', 'report-commutation',
    ]);
    expect(availableTransitions(facts({ status: null, closeOutcome: 'refused_by_sentencing_state' }))).toEqual([]);
  });

  it('the old channels map onto it: a status reached by one transition, an outcome by one transition', () => {
    expect(transitionToStatus('screening', 'dossier')).toBe('prepare-dossier');
    expect(transitionToStatus('requested', 'dossier')).toBe('return-to-dossier');
    expect(transitionToStatus('draft', 'agreed')).toBeUndefined();
    expect(transitionToOutcome('transferred')).toBe('transfer');
  });
});

describe('the guards', () => {
  const refusals = (f: Partial<WorkflowFacts>, transition: TransitionId, date?: string) => {
    const d = decide(facts({ sinceStep: APPROVED, ...f }), { transition, date, ...given(transition) });
    return d.ok ? [] : d.refusals;
  };

  it('every guard is used by some transition, and each refuses in a test below', () => {
    const used = new Set(TRANSITION_IDS.flatMap((id) => TRANSITIONS[id].guards as readonly string[]));
    // Checked before the guards (wrong_step, not_transferred), on every transition (date_before_step), or by the service (role_forbidden).
    for (const g of GUARDS.filter((x) => x !== 'wrong_step' && x !== 'not_transferred' && x !== 'date_before_step' && x !== 'role_forbidden')) expect(used.has(g), g).toBe(true);
  });

  it.each<[string, Partial<WorkflowFacts>, TransitionId, string | undefined, { guard: string; missing: string[] }[]]>([
    ['no assessment before the dossier', { status: 'screening', verdict: null }, 'prepare-dossier', undefined, [{ guard: 'assessment_required', missing: ['assessment'] }]],
    ['an ineligible verdict', { status: 'screening', verdict: 'ineligible' }, 'prepare-dossier', undefined, [{ guard: 'verdict_ineligible', missing: [] }]],
    ['an ineligible verdict before the request', { status: 'decision', verdict: 'ineligible' }, 'send-request', undefined, [{ guard: 'verdict_ineligible', missing: [] }]],
    [
      'the dossier not received: the request cannot go',
      { status: 'decision', documents: [{ kind: 'certified-judgment', step: 'requested', done: false }, { kind: 'consent-declaration', step: 'requested', done: true }, { kind: 'consent-verification-record', step: 'handover-scheduled', done: false }] },
      'send-request', undefined,
      [{ guard: 'documents_missing', missing: ['certified-judgment'] }],
    ],
    ['the handover without its date', { status: 'handover-scheduled' }, 'transfer', undefined, [{ guard: 'handover_date_required', missing: ['date'] }]],
    // Today is 2025-03-10; a handover on 2025-03-11 has not happened.
    ['a date in the future', { status: 'handover-scheduled' }, 'transfer', '2025-03-11', [{ guard: 'date_in_future', missing: ['date'] }]],
    ['enforcement before any transfer', { status: 'agreed' }, 'report-completion', '2025-03-01', [{ guard: 'not_transferred', missing: [] }]],
    // The request went on 2025-03-05: a reply cannot be awaited from 2025-03-04, the day before.
    ['a date before the step was reached', { status: 'requested', stepReachedOn: '2025-03-05' }, 'await-reply', '2025-03-04', [{ guard: 'date_before_step', missing: ['2025-03-05'] }]],
    ['the same day as the step passes', { status: 'requested', stepReachedOn: '2025-03-05' }, 'await-reply', '2025-03-05', []],
    ['a closure dated before the step', { status: 'dossier', stepReachedOn: '2025-02-01' }, 'record-death', '2025-01-31', [{ guard: 'date_before_step', missing: ['2025-02-01'] }]],
    // Handed over on 2025-03-08: enforcement news cannot predate the transfer.
    ['enforcement dated before the handover', { status: null, closeOutcome: 'transferred', stepReachedOn: '2025-03-08' }, 'report-pardon', '2025-03-07', [{ guard: 'date_before_step', missing: ['2025-03-08'] }]],
    ['no date given: today, after the step', { status: 'requested', stepReachedOn: '2025-03-05' }, 'await-reply', undefined, []],
    [
      'everything at once: no date and a document missing',
      { status: 'handover-scheduled', documents: [{ kind: 'transit-request', step: 'transferred', done: false }] },
      'transfer', undefined,
      [{ guard: 'handover_date_required', missing: ['date'] }, { guard: 'documents_missing', missing: ['transit-request'] }],
    ],
  ])('%s', (_name, f, transition, date, expected) => {
    expect(refusals(f, transition, date)).toEqual(expected);
  });

  it('a date of today or before passes; the handover defaults to nothing, other transitions to today', () => {
    expect(decide(facts({ status: 'draft' }), { transition: 'start-screening' })).toMatchObject({ ok: true, date: TODAY });
    expect(decide(facts({ status: 'draft' }), { transition: 'start-screening', date: TODAY })).toMatchObject({ ok: true });
  });

  it('documents of later steps do not block an earlier one; closures other than the transfer need none', () => {
    const documents = [{ kind: 'consent-verification-record', step: 'handover-scheduled' as const, done: false }];
    expect(decide(facts({ status: 'decision', documents, sinceStep: APPROVED }), { transition: 'send-request' }).ok).toBe(true);
    expect(decide(facts({ status: 'consent-verification', documents }), { transition: 'schedule-handover', ...given('schedule-handover') }).ok).toBe(false);
    expect(decide(facts({ status: 'consent-verification', documents }), { transition: 'record-death', reasonCode: 'deceased' }).ok).toBe(true);
  });

  it("our State's decision, then a second person's approval, before the request goes out", () => {
    const at = (sinceStep: WorkflowFacts['sinceStep'], transition: TransitionId, userId?: string) => {
      const d = decide(facts({ status: 'decision', sinceStep }), { transition, userId });
      return d.ok ? d.effect : d.refusals.map((r) => r.guard);
    };
    expect(at([], 'send-request')).toEqual(['approval_required']);
    expect(at([], 'approve-decision', 'sam')).toEqual(['decision_required']);
    expect(at([], 'record-decision', 'lee')).toEqual({ kind: 'record', event: 'decision-recorded' });
    const decided = [{ kind: 'decision-recorded', userId: 'lee' }];
    // Four eyes: the one who recorded the decision does not approve it; another person does.
    expect(at(decided, 'approve-decision', 'lee')).toEqual(['approver_prepared']);
    expect(at(decided, 'approve-decision', 'sam')).toEqual({ kind: 'record', event: 'decision-approved' });
    expect(at(decided, 'send-request')).toEqual(['approval_required']);
    expect(at([...decided, { kind: 'decision-approved', userId: 'lee' }], 'send-request')).toEqual(['approval_required']);
    expect(at(APPROVED, 'send-request')).toEqual({ kind: 'status', status: 'requested', event: 'status:requested' });
    // A decision recorded again after the approval needs its own approval.
    expect(at([...APPROVED, { kind: 'decision-recorded', userId: 'kim' }], 'send-request')).toEqual(['approval_required']);
  });

  it('refusing, withdrawing and closing take a coded reason of their own list; the handover and the steps take none', () => {
    const close = (transition: TransitionId, reasonCode?: string) => {
      const d = decide(facts({ status: 'dossier' }), { transition, reasonCode });
      return d.ok ? 'ok' : d.refusals.map((r) => r.guard);
    };
    expect(close('refuse-by-administering-state')).toEqual(['reason_code_required']);
    expect(close('refuse-by-administering-state', 'remaining-too-short')).toBe('ok');
    expect(close('withdraw-by-state', 'remaining-too-short')).toEqual(['reason_code_required']);
    expect(close('withdraw-by-state', 'request-withdrawn')).toBe('ok');
    expect(close('record-death', 'deceased')).toBe('ok');
    expect(close('record-death', 'imported-unrecorded')).toEqual(['reason_code_required']);
    expect(decide(facts({ status: 'dossier' }), { transition: 'submit-for-decision' }).ok).toBe(true);
    // The case page previews what stands in the way before the form is filled in: the reason is not asked yet.
    expect(decide(facts({ status: 'dossier' }), { transition: 'close-unviable', preview: true }).ok).toBe(true);
  });

  it('a handover is scheduled for a planned date on or after the day, with nothing past the release and no condition failing then', () => {
    const check = (over: object) => ({ plannedOn: '2025-06-01', verdict: 'eligible' as const, failing: [], releaseDate: '2026-01-01', remainingDays: 214, minimum: null, windowClosesOn: null, warnings: [], ...over });
    const schedule = (plan: { plannedOn: string; check: ReturnType<typeof check> | null } | null) => {
      const d = decide(facts({ status: 'agreed' }), { transition: 'schedule-handover', date: TODAY, plan });
      return d.ok ? 'ok' : d.refusals;
    };
    // Today is 2025-03-10: a handover planned months ahead is what scheduling is for.
    expect(schedule({ plannedOn: '2025-06-01', check: check({}) })).toBe('ok');
    expect(schedule(null)).toEqual([{ guard: 'handover_plan_required', missing: ['plan'] }]);
    expect(schedule({ plannedOn: '2025-03-09', check: check({ plannedOn: '2025-03-09' }) })).toEqual([{ guard: 'planned_before_date', missing: [TODAY] }]);
    expect(schedule({ plannedOn: '2026-02-01', check: check({ plannedOn: '2026-02-01' }) })).toEqual([{ guard: 'handover_after_release', missing: ['2026-01-01'] }]);
    expect(schedule({ plannedOn: '2025-06-01', check: check({ verdict: 'ineligible', failing: ['treaty-basis'] }) })).toEqual([
      { guard: 'ineligible_on_planned_date', missing: ['treaty-basis'] },
    ]);
    // A warning (the window closing first) does not refuse.
    expect(schedule({ plannedOn: '2025-06-01', check: check({ warnings: [{ code: 'window_closes_first', date: '2025-05-01' }] }) })).toBe('ok');
    expect(decide(facts({ status: 'handover-scheduled' }), { transition: 'reschedule-handover', plan: { plannedOn: '2025-07-01', check: check({}) } })).toMatchObject({
      ok: true, effect: { kind: 'record', event: 'handover-rescheduled' },
    });
  });

  it('enforcement information after a transfer is an entry on the timeline only', () => {
    expect(decide(facts({ status: null, closeOutcome: 'transferred' }), { transition: 'report-pardon', date: '2025-03-01' })).toEqual({
      ok: true, date: '2025-03-01', effect: { kind: 'record', event: 'enforcement:pardon' },
    });
  });
});

describe('consent withdrawal and irrevocability (docs/domain.md "How a case ends")', () => {
  const rs = (id: string) => builtInRuleSet(id) as RuleSet;
  const withdraw = (c: Partial<CaseFile>, ruleSet: RuleSet) => {
    const f = workflowFacts({ case: makeCase(c), closeOutcome: null, verdict: 'eligible', ruleSet, documentStatuses: new Map(), eventDates: new Map(), today: TODAY });
    const d = decide(f, { transition: 'withdraw-consent', reasonCode: 'person-withdrew' });
    return d.ok ? d.effect.event : d.refusals;
  };

  it.each<[string, string, Partial<CaseFile>, string]>([
    // ETS 112 says nothing: a withdrawal ends the case at any step.
    ['ETS 112, handover scheduled', 'coe-ets-112', { status: 'handover-scheduled', consent: { ...makeCase().consent!, verified: true } }, 'closed:consent_withdrawn'],
    // SR 0.344.294: irrevocable after the States' agreement.
    ['SR 0.344.294, before the agreement', 'ch-0-344-294', { status: 'requested', events: { ...makeCase().events, statesAgreed: null } }, 'closed:consent_withdrawn'],
    ['SR 0.344.294, agreed (step)', 'ch-0-344-294', { status: 'agreed', events: { ...makeCase().events, statesAgreed: null } }, 'consent-withdrawal-ineffective'],
    ['SR 0.344.294, agreement dated in the file', 'ch-0-344-294', { status: 'requested', events: { ...makeCase().events, statesAgreed: '2025-02-01' } }, 'consent-withdrawal-ineffective'],
  ])('%s', (_name, id, c, event) => {
    expect(withdraw(c, rs(id))).toBe(event);
  });

  it('"verification": irrevocable once the consent is verified or the handover scheduled', () => {
    const base = rs('coe-ets-112');
    const afterVerification: RuleSet = { ...base, consent: { ...base.consent, value: { ...base.consent.value, irrevocableAfter: 'verification' } } };
    const consent = { ...makeCase().consent!, verified: false };
    expect(withdraw({ status: 'consent-verification', consent }, afterVerification)).toBe('closed:consent_withdrawn');
    expect(withdraw({ status: 'consent-verification', consent: { ...consent, verified: true } }, afterVerification)).toBe('consent-withdrawal-ineffective');
    expect(withdraw({ status: 'handover-scheduled', consent }, afterVerification)).toBe('consent-withdrawal-ineffective');
  });
});
