/**
 * `envoy schema`: prints the JSON Schema of the scenario format, for editors (`# yaml-language-server:
 * $schema=…`) and other tools.
 */
import { scenarioJsonSchema } from '../../scenario/json-schema.ts';
import { parseCommand } from '../args.ts';
import { type Io, printJson } from '../io.ts';

export function runSchema(argv: string[], io: Io): number {
  parseCommand('schema', argv, {}, { name: 'argument', min: 0, max: 0 });
  printJson(io, scenarioJsonSchema());
  return 0;
}
