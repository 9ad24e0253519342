import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  type Issue,
  type Meter,
  type Move,
  type Outcome,
  type Party,
  type PositionMachine,
  type PositionState,
  type Preferences,
  parseScenario,
  type Scenario,
  type Transition,
} from '../src/scenario/index.ts';

const validText = readFileSync(new URL('./fixtures/valid-minimal.yaml', import.meta.url), 'utf8');
const base = parse(validText) as Scenario;

interface Seen {
  code: string;
  severity: string;
  message: string;
  hint: string | undefined;
  /** The text at the reported line and column, up to a `:` or the end of the line. */
  at: string;
}

/** Loads a changed copy of the valid scenario and returns what is reported, with the text it points at. */
function variant(change: (s: Scenario) => void): Seen[] {
  const data = structuredClone(base);
  change(data);
  const text = stringify(data);
  const result = parseScenario(text, 'v.yaml');
  const list = 'errors' in result ? result.errors : result.warnings;
  const lines = text.split('\n');
  return list.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    hint: d.hint,
    at: (lines[d.line - 1] ?? '').slice(d.col - 1).split(/:( |$)/)[0] ?? '',
  }));
}

const south = (s: Scenario): Party => s.parties.south as Party;
const machine = (s: Scenario): PositionMachine => south(s).position as PositionMachine;
const wary = (s: Scenario): PositionState => machine(s).states.wary as PositionState;
const firstTransition = (s: Scenario): Transition => wary(s).on?.['statement.public']?.[0] as Transition;
const prefs = (s: Scenario): Preferences => south(s).prefers as Preferences;

describe('cross-checks: declarations', () => {
  it('the valid scenario round-trips through stringify with nothing to report', () => {
    expect(variant(() => {})).toEqual([]);
  });

  it('rejects a player party that is not a party, suggesting the closest', () => {
    expect(
      variant((s) => {
        s.player.party = 'nort';
      }),
    ).toEqual([
      {
        code: 'ref/unknown-party',
        severity: 'error',
        message: 'player.party: unknown party "nort"',
        hint: 'did you mean `north`?',
        at: 'nort',
      },
      // `north` is no longer the player's party, so its missing machine now matters.
      expect.objectContaining({ code: 'check/no-machine', severity: 'warning', at: 'north' }),
    ]);
  });

  it('checks meter ranges and starting values', () => {
    expect(
      variant((s) => {
        (s.meters.trust as Meter).initial = 11;
      }),
    ).toMatchObject([{ code: 'check/meter-range', at: '11' }]);
    expect(
      variant((s) => {
        (s.meters.trust as Meter).min = 20;
      }),
    ).toMatchObject([
      { code: 'check/meter-range', at: '20', message: 'meters.trust.min: min (20) is greater than max (10)' },
      {
        code: 'check/meter-range',
        at: '1',
        message: 'parties.south.meters.trust: 1 is outside the range of meter "trust" (20 to 10)',
      },
    ]);
    expect(
      variant((s) => {
        south(s).drift = { turst: 1 };
      }),
    ).toMatchObject([{ code: 'ref/unknown-meter', at: 'turst', hint: 'did you mean `trust`?' }]);
  });

  it('checks that issue defaults and historical options are options of the issue', () => {
    expect(
      variant((s) => {
        (s.issues.crossing as Issue).default = 'close';
      }),
    ).toMatchObject([
      {
        code: 'ref/unknown-option',
        message: 'issues.crossing.default: unknown option "close" of issue "crossing"',
        hint: 'did you mean `closed`?',
        at: 'close',
      },
    ]);
    expect(
      variant((s) => {
        (s.issues.crossing as Issue).historical = 'reopened';
      }),
    ).toMatchObject([{ code: 'ref/unknown-option', at: 'reopened' }]);
  });
});

describe('cross-checks: preferences', () => {
  it('checks weights, values, flex and red lines against issues, options and meters', () => {
    const seen = variant((s) => {
      const p = prefs(s);
      p.weights = { crossing: 1, crosing: 1 };
      p.values = { crossing: { closed: 1, opne: 0.5 } };
      p.flex = { trusst: 0.1 };
      p.redLines = [{ issue: 'crossing', option: 'opened' }];
    });
    expect(seen.map((d) => [d.code, d.at, d.hint])).toEqual([
      ['ref/unknown-issue', 'crosing', 'did you mean `crossing`?'],
      ['ref/unknown-option', 'opne', 'did you mean `open`?'],
      ['ref/unknown-meter', 'trusst', 'did you mean `trust`?'],
      ['ref/unknown-option', 'opened', 'did you mean `open`?'],
    ]);
  });

  it('warns about a weighted issue with no values', () => {
    const seen = variant((s) => {
      s.issues.bases = { label: 'Bases', options: { stay: 'Stay', leave: 'Leave' }, default: 'stay' };
      prefs(s).weights.bases = 1;
    });
    expect(seen).toMatchObject([{ code: 'check/weight-without-values', severity: 'warning', at: 'bases' }]);
  });
});

