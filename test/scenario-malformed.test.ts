import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, parseScenarioBytes } from '../src/scenario/index.ts';

const dir = new URL('./fixtures/malformed/', import.meta.url);

/** Every diagnostic of a file as `line:col code`, warnings marked. */
function summarise(name: string): string[] {
  const result = parseScenarioBytes(new Uint8Array(readFileSync(new URL(name, dir))), `malformed/${name}`);
  const list: Diagnostic[] = 'errors' in result ? result.errors : result.warnings;
  return list.map((d) => `${d.line}:${d.col} ${d.code}${d.severity === 'warning' ? ' (warning)' : ''}`);
}

// For each malformed file: where every problem is reported, and its code. A file that loads with
// warnings only (unsent-event) lists its warnings.
const expected: [string, string[]][] = [
  ['alias-bomb.yaml', ['14:12 limit/too-many-aliases']],
  ['alias-expansion.yaml', ['4:10 limit/alias-expansion']],
  ['binary.yaml', ['3:1 file/binary']],
  ['bloc-unknown-party.yaml', ['79:22 ref/unknown-party']],
  ['catch-all-missing.yaml', ['103:5 check/catch-all']],
  ['catch-all-not-last.yaml', ['88:5 check/catch-all']],
  ['comments-only.yaml', ['1:1 file/empty']],
  ['condition-in-outcome.yaml', ['93:7 check/condition-context']],
  ['duplicate-key.yaml', ['5:1 yaml/duplicate-key']],
  ['empty-value.yaml', ['35:5 schema/invalid-type']],
  ['empty.yaml', ['1:1 file/empty']],
  ['enum-typo.yaml', ['90:11 schema/invalid-value']],
  ['id-not-kebab.yaml', ['2:5 schema/invalid-format']],
  ['invalid-utf8.yaml', ['3:11 file/invalid-utf8']],
  ['meter-out-of-range.yaml', ['37:14 check/meter-range']],
  ['missing-colon.yaml', ['3:1 yaml/multiline-implicit-key']],
  ['missing-required-key.yaml', ['2:1 schema/missing-key']],
  ['missing-state.yaml', ['57:21 ref/unknown-state']],
  ['multi-document.yaml', ['4:1 yaml/multiple-documents']],
  ['red-line-missing-option.yaml', ['48:19 ref/unknown-option']],
  ['tab-indent.yaml', ['4:1 yaml/tab-as-indent']],
  ['three-mistakes.yaml', ['57:21 ref/unknown-state', '61:21 ref/unknown-meter', '86:14 ref/unknown-issue']],
  ['too-deep.yaml', ['3:74 limit/too-deep']],
  ['top-level-list.yaml', ['2:1 yaml/not-a-mapping']],
  ['unclosed-quote.yaml', ['3:8 yaml/missing-char']],
  ['unknown-issue-move.yaml', ['86:14 ref/unknown-issue']],
  ['unknown-key-typo.yaml', ['38:5 schema/unknown-key']],
  ['unknown-meter-effects.yaml', ['61:21 ref/unknown-meter']],
  ['unknown-tag.yaml', ['3:8 yaml/unknown-tag', '4:8 yaml/unknown-tag']],
  ['unknown-template.yaml', ['34:15 ref/unknown-template']],
  ['unsent-event.yaml', ['52:13 ref/unsent-event (warning)']],
  ['vote-without-block.yaml', ['84:11 ref/no-vote']],
  ['wrong-type.yaml', ['20:10 schema/invalid-type']],
];

describe('malformed scenario corpus', () => {
  it('has an expectation for every file in the corpus, and a file for every expectation', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(files).toEqual(expected.map(([name]) => name).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(expected)('reports %s at the right places', (name, problems) => {
    expect(summarise(name)).toEqual(problems);
  });
});
