import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from '../src/scenario/index.ts';

const committed = readFileSync(new URL('../scenarios/schema.json', import.meta.url), 'utf8');

describe('scenarios/schema.json', () => {
  it('equals the schema generated from src/scenario/schema.ts', () => {
    expect(
      committed === scenarioJsonSchemaText(),
      'scenarios/schema.json is out of date: run `npx tsx scripts/gen-schema.ts` and commit the result',
    ).toBe(true);
  });

  it('is a draft 2020-12 schema with an id, a title and a named recursive condition', () => {
    const schema = scenarioJsonSchema();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: SCENARIO_SCHEMA_ID,
      title: 'Envoy scenario',
      type: 'object',
      additionalProperties: false,
    });
    expect(Object.keys(schema.$defs as object).sort()).toEqual(['Condition', 'PositionState']);
    expect(committed).not.toContain('__schema');
  });

  it('lists exactly the top-level keys of the valid base scenario among its properties', () => {
    const valid = parse(
      readFileSync(new URL('./fixtures/valid-minimal.yaml', import.meta.url), 'utf8'),
    ) as object;
    const properties = Object.keys((scenarioJsonSchema().properties ?? {}) as object);
    for (const key of Object.keys(valid)) expect(properties).toContain(key);
  });
});
