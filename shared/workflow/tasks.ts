/**
 * The task list of each step, by direction (docs/domain.md "The steps of a transfer": outgoing O1–O15, incoming I1–I9), shown on
 * the case page as a GOV.UK-style task list. Each task completes when the fact that shows it
 * done is recorded (a document received, a date entered, the decision and its approval, a
 * letter on the correspondence, the handover's escort), so the list ticks as the work is
 * recorded rather than by hand. The documents a step needs come from the rule-set
 * (documents.ts); a task resting on a document the case's rule-set does not list is left out.
 *
 * Each task cites the case's own instrument (citationOf): the article of the Council of Europe
 * Convention where the case is under it or its Protocol, else the instrument's title; a
 * Hong Kong or US domestic step cites that law only for a case under one of its arrangements.
 */
import type { Direction, OpenStatus, StoredVerdict } from '../vocabularies.ts';
import type { CaseFile } from '../domain/case.ts';
import { isDone, type DocumentStatus } from './documents.ts';

export type TaskStatus = 'completed' | 'in-progress' | 'not-started';

/** What the tasks read of a case. */
export interface TaskFacts {
  case: CaseFile;
  verdict: StoredVerdict | null;
  /** The latest assessment computed the release date. */
  datesComputed: boolean;
  /** Every listed document's status (its default when never touched). */
  documents: ReadonlyMap<string, DocumentStatus>;
  /** The kinds of the entries on the case's timeline, and those since it reached its step. */
  timeline: ReadonlySet<string>;
  sinceStep: ReadonlySet<string>;
  /** The correspondence recorded on the case, as `<kind>:<correspondent>` (`request:other-state`, `reply:other-state`, `notice:person`). */
  correspondence: ReadonlySet<string>;
  /** The latest handover plan, if one was recorded. */
  handoverPlan: { escort: string | null } | null;
  /** The required documents the next step needs: how many are done of how many. */
  nextDocuments: { done: number; total: number };
}

export interface Task {
  id: string;
  /** The article of ETS 112 it rests on, cited for a case under the Convention or its Protocol. */
  ets112?: string;
  /** Domestic law it rests on, cited for a case under an arrangement of that jurisdiction (rule-set id prefix). */
  law?: { ruleSetPrefix: string; text: string };
  /** A document the task produces or receives: the task is left out where the rule-set does not list it. */
  document?: string;
  status: (f: TaskFacts) => TaskStatus;
}

const done = (yes: boolean): TaskStatus => (yes ? 'completed' : 'not-started');
const documentDone = (kind: string) => (f: TaskFacts) => done(isDone(f.documents.get(kind) ?? 'required'));
/** Asked for counts as begun: the verification visit arranged, the warrant applied for. */
const documentProgress = (kind: string) => (f: TaskFacts): TaskStatus => {
  const s = f.documents.get(kind) ?? 'required';
  return isDone(s) ? 'completed' : s === 'requested' ? 'in-progress' : 'not-started';
};
const wrote = (...kinds: string[]) => (f: TaskFacts) => done(kinds.some((k) => f.correspondence.has(k)));
const decided = (f: TaskFacts) => done(f.sinceStep.has('decision-recorded'));
const approved = (f: TaskFacts) => done(f.sinceStep.has('decision-approved'));
const requestSent = (f: TaskFacts) => done(f.correspondence.has('request:other-state') || f.timeline.has('status:requested'));
const consentVerified = (f: TaskFacts) => done(f.case.consent?.verified === true || isDone(f.documents.get('consent-verification-record') ?? 'required'));
const collected = (f: TaskFacts): TaskStatus =>
  f.nextDocuments.done === f.nextDocuments.total ? 'completed' : f.nextDocuments.done > 0 ? 'in-progress' : 'not-started';
const planned = (f: TaskFacts): TaskStatus => (f.handoverPlan === null ? 'not-started' : f.handoverPlan.escort === null ? 'in-progress' : 'completed');

const HK_OUTWARD = { ruleSetPrefix: 'hk-', text: 'Cap. 513 s. 3(1)(b), outward warrant' };
const HK_INWARD = { ruleSetPrefix: 'hk-', text: 'Cap. 513 s. 3(1)(a), inward warrant' };
const US_ADMISSION = { ruleSetPrefix: 'us-', text: '28 CFR 527.46(c)' };