describe('cross-checks: machines', () => {
  it('reports a transition to a missing state with a did-you-mean', () => {
    expect(
      variant((s) => {
        firstTransition(s).to = 'listenin';
      }),
    ).toMatchObject([
      {
        code: 'ref/unknown-state',
        message: 'parties.south.position.states.wary.on.statement.public[0].to: unknown state "listenin"',
        hint: 'did you mean `listening`?',
        at: 'listenin',
      },
    ]);
  });

  it('checks the initial state, final states with transitions, and effects on meters and parties', () => {
    const seen = variant((s) => {
      machine(s).initial = 'wery';
      const agreed = machine(s).states.agreed as PositionState;
      agreed.on = { 'round.ended': [{ to: 'wary' }] };
      firstTransition(s).effects = {
        meters: { trsut: 1 },
        parties: { nroth: { trust: 1 }, north: { patience: 1 } },
      };
    });
    expect(seen.map((d) => [d.code, d.severity, d.at])).toEqual([
      ['ref/unknown-state', 'error', 'wery'],
      ['ref/unknown-meter', 'error', 'trsut'],
      ['ref/unknown-party', 'error', 'nroth'],
      ['ref/unknown-meter', 'error', 'patience'],
      ['check/final-with-transitions', 'warning', 'on'],
    ]);
  });

  it('warns when nothing sends an event a machine waits for', () => {
    const seen = variant((s) => {
      delete s.moves.propose;
    });
    expect(seen).toMatchObject([
      {
        code: 'ref/unsent-event',
        severity: 'warning',
        at: 'offer.proposed',
        hint: 'add a move with `kind: propose`',
      },
    ]);
  });

  it('accepts a template with an initial state and checks both', () => {
    const ok = variant((s) => {
      s.templates = { cautious: structuredClone(machine(s)) };
      delete south(s).position;
      south(s).template = 'cautious';
      south(s).initial = 'listening';
    });
    expect(ok).toEqual([]);
    const bad = variant((s) => {
      s.templates = { cautious: structuredClone(machine(s)) };
      south(s).template = 'cautios';
      south(s).initial = 'listening';
    });
    expect(bad.map((d) => [d.code, d.at, d.hint])).toEqual([
      ['check/position-and-template', 'template', 'keep one: an inline machine or a template'],
      ['ref/unknown-template', 'cautios', 'did you mean `cautious`?'],
    ]);
    expect(
      variant((s) => {
        south(s).initial = 'wary';
      }),
    ).toMatchObject([
      { code: 'check/initial-without-template', at: 'initial', hint: 'set `position.initial` instead' },
    ]);
  });

  it('warns about a non-player party with no machine, but not about the player', () => {
    expect(
      variant((s) => {
        s.parties.east = { name: 'Eastern observers' };
      }),
    ).toMatchObject([{ code: 'check/no-machine', severity: 'warning', at: 'east' }]);
  });
});

describe('cross-checks: conditions', () => {
  it('checks every kind of reference inside a transition condition, through any/all/not', () => {
    const seen = variant((s) => {
      s.blocs = { neighbours: { name: 'Neighbours', members: ['south'] } };
      (s.moves.statement as Move).params = {
        tone: { label: 'Tone', options: { warm: 'Warm', cold: 'Cold' } },
      };
      firstTransition(s).when = {
        position: 'wary',
        chance: { base: 0.5, per: { trust: 0.1, turst: 0.1 } },
        any: [{ position: 'listenig' }, { parties: { north: { position: 'x' } } }, { parties: { nrth: {} } }],
        all: [{ table: { crossing: 'opn', crosing: 'open' } }, { agreed: { south: { crossing: 'shut' } } }],
        not: { used: { statment: { atLeast: 1 } }, param: { tone: 'wram', to: 'neighbours', pitch: 'x' } },
      };
    });
    expect(seen.map((d) => [d.code, d.at])).toEqual([
      ['ref/unknown-meter', 'turst'],
      ['ref/unknown-state', 'listenig'],
      ['ref/no-machine', 'position'],
      ['ref/unknown-party', 'nrth'],
      ['ref/unknown-option', 'opn'],
      ['ref/unknown-issue', 'crosing'],
      ['ref/unknown-option', 'shut'],
      ['ref/unknown-move', 'statment'],
      ['ref/unknown-option', 'wram'],
      ['ref/unknown-param', 'pitch'],
    ]);
  });

  it('warns when a transition tests the verdict of an event that carries no offer', () => {
    expect(
      variant((s) => {
        firstTransition(s).when = { verdict: 'accept' };
      }),
    ).toMatchObject([{ code: 'check/offer-only', severity: 'warning', at: 'verdict' }]);
  });

  it("refuses roll and offer keys in a move's `when`, and reads `position` as the player's", () => {
    const seen = variant((s) => {
      (s.moves.statement as Move).when = { chance: 0.5, verdict: 'accept', position: 'wary' };
    });
    expect(seen.map((d) => [d.code, d.at])).toEqual([
      ['check/condition-context', 'chance'],
      ['check/condition-context', 'verdict'],
      ['ref/no-machine', 'position'],
    ]);
  });

  it("refuses party-only keys in events' and outcomes' `when`, and tests the vote only when there is one", () => {
    const seen = variant((s) => {
      s.events = [
        {
          id: 'storm',
          title: 'A storm',
          text: 'It rains.',
          at: 2,
          when: { meters: { trust: 1 }, vote: { held: true } },
        },
      ];
      ((s.outcomes[0] as Outcome).when as NonNullable<Outcome['when']>).param = { to: 'south' };
    });
    expect(seen.map((d) => [d.code, d.at])).toEqual([
      ['check/condition-context', 'param'],
      ['check/condition-context', 'meters'],
      ['ref/no-vote', 'vote'],
    ]);
  });
});

