/**
 * The page's message catalogue: every id the page asks for (`t('…')` in src/ui, src/scenes, src/view, main.ts)
 * is in the English catalogue and formats without Fluent errors, so no screen shows a `{missing-id}`; and the
 * pseudo-locale transforms every message that has words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { chosenLanguage } from '../src/ui/language.ts';
import { EN_FTL } from '../src/view/i18n/en.ts';
import { FILES_FTL } from '../src/view/i18n/ftl/files.ts';
import { GAME_FTL } from '../src/view/i18n/ftl/game.ts';
import { PAGE_FTL } from '../src/view/i18n/ftl/page.ts';
import { SCENES_FTL } from '../src/view/i18n/ftl/scenes.ts';
import { isPseudo, messagesFor } from '../src/view/i18n/messages.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SOURCES = [...files('src/ui'), ...files('src/scenes'), ...files('src/view'), 'src/main.ts'];
const MODULES = { EN_FTL, PAGE_FTL, GAME_FTL, FILES_FTL, SCENES_FTL };

describe('the message catalogue', () => {
  it('parses without junk and defines each id once', () => {
    const seen = new Set<string>();
    for (const [name, ftl] of Object.entries(MODULES)) {
      const resource = new FluentResource(ftl);
      // Fluent drops what it cannot parse: count the ids written against the ids parsed.
      const written = [...ftl.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1] as string);
      const bundle = new FluentBundle('en');
      expect(bundle.addResource(resource), name).toEqual([]);
      for (const id of written) {
        expect(bundle.hasMessage(id), `${name}: ${id} does not parse`).toBe(true);
        expect(seen.has(id), `${id} is defined twice`).toBe(false);
        seen.add(id);
      }
    }
  });

  it('has every message id the page asks for', () => {
    const all = new FluentBundle('en');
    for (const ftl of Object.values(MODULES)) all.addResource(new FluentResource(ftl));
    const missing: string[] = [];
    for (const path of SOURCES) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z][a-z0-9-]*)'/g))
        if (!all.hasMessage(m[1] as string)) missing.push(`${path}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('transforms every message with words in en-XA', () => {
    const xa = messagesFor('en-XA');
    // Arguments without letters: whatever is left with letters came from the message itself.
    const args = { count: 2, n: 2, party: '1', seat: '1', tier: '1', left: 2 };
    for (const ftl of Object.values(MODULES))
      for (const m of ftl.matchAll(/^([a-z][a-z0-9-]*) =/gm)) {
        // An argument the loop does not pass shows as {$name}: not a word of the message.
        const text = xa.t(m[1] as string, args).replace(/\{\$[a-z]+\}/g, '');
        expect(isPseudo(text), `${m[1]}: ${text}`).toBe(true);
      }
  });
});

describe('the language a page opens in', () => {
  it('is the address’s, then the remembered one, then English; an unknown one is ignored', () => {
    expect(chosenLanguage('?lang=en-XA', 'en')).toBe('en-XA');
    expect(chosenLanguage('?lang=en', 'en-XA')).toBe('en');
    expect(chosenLanguage('?scenario=tutorial', 'en-XA')).toBe('en-XA');
    expect(chosenLanguage('', null)).toBe('en');
    expect(chosenLanguage('?lang=ar', 'klingon')).toBe('en');
    expect(chosenLanguage('?lang=ar', 'en-XA')).toBe('en-XA');
  });
});
