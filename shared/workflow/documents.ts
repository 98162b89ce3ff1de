/**
 * A case's document checklist (docs/domain.md "Documents of a dossier"): which documents its rule-set requires for
 * its direction, the step each is needed by, and whether each is done. The statuses are
 * stored per case (db/documents-repo.ts); a document never touched is at its default.
 */
import type { RuleSet } from '../treaties/schema.ts';
import type { DocumentRequirement } from './document-sets.ts';
import { stepIndex, type Step } from './steps.ts';
import type { Direction } from '../vocabularies.ts';

export const DOCUMENT_STATUSES = ['required', 'requested', 'received', 'verified', 'sent', 'not_applicable'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** A document stops blocking once it is in hand (received, verified), gone out (sent) or not needed. */
const DONE: ReadonlySet<DocumentStatus> = new Set(['received', 'verified', 'sent', 'not_applicable']);

export function isDone(status: DocumentStatus): boolean {
  return DONE.has(status);
}

export interface CaseDocumentRequirement {
  kind: string;
  step: Step;
  required: boolean;
}

/**
 * The rule-set's documents for one direction, each kind once: a kind listed for both
 * directions and for this one keeps the earliest step, and is required if either says so.
 */
export function requirementsFor(ruleSet: Pick<RuleSet, 'documents'>, direction: Direction): CaseDocumentRequirement[] {
  const byKind = new Map<string, CaseDocumentRequirement>();
  const applies = (d: DocumentRequirement) => d.direction === 'both' || d.direction === direction;
  for (const d of ruleSet.documents.value.filter(applies)) {
    const seen = byKind.get(d.kind);
    if (seen === undefined) byKind.set(d.kind, { kind: d.kind, step: d.step, required: d.required });
    else byKind.set(d.kind, { kind: d.kind, step: stepIndex(d.step) < stepIndex(seen.step) ? d.step : seen.step, required: seen.required || d.required });
  }
  return [...byKind.values()].sort((a, b) => stepIndex(a.step) - stepIndex(b.step));
}

/** Before anyone records anything: a required document is awaited, an optional one is not applicable until someone says it is needed. */
export function defaultStatus(requirement: Pick<CaseDocumentRequirement, 'required'>): DocumentStatus {
  return requirement.required ? 'required' : 'not_applicable';
}
