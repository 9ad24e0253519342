/** How a ballot looks on the canvas (the rules of leaning are in src/view/voting.ts). */
import type { Ballot } from '../../view/voting.ts';
import { COLOURS } from '../theme.ts';
import type { MarkKind } from './icons.ts';

/** Letter, word, mark and colour of a ballot: never colour alone. */
export const BALLOT_LOOK: Record<Ballot, { letter: string; word: string; mark: MarkKind; colour: number }> = {
  yes: { letter: 'Y', word: 'Yes', mark: 'yes', colour: COLOURS.yes },
  no: { letter: 'N', word: 'No', mark: 'no', colour: COLOURS.no },
  abstain: { letter: 'A', word: 'Abstain', mark: 'abstain', colour: COLOURS.muted },
};
