/**
 * The briefing's canvas: who will be in the room. The parties line up with their emblems, the student's
 * own party first, so the faces of the game are familiar before the talks start; the brief itself is DOM
 * text beside it.
 */
import type Phaser from 'phaser';
import type { Game, GameState } from '../engine/index.ts';
import type { SessionView } from '../session/session.ts';
import { displayName, longDate, positionOf } from '../ui/labels.ts';
import { drawEmblem, emblemParts } from './draw/emblem.ts';
import { cardSlots, fitText } from './draw/layout.ts';
import { SettledScene } from './settled-scene.ts';
import { COLOURS, textStyle, WIDTH } from './theme.ts';

/** The Briefing scene. */
export class Briefing extends SettledScene {
  constructor() {
    super('Briefing');
  }

  protected build(view: SessionView): void {
    const { game, state } = view;
    const s = game.scenario;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.navy).fillRect(0, 0, WIDTH, 8);
    fitText(this.add.text(40, 28, '', textStyle(26, COLOURS.ink, true)), s.title, WIDTH - 80);
    const where = [s.place, s.date ? longDate(s.date) : ''].filter(Boolean).join(' · ');
    fitText(this.add.text(40, 66, '', textStyle(18, COLOURS.muted)), where, WIDTH - 80);
    fitText(this.add.text(40, 96, '', textStyle(18, COLOURS.ink)), `You: ${s.player.role}`, WIDTH - 80);
    g.lineStyle(2, COLOURS.line).lineBetween(40, 128, WIDTH - 40, 128);

    const order = [game.playerId, ...game.partyIds.filter((p) => p !== game.playerId)];
    const rows = order.length > 8 ? 2 : 1;
    const top = rows > 1 ? 214 : 270;
    const slots = cardSlots(order.length, 8, WIDTH / 2, top, WIDTH - 60, 170);
    const step = Math.min((WIDTH - 60) / Math.ceil(order.length / rows), 150);
    order.forEach((id, i) => {
      const slot = slots[i] as { x: number; y: number };
      const parts = this.card(game, state, id, slot.x, slot.y, step - 8, i === 0);
      this.enter(parts, i);
    });
  }

  /** One party: emblem, a VETO tag when it holds one, its name, and "you" or its opening position. */
  private card(
    game: Game,
    state: GameState,
    id: string,
    x: number,
    y: number,
    width: number,
    player: boolean,
  ): Phaser.GameObjects.GameObject[] {
    const emblem = drawEmblem(this, game, id, x, y, 28, player);
    const parts: Phaser.GameObjects.GameObject[] = [...emblemParts(emblem)];
    const name = this.add.text(x, y + 40, '', textStyle(16, COLOURS.ink, true)).setOrigin(0.5, 0);
    fitText(name, displayName(game, id), width);
    parts.push(name);
    if (game.scenario.parties[id]?.veto) {
      const box = this.add.graphics();
      box.fillStyle(COLOURS.ink).fillRoundedRect(x - 26, y - 56, 52, 20, 4);
      parts.push(box, this.add.text(x, y - 46, 'VETO', textStyle(16, 0xffffff, true)).setOrigin(0.5));
    }
    const stance = player ? 'you' : (positionOf(game, state, id)?.label ?? '');
    if (stance) {
      const tag = this.add
        .text(x, y + 62, '', textStyle(16, player ? COLOURS.ink : COLOURS.muted))
        .setOrigin(0.5, 0);
      fitText(tag, stance, width);
      parts.push(tag);
    }
    return parts;
  }

  /** A gentle rise and fade-in, one card after another. */
  private enter(parts: Phaser.GameObjects.GameObject[], index: number): void {
    for (const part of parts) {
      const target = part as unknown as { y: number; alpha: number };
      const y = target.y;
      target.y = y + 18;
      target.alpha = 0;
      this.animate({
        targets: part,
        y,
        alpha: 1,
        duration: 450,
        delay: 120 + index * 70,
        ease: 'Cubic.easeOut',
      });
    }
  }

  protected update$(_view: SessionView): void {
    // The line-up does not change during a game; a new game rebuilds it (SettledScene.draw).
  }
}
