/**
 * What a scenario card says before anyone plays it. The build compiles these facts out of each bundled
 * scenario (scripts/vite-scenarios.ts), so the select screen needs neither the YAML parser nor the validator.
 */

/** What the scenario select shows about a scenario before it is played. */
export interface ScenarioMeta {
  id: string;
  title: string;
  date: string | null;
  place: string | null;
  stakes: string | null;
  playMinutes: number | null;
  contentNote: string | null;
  /** Who the student plays. */
  role?: string | null;
}
