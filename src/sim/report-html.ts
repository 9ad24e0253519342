/**
 * The HTML report of `envoy simulate`: one self-contained page (inline SVG, no script, nothing fetched)
 * with the outcome distribution, each meter's average trajectory per party, and which moves lead to which
 * outcomes. Every scenario text is escaped: the report may be opened from a scenario nobody reviewed.
 */
import { type Game, own } from '../engine/index.ts';
import type { SimSummary } from './aggregate.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const HUES = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#999999'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '3 6'];
const TIER_COLOURS: Record<string, string> = { success: '#009e73', partial: '#e69f00', failure: '#d55e00' };

function outcomeChart(game: Game, total: SimSummary): string {
  const rows = game.scenario.outcomes;
  const h = 28;
  const bars = rows
    .map((o, i) => {
      const n = own(total.outcomes, o.id) ?? 0;
      const share = n / total.games;
      const y = i * h + 4;
      return `<text x="0" y="${y + 17}">${esc(o.title)}</text>
<rect x="300" y="${y + 4}" width="${(share * 380).toFixed(1)}" height="18" fill="${TIER_COLOURS[o.tier] ?? '#999'}"><title>${esc(o.id)}: ${n}</title></rect>
<text x="${306 + share * 380}" y="${y + 17}">${(share * 100).toFixed(1)}% · ${esc(o.tier)}${o.historical ? ' · historical' : ''}</text>`;
    })
    .join('\n');
  return `<svg role="img" aria-labelledby="outcomes-title" viewBox="0 0 860 ${rows.length * h + 8}" width="860"><title id="outcomes-title">Outcome distribution</title>${bars}</svg>`;
}

