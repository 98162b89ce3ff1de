/**
 * A stored result as two documents, so that identical content is stored once (schema 15,
 * docs/storage-security.md, "Assessments: identical content stored once"):
 *
 * - the outcome: what the case's facts gave (verdict, dates, every condition's status, message
 *   and parameters, the steps), the same for a case whose facts and outcome did not change when
 *   a new version of its law took effect;
 * - the law's texts: the instrument and treaty-map versions and each condition's source and
 *   confidence, the same for every case whose conditions read the same sources under one version.
 *
 * The result is the outcome with the texts put back where they belong (after `transferWindow`;
 * after each condition's `effect`, the order results were always written in); toStoredAssessment
 * (report.ts) is joinResult of the two documents toStoredDocuments builds, and
 * joinStoredResult(JSON of the outcome, JSON of the texts) gives back the JSON of the result byte
 * for byte, since JSON.parse then JSON.stringify gives back exactly what JSON.stringify wrote.
 */
import type { StoredAssessment } from '../api-schemas.ts';

type StoredCondition = StoredAssessment['conditions'][number];

export type StoredOutcome = Omit<StoredAssessment, 'treaty' | 'treatyMap' | 'conditions'> & {
  conditions: Omit<StoredCondition, 'source' | 'confidence'>[];
};

export interface LawTexts {
  treaty: StoredAssessment['treaty'];
  treatyMap: StoredAssessment['treatyMap'];
  /** [source, confidence] of each condition, in order. */
  sources: [StoredCondition['source'], StoredCondition['confidence']][];
}

/** The result: the outcome with the law's texts in their places, keys in the order the store writes them. */
export function joinResult(outcome: StoredOutcome, texts: LawTexts): StoredAssessment {
  if (outcome.conditions.length !== texts.sources.length) throw new Error('an outcome and the texts of its law do not match');
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(outcome)) {
    if (key === 'conditions') {
      result.conditions = outcome.conditions.map((condition, i) => {
        const whole: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(condition)) {
          whole[k] = v;
          if (k === 'effect') [whole.source, whole.confidence] = texts.sources[i]!;
        }
        return whole;
      });
      continue;
    }
    result[key] = value;
    if (key === 'transferWindow') {
      result.treaty = texts.treaty;
      result.treatyMap = texts.treatyMap;
    }
  }
  return result as StoredAssessment;
}

/** The JSON of the result from the JSON of its outcome and of its law's texts, as written. */
export function joinStoredResult(outcome: string, texts: string): string {
  return JSON.stringify(joinResult(JSON.parse(outcome) as StoredOutcome, JSON.parse(texts) as LawTexts));
}
