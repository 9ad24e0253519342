/**
 * Opens a replay from outside the page (a file or a pasted code): finds its scenario among the bundled
 * ones, checks it is the very same scenario (id, version, hash), verifies every recorded hash, and only
 * then shows it. Every refusal is a sentence for the person who opened it; nothing is shown half-loaded.
 */
import { decodeReplayCode, type Game, readReplay, verifyReplay } from '../../engine/index.ts';
import { CATALOG } from '../../session/catalog.ts';
import { t } from '../../view/i18n/active.ts';
import { engineWords, gameIn } from '../language.ts';
import { openViewer, type Viewer } from './viewer-source.ts';

/** Replay files larger than this are refused before parsing (real ones are a few hundred KiB). */
const MAX_REPLAY_TEXT = 5 * 1024 * 1024;

async function gameFor(id: string, version: number, hash: string | null): Promise<Game | string> {
  const entry = CATALOG.get(id);
  if (!entry) return t('replay-unknown-scenario', { id });
  const compiled = await entry.load();
  const game = gameIn(compiled.scenario);
  if (game.scenario.version !== version) {
    return t('replay-other-version', { version, id, has: game.scenario.version });
  }
  if (hash !== null && !game.scenarioHash.startsWith(hash)) {
    return t('replay-other-edition', {
      id,
      hash: hash.slice(0, 12),
      has: game.scenarioHash.slice(0, 12),
    });
  }
  return game;
}

/** Reads a replay file's text or a replay code into a viewer, or a message saying why not. */
export async function loadReplayText(
  text: string,
  name: string,
): Promise<{ viewer: Viewer } | { error: string }> {
  if (text.length > MAX_REPLAY_TEXT) return { error: t('replay-too-large', { name }) };
  const trimmed = text.trim();
  if (trimmed === '') return { error: t('replay-empty', { name }) };
  if (!trimmed.startsWith('{')) {
    const parsed = decodeReplayCode(null, trimmed);
    if (!parsed.ok)
      return { error: t('replay-code-unreadable', { message: engineWords(parsed.message, 'detail-code') }) };
    const game = await gameFor(parsed.scenario.id, parsed.scenario.version, parsed.scenario.hashPrefix);
    if (typeof game === 'string') return { error: game };
    const decoded = decodeReplayCode(game, trimmed);
    if (!decoded.ok)
      return { error: t('replay-code-fails', { message: engineWords(decoded.message, 'detail-code') }) };
    return { viewer: openViewer(game, decoded.seed, decoded.actions) };
  }
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    return {
      error: t('replay-not-json', {
        name,
        message: engineWords(error instanceof Error ? error.message : String(error), 'detail-not-json'),
      }),
    };
  }
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === 'envoy-result') {
    return {
      error: t('replay-is-result', { name }),
    };
  }
  const read = readReplay(data);
  if ('error' in read)
    return { error: t('replay-unreadable', { name, message: engineWords(read.error, 'detail-not-replay') }) };
  const { replay } = read;
  const game = await gameFor(replay.scenario.id, replay.scenario.version, replay.scenario.hash);
  if (typeof game === 'string') return { error: game };
  const verdict = verifyReplay(game, replay);
  if (!verdict.ok)
    return {
      error: t('replay-not-exact', {
        name,
        message: engineWords(verdict.message, `detail-verify-${verdict.kind}`, {
          turn: 'turn' in verdict ? verdict.turn : 0,
        }),
      }),
    };
  return {
    viewer: openViewer(
      game,
      replay.seed,
      replay.actions,
      undefined,
      replay.version === 2 ? replay.seats : undefined,
    ),
  };
}
