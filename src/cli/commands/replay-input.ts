/**
 * What `envoy replay` is given: a replay file (JSON), a file holding a replay code, or a code on the
 * command line (`--code`). Everything is read and shape-checked here, so the command only ever sees a
 * well-formed replay file or a well-formed code, or a one-line problem to print.
 */

import { lineColAt, MAX_JSON_DEPTH, tooDeepAt } from '../../core/json-depth.ts';
import { type AnyReplayFile, type ParsedReplayCode, readReplay, readReplayCode } from '../../engine/index.ts';
import { readBytes } from '../io.ts';

/** Replay files larger than this are refused before reading (real ones are a few hundred KiB at most). */
export const MAX_REPLAY_BYTES = 5 * 1024 * 1024;

/** A checked input: a replay file, or a code (with `label`, its file or `--code`, for messages). */
export type ReplayInput =
  | { type: 'file'; label: string; replay: AnyReplayFile }
  | { type: 'code'; label: string; code: string; parsed: ParsedReplayCode };

/** Why an input cannot be checked; `kind` is the `--json` kind. */
export interface InputProblem {
  kind: 'unreadable' | 'invalid-json' | 'invalid-replay' | 'invalid-code';
  message: string;
}

/** A file's text is a code rather than JSON when it starts like one (`envoy1-…`, or another version). */
const LOOKS_LIKE_CODE = /^\s*envoy\d*-/;

function readCode(code: string, label: string): ReplayInput | InputProblem {
  const parsed = readReplayCode(code);
  if (!parsed.ok) return { kind: 'invalid-code', message: `${label}: error: ${parsed.message}` };
  return { type: 'code', label, code, parsed };
}

function parseJson(text: string, file: string): ReplayInput | InputProblem {
  const deep = tooDeepAt(text);
  if (deep !== null) {
    const { line, col } = lineColAt(text, deep);
    return {
      kind: 'invalid-json',
      message: `${file}:${line}:${col}: error: not a replay file: values are nested more than ${MAX_JSON_DEPTH} levels deep here`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const at = /(?: in JSON)? at position (\d+)/.exec(raw);
    let where = '';
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      where = `:${line}:${before.length - before.lastIndexOf('\n')}`;
    }
    const why = (at ? raw.replace(at[0], '') : raw).slice(0, 200);
    return { kind: 'invalid-json', message: `${file}${where}: error: not valid JSON: ${why}` };
  }
  const r = readReplay(data);
  if ('error' in r) return { kind: 'invalid-replay', message: `${file}: error: ${r.error}` };
  return { type: 'file', label: file, replay: r.replay };
}

/** Reads a replay file or a code file (by its content), or takes the code given with `--code`. */
export function readReplayInput(
  file: string | undefined,
  code: string | undefined,
  cwd: string,
): ReplayInput | InputProblem {
  if (code !== undefined) return readCode(code, '--code');
  const name = file as string;
  const read = readBytes(name, cwd, MAX_REPLAY_BYTES);
  if ('problem' in read) {
    const hint = read.hint ? ` (hint: ${read.hint})` : '';
    return { kind: 'unreadable', message: `${name}: error: ${read.problem}${hint}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, '');
  } catch {
    return { kind: 'invalid-json', message: `${name}: error: not a replay file: the file is not UTF-8 text` };
  }
  return LOOKS_LIKE_CODE.test(text) ? readCode(text, name) : parseJson(text, name);
}
