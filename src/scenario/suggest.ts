/**
 * "Did you mean …?" hints. Most authoring mistakes are typos of an id declared elsewhere in the file, so
 * the nearest valid name by edit distance is usually exactly the fix.
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0] as number[];
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The candidate closest to `name` if it is close enough to be a plausible typo, else undefined. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (c === name) continue;
    // The distance is at least the length difference: skip hopeless candidates cheaply.
    const gap = Math.abs(c.length - name.length);
    if (gap >= bestScore || gap > Math.max(2, Math.floor(Math.max(name.length, c.length) * 0.4))) continue;
    const score = editDistance(lower, c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(Math.max(name.length, best.length) * 0.4));
  return bestScore <= allowed ? best : undefined;
}

/**
 * A hint naming the closest candidate, or listing the valid names when there are few, so the author
 * always learns what is allowed here.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  return suggest(name, candidates).hint;
}

/** The closest candidate and the hint that names it (or lists the few valid names): one search for both. */
export function suggest(
  name: string,
  candidates: Iterable<string>,
): { near: string | undefined; hint: string | undefined; list: string[] } {
  const list = [...candidates];
  const near = closest(name, list);
  let hint: string | undefined;
  if (near !== undefined) hint = `did you mean \`${near}\`?`;
  else if (list.length > 0 && list.length <= 8)
    hint = `expected one of ${list.map((c) => `\`${c}\``).join(', ')}`;
  return { near, hint, list };
}
