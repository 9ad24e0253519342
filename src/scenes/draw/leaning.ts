/** How a ballot looks on the canvas (the rules of leaning are in src/view/voting.ts). */

import { t } from '../../view/i18n/active.ts';
import type { Ballot } from '../../view/voting.ts';
import { COLOURS } from '../theme.ts';
import type { MarkKind } from './icons.ts';

/** Letter, word, mark and colour of a ballot: never colour alone. */
export const BALLOT_LOOK: Record<Ballot, { letter: string; word: string; mark: MarkKind; colour: number }> = {
  // Letter and word are read when drawn, so they follow the active language.
  yes: {
    get letter() {
      return t('scene-yes-letter');
    },
    get word() {
      return t('scene-yes');
    },
    mark: 'yes',
    colour: COLOURS.yes,
  },
  no: {
    get letter() {
      return t('scene-no-letter');
    },
    get word() {
      return t('scene-no');
    },
    mark: 'no',
    colour: COLOURS.no,
  },
  abstain: {
    get letter() {
      return t('scene-abstain-letter');
    },
    get word() {
      return t('scene-abstain');
    },
    mark: 'abstain',
    colour: COLOURS.muted,
  },
};
