import { describe, expect, it } from 'vitest';
import { inSentence } from '../src/view/log-lines.ts';

describe('labels inside engine sentences', () => {
  it('lowercases an ordinary first word but keeps acronyms and proper nouns as written', () => {
    expect(inSentence('The bases at Hmeimim and Tartus')).toBe('the bases at Hmeimim and Tartus');
    expect(inSentence('Who is removed from the list')).toBe('who is removed from the list');
    expect(inSentence('UN front')).toBe('UN front');
    expect(inSentence('ETIM')).toBe('ETIM');
    expect(inSentence('A')).toBe('A');
    expect(inSentence('')).toBe('');
  });
});
