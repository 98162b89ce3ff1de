/**
 * Who may record each transition of the lifecycle (issue 24), the one table the service, the case
 * page and docs/workflow.md read:
 *   - correctional officers: screening, consent verification and the handover (its scheduling
 *     and the transfer itself);
 *   - legal officers: the dossier, our State's decision, the requests and replies, enforcement
 *     reports after a transfer;
 *   - supervisors: the approval of the decision (never their own: lifecycle.ts `approver_prepared`),
 *     without which the request does not go out, every closure other than the transfer, and
 *     reopening a closed case (the `cases.reopen` channel);
 * and each role may also do what the roles below it may (supervisor ⊃ legal ⊃ officer). Viewers
 * record nothing.
 *
 * A case is created or imported only at a step its creator could have brought it to through
 * transitions of their own role (creatableSteps): an officer cannot record a decision or a
 * handover by creating a case already there.
 */
import type { OpenStatus, Role } from '../vocabularies.ts';
import { OPEN_STEPS, TRANSITION_IDS, TRANSITIONS, type TransitionId } from './lifecycle.ts';

const OFFICER: readonly Role[] = ['officer', 'legal', 'supervisor'];
const LEGAL: readonly Role[] = ['legal', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];

export const TRANSITION_ROLES = {
  'start-screening': OFFICER,
  'prepare-dossier': LEGAL,
  'submit-for-decision': LEGAL,
  'record-decision': LEGAL,
  'approve-decision': SUPERVISOR,
  'send-request': LEGAL,
  'await-reply': LEGAL,
  'record-agreement': LEGAL,
  'start-consent-verification': OFFICER,
  'schedule-handover': OFFICER,
  'reschedule-handover': OFFICER,
  'return-to-dossier': LEGAL,
  transfer: OFFICER,
  'refuse-by-sentencing-state': SUPERVISOR,
  'refuse-by-administering-state': SUPERVISOR,
  'close-ineligible': SUPERVISOR,
  'withdraw-consent': SUPERVISOR,
  'consent-not-verified': SUPERVISOR,
  'release-before-transfer': SUPERVISOR,
  'extinguish-sentence': SUPERVISOR,
  'withdraw-by-state': SUPERVISOR,
  'record-death': SUPERVISOR,
  'record-escape': SUPERVISOR,
  'close-unviable': SUPERVISOR,
  'report-completion': LEGAL,
  'report-escape': LEGAL,
  'report-pardon': LEGAL,
  'report-amnesty': LEGAL,
  'report-commutation': LEGAL,
} as const satisfies Record<TransitionId, readonly Role[]>;

/** Whether a user of `role` may record `transition`. */
export function mayRecord(role: Role, transition: TransitionId): boolean {
  return (TRANSITION_ROLES[transition] as readonly Role[]).includes(role);
}

/** The open steps a role can bring a new case to from `draft` with transitions of its own: where it may create or import one. */
export function creatableSteps(role: Role): OpenStatus[] {
  if (!TRANSITION_IDS.some((id) => mayRecord(role, id))) return [];
  const reached = new Set<OpenStatus>(['draft']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of TRANSITION_IDS) {
      const spec = TRANSITIONS[id] as { from: readonly OpenStatus[] | 'open' | 'transferred'; to: { status?: OpenStatus }; guards: readonly string[] };
      if (!mayRecord(role, id) || spec.to.status === undefined || reached.has(spec.to.status)) continue;
      // Past the approval only a role that approves: a legal officer who sends requests does not enter a case as already requested.
      if (spec.guards.includes('approval_required') && !mayRecord(role, 'approve-decision')) continue;
      const froms = spec.from === 'open' ? OPEN_STEPS : spec.from === 'transferred' ? [] : spec.from;
      if (froms.some((f) => reached.has(f))) {
        reached.add(spec.to.status);
        grew = true;
      }
    }
  }
  return OPEN_STEPS.filter((s) => reached.has(s));
}
