/**
 * The first, cheap pass over YAML: tokens only (the library's CST), built iteratively. It runs before the
 * recursive composer so that hostile inputs — thousands of nested brackets, alias bombs, several
 * documents — are refused quickly and without a stack overflow.
 */
import { type CST, Lexer, Parser } from 'yaml';
import { MAX_ALIASES, MAX_DEPTH, MAX_SYNTAX_ERRORS } from './limits.ts';

/** A problem found on the token stream, with the string offset it is about. */
export interface CstProblem {
  offset: number;
  code: string;
  message: string;
  hint?: string;
}

/** What the token pass learned: the top-level tokens to compose, or the reason to stop. */
export interface CstScan {
  tokens: CST.Token[];
  problems: CstProblem[];
  /** Offsets of quoted scalars, to move "missing closing quote" errors to where the quote opens. */
  quotedScalars: { offset: number; end: number }[];
  /** Offset of the first alias (`*name`), where an alias-expansion refusal is reported. */
  firstAlias: number | undefined;
}

// The parser's stack holds the document, each open collection and at most a pending scalar or two; past
// this many entries the nesting is certainly deeper than MAX_DEPTH.
const STACK_LIMIT = MAX_DEPTH + 4;

const tooDeep = (offset: number): CstProblem => ({
  offset,
  code: 'limit/too-deep',
  message: `the YAML is nested more than ${MAX_DEPTH} levels deep`,
  hint: 'scenario files need far less nesting; this looks generated or corrupted',
});

/** Tokenises and parses `text` into CST tokens, stopping early on limit violations. */
export function scanCst(text: string): CstScan {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text, false)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > STACK_LIMIT) {
      return {
        tokens: [],
        problems: [tooDeep(firstTooDeep(parser.stack) ?? parser.offset)],
        quotedScalars: [],
        firstAlias: undefined,
      };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return inspect(tokens);
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Offset of the first open collection past the depth limit, on the parser's stack. */
function firstTooDeep(stack: readonly CST.Token[]): number | undefined {
  let depth = 0;
  for (const token of stack) {
    if (!COLLECTIONS.has(token.type)) continue;
    depth++;
    if (depth > MAX_DEPTH) return token.offset;
  }
  return undefined;
}

/** Token types that cannot legally follow a node inside its `end` list. */
const STRAY = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'alias',
  'block-scalar',
  'block-map',
  'block-seq',
  'flow-collection',
  'error',
  'flow-error-end',
]);

type Item = { key?: CST.Token | null; value?: CST.Token };

/** Exact nesting depth, alias count, document count and quoted scalars, by an explicit-stack walk. */
function inspect(tokens: CST.Token[]): CstScan {
  const problems: CstProblem[] = [];
  const quotedScalars: CstScan['quotedScalars'] = [];
  let aliases = 0;
  let firstAlias: number | undefined;
  let syntaxErrors = 0;
  const syntaxError = (offset: number): void => {
    syntaxErrors++;
    if (syntaxErrors === MAX_SYNTAX_ERRORS + 1) {
      problems.push({
        offset,
        code: 'yaml/not-yaml',
        message: `more than ${MAX_SYNTAX_ERRORS} YAML syntax errors: this does not look like a YAML scenario`,
        hint: 'is this the right file?',
      });
    }
  };
  let documents = 0;
  let deepReported = false;
  const stack: { token: CST.Token; depth: number }[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i] as CST.Token, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    // Content after a node's end (`"a" "b"`) and stray tokens each become one composer error.
    const end = (token as { end?: readonly CST.Token[] }).end;
    if (Array.isArray(end)) for (const t of end) if (STRAY.has(t.type)) syntaxError(t.offset);
    switch (token.type) {
      case 'error':
      case 'flow-error-end':
        syntaxError(token.offset);
        break;
      case 'document':
        documents++;
        if (documents === 2) {
          problems.push({
            offset: token.offset,
            code: 'yaml/multiple-documents',
            message: 'the file holds more than one YAML document',
            hint: 'a scenario is one document: remove the `---` or `...` separator and merge the parts',
          });
        }
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inner = depth + 1;
        if (inner > MAX_DEPTH && !deepReported) {
          deepReported = true;
          problems.push(tooDeep(token.offset));
        }
        const items = token.items as Item[];
        for (let j = items.length - 1; j >= 0; j--) {
          const item = items[j] as Item;
          if (item.value) stack.push({ token: item.value, depth: inner });
          if (item.key) stack.push({ token: item.key, depth: inner });
        }
        break;
      }
      case 'alias':
        aliases++;
        if (firstAlias === undefined || token.offset < firstAlias) firstAlias = token.offset;
        if (aliases === MAX_ALIASES + 1) {
          problems.push({
            offset: token.offset,
            code: 'limit/too-many-aliases',
            message: `the file uses more than ${MAX_ALIASES} aliases (\`*name\`)`,
            hint: 'write the repeated parts out, or use fewer anchors',
          });
        }
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        quotedScalars.push({ offset: token.offset, end: token.offset + token.source.length });
        break;
      default:
        break;
    }
  }
  return { tokens, problems, quotedScalars, firstAlias };
}
