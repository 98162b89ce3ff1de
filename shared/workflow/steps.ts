/**
 * The steps of a transfer (docs/domain.md "The steps of a transfer": outgoing O1–O15, incoming I1–I9): the open
 * case statuses in the order a case moves through them, then the handover and the time
 * after it. Documents and deadlines name the step they belong to.
 *
 * Pure data with no runtime import: the rule-set schema (shared/treaties/schema.ts) builds
 * its `documents` parameter from it. steps.test.ts checks the list against OPEN_STATUSES.
 */
import type { CaseStatus, Direction, OpenStatus } from '../vocabularies.ts';

/** A document or task is needed by the time the case enters this step. */
export const STEPS = [
  'draft', 'screening', 'dossier', 'decision', 'requested', 'awaiting-other-state', 'agreed', 'consent-verification',
  'handover-scheduled', 'transferred', 'post-transfer',
] as const satisfies readonly (OpenStatus | 'transferred' | 'post-transfer')[];
export type Step = (typeof STEPS)[number];

export function stepIndex(step: Step): number {
  return (STEPS as readonly string[]).indexOf(step);
}

const OPEN_STEPS: readonly string[] = STEPS.slice(0, STEPS.indexOf('transferred'));

export function isOpenStatus(status: CaseStatus | null | undefined): status is OpenStatus {
  return status != null && OPEN_STEPS.includes(status);
}

/** A case with no recorded status is at the start. */
export function currentStep(status: CaseStatus | null | undefined): OpenStatus {
  return isOpenStatus(status) ? status : 'draft';
}

/** A case whose direction is not recorded is handled as outgoing (we are the sentencing State). */
export function directionOf(direction: Direction | null | undefined): Direction {
  return direction ?? 'outgoing';
}
