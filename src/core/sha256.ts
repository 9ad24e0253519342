/**
 * SHA-256 (FIPS 180-4) of UTF-8 text, written for the one job the engine gives it: hashing a state's
 * canonical JSON (1–10 kB) on every turn. Unlike a general-purpose streaming hasher it encodes straight
 * into one reused buffer, pads in place, and runs the 64 rounds eight at a time with the working
 * variables renamed instead of shifted, which V8 keeps in registers: about 40% less time per block than
 * @noble/hashes here. test/hash.test.ts checks it against a reference implementation at every padding
 * boundary. Pure code: it calls no platform hashing API.
 */

/** Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
/** Initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const W = new Int32Array(64);
const H = new Int32Array(8);
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();
/** Reused message buffer (UTF-8 plus padding); grows on demand and shrinks back after a huge input. */
const BUFFER_KEEP_BYTES = 1024 * 1024;
let buffer = new Uint8Array(16 * 1024);

/** Runs the compression function over the whole 64-byte blocks m[0..n), updating H. */
function compress(m: Uint8Array, n: number): void {
  let h0 = H[0] as number;
  let h1 = H[1] as number;
  let h2 = H[2] as number;
  let h3 = H[3] as number;
  let h4 = H[4] as number;
  let h5 = H[5] as number;
  let h6 = H[6] as number;
  let h7 = H[7] as number;
  for (let j = 0; j < n; j += 64) {
    for (let i = 0, o = j; i < 16; i++, o += 4)
      W[i] =
        ((m[o] as number) << 24) |
        ((m[o + 1] as number) << 16) |
        ((m[o + 2] as number) << 8) |
        (m[o + 3] as number);
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15] as number;
      const y = W[i - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (s1 + (W[i - 7] as number) + s0 + (W[i - 16] as number)) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    let t1 = 0;
    let t2 = 0;
    for (let i = 0; i < 64; i += 8) {
      t1 =
        (h +
          (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
          ((e & f) ^ (~e & g)) +
          (K[i] as number) +
          (W[i] as number)) |
        0;
      t2 =
        ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
          ((a & b) ^ (a & c) ^ (b & c))) |
        0;
      d = (d + t1) | 0;
      h = (t1 + t2) | 0;
      t1 =
        (g +
          (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
          ((d & e) ^ (~d & f)) +
          (K[i + 1] as number) +
          (W[i + 1] as number)) |
        0;
      t2 =
        ((((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) +
          ((h & a) ^ (h & b) ^ (a & b))) |
        0;
      c = (c + t1) | 0;
      g = (t1 + t2) | 0;
      t1 =
        (f +
          (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
          ((c & d) ^ (~c & e)) +
          (K[i + 2] as number) +
          (W[i + 2] as number)) |
        0;
      t2 =
        ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
          ((g & h) ^ (g & a) ^ (h & a))) |
        0;
      b = (b + t1) | 0;
      f = (t1 + t2) | 0;
      t1 =
        (e +
          (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) +
          ((b & c) ^ (~b & d)) +
          (K[i + 3] as number) +
          (W[i + 3] as number)) |
        0;
      t2 =
        ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
          ((f & g) ^ (f & h) ^ (g & h))) |
        0;
      a = (a + t1) | 0;
      e = (t1 + t2) | 0;
      t1 =
        (d +
          (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
          ((a & b) ^ (~a & c)) +
          (K[i + 4] as number) +
          (W[i + 4] as number)) |
        0;
      t2 =
        ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
          ((e & f) ^ (e & g) ^ (f & g))) |
        0;
      h = (h + t1) | 0;
      d = (t1 + t2) | 0;
      t1 =
        (c +
          (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) +
          ((h & a) ^ (~h & b)) +
          (K[i + 5] as number) +
          (W[i + 5] as number)) |
        0;
      t2 =
        ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
          ((d & e) ^ (d & f) ^ (e & f))) |
        0;
      g = (g + t1) | 0;
      c = (t1 + t2) | 0;
      t1 =
        (b +
          (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
          ((g & h) ^ (~g & a)) +
          (K[i + 6] as number) +
          (W[i + 6] as number)) |
        0;
      t2 =
        ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
          ((c & d) ^ (c & e) ^ (d & e))) |
        0;
      f = (f + t1) | 0;
      b = (t1 + t2) | 0;
      t1 =
        (a +
          (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
          ((f & g) ^ (~f & h)) +
          (K[i + 7] as number) +
          (W[i + 7] as number)) |
        0;
      t2 =
        ((((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) +
          ((b & c) ^ (b & d) ^ (c & d))) |
        0;
      e = (e + t1) | 0;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  H[0] = h0;
  H[1] = h1;
  H[2] = h2;
  H[3] = h3;
  H[4] = h4;
  H[5] = h5;
  H[6] = h6;
  H[7] = h7;
}

/**
 * Lowercase hex SHA-256 of the UTF-8 encoding of `text`. Exists so states hash identically in Node and
 * in the browser, synchronously, and fast enough to hash every turn.
 */
export function sha256Utf8Hex(text: string): string {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit; padding adds at most 72 bytes.
  const need = text.length * 3 + 72;
  if (buffer.length < need || (buffer.length > BUFFER_KEEP_BYTES && need <= BUFFER_KEEP_BYTES))
    buffer = new Uint8Array(Math.max(need, 16 * 1024));
  const m = buffer;
  const n = encoder.encodeInto(text, m).written;
  const total = (((n + 8) >>> 6) + 1) << 6;
  m[n] = 0x80;
  m.fill(0, n + 1, total - 8);
  // The message length in bits as a big-endian 64-bit number (n < 2^32 bytes, so it fits in 35 bits).
  const high = Math.floor(n / 0x20000000);
  const low = (n << 3) >>> 0;
  m.fill(0, total - 8, total - 5);
  m[total - 5] = high;
  m[total - 4] = low >>> 24;
  m[total - 3] = (low >>> 16) & 255;
  m[total - 2] = (low >>> 8) & 255;
  m[total - 1] = low & 255;
  H.set(IV);
  compress(m, total);
  let out = '';
  for (let i = 0; i < 8; i++) {
    const w = H[i] as number;
    out += `${HEX[w >>> 24]}${HEX[(w >>> 16) & 255]}${HEX[(w >>> 8) & 255]}${HEX[w & 255]}`;
  }
  return out;
}
