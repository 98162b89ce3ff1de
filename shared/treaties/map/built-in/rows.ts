/** Compact constructors for the built-in map's rows (shared/treaties/map/schema.ts). */
import type { Confidence } from '../../confidence.ts';
import type { TreatyMapInput } from '../schema.ts';

type PartyInput = TreatyMapInput['instruments'][number]['parties'][number];

export interface PartyDates {
  signature?: string | null;
  consentToBeBound?: string | null;
  provisionalFrom?: string | null;
  inForceBy?: string | null;
  ceasesFrom?: string | null;
  note?: string;
}

/** A party row: the State, its entry into force (null: not in force or not known), source and confidence. */
export function party(state: string, entryIntoForce: string | null, source: string, confidence: Confidence, dates: PartyDates = {}): PartyInput {
  const { note, ...rest } = dates;
  return { state, entryIntoForce, signature: null, consentToBeBound: null, provisionalFrom: null, inForceBy: null, ceasesFrom: null, ...rest, source, confidence, ...(note === undefined ? {} : { note }) };
}
