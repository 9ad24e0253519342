/**
 * A vote's result in a few words and marks: counts with their marks, and the line that says whether the
 * text passed and, when it did not, why (short of votes, or whose veto). Shared by the table and the
 * council so both say a result the same way.
 */
import type Phaser from 'phaser';
import type { Game, GameState } from '../../engine/index.ts';
import type { VoteState } from '../../engine/types.ts';
import { t } from '../../view/i18n/active.ts';
import { displayName } from '../../view/labels.ts';
import type { Ballot } from '../../view/voting.ts';
import { COLOURS, textStyle } from '../theme.ts';
import { drawMark } from './icons.ts';
import { BALLOT_LOOK } from './leaning.ts';

/** "Round 3 of 6", or the final line once the talks are over. */
export function roundLine(game: Game, state: GameState): string {
  const { rounds } = game.scenario;
  if (state.over) return t('scene-talks-over', { round: Math.min(state.round, rounds), rounds });
  return t('round-status', { round: state.round, rounds });
}

/** "Adopted", "Vetoed by China and Russia" or "Not adopted": the result line of a roll call. */
export function voteResultLine(game: Game, vote: Pick<VoteState, 'adopted' | 'vetoedBy'>): string {
  if (vote.vetoedBy.length > 0) {
    const names = vote.vetoedBy.map((id) => displayName(game, id));
    const list =
      names.length > 1
        ? t('list-and', { a: names.slice(0, -1).join(t('list-separator')), b: names[names.length - 1] ?? '' })
        : (names[0] ?? '');
    return t('scene-vetoed-by', { list });
  }
  return t(vote.adopted ? 'scene-adopted' : 'scene-not-adopted');
}

/** The tally panel centred on (cx, cy); returns its objects so the caller can fade or remove them. */
export function drawTally(
  scene: Phaser.Scene,
  game: Game,
  vote: VoteState,
  cx: number,
  cy: number,
): Phaser.GameObjects.GameObject[] {
  const w = 400;
  const h = 92;
  const panel = scene.add.graphics();
  panel.fillStyle(0xffffff).fillRoundedRect(cx - w / 2, cy - h / 2, w, h, 10);
  panel
    .lineStyle(3, vote.adopted ? COLOURS.good : COLOURS.no)
    .strokeRoundedRect(cx - w / 2, cy - h / 2, w, h, 10);
  const parts: Phaser.GameObjects.GameObject[] = [panel];
  const order: Ballot[] = ['yes', 'no', 'abstain'];
  order.forEach((ballot, i) => {
    const look = BALLOT_LOOK[ballot];
    const x = cx - w / 2 + 24 + i * 126;
    drawMark(panel, look.mark, x + 8, cy - 18, 18, look.colour);
    const count = scene.add
      .text(
        x + 22,
        cy - 18,
        t('scene-count', { word: look.word, count: vote[ballot] }),
        textStyle(18, COLOURS.ink, true),
      )
      .setOrigin(0, 0.5);
    // A longer word (another language) is drawn smaller rather than past the next count or the panel.
    const room = i < order.length - 1 ? 126 - 26 : cx + w / 2 - 8 - (x + 22);
    if (count.width > room) count.setScale(room / count.width);
    parts.push(count);
  });
  const threshold = game.scenario.vote?.threshold;
  const result = voteResultLine(game, vote);
  const line =
    threshold !== undefined && !vote.adopted && !vote.vetoedBy.length
      ? t('scene-result-needs', { result, threshold })
      : result;
  const colour = vote.adopted ? COLOURS.good : COLOURS.no;
  drawMark(panel, vote.adopted ? 'yes' : 'no', cx - w / 2 + 32, cy + 20, 22, colour);
  parts.push(
    scene.add.text(cx - w / 2 + 52, cy + 20, line, textStyle(20, COLOURS.ink, true)).setOrigin(0, 0.5),
  );
  return parts;
}
