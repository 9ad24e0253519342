/**
 * `envoy check` of each built-in scenario, in process (validate + compile + every lint, the seeded
 * reachability search included), for `npm run bench`. The target: under 2 s per scenario on
 * the 2-core reference machine. Exported for bench/run.ts to call; also runnable alone with tsx.
 */
import { readdirSync } from 'node:fs';
import { hrtime } from 'node:process';
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';

/** One scenario's `envoy check` timing, in the shape bench/run.ts prints. */
export interface CheckFigure {
  name: string;
  unit: 'ms';
  p50: number;
  p99: number;
  target: { p50: number; p99: number };
  extra: Record<string, number | string>;
}

const now = (): number => Number(hrtime.bigint()) / 1e6; // ms

/** Times `envoy check scenarios/ID.yaml` in process, `runs` times per scenario after one warm-up run. */
export async function benchCheck(runs = 3): Promise<CheckFigure[]> {
  const root = new URL('../', import.meta.url);
  const ids = readdirSync(new URL('scenarios/', root))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  const figures: CheckFigure[] = [];
  for (const id of ids) {
    let summary = '';
    let status = 0;
    const io: Io = {
      out: (line) => {
        summary = line;
      },
      err: () => undefined,
      cwd: decodeURIComponent(root.pathname),
    };
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = now();
      const c0 = process.cpuUsage();
      status = await main(['check', `scenarios/${id}.yaml`], io);
      const c = process.cpuUsage(c0);
      if (i > 0) {
        times.push(now() - t0);
        cpu.push((c.user + c.system) / 1000);
      }
    }
    cpu.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const searched = /(\d[\d,]*) warnings?; searched ([\d,]+) games \/ ([\d,]+) actions/.exec(summary);
    figures.push({
      name: `${id}: envoy check (validate + lint + reachability search)`,
      unit: 'ms',
      p50: times[Math.floor(times.length / 2)] ?? Number.NaN,
      p99: times[times.length - 1] ?? Number.NaN,
      target: { p50: 2000, p99: 2000 },
      extra: {
        exit: status,
        cpuP50: `${(cpu[Math.floor(cpu.length / 2)] ?? Number.NaN).toFixed(0)} ms`,
        warnings: searched?.[1] ?? '?',
        games: searched?.[2] ?? '?',
        actions: searched?.[3] ?? '?',
      },
    });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchCheck()) {
    const ok = f.p50 <= f.target.p50 && f.p99 <= f.target.p99;
    const extra = Object.entries(f.extra)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `${ok ? 'PASS' : 'MISS'}  ${f.name}: p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms  (target ≤ 2000 ms)  ${extra}`,
    );
  }
}
