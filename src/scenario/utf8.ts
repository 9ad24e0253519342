/**
 * Strict UTF-8 decoding with a located error. Scenario files saved in Latin-1 or Windows-1252 are a
 * common instructor mistake; pointing at the first bad byte (line and column) makes it easy to fix.
 */
import type { Position } from './position.ts';

/** Index of the first byte that starts an invalid UTF-8 sequence (WHATWG rules), or -1 if all is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The decoded text, or where and why the bytes are not a UTF-8 text file. */
export type Decoded =
  | { text: string }
  | { error: { at: Position; code: string; message: string; hint: string } };

const hasBom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Line and column of a byte offset, counting columns in UTF-16 code units like the text positions. */
export function bytePosition(bytes: Uint8Array, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  if (lineStart === 0 && hasBom(bytes)) lineStart = Math.min(3, index);
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index));
  return { line, col: before.length + 1 };
}

/**
 * Decodes a file's bytes as UTF-8 text (a leading BOM is dropped), refusing UTF-16, binary files (NUL
 * bytes) and invalid UTF-8, each located at the offending byte.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      error: {
        at: { line: 1, col: 1 },
        code: 'file/utf16',
        message: 'the file is saved as UTF-16, not UTF-8',
        hint: 'save the file as UTF-8 in your editor',
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      error: {
        at: bytePosition(bytes, nul),
        code: 'file/binary',
        message: 'this looks like a binary file (it contains NUL bytes), not a YAML scenario',
        hint: 'if it is UTF-16 text, save it as UTF-8',
      },
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Fall through: find and locate the first bad byte.
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    error: {
      at: bytePosition(bytes, bad),
      code: 'file/invalid-utf8',
      message: `the file is not valid UTF-8 (byte 0x${byte} cannot start or continue a character here)`,
      hint: 'save the file as UTF-8; it may be in Latin-1 or Windows-1252',
    },
  };
}
