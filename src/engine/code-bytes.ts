/**
 * Bytes ↔ text for replay codes: base64url and LEB128 varints written by hand, because the engine runs
 * in the browser too (no Buffer) and `btoa` works on Latin-1 strings, not bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Base64url without padding: safe in URLs, file names and chat messages. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * Reads base64url without padding; says where the first foreign character is, that the text was cut
 * (one leftover character can never hold a whole byte), or that the last character has bits set that no
 * encoder writes (so each text has one meaning and a changed last character is noticed).
 */
export function fromBase64Url(
  text: string,
): { bytes: Uint8Array } | { bad: number } | { truncated: true } | { noncanonical: true } {
  const values: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const v = VALUE.get(text[i] as string);
    if (v === undefined) return { bad: i };
    values.push(v);
  }
  if (values.length % 4 === 1) return { truncated: true };
  const bytes = new Uint8Array(Math.floor((values.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const v of values) {
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return { noncanonical: true };
  return { bytes };
}

/** Appends an unsigned LEB128 varint of any safe integer: small numbers (most menu indexes) take one byte. */
export function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/**
 * Longest varint accepted (8 bytes, 56 bits): enough for every safe integer, so a scenario `version` up to
 * 2^53 − 1 fits, while runaway continuation bytes are still refused.
 */
const MAX_VARINT_BYTES = 8;

/**
 * A cursor over untrusted bytes that never throws: reading past the end sets `ended`, a malformed field
 * sets `invalid`, and the caller checks both once at the end.
 */
export class ByteReader {
  offset = 0;
  ended = false;
  invalid = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  constructor(private readonly bytes: Uint8Array) {}

  /**
   * An unsigned varint, or null once the bytes ran out; a varint that is too long, above 2^53 − 1, or padded
   * with a last byte of zero (which no encoder writes: each number has one spelling) marks the bytes invalid.
   */
  varint(): number | null {
    let value = 0;
    for (let k = 0; k < MAX_VARINT_BYTES; k++) {
      if (this.offset >= this.bytes.length) {
        this.ended = true;
        return null;
      }
      const b = this.bytes[this.offset++] as number;
      value += (b & 0x7f) * 2 ** (7 * k);
      if ((b & 0x80) === 0) {
        if ((b === 0 && k > 0) || value > Number.MAX_SAFE_INTEGER) break;
        return value;
      }
    }
    this.invalid = true;
    return null;
  }

  /** `n` raw bytes, or null when fewer remain. */
  take(n: number): Uint8Array | null {
    if (this.offset + n > this.bytes.length) {
      this.ended = true;
      this.offset = this.bytes.length;
      return null;
    }
    this.offset += n;
    return this.bytes.subarray(this.offset - n, this.offset);
  }

  /** `n` bytes as lowercase hex. */
  hex(n: number): string | null {
    const b = this.take(n);
    return b && Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  /** A varint length then that many bytes of UTF-8. */
  string(): string | null {
    const n = this.varint();
    if (n === null) return null;
    const b = this.take(n);
    if (b === null) return null;
    try {
      return this.decoder.decode(b);
    } catch {
      this.invalid = true;
      return null;
    }
  }
}
