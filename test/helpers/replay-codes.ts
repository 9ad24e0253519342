/** Forges replay codes for tests: edits the move indexes or the final hash and signs the code again. */
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64Url, toBase64Url } from '../../src/engine/code-bytes.ts';
import { REPLAY_CODE_PREFIX, readReplayCode } from '../../src/engine/index.ts';

/**
 * A code as a forger who knows the format would make it: the checksum is right, so only the replay and
 * the final hash can catch the edit. Every index must fit in one byte (true of the tutorial's menus).
 */
export function forgeCode(code: string, edit: (indexes: number[]) => void, finalHash?: number[]): string {
  const parsed = readReplayCode(code);
  const decoded = fromBase64Url(code.slice(REPLAY_CODE_PREFIX.length));
  if (!parsed.ok || !('bytes' in decoded)) throw new Error('forgeCode needs a valid code');
  const indexes = [...parsed.indexes];
  edit(indexes);
  if ([...indexes, ...parsed.indexes].some((i) => i > 127) || indexes.length !== parsed.indexes.length) {
    throw new Error('forgeCode keeps the number of moves and indexes below 128');
  }
  const payload = Array.from(decoded.bytes).slice(0, -2);
  payload.splice(payload.length - 8 - indexes.length, indexes.length, ...indexes);
  if (finalHash) payload.splice(payload.length - 8, 8, ...finalHash);
  const check = Array.from(sha256(Uint8Array.from(payload))).slice(0, 2);
  return REPLAY_CODE_PREFIX + toBase64Url(Uint8Array.from([...payload, ...check]));
}
