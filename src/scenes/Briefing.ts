/**
 * The briefing's canvas: who will be in the room. The parties line up with their emblems, the student's
 * own party first, so the faces of the game are familiar before the talks start; the brief itself is DOM
 * text beside it.
 */
import type Phaser from 'phaser';
import { type Game, type GameState, own, seatBrief } from '../engine/index.ts';
import type { SessionView } from '../session/session.ts';
import { t } from '../view/i18n/active.ts';
import { displayName, longDate, playerFirst, positionOf } from '../view/labels.ts';
import { drawEmblem, emblemParts } from './draw/emblem.ts';
import { cardSlots, fitText } from './draw/layout.ts';
import { SettledScene } from './settled-scene.ts';
import { COLOURS, textStyle } from './theme.ts';

/** The Briefing scene. */
export class Briefing extends SettledScene {
  constructor() {
    super('Briefing');
  }

  protected build(view: SessionView): void {
    const { game, state } = view;
    const s = game.scenario;
    const { w, h, portrait } = this.frame;
    const margin = portrait ? 24 : 40;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.navy).fillRect(0, 0, w, 8);
    // Portrait: the title wraps to two lines rather than losing its end.
    const title = this.add.text(margin, 28, '', {
      ...textStyle(26, COLOURS.ink, true),
      wordWrap: portrait ? { width: w - 2 * margin } : undefined,
    });
    if (portrait) title.setText(s.title);
    else fitText(title, s.title, w - 2 * margin);
    const order = playerFirst(game, view.seat);
    // Wide: one row of up to eight cards (two rows beyond). Portrait: rows of three, or of four with
    // smaller emblems and no stance line (the DOM lists every stance) when the room is full.
    const crowded = portrait && order.length > 8;
    // Place and role: one line each, cut to fit; on a phone with room to spare, up to two lines each.
    const line = (y: number, content: string, colour: number) => {
      if (!portrait || crowded)
        return fitText(this.add.text(margin, y, '', textStyle(18, colour)), content, w - 2 * margin);
      return this.add.text(margin, y, content, {
        ...textStyle(18, colour),
        wordWrap: { width: w - 2 * margin },
        maxLines: 2,
      });
    };
    const where = [s.place, s.date ? longDate(s.date) : ''].filter(Boolean).join(' · ');
    const place = line(title.y + title.height + 8, where, COLOURS.muted);
    const you = line(
      place.y + place.height + 8,
      t('scene-you-role', { role: seatBrief(game, view.seat).role }),
      COLOURS.ink,
    );
    const rule = you.y + you.height + 10;
    g.lineStyle(2, COLOURS.line).lineBetween(margin, rule, w - margin, rule);

    const perRow = portrait ? (order.length > 6 ? 4 : 3) : 8;
    const rows = Math.ceil(order.length / perRow);
    // Below a card's centre: its name, then its stance or VETO tag (76–80 px); above: its emblem or tag.
    const under = crowded ? 78 : 82;
    const over = crowded ? 24 : 58;
    const free = (step: number) => h - 10 - under - (rule + 12 + over) - (rows - 1) * step;
    const rowHeight = portrait
      ? Math.min(crowded ? 106 : 130, rows > 1 ? free(0) / (rows - 1) : Infinity)
      : 170;
    const top = portrait ? rule + 12 + over + Math.max(0, free(rowHeight) / 2) : rows > 1 ? 214 : 270;
    const width = w - 2 * margin + 20;
    const slots = cardSlots(order.length, perRow, w / 2, top, width, rowHeight);
    const step = Math.min(width / Math.ceil(order.length / rows), 150);
    order.forEach((id, i) => {
      const slot = slots[i] as { x: number; y: number };
      const card = { x: slot.x, y: slot.y, width: step - 8, radius: crowded ? 22 : 28, stance: !crowded };
      this.enter(this.card(game, state, id, card, i === 0), i);
    });
  }

  /** One party: emblem, a VETO tag when it holds one, its name, and "you" or its opening position. */
  private card(
    game: Game,
    state: GameState,
    id: string,
    card: { x: number; y: number; width: number; radius: number; stance: boolean },
    player: boolean,
  ): Phaser.GameObjects.GameObject[] {
    const { x, y, width, radius: r } = card;
    const emblem = drawEmblem(this, game, id, x, y, r, player);
    const parts: Phaser.GameObjects.GameObject[] = [...emblemParts(emblem)];
    const name = this.add.text(x, y + r + 12, '', textStyle(16, COLOURS.ink, true)).setOrigin(0.5, 0);
    fitText(name, displayName(game, id), width);
    parts.push(name);
    if (own(game.scenario.parties, id)?.veto) {
      // Above the emblem; in a crowded room, under the name, where the stance line would be.
      const top = card.stance ? y - r - 28 : y + r + 34;
      const box = this.add.graphics();
      const word = this.add.text(x, top + 10, t('scene-veto'), textStyle(16, 0xffffff, true)).setOrigin(0.5);
      // As wide as its word (a longer one in another language), never wider than the card.
      const boxWidth = Math.min(width, Math.max(52, word.width + 10));
      if (word.width > boxWidth - 6) word.setScale((boxWidth - 6) / word.width);
      box.fillStyle(COLOURS.ink).fillRoundedRect(x - boxWidth / 2, top, boxWidth, 20, 4);
      this.children.bringToTop(word);
      parts.push(box, word);
    }
    const stance = player ? t('scene-you') : card.stance ? (positionOf(game, state, id)?.label ?? '') : '';
    if (stance) {
      const tag = this.add
        .text(x, y + r + 34, '', textStyle(16, player ? COLOURS.ink : COLOURS.muted))
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