describe('cross-checks: blocs, moves, events, vote, outcomes', () => {
  it('checks blocs', () => {
    const seen = variant((s) => {
      s.blocs = { south: { name: 'South bloc', members: ['sout'] } };
    });
    expect(seen.map((d) => [d.code, d.at])).toEqual([
      ['check/bloc-is-party', 'south'],
      ['ref/unknown-party', 'sout'],
    ]);
  });

  it('checks moves: targets, choose, issues, vote kind, dead moves and text placeholders', () => {
    const seen = variant((s) => {
      s.moves.statement = {
        label: 'Speak',
        sends: 'statement.public',
        to: ['suoth'],
        text: 'You speak to {to} about {topic}.',
      };
      s.moves.pick = { label: 'Pick', choose: true, sends: 'statement.public' };
      s.moves.propose = { label: 'Propose', kind: 'propose', issues: ['crossings'] };
      s.moves.call = { label: 'Call the vote', kind: 'vote' };
      s.moves.wait = { label: 'Wait' };
    });
    expect(seen.map((d) => [d.code, d.severity, d.at])).toEqual([
      ['ref/unknown-party', 'error', 'suoth'],
      ['ref/unknown-placeholder', 'error', 'You speak to {to} about {topic}.'],
      ['ref/unknown-issue', 'error', 'crossings'],
      ['check/choose-needs-to', 'error', 'choose'],
      ['ref/no-vote', 'error', 'vote'],
      ['check/move-does-nothing', 'warning', 'wait'],
    ]);
  });

  it('checks events: unique ids, rounds, targets and sources', () => {
    const seen = variant((s) => {
      s.sources = { reuters: { title: 'Reuters report' } };
      s.events = [
        { id: 'rain', title: 'Rain', text: 'It rains.', at: 1, sources: ['reuters'] },
        {
          id: 'rain',
          title: 'More rain',
          text: 'It rains more.',
          at: 9,
          send: { to: ['sotuh'], event: 'statement.public' },
          sources: ['reuter'],
        },
      ];
    });
    expect(seen.map((d) => [d.code, d.severity, d.at])).toEqual([
      ['check/duplicate-id', 'error', 'rain'],
      ['check/after-last-round', 'warning', '9'],
      ['ref/unknown-party', 'error', 'sotuh'],
      ['ref/unknown-source', 'error', 'reuter'],
    ]);
  });

  it('checks the vote: members, threshold and vetoes', () => {
    const seen = variant((s) => {
      s.vote = { members: ['south', 'west'], threshold: 3 };
      south(s).veto = true;
      (s.parties.north as Party).veto = true;
    });
    expect(seen.map((d) => [d.code, d.at])).toEqual([
      ['check/veto-not-member', 'veto'],
      ['ref/unknown-party', 'west'],
      ['check/threshold', '3'],
    ]);
    expect(seen[0]?.message).toContain(
      'party "north" holds a veto, but is not a member of the vote (nor of a bloc in it)',
    );
  });

  it('checks outcomes: unique ids, the catch-all, a historical outcome, debrief parties and sources', () => {
    const seen = variant((s) => {
      const [first, last] = s.outcomes as [Outcome, Outcome];
      first.historical = false;
      last.id = first.id;
      last.debrief.parties = { sout: 'The south held firm.' };
      last.debrief.sources = ['nowhere'];
      s.outcomes.push({ ...structuredClone(last), id: 'late' });
    });
    expect(seen.map((d) => [d.code, d.severity, d.at])).toEqual([
      ['check/no-historical-outcome', 'warning', 'outcomes'],
      ['check/catch-all', 'error', 'id'],
      ['check/duplicate-id', 'error', 'crossing-opens'],
      ['ref/unknown-party', 'error', 'sout'],
      ['ref/unknown-source', 'error', 'nowhere'],
      ['ref/unknown-party', 'error', 'sout'],
      ['ref/unknown-source', 'error', 'nowhere'],
    ]);
  });
});
