/**
 * The coded reasons each refusal, withdrawal and closure takes (issue 19; the vocabularies are in
 * shared/vocabularies.ts): a refusal by either State a refusal ground, a withdrawal a withdrawal
 * reason, every other closure but the transfer a closure reason. The free text beside the code
 * says the rest. Other transitions take no code (an empty list).
 */
import { CLOSURE_REASONS, REFUSAL_REASONS, WITHDRAWAL_REASONS } from '../vocabularies.ts';

const BY_TRANSITION: Readonly<Record<string, readonly string[]>> = {
  'refuse-by-sentencing-state': REFUSAL_REASONS,
  'refuse-by-administering-state': REFUSAL_REASONS,
  'withdraw-consent': WITHDRAWAL_REASONS,
  'withdraw-by-state': WITHDRAWAL_REASONS,
  'close-ineligible': CLOSURE_REASONS,
  'consent-not-verified': CLOSURE_REASONS,
  'release-before-transfer': CLOSURE_REASONS,
  'extinguish-sentence': CLOSURE_REASONS,
  'record-death': CLOSURE_REASONS,
  'record-escape': CLOSURE_REASONS,
  'close-unviable': CLOSURE_REASONS,
};

/** The codes a transition accepts (and requires); none for a transition that takes no coded reason. */
export function reasonsFor(transition: string): readonly string[] {
  return BY_TRANSITION[transition] ?? [];
}
