/**
 * Writes docs/schema/tsp-ruleset-1.schema.json from the zod schema (shared/treaties/json-schema.ts).
 * Run after changing shared/treaties/schema.ts: `npx tsx scripts/gen-ruleset-schema.ts`;
 * shared/treaties/json-schema.test.ts fails while the committed file differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULESET_SCHEMA_FILE, ruleSetJsonSchemaText } from '../shared/treaties/json-schema.ts';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', RULESET_SCHEMA_FILE);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, ruleSetJsonSchemaText());
console.log(`wrote ${RULESET_SCHEMA_FILE}`);
