/**
 * Web Worker: validates and compiles an opened scenario file off the page's main thread, so a small file
 * that is slow to check can never freeze the tab (the page terminates this worker after a time limit).
 * Answers with the scenario data to play, or the located problems as the CLI prints them.
 */
import { compileGame } from '../../engine/index.ts';
import { formatDiagnostic, parseScenarioBytes } from '../../scenario/index.ts';

/** What the page sends: the file's name and bytes. */
export interface CheckRequest {
  name: string;
  bytes: Uint8Array;
}

/** What the worker answers. */
export type CheckReply =
  | { ok: true; scenario: unknown; warnings: string[] }
  | { ok: false; errors: string[] };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(m: CheckReply): void;
};

scope.onmessage = (e) => {
  const { name, bytes } = e.data;
  let reply: CheckReply;
  try {
    const parsed = parseScenarioBytes(bytes, name);
    if ('errors' in parsed) reply = { ok: false, errors: parsed.errors.map(formatDiagnostic) };
    else {
      // Compiled here once too: a file that compiles slowly is caught by the time limit, not the tab.
      compileGame(parsed.scenario);
      reply = { ok: true, scenario: parsed.scenario, warnings: parsed.warnings.map(formatDiagnostic) };
    }
  } catch (thrown) {
    const why = thrown instanceof Error ? thrown.message : String(thrown);
    reply = { ok: false, errors: [`${name}: error: the file could not be checked (${why.slice(0, 200)})`] };
  }
  scope.postMessage(reply);
};
