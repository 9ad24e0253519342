/**
 * What the chooser says about a scenario before anyone plays it: a few top-level lines of the file, read
 * without parsing (or validating) the whole scenario. Pure, so Node tests can check it too.
 */
import { loadYaml } from '../scenario/load.ts';
import { Scenario } from '../scenario/schema.ts';

/** What the chooser shows about a scenario before it is played. */
export interface ScenarioMeta {
  id: string;
  title: string;
  date: string | null;
  place: string | null;
  stakes: string | null;
  playMinutes: number | null;
  contentNote: string | null;
  /** False when even these few lines do not read: the scenario is listed, and opening it shows why. */
  ok: boolean;
}

const META_KEYS = ['id', 'title', 'date', 'place', 'stakes', 'playMinutes', 'contentNote'] as const;
const MetaSchema = Scenario.pick({
  id: true,
  title: true,
  date: true,
  place: true,
  stakes: true,
  playMinutes: true,
  contentNote: true,
});

/**
 * The top-level blocks of the keys the chooser needs, cut out of the file: a top-level key starts at
 * column 0 and its block runs until the next line that does. Parsing these few lines instead of the whole
 * file keeps the chooser instant; anything unusual simply fails validation below and falls back to the id.
 */
function metaBlocks(text: string): string {
  const wanted = new Set<string>(META_KEYS);
  const out: string[] = [];
  let keep = false;
  for (const line of text.split(/\r?\n/)) {
    const top = /^([A-Za-z$][\w$-]*)\s*:/.exec(line);
    if (top) keep = wanted.has(top[1] as string);
    else if (line !== '' && !/^[\s#]/.test(line)) keep = false;
    if (keep) out.push(line);
  }
  return out.join('\n');
}

/** Reads the chooser's facts from a scenario's text, never throwing. */
export function readMeta(id: string, text: string): ScenarioMeta {
  const fallback: ScenarioMeta = {
    id,
    title: id,
    date: null,
    place: null,
    stakes: null,
    playMinutes: null,
    contentNote: null,
    ok: false,
  };
  try {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const loaded = loadYaml(metaBlocks(body), id);
    if (!loaded.ok) return fallback;
    const meta = MetaSchema.safeParse(loaded.loaded.data);
    if (!meta.success) return fallback;
    const m = meta.data;
    return {
      id,
      title: m.title,
      date: m.date,
      place: m.place,
      stakes: m.stakes,
      playMinutes: m.playMinutes ?? null,
      contentNote: m.contentNote?.trim() ?? null,
      ok: true,
    };
  } catch {
    return fallback;
  }
}
