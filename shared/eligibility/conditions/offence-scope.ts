/**
 * The offences the dual-criminality and excluded-offence conditions read: every offence of the
 * case, or — the default reading, ETS 112 Art. 3(1)(c) and (e) together — only those of the
 * sentences still to be served on the reference date (a sentence of a chain already served is
 * not transferred). An offence no sentence names is always read; when the sentence dates are not
 * known, every offence is.
 */
import type { Offence } from '../../domain/case.ts';
import type { AssessmentContext } from '../types.ts';

export interface ScopedOffence {
  offence: Offence;
  /** The offence's position in the case file (for the field paths of what to find out). */
  index: number;
}

export function offencesInScope(ctx: AssessmentContext): ScopedOffence[] {
  const all = ctx.case.offences.map((offence, index) => ({ offence, index }));
  if (ctx.ruleSet.offenceScope.value === 'all-offences' || ctx.sentence.kind !== 'fixed') return all;
  const served = new Set(ctx.sentence.perSentence.filter((p) => p.release <= ctx.reference).map((p) => p.id));
  if (served.size === 0) return all;
  return all.filter(({ offence }) => {
    const sentences = ctx.case.sentences.filter((s) => s.offences.includes(offence.id));
    return sentences.length === 0 || sentences.some((s) => !served.has(s.id));
  });
}
