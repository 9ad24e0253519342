/**
 * Writes `scenarios/schema.json` from the zod schema (`npx tsx scripts/gen-schema.ts`). The file is
 * committed so editors can use it offline; a test fails if it drifts from the schema.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/scenario/json-schema.ts';

const target = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
