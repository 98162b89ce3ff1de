/**
 * A stored result as two documents, so that identical content is stored once (schema 15,
 * docs/storage-security.md#assessments):
 *
 * - the outcome: what the case's facts gave (verdict, dates, every condition's status, message
 *   and parameters, the steps), the same for a case whose facts and outcome did not change when
 *   a new version of its law took effect;
 * - the law's texts: the instrument and treaty-map versions and each condition's source and
 *   confidence, the same for every case assessed under one version of the law.
 *
 * joinStoredResult(split.outcome, split.texts) gives back the JSON of the result byte for byte:
 * the texts go back where they were (after `transferWindow`; after each condition's `effect`),
 * and JSON.parse then JSON.stringify gives back exactly what JSON.stringify wrote. A result
 * whose keys are not in that order is not split (null): it is stored whole.
 */
import type { StoredAssessment } from '../api-schemas.ts';

export interface SplitResult {
  outcome: string;
  texts: string;
}

interface LawTexts {
  treaty: unknown;
  treatyMap: unknown;
  /** [source, confidence] of each condition, in order. */
  sources: [unknown, unknown][];
}

/** `key` directly followed by `next`, in the object's own order. */
function follows(keys: readonly string[], key: string, next: readonly string[]): boolean {
  const at = keys.indexOf(key);
  return at >= 0 && next.every((k, i) => keys[at + 1 + i] === k);
}

/** The outcome and the law's texts of a result, or null when its keys are not where join puts them back. */
export function splitStoredResult(result: StoredAssessment): SplitResult | null {
  const keys = Object.keys(result);
  if (!follows(keys, 'transferWindow', ['treaty', 'treatyMap'])) return null;
  const sources: LawTexts['sources'] = [];
  const conditions: Record<string, unknown>[] = [];
  for (const condition of result.conditions) {
    if (!follows(Object.keys(condition), 'effect', ['source', 'confidence'])) return null;
    const { source, confidence, ...rest } = condition;
    sources.push([source, confidence]);
    conditions.push(rest);
  }
  const { treaty, treatyMap, ...outcome } = result;
  const texts: LawTexts = { treaty, treatyMap, sources };
  return { outcome: JSON.stringify({ ...outcome, conditions }), texts: JSON.stringify(texts) };
}

/** Puts `texts` back into `outcome` where splitStoredResult took them from: the result's JSON as it was written. */
export function joinStoredResult(outcome: string, texts: string): string {
  const parts = JSON.parse(outcome) as Record<string, unknown> & { conditions: Record<string, unknown>[] };
  const law = JSON.parse(texts) as LawTexts;
  if (parts.conditions.length !== law.sources.length) throw new Error('an outcome and the texts of its law do not match');
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts)) {
    if (key === 'conditions') {
      result.conditions = parts.conditions.map((condition, i) => {
        const whole: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(condition)) {
          whole[k] = v;
          if (k === 'effect') [whole.source, whole.confidence] = law.sources[i] as [unknown, unknown];
        }
        return whole;
      });
      continue;
    }
    result[key] = value;
    if (key === 'transferWindow') {
      result.treaty = law.treaty;
      result.treatyMap = law.treatyMap;
    }
  }
  return JSON.stringify(result);
}
