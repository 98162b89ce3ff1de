/** The published JSON Schema is the zod schema written out: the committed file must be exactly what the generator writes. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULESET_SCHEMA_FILE, ruleSetJsonSchema, ruleSetJsonSchemaText, TREATY_MAP_SCHEMA_FILE, treatyMapJsonSchemaText } from './json-schema.ts';
import { PARAMETER_KEYS } from './schema.ts';

const committed = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', RULESET_SCHEMA_FILE);

describe('docs/schema/tsp-ruleset-1.schema.json', () => {
  it('is the generated schema (run `npx tsx scripts/gen-ruleset-schema.ts` after changing shared/treaties/schema.ts)', () => {
    expect(fs.readFileSync(committed, 'utf8')).toBe(ruleSetJsonSchemaText());
  });

  it('describes every parameter with value, source and confidence', () => {
    const properties = ruleSetJsonSchema().properties as Record<string, { required?: string[] }>;
    for (const key of PARAMETER_KEYS) expect(properties[key]?.required, key).toEqual(expect.arrayContaining(['value', 'source', 'confidence']));
  });
});

describe('docs/schema/tsp-treaty-map-1.schema.json', () => {
  it('is the generated schema (run `npx tsx scripts/gen-ruleset-schema.ts` after changing shared/treaties/map/schema.ts)', () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', TREATY_MAP_SCHEMA_FILE);
    expect(fs.readFileSync(file, 'utf8')).toBe(treatyMapJsonSchemaText());
  });
});
