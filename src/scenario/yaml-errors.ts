/**
 * Rewords the YAML library's errors for scenario authors, who are instructors rather than YAML experts:
 * the common mistakes (tabs, unclosed quotes, a missing colon) get a plain message and a fix.
 */
import type { YAMLError } from 'yaml';

/** A YAML error or warning restated for authors, still at the library's offset unless moved. */
export interface AuthorMessage {
  code: string;
  message: string;
  hint?: string;
}

/** `DUPLICATE_KEY` → `yaml/duplicate-key`: stable, namespaced codes tests and tools can match on. */
export function yamlCode(code: string): string {
  return `yaml/${code.toLowerCase().replace(/_/g, '-')}`;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Restates one YAML library error for an author. */
export function describeYamlError(err: YAMLError): AuthorMessage {
  const code = yamlCode(err.code);
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return { code, message: 'tabs are not allowed for indentation in YAML', hint: 'indent with spaces' };
    case 'MISSING_CHAR':
      if (/quote/.test(err.message)) {
        return {
          code,
          message: 'this quoted text is never closed',
          hint: "add the closing quote, or double an apostrophe inside single quotes (`it''s`)",
        };
      }
      return { code, message: lowerFirst(err.message) };
    case 'TAG_RESOLVE_FAILED':
      return {
        code: 'yaml/unknown-tag',
        message: `YAML tags are not allowed in a scenario (\`${err.message.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!')}\`)`,
        hint: 'scenario files are plain data: remove the `!tag`',
      };
    case 'NON_STRING_KEY':
      return { code, message: 'keys must be plain text, not lists or mappings' };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        code,
        message: lowerFirst(err.message),
        hint: 'a line may be missing its `:`, or a value that contains `: ` needs quotes',
      };
    case 'BAD_INDENT':
      return {
        code,
        message: lowerFirst(err.message),
        hint: 'check that this line lines up with its siblings',
      };
    default:
      return { code, message: lowerFirst(err.message) };
  }
}
