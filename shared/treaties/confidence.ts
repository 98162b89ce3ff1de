/**
 * How sure we are of a rule parameter:
 * - `C` confirmed from a retrieved copy of the instrument itself;
 * - `S` from a secondary source only (implementing law, official guidance, news);
 * - `U` unconfirmed: inference or general knowledge, to verify before relying on it.
 */
export type Confidence = 'C' | 'S' | 'U';
export const CONFIDENCES: readonly Confidence[] = ['C', 'S', 'U'];
