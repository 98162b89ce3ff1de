/**
 * The published JSON Schema of `tsp-ruleset/1`, generated from the zod schema (zod 4's
 * `z.toJSONSchema`) so the two cannot drift: `docs/schema/tsp-ruleset-1.schema.json` is this
 * value written out by `scripts/gen-ruleset-schema.ts`, and a test fails when the committed
 * file differs. It describes what a file may contain (zod's input side: defaulted fields are
 * optional); the checks JSON Schema cannot state (real calendar dates, a case binding only on
 * an ad hoc arrangement) are applied by the app and `tsp treaties validate`.
 */
import { z } from 'zod';
import { TREATY_MAP_FORMAT, treatyMapSchema } from './map/schema.ts';
import { RULESET_FORMAT, ruleSetSchema } from './schema.ts';

export const RULESET_SCHEMA_FILE = 'docs/schema/tsp-ruleset-1.schema.json';

export function ruleSetJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ruleSetSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  // A refinement has no JSON Schema form: state at least the date's shape.
  const properties = generated.properties as Record<string, Record<string, unknown>>;
  properties.effectiveFrom = { ...properties.effectiveFrom, format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
  return {
    $schema: generated.$schema,
    $id: 'https://tsp-desk.invalid/schema/tsp-ruleset-1.schema.json',
    title: `TSP Desk rule-set (${RULESET_FORMAT})`,
    description:
      'A treaty rule-set: every parameter deciding transfer eligibility, each with its value, legal source and confidence ' +
      '(C confirmed from the instrument, S secondary source, U unconfirmed). Generated from shared/treaties/schema.ts.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

/** The file's text: two-space indentation and a final newline, as committed. */
export function ruleSetJsonSchemaText(): string {
  return `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`;
}

export const TREATY_MAP_SCHEMA_FILE = 'docs/schema/tsp-treaty-map-1.schema.json';

/** The published JSON Schema of `tsp-treaty-map/1` (shared/treaties/map/schema.ts), written out like the rule-set's. */
export function treatyMapJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(treatyMapSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    $schema: generated.$schema,
    $id: 'https://tsp-desk.invalid/schema/tsp-treaty-map-1.schema.json',
    title: `TSP Desk treaty map (${TREATY_MAP_FORMAT})`,
    description:
      'Which instrument binds which States and places, from when, with which declarations, and which instrument replaces which between ' +
      'whom; every party row and declaration with its source and confidence (C depositary or official record, S secondary, U not found). ' +
      'Generated from shared/treaties/map/schema.ts; dates must be real calendar dates (checked by the app).',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

export function treatyMapJsonSchemaText(): string {
  return `${JSON.stringify(treatyMapJsonSchema(), null, 2)}\n`;
}
