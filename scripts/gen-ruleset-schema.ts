/**
 * Writes docs/schema/tsp-ruleset-1.schema.json and docs/schema/tsp-treaty-map-1.schema.json from
 * the zod schemas (shared/treaties/json-schema.ts). Run after changing shared/treaties/schema.ts
 * or shared/treaties/map/schema.ts: `npx tsx scripts/gen-ruleset-schema.ts`;
 * shared/treaties/json-schema.test.ts fails while a committed file differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULESET_SCHEMA_FILE, ruleSetJsonSchemaText, TREATY_MAP_SCHEMA_FILE, treatyMapJsonSchemaText } from '../shared/treaties/json-schema.ts';

for (const [name, text] of [[RULESET_SCHEMA_FILE, ruleSetJsonSchemaText()], [TREATY_MAP_SCHEMA_FILE, treatyMapJsonSchemaText()]] as const) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${name}`);
}
