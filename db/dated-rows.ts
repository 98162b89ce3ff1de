/**
 * The stored versions of the dated documents (tables rule_sets, jurisdiction_profiles and
 * treaty_maps) share their dating columns; the rule of which version is in force is
 * shared/treaties/in-force.ts.
 */
import { inForceOn, type DatedVersion } from '../shared/treaties/in-force.ts';

export interface DatedRow {
  effective_from: string;
  created_at: string;
}

export const datesOfRow = (row: DatedRow): DatedVersion => ({ effectiveFrom: row.effective_from, storedAt: row.created_at });

/** The stored version in force on `isoDay` among `rows`, if any. */
export function rowInForce<R extends DatedRow>(rows: readonly R[], isoDay: string): R | undefined {
  return inForceOn(rows, isoDay, datesOfRow);
}
