/**
 * The built-in treaty map: every instrument of the built-in rule-sets with its parties,
 * declarations and replacements, validated against the schema at load (a broken entry fails
 * here and in the tests). Stored versions (Treaties › Treaty map, `tsp treaties map import`)
 * take its place from their effective date.
 */
import { indexTreatyMap, type TreatyMapIndex } from '../relations.ts';
import { TREATY_MAP_FORMAT, treatyMapSchema, type TreatyMap, type TreatyMapInput } from '../schema.ts';
import { BILATERALS, PATTERNS, US_IPTP } from './bilaterals.ts';
import { COE_ETS_112, COE_ETS_167_AMENDED, COE_ETS_167_ORIGINAL } from './coe.ts';
import { EU_FD_2008_909 } from './eu.ts';
import { HONG_KONG_ARRANGEMENTS, HONG_KONG_NO_ARRANGEMENTS } from './hong-kong.ts';
import { OAS_1993 } from './oas.ts';

const INPUT: TreatyMapInput = {
  format: TREATY_MAP_FORMAT,
  version: '2026-12-07',
  effectiveFrom: '2026-12-07',
  notes: 'Built-in map compiled on 7 December 2026 from depositaries\' records, official gazettes and treaty databases, Government and parliamentary papers and the press (docs/treaties.md).',
  instruments: [COE_ETS_112, COE_ETS_167_ORIGINAL, COE_ETS_167_AMENDED, EU_FD_2008_909, OAS_1993, ...BILATERALS, US_IPTP, ...HONG_KONG_ARRANGEMENTS, ...PATTERNS],
  noArrangements: HONG_KONG_NO_ARRANGEMENTS,
};

export const BUILT_IN_TREATY_MAP: TreatyMap = treatyMapSchema.parse(INPUT);

let index: TreatyMapIndex | null = null;

/** The built-in map, indexed once. */
export function builtInTreatyMap(): TreatyMapIndex {
  index ??= indexTreatyMap(BUILT_IN_TREATY_MAP);
  return index;
}
