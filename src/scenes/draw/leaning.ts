/** How a ballot looks on the canvas (the rules of leaning are in src/view/voting.ts). */

import { t } from '../../view/i18n/active.ts';
import type { Ballot } from '../../view/voting.ts';
import { COLOURS } from '../theme.ts';
import type { MarkKind } from './icons.ts';

type Look = { letter: string; word: string; mark: MarkKind; colour: number };

/** A ballot's look; its letter and word are read when drawn, so they follow the active language. */
function look(ballot: Ballot, colour: number): Look {
  return {
    get letter() {
      return t(`scene-${ballot}-letter`);
    },
    get word() {
      return t(`scene-${ballot}`);
    },
    mark: ballot,
    colour,
  };
}

/** Letter, word, mark and colour of a ballot: never colour alone. */
export const BALLOT_LOOK: Record<Ballot, Look> = {
  yes: look('yes', COLOURS.yes),
  no: look('no', COLOURS.no),
  abstain: look('abstain', COLOURS.muted),
};
