/**
 * What changed between two versions of a rule-set, parameter by parameter: the value, the
 * legal source, the confidence or the note. The Treaties page shows the result side by side;
 * the same rows say, in a re-assessment report, what a new version changed.
 */
import { PARAMETER_GROUPS, type ParameterGroupId, type ParameterKey } from './parameter-groups.ts';
import type { Param, RuleSet } from './schema.ts';

/** The parts of a parameter that can change; `value` compared by content, not by reference. */
export type ParameterAspect = 'value' | 'source' | 'confidence' | 'note';
export const METADATA_FIELDS = ['version', 'effectiveFrom', 'title', 'kind', 'caseId', 'notes'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface ParameterChange {
  key: ParameterKey;
  group: ParameterGroupId;
  /** Which of the parameter's parts differ, in this order: value, source, confidence, note. */
  aspects: ParameterAspect[];
  before: Param<unknown>;
  after: Param<unknown>;
}

export interface RuleSetDiff {
  metadata: { field: MetadataField; before: string | null; after: string | null }[];
  parameters: ParameterChange[];
  /** The consent-free routes differ (compared as a whole list). */
  consentExceptions: boolean;
}

/** Equal as JSON values (an absent key and an undefined one are the same). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameJson(ra[k], rb[k])) return false;
  return true;
}

function aspectsOf(a: Param<unknown>, b: Param<unknown>): ParameterAspect[] {
  const out: ParameterAspect[] = [];
  if (!sameJson(a.value, b.value)) out.push('value');
  if (a.source !== b.source) out.push('source');
  if (a.confidence !== b.confidence) out.push('confidence');
  if ((a.note ?? null) !== (b.note ?? null)) out.push('note');
  return out;
}

export function diffRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const metadata = METADATA_FIELDS.flatMap((field) => {
    const [a, b] = [before[field] ?? null, after[field] ?? null];
    return a === b ? [] : [{ field, before: a, after: b }];
  });
  const parameters: ParameterChange[] = [];
  for (const group of PARAMETER_GROUPS) {
    for (const key of group.keys) {
      const [a, b] = [before[key] as Param<unknown>, after[key] as Param<unknown>];
      const aspects = aspectsOf(a, b);
      if (aspects.length > 0) parameters.push({ key, group: group.id, aspects, before: a, after: b });
    }
  }
  return { metadata, parameters, consentExceptions: !sameJson(before.consentExceptions, after.consentExceptions) };
}

/** Whether the two versions decide anything differently (values or routes; a reworded source alone does not). */
export function changesDecisions(diff: RuleSetDiff): boolean {
  return diff.consentExceptions || diff.parameters.some((p) => p.aspects.includes('value'));
}
