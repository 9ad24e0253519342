/**
 * The JSON Schema of the scenario format, generated from the zod schema so editors (YAML language
 * server: `# yaml-language-server: $schema=./schema.json`) complete and check exactly what the loader
 * accepts. `scripts/gen-schema.ts` writes it to `scenarios/schema.json`; `envoy schema` prints it.
 */
import { z } from 'zod';
import { Scenario } from './schema.ts';

/** A stable identifier for the schema; it is a name, not a download location. */
export const SCENARIO_SCHEMA_ID = 'urn:envoy:scenario';

type Json = unknown;

/** Replaces every `$ref` to a renamed definition, depth-first (the schema is a few levels deep). */
function renameRefs(value: Json, renames: Map<string, string>): Json {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, renames));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof v === 'string' ? (renames.get(v) ?? v) : renameRefs(v, renames);
  }
  return out;
}

/**
 * zod names recursive definitions `__schema0`, …; give the recursive types of the format readable names
 * for editors' tooltips: the condition (recognised by its `any`/`all`/`not` keys) and the position state
 * (`describe`/`states`/`on`: states nest).
 */
function nameDefinitions(schema: Record<string, Json>): Record<string, Json> {
  const defs = schema.$defs as Record<string, { properties?: Record<string, Json> }> | undefined;
  if (!defs) return schema;
  const renames = new Map<string, string>();
  const named: Record<string, Json> = {};
  for (const [name, def] of Object.entries(defs)) {
    const props = def.properties ?? {};
    const generic = /^__schema\d+$/.test(name);
    const isCondition = generic && 'any' in props && 'all' in props && 'not' in props;
    const isState = generic && 'describe' in props && 'states' in props && 'on' in props;
    const finalName =
      isCondition && !('Condition' in defs)
        ? 'Condition'
        : isState && !('PositionState' in defs)
          ? 'PositionState'
          : name;
    if (finalName !== name) renames.set(`#/$defs/${name}`, `#/$defs/${finalName}`);
    named[finalName] = def;
  }
  return renameRefs({ ...schema, $defs: named }, renames) as Record<string, Json>;
}

/** The JSON Schema (draft 2020-12) of what a scenario file may contain. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Scenario, { io: 'input' }) as Record<string, Json>;
  const { $schema, ...rest } = nameDefinitions(generated);
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'Envoy scenario',
    description:
      'A negotiation scenario for Envoy. Generated from src/scenario/schema.ts: do not edit by hand.',
    ...rest,
  };
}

/** The schema as the exact text of `scenarios/schema.json`: two-space indent and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
