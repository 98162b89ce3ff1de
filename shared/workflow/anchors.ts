/**
 * What a procedural deadline may be anchored on (`after`, `until`: shared/workflow/deadlines.ts):
 * the rule-set schema refuses any other name, so that a typo does not silently leave a deadline
 * out. An anchor the app does not record yet (UNRECORDED_ANCHORS) is accepted and never dated.
 */
import { CASE_EVENTS, caseStatuses, CLOSE_OUTCOMES } from '../vocabularies.ts';

/** The dates of the case file's `events`, but the planned transfer: a plan, not something that happened. */
export const CASE_EVENT_ANCHORS = CASE_EVENTS.filter((e): e is Exclude<(typeof CASE_EVENTS)[number], 'transferPlanned'> => e !== 'transferPlanned');
/** Named for what they mean in the instruments: the States' agreement, the recognition decision, the handover. */
const NAMED_ANCHORS = ['agreement', 'final-decision', 'transferred'] as const;
/** Named by an instrument but not recorded by the app yet: a deadline after one of them is never running. */
const UNRECORDED_ANCHORS = ['speciality-request-received'] as const;
/** Kinds of timeline entries other than status changes and closings. */
const TIMELINE_KINDS = ['created', 'imported', 'reopened', 'consent-withdrawal-ineffective'] as const;

const KNOWN: ReadonlySet<string> = new Set<string>([
  ...CASE_EVENT_ANCHORS,
  ...NAMED_ANCHORS,
  ...UNRECORDED_ANCHORS,
  ...TIMELINE_KINDS,
  ...caseStatuses.map((s) => `status:${s}`),
  ...CLOSE_OUTCOMES.map((o) => `closed:${o}`),
]);

/** Whether a deadline may be anchored on `anchor` (enforcement steps: `enforcement:<kind>`). */
export function isKnownAnchor(anchor: string): boolean {
  return KNOWN.has(anchor) || /^enforcement:[a-z0-9-]{1,60}$/.test(anchor);
}
