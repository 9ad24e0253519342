import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGame, ENGINE_VERSION } from '../src/engine/index.ts';
import { parseScenario } from '../src/scenario/index.ts';

describe('identity', () => {
  it('writes the package version into replay files', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });

  it('gives a scenario the same hash in the loader and in the compiled game', () => {
    const text = readFileSync(new URL('../scenarios/tutorial.yaml', import.meta.url), 'utf8');
    const parsed = parseScenario(text, 'tutorial.yaml');
    if ('errors' in parsed) throw new Error('tutorial does not validate');
    expect(compileGame(parsed.scenario).scenarioHash).toBe(parsed.hash);
    expect(parsed.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('validates the tutorial with no errors and no warnings', () => {
    const text = readFileSync(new URL('../scenarios/tutorial.yaml', import.meta.url), 'utf8');
    const parsed = parseScenario(text, 'tutorial.yaml');
    expect('errors' in parsed ? parsed.errors : []).toEqual([]);
    if ('warnings' in parsed) expect(parsed.warnings).toEqual([]);
  });
});