function meterChart(game: Game, total: SimSummary, meter: string): string {
  const def = own(game.scenario.meters, meter);
  if (!def) return '';
  const min = def.min ?? 0;
  const max = def.max ?? 10;
  const rounds = game.scenario.rounds;
  const series = game.partyIds
    .map((party) => {
      const sums = own(own(total.meterSums, party), meter) ?? [];
      const values = sums.map((v) => v / total.games);
      return { party, values, spread: Math.max(...values) - Math.min(...values) };
    })
    .filter((s) => s.spread > 0.01)
    .sort((a, b) => b.spread - a.spread)
    .slice(0, 8);
  if (series.length === 0) return `<p>No party's ${esc(def.label)} changes on average.</p>`;
  const W = 640;
  const H = 240;
  const x = (r: number) => 50 + (r / rounds) * (W - 70);
  const y = (v: number) => 20 + (1 - (v - min) / (max - min || 1)) * (H - 50);
  const lines = series
    .map((s, i) => {
      const d = s.values
        .map((v, r) => `${r === 0 ? 'M' : 'L'}${x(r).toFixed(1)},${y(v).toFixed(1)}`)
        .join(' ');
      return `<path d="${d}" fill="none" stroke="${HUES[i % HUES.length]}" stroke-width="2.5" stroke-dasharray="${DASHES[i % DASHES.length]}"/>`;
    })
    .join('\n');
  const axis = Array.from(
    { length: rounds + 1 },
    (_, r) => `<text x="${x(r)}" y="${H - 10}" text-anchor="middle">${r === 0 ? 'start' : r}</text>`,
  ).join('');
  const legend = series
    .map(
      (s, i) =>
        `<li><svg width="36" height="10" aria-hidden="true"><line x1="0" y1="5" x2="36" y2="5" stroke="${HUES[i % HUES.length]}" stroke-width="2.5" stroke-dasharray="${DASHES[i % DASHES.length]}"/></svg> ${esc(own(game.scenario.parties, s.party)?.name ?? s.party)}</li>`,
    )
    .join('');
  const table = `<table><caption>Average ${esc(def.label)} at the end of each round</caption><thead><tr><th>Party</th>${Array.from({ length: rounds + 1 }, (_, r) => `<th>${r === 0 ? 'start' : `R${r}`}</th>`).join('')}</tr></thead><tbody>${series.map((s) => `<tr><th>${esc(own(game.scenario.parties, s.party)?.name ?? s.party)}</th>${s.values.map((v) => `<td>${v.toFixed(2)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return `<figure><svg role="img" aria-label="Average ${esc(def.label)} per round" viewBox="0 0 ${W} ${H}" width="${W}">
<text x="10" y="${y(max) + 4}">${max}</text><text x="10" y="${y(min) + 4}">${min}</text>
<line x1="50" y1="${y(min)}" x2="${W - 20}" y2="${y(min)}" stroke="#999"/>${axis}${lines}</svg>
<ul class="legend">${legend}</ul>${table}</figure>`;
}

function moveTable(game: Game, total: SimSummary): string {
  const outcomes = game.scenario.outcomes;
  const rows = Object.entries(total.moveOutcomes)
    .sort(([a], [b]) => game.moveIds.indexOf(a) - game.moveIds.indexOf(b))
    .map(([move, row]) => {
      const used = Object.values(row).reduce((a, b) => a + b, 0);
      const cells = outcomes
        .map((o) => `<td>${(((own(row, o.id) ?? 0) / used) * 100).toFixed(1)}%</td>`)
        .join('');
      return `<tr><th>${esc(own(game.scenario.moves, move)?.label ?? move)}</th><td>${((used / total.games) * 100).toFixed(1)}%</td>${cells}</tr>`;
    })
    .join('');
  return `<table><caption>Of the games that used a move at least once, the share that ended in each outcome</caption><thead><tr><th>Move</th><th>Used in</th>${outcomes.map((o) => `<th>${esc(o.title)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The whole report page. */
export function simulationReport(
  game: Game,
  total: SimSummary,
  run: { base: string; strategy: string; runs: number },
): string {
  const s = game.scenario;
  const meters = game.meterIds
    .map((m) => `<h3>${esc(own(s.meters, m)?.label ?? m)}</h3>${meterChart(game, total, m)}`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.title)} — simulation report</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1e2328}svg text{font-size:13px;fill:#1e2328}table{border-collapse:collapse;margin:0.5rem 0 1.5rem;font-size:0.9rem}th,td{border:1px solid #ccc;padding:0.2rem 0.5rem;text-align:right}th:first-child{text-align:left}caption{text-align:left;font-weight:600;padding:0.3rem 0}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:0.3rem 1.2rem}</style>
</head><body>
<h1>${esc(s.title)}</h1>
<p>${run.runs.toLocaleString('en')} games, seeds <code>${esc(run.base)}/0</code> … <code>${esc(run.base)}/${run.runs - 1}</code>, strategy <strong>${esc(run.strategy)}</strong>; scenario <code>${esc(s.id)}</code> v${s.version}, hash <code>${esc(game.scenarioHash.slice(0, 16))}…</code>. Average ${(total.turns / total.games).toFixed(1)} moves per game.</p>
<h2>Outcomes</h2>
${outcomeChart(game, total)}
<table><thead><tr><th>Outcome</th><th>Tier</th><th>Games</th><th>Share</th></tr></thead><tbody>${s.outcomes.map((o) => `<tr><th>${esc(o.title)}${o.historical ? ' (historical)' : ''}</th><td>${esc(o.tier)}</td><td>${own(total.outcomes, o.id) ?? 0}</td><td>${(((own(total.outcomes, o.id) ?? 0) / total.games) * 100).toFixed(1)}%</td></tr>`).join('')}</tbody></table>
<h2>Meters over the rounds</h2>
<p>The average value at the end of each round, for the parties whose average changes most (up to eight). Lines differ in colour and dash pattern.</p>
${meters}
<h2>Moves and outcomes</h2>
${moveTable(game, total)}
</body></html>
`;
}
