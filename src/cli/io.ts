/**
 * The CLI's contact with the outside: where text goes (an `Io`, so tests can run `main` in-process and
 * capture it), reading files as bytes with a size cap, writing outputs, and printing JSON.
 */
import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a command writes: `out` for results (stdout), `err` for diagnostics (stderr); both add a newline. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Directory that relative paths are resolved against. */
  cwd: string;
  /** A transient status line (progress bars); only set when stderr is a terminal. Empty text clears it. */
  progress?(line: string): void;
}

/**
 * What may not reach a terminal raw: every C0 and C1 control character but tab (newlines included: a file's
 * text must not start a line of its own, such as a forged `OK:` verdict), DEL, the line and paragraph
 * separators, and the invisible bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) that
 * reorder the rest of a terminal line. Each is shown as `\u202e`, also a valid escape inside JSON output.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Makes one line safe to print on a terminal: nothing in it can break the line, move the cursor or reorder text. */
export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The Io every command writes through (`main` wraps the one it is given): each call is one line, made
 * terminal-safe whatever it holds. Text that is meant to span lines (help, pretty JSON) goes through `lines`.
 */
export function guardedIo(io: Io): Io {
  return {
    out: (line) => io.out(terminalSafe(line)),
    err: (line) => io.err(terminalSafe(line)),
    cwd: io.cwd,
    progress: io.progress ? (line) => io.progress?.(terminalSafe(line)) : undefined,
  };
}

/** Writes the Envoy's own multi-line text (help, pretty JSON) one line per call. */
export function lines(write: (line: string) => void, text: string): void {
  for (const line of text.split('\n')) write(line);
}

/** The real process streams (main wraps them in guardedIo). */
export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    progress: process.stderr.isTTY
      ? (line) => process.stderr.write(line === '' ? '\r\u001b[2K' : `\r${terminalSafe(line)}`)
      : undefined,
  };
}

/** The package root (the folder holding `scenarios/`), found from this file's location, not the cwd. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bytes of a file, or why it could not be read (a short problem plus an optional hint). */
export type ReadResult = { bytes: Uint8Array } | { problem: string; hint?: string };

/** The error code of a Node system error (`ENOENT`…), or a generic word. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'I/O error';
}

/** The message of anything thrown, without a stack trace. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `1.5 MiB`, `12 KiB`, `300 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

const READ_HINTS: Record<string, string> = {
  ENOENT: 'no such file; relative paths start from the current directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'this is a directory; give the path of a file',
};

const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * Reads a whole file as bytes, refusing directories, and anything longer than `maxBytes`. The cap is on the
 * bytes read, not on what `stat` says: devices (`/dev/zero`, `/dev/urandom`), pipes (`/dev/stdin`) and
 * FIFOs report a size of 0 and never end, so reading stops one byte past the cap.
 */
export function readBytes(file: string, cwd: string, maxBytes: number): ReadResult {
  const path = resolve(cwd, file);
  let fd: number | null = null;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { problem: 'cannot read file (EISDIR)', hint: READ_HINTS.EISDIR as string };
    if (st.isFile() && st.size > maxBytes) return tooLarge(`${st.size} bytes`, maxBytes);
    // Standard input is read from its descriptor: opening /dev/stdin fails when it is a socket (ENXIO).
    fd = STDIN_PATHS.has(path) ? 0 : openSync(path, 'r');
    const buffer = Buffer.allocUnsafe(64 * 1024);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = readChunk(fd, buffer, Math.min(buffer.length, maxBytes + 1 - total));
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
      total += n;
      if (total > maxBytes) return tooLarge(`more than ${maxBytes} bytes`, maxBytes);
    }
    return { bytes: new Uint8Array(Buffer.concat(chunks, total)) };
  } catch (e) {
    const code = errorCode(e);
    const hint = READ_HINTS[code];
    return hint ? { problem: `cannot read file (${code})`, hint } : { problem: `cannot read file (${code})` };
  } finally {
    if (fd !== null && fd !== 0) closeSync(fd);
  }
}

function tooLarge(size: string, maxBytes: number): { problem: string; hint: string } {
  return {
    problem: `file is too large (${size}; the limit is ${formatSize(maxBytes)})`,
    hint: 'a scenario or replay is a small text file: check that this is the file you meant',
  };
}

/** One read into `view`; a non-blocking pipe that has no data yet is waited on, not taken for the end. */
function readChunk(fd: number, view: Buffer, want: number): number {
  for (let tries = 0; ; tries++) {
    try {
      return readSync(fd, view, 0, want, null);
    } catch (e) {
      if (errorCode(e) !== 'EAGAIN' || tries > 2000) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** Whether a path names an existing regular file. */
export function isFile(file: string, cwd: string): boolean {
  try {
    return statSync(resolve(cwd, file)).isFile();
  } catch {
    return false;
  }
}

/** Writes a text file; throws an Error with a one-line message (`cannot write FILE (ENOENT)`) on failure. */
export function writeText(file: string, cwd: string, text: string): void {
  try {
    writeFileSync(resolve(cwd, file), text);
  } catch (e) {
    const code = errorCode(e);
    const why = code === 'ENOENT' ? '; does its folder exist?' : '';
    throw new Error(`cannot write ${file} (${code})${why}`);
  }
}

/** Pretty JSON with a trailing newline: how every JSON file the CLI writes looks. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Prints one JSON document on stdout (its own line breaks are structure: strings in it escape theirs). */
export function printJson(io: Io, value: unknown): void {
  lines(io.out, JSON.stringify(value, null, 2));
}
