/** English catalogue, Fluent syntax. Files: replays, scenario files, class results, exports and history. */
export const FILES_FTL = `
# src/ui/screens/class-results.ts
class-too-large = larger than 5 MB: not a result file
class-not-json = not JSON
class-unknown-scenario = a scenario with id “{ $id }” is not in this page
class-not-verified = does not verify: { $message }
class-not-finished = Not finished
class-seat-not-held = its replay does not show seat “{ $seat }” held by a person: the file was edited, or is another student’s
class-as-seat = {" "}— as { $seat }
class-student-seat = {" "}as { $seat }
class-results-count = {" "}— { $count } { $count ->
    [one] result
   *[other] results
  }
class-outcomes = Outcomes
class-outcome = Outcome
class-tier = Tier
class-students = Students
class-share = Share
class-moves-caption = Moves: how many students used each at least once
class-move = Move
class-verified = ✓ verified — { $outcome } ({ $tier }), seed{" "}
class-verified-unfinished = ✓ verified — not finished, seed{" "}
class-claims-before = {" "}— the file itself claims “
class-claims-after = ”: it was edited after the game
class-same-before = {" "}— the same game as{" "}
class-same-after = : counted once
class-answers = Answers to the discussion questions
class-no-answer = (no answer)
class-heading = Class results
class-reading = Reading { $count } file(s)…
class-every-file = Every file ({ $count })
class-intro = Choose the result files (.json) your students downloaded from their debriefs. Each game is replayed here to check it; nothing is uploaded.
class-files-label = Result files:{" "}
# src/ui/screens/replay.ts
replay-heading = Replay: { $title }
replay-first = First turn
replay-back = Back one turn
replay-forward = Forward one turn
replay-last = Last turn
replay-take-over = Take over from here
replay-controls = Replay controls
replay-open-another = Open another replay
replay-status = Turn { $turn } of { $last } · { $status } · Seed{" "}
replay-game-over = {" "}· game over
replay-open-heading = Open a replay
replay-intro = A replay is the seed and the moves of a game; the engine plays them again, so you see exactly what happened. Open the file a game saved with “Download replay”, or paste its replay code.
replay-file-label = Replay file (.json):{" "}
replay-code-label = Or paste a replay code:
replay-open-code = Open the code
replay-pasted-code = the pasted code
# src/ui/screens/replay-open.ts
replay-unknown-scenario = This replay is of the scenario “{ $id }”, which this page does not include.
replay-other-version = This replay was recorded with version { $version } of “{ $id }”; this page has version { $has }.
replay-other-edition = This replay was recorded with a different edition of “{ $id }” (scenario hash { $hash }…, this page has { $has }…).
replay-code-unreadable = That replay code cannot be read: { $message }
replay-code-fails = That replay code does not replay: { $message }
replay-is-result = { $name } is a student's result, not a replay: open it under Class results (instructors) on the title screen.
replay-unreadable = { $name } is not a replay Envoy can read: { $message }
# src/ui/screens/open-scenario.ts
file-save-unusable = The saved game of { $name } could not be used, so it starts again. { $message }
file-heading = Open a scenario file
file-label = Choose a .yaml scenario file:{" "}
file-drop = …or drop the file anywhere on this box.
file-too-large = : the file is { $size } bytes; scenario files are limited to 1 MiB.
file-checking = Checking{" "}
file-not-loaded = {" "}could not be loaded
file-fix = Fix these problems in the file and open it again:
file-intro = Play-test a scenario you are writing: it is checked exactly as the envoy validate command checks it, and played at once if it is valid. Nothing is uploaded; the file stays on this computer. The guide for writing scenarios is docs/authoring.md in the Envoy repository. A scenario opened this way stays open in this tab, and its game is saved after every move for this tab only: reloading the page resumes it where you were. Opening the file again starts a new game.
# src/ui/screens/exports.ts
copy-code = Copy replay code
no-code = No replay code: { $message }
code-prompt = Your replay code (copy it):
code-copied = Replay code copied to the clipboard.
result-name-seat = Name of this seat’s player (optional):{" "}
result-name = Your name (optional):{" "}
result-download-json = Download { $party ->
    [none] result
   *[other] { $party }’s result
  } (JSON)
result-downloaded-json = The { $party ->
    [none] result
   *[other] { $party }’s result
  } was downloaded (JSON).
result-download-md = Download { $party ->
    [none] result
   *[other] { $party }’s result
  } (Markdown)
result-downloaded-md = The { $party ->
    [none] result
   *[other] { $party }’s result
  } was downloaded (Markdown).
hand-in-seats = Hand in your results, one per seat
hand-in = Hand in your result
hand-in-seats-detail = Each result holds the moves, the answers they drew, the outcome for that seat and your answers above. Your instructor can check it is a real game.
hand-in-detail = The result holds your moves, the answers they drew, the outcome and your answers above. Your instructor can check it is a real game.
# src/ui/screens/history.ts
your-offers = Your offers
no-offers = You put no offer on the table.
offer-round = Round { $round }:{" "}
chart-party = Party
chart-meter = Meter
chart-start = Start
chart-round = Round { $round }
chart-numbers = The chart’s numbers: meters round by round
# src/ui/language.ts
detail-verify-scenario-mismatch = it was recorded with another edition of the scenario
detail-verify-illegal-action = move { $turn } is not legal in this game
detail-verify-divergence = at turn { $turn } the game differs from the one recorded
detail-verify-checkpoint-mismatch = at turn { $turn } the file’s checkpoint was edited
detail-verify-outcome-mismatch = the outcome the file records is not the one the game reaches
detail-code = the code is damaged or incomplete
detail-not-replay = it is not a replay file of this version of Envoy
detail-not-result = it is not a result file of this version of Envoy
detail-not-json = it does not parse as JSON
replay-too-large = { $name } is too large to be a replay (over 5 MB).
replay-empty = { $name } is empty.
replay-not-json = { $name } is not valid JSON ({ $message }).
replay-not-exact = { $name } does not replay exactly: { $message }
`;
