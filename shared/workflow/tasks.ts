/**
 * The task list of each step, by direction (domain.md §7.2 O1–O15, §7.3 I1–I9), shown on
 * the case page as a GOV.UK-style task list. The documents a step needs come from the
 * rule-set (documents.ts); these are the other things to do, each with its anchor.
 */
import type { Direction, OpenStatus } from '../vocabularies.ts';

export interface Task {
  id: string;
  /** The process step and the legal anchor, e.g. "O6; ETS 112 Art. 6(2)". */
  anchor: string;
  /** Completed when the case has an assessment (the screening task). */
  needsAssessment?: boolean;
  /** Completed when the decision adapting or converting the sentence is recorded (the Adaptation step, shared/enforcement). */
  needsEnforcementDecision?: boolean;
}

const task = (id: string, anchor: string, needsAssessment = false): Task => (needsAssessment ? { id, anchor, needsAssessment } : { id, anchor });

export const TASKS: Record<Direction, Record<OpenStatus, readonly Task[]>> = {
  outgoing: {
    draft: [task('inform-person', 'O1; ETS 112 Art. 4(1)'), task('record-application', 'O2; ETS 112 Art. 2(2)')],
    screening: [task('compute-sentence', 'O3'), task('assess-eligibility', 'O3', true)],
    dossier: [task('notify-other-state', 'O4; ETS 112 Art. 4(2)-(3)'), task('collect-dossier', 'O6; ETS 112 Art. 6(2)'), task('consult-authorities', 'O6')],
    decision: [task('record-decision', 'O7; ETS 112 Art. 3(1)(f)')],
    requested: [task('send-request', 'O8; ETS 112 Art. 5'), task('inform-person-in-writing', 'O5; ETS 112 Art. 4(5)')],
    'awaiting-other-state': [task('await-other-state', 'O9; ETS 112 Art. 5(4), 9(2)')],
    agreed: [task('arrange-consent-verification', 'O10; ETS 112 Art. 7(2)')],
    'consent-verification': [task('verify-consent', 'O10-O11; ETS 112 Art. 7(2)')],
    'handover-scheduled': [task('issue-warrant', 'O12; Cap. 513 s. 3(1)(b), outward warrant'), task('arrange-escort-and-transit', 'O12; ETS 112 Art. 16'), task('hand-over', 'O13')],
  },
  incoming: {
    draft: [task('receive-application', 'I1; ETS 112 Art. 2(2)')],
    screening: [task('verify-link', 'I2; ETS 112 Art. 6(1)'), task('assess-eligibility', 'I2', true)],
    dossier: [task('decide-procedure', 'I2; ETS 112 Art. 9(2)'), task('collect-dossier', 'I2; ETS 112 Art. 6(1)')],
    decision: [task('record-decision', 'I3; ETS 112 Art. 3(1)(f)')],
    requested: [task('send-request', 'I3; ETS 112 Art. 5')],
    'awaiting-other-state': [task('await-other-state', 'I3; ETS 112 Art. 6(2)')],
    agreed: [{ ...task('adapt-sentence', 'I4; ETS 112 Arts. 10-11'), needsEnforcementDecision: true }],
    'consent-verification': [task('verify-consent-abroad', 'I5; ETS 112 Art. 7(2)')],
    'handover-scheduled': [task('issue-inward-warrant', 'I6; Cap. 513 s. 3(1)(a), inward warrant'), task('prepare-admission', 'I7; 28 CFR 527.46(c)')],
  },
};