export const TASKS: Record<Direction, Record<OpenStatus, readonly Task[]>> = {
  outgoing: {
    draft: [
      { id: 'inform-person', ets112: 'Art. 4(1)', document: 'information-notice', status: documentDone('information-notice') },
      { id: 'record-application', ets112: 'Art. 2(2)', status: (f) => done(f.case.events.application != null) },
    ],
    screening: [
      { id: 'compute-sentence', status: (f) => done(f.datesComputed) },
      { id: 'assess-eligibility', ets112: 'Art. 3(1)', status: (f) => done(f.verdict !== null) },
    ],
    dossier: [
      {
        id: 'notify-other-state', ets112: 'Art. 4(2)-(3)',
        status: (f) => done(isDone(f.documents.get('notification-to-administering-state') ?? 'required') || f.correspondence.has('notice:other-state')),
      },
      { id: 'collect-dossier', ets112: 'Art. 6(2)', status: collected },
      { id: 'consult-authorities', status: wrote('consultation:authority', 'reply:authority') },
    ],
    decision: [
      { id: 'record-decision', ets112: 'Art. 3(1)(f)', status: decided },
      { id: 'approve-decision', ets112: 'Art. 3(1)(f)', status: approved },
    ],
    requested: [
      { id: 'send-request', ets112: 'Art. 5', status: requestSent },
      { id: 'inform-person-in-writing', ets112: 'Art. 4(5)', status: wrote('notice:person') },
    ],
    'awaiting-other-state': [{ id: 'await-other-state', ets112: 'Art. 5(4)', status: wrote('reply:other-state') }],
    agreed: [{ id: 'arrange-consent-verification', ets112: 'Art. 7(2)', status: documentProgress('consent-verification-record') }],
    'consent-verification': [{ id: 'verify-consent', ets112: 'Art. 7(2)', status: consentVerified }],
    'handover-scheduled': [
      { id: 'issue-warrant', law: HK_OUTWARD, document: 'outward-warrant', status: documentProgress('outward-warrant') },
      { id: 'arrange-escort-and-transit', ets112: 'Art. 16', status: planned },
      { id: 'hand-over', status: () => 'not-started' },
    ],
  },
  incoming: {
    draft: [{ id: 'receive-application', ets112: 'Art. 2(2)', status: (f) => done(f.case.events.application != null || f.case.events.requestReceived != null) }],
    screening: [
      { id: 'verify-link', ets112: 'Art. 6(1)(a)', document: 'nationality-proof', status: documentDone('nationality-proof') },
      { id: 'assess-eligibility', ets112: 'Art. 3(1)', status: (f) => done(f.verdict !== null) },
    ],
    dossier: [
      { id: 'decide-procedure', ets112: 'Art. 9(2)', status: (f) => done(f.case.enforcement?.procedure != null) },
      { id: 'collect-dossier', ets112: 'Art. 6(1)', status: collected },
    ],
    decision: [
      { id: 'record-decision', ets112: 'Art. 3(1)(f)', status: decided },
      { id: 'approve-decision', ets112: 'Art. 3(1)(f)', status: approved },
    ],
    requested: [{ id: 'send-request', ets112: 'Art. 5', status: requestSent }],
    'awaiting-other-state': [{ id: 'await-other-state', ets112: 'Art. 6(2)', status: wrote('reply:other-state') }],
    agreed: [{ id: 'adapt-sentence', ets112: 'Arts. 10-11', status: (f) => done(f.case.enforcement?.decision != null) }],
    'consent-verification': [{ id: 'verify-consent-abroad', ets112: 'Art. 7(2)', status: consentVerified }],
    'handover-scheduled': [
      { id: 'issue-inward-warrant', law: HK_INWARD, document: 'inward-warrant', status: documentProgress('inward-warrant') },
      { id: 'prepare-admission', law: US_ADMISSION, status: planned },
    ],
  },
};

/** The instrument a task cites for a case under `ruleSet`: the Convention's article, domestic law of the arrangement, else the title alone. */
export function citationOf(task: Task, ruleSet: { id: string; title: string } | null): string {
  if (ruleSet === null) return '';
  if (task.law !== undefined && ruleSet.id.startsWith(task.law.ruleSetPrefix)) return task.law.text;
  if (task.ets112 !== undefined && ruleSet.id.startsWith('coe-ets-')) return `ETS 112 ${task.ets112}`;
  return ruleSet.title;
}
