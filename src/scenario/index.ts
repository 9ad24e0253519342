/**
 * The scenario layer's public face: parse and validate scenario files, report located problems, and
 * describe the format. Pure: runs the same in Node (CLI) and the browser (game, editor preview).
 */
export type { Diagnostic, Severity } from './diagnostic.ts';
export { formatDiagnostic } from './diagnostic.ts';
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.ts';
export { MAX_ALIASES, MAX_BYTES, MAX_DEPTH } from './limits.ts';
export type { ParseResult } from './parse.ts';
export { parseScenario, parseScenarioBytes } from './parse.ts';
export * from './schema.ts';
export type { ScenarioWord } from './text-paths.ts';
export { rulesHash, scenarioRules, scenarioWords, textHash, withWords } from './text-paths.ts';
