/**
 * Nesting depth of untrusted JSON, measured without recursion. A replay file with 200,000 nested arrays
 * parses, but any recursive walk of it (a stringify, a comparison) overflows the stack; such input is
 * refused, where the nesting goes too deep, before anything walks it.
 */

/** The deepest nesting any Envoy file has a use for (a replay's deepest value is 4 levels down). */
export const MAX_JSON_DEPTH = 64;

/**
 * The offset in `text` of the first `[` or `{` that opens level `max + 1`, or null when the JSON text nests
 * no deeper than `max`. Strings are skipped (brackets inside them do not count); the text need not be valid.
 */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/** Line and column (1-based) of an offset in a text. */
export function lineColAt(text: string, at: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: at - start + 1 };
}

/**
 * The path (`checkpoints[0].table`) of the first value nested deeper than `max` in parsed data, or null.
 * Iterative, so it is safe on any depth.
 */
export function tooDeepPath(value: unknown, max = MAX_JSON_DEPTH): string | null {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [v, depth, path] = stack.pop() as [unknown, number, string];
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return path || '(the top level)';
    if (Array.isArray(v))
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], depth + 1, `${path}[${i}]`]);
    else for (const [k, x] of Object.entries(v)) stack.push([x, depth + 1, path ? `${path}.${k}` : k]);
  }
  return null;
}
