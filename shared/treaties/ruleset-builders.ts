/**
 * Small constructors for the built-in rule-sets (library.ts, hong-kong-rulesets.ts): a
 * parameter with its source and confidence, and a rule-set built on another's pattern where
 * an instrument's own text was not read.
 */
import { ruleSetSchema } from './schema.ts';
import type { Confidence } from './confidence.ts';
import type { Param, RuleSetInput } from './schema.ts';

export const p = <T>(value: T, source: string, confidence: Confidence, note?: string): Param<T> =>
  note === undefined ? { value, source, confidence } : { value, source, confidence, note };

export function weaker(a: Confidence, b: Confidence): Confidence {
  const order: Confidence[] = ['C', 'S', 'U'];
  return order[Math.max(order.indexOf(a), order.indexOf(b))] as Confidence;
}

/**
 * A rule-set whose text was not retrieved, built on a known pattern: every parameter names
 * the instrument it stands for and the pattern it was taken from ("…; pattern: ETS 112
 * Art. 3(1)(c)"), and is at most as sure as `ceiling`.
 */
export function asReported<T extends RuleSetInput>(base: T, via: string, ceiling: 'S' | 'U'): T {
  // Every parameter, the defaulted ones too, is borrowed from the pattern and says so.
  const full = ruleSetSchema.parse(base) as unknown as T;
  const out: Record<string, unknown> = { ...full };
  for (const [key, value] of Object.entries(full)) {
    if (value && typeof value === 'object' && 'source' in value && 'confidence' in value) {
      const prm = value as Param<unknown>;
      out[key] = { ...prm, source: `${via}; pattern: ${prm.source}`, confidence: weaker(prm.confidence, ceiling) };
    }
  }
  out.consentExceptions = full.consentExceptions.map((e) => ({
    ...e,
    source: `${via}; pattern: ${e.source}`,
    confidence: weaker(e.confidence, ceiling),
  }));
  return out as T;
}
