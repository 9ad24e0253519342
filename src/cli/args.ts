/**
 * Argument parsing on top of node:util `parseArgs` (strict): unknown flags, missing values and wrong
 * numbers of files become a `UsageError` (exit 2) with a short message, never a Node stack trace.
 */
import { parseArgs } from 'node:util';
import { own } from '../core/own.ts';
import { closest } from '../scenario/suggest.ts';

/** Wrong usage of the command line: reported with the command's usage line, exit code 2. */
export class UsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** A flag a command accepts. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/** What parsing found: flag values by name and the positional arguments. */
export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Rewrites parseArgs' messages into one short line, with a "did you mean" for misspelt flags. */
function usageMessage(e: unknown, flags: Record<string, FlagSpec>): string {
  const raw = e instanceof Error ? e.message : String(e);
  const unknown = /^Unknown option '([^']+)'/.exec(raw);
  if (unknown) {
    const flag = unknown[1] as string;
    const guess = flag.startsWith('--') ? closest(flag.slice(2), Object.keys(flags)) : undefined;
    return `unknown option '${flag}'${guess ? ` (did you mean --${guess}?)` : ''}`;
  }
  const missing = /^Option '(-[^ ']+)(?: <value>)?' argument (missing|is ambiguous)/.exec(raw);
  if (missing) return `option '${missing[1]}' needs a value`;
  const noArg = /^Option '([^']+)' does not take an argument/.exec(raw);
  if (noArg) return `option '${noArg[1]}' does not take a value`;
  return raw.split('\n')[0] ?? raw;
}

/**
 * Parses a command's arguments. `files` names the positional arguments in messages (`FILE`) and bounds
 * how many are allowed.
 */
export function parseCommand(
  command: string,
  argv: string[],
  flags: Record<string, FlagSpec>,
  files: { name: string; min: number; max: number },
): Parsed {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: flags, strict: true, allowPositionals: true }) as Parsed;
  } catch (e) {
    throw new UsageError(usageMessage(e, flags), command);
  }
  const n = parsed.positionals.length;
  if (n < files.min) throw new UsageError(`missing ${files.name}`, command);
  if (n > files.max) {
    const extra = parsed.positionals.slice(files.max).map((p) => `'${p}'`);
    throw new UsageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`, command);
  }
  return parsed;
}

/** A string flag's value (undefined when absent). */
export function stringFlag(p: Parsed, name: string): string | undefined {
  const v = own(p.values, name);
  return typeof v === 'string' ? v : undefined;
}

/** A whole-number flag from `min` to `max` (`fallback` when absent); anything else is a usage error naming the range. */
export function intFlag(
  command: string,
  p: Parsed,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = stringFlag(p, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${value}')`, command);
  return n;
}

/** A boolean flag's value. */
export function boolFlag(p: Parsed, name: string): boolean {
  return own(p.values, name) === true;
}

/** Whether the arguments ask for help (`--help` or `-h` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}
