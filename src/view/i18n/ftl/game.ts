/** English catalogue, Fluent syntax. A game in play: briefing, table, moves, log, debrief. */
export const GAME_FTL = `
# src/ui/briefing.ts
briefing-meta = { $place } · { $date }{ $minutes ->
    [0] {""}
   *[other] {" "}· about { $minutes } minutes
  }
briefing-content-note = Content note: { $note }
briefing-setting = The setting
briefing-role = Your role: { $role }
briefing-party = { $name }{ $you ->
    [yes] {" "}(you)
   *[no] {""}
  }
briefing-issue-start = At the start: { $option }.
briefing-objectives = Objectives
briefing-red-lines = Your red lines
briefing-may-give = What you may give
briefing-vote = The vote
briefing-parties = Who is at the table ({ $count })
briefing-issues = What is being negotiated ({ $count } { $count ->
    [one] issues
   *[other] issues
  })
briefing-meters = How to read the meters
your-briefing = Your briefing
briefing-summary-role = {" "}— { $role }
briefing-label = Briefing
# src/ui/screens/briefing.ts
briefing-back = Back to the negotiation
briefing-begin = Begin negotiating
briefing-back-top = Back to the table
briefing-skip = Skip the briefing and begin
briefing-pass-seat = Pass and play: this is the briefing of { $seat }.{" "}
briefing-you-play = You play { $seat }.{" "}
change-seats = Change seats
briefing-other-seat = Play another seat, or pass and play
seed-before = Seed{" "}
briefing-diagrams = How the positions can move (for the author)
briefing-diagrams-intro = This file’s position machines as diagrams, to check them before playing: the boxes are positions, the arrows the transitions with their conditions.
# src/ui/screens/reference.ts
reference-missing = Open a scenario first: the { $what ->
    [glossary] glossary
   *[sources] sources
  } belongs to a scenario.
reference-meters = The meters
reference-no-sources = This scenario lists no sources.
# src/ui/table.ts
ballot-yes = Voted yes
ballot-no = Voted no
ballot-abstain = Abstained
meter-label = { $party }: { $meter }
meter-of = {" "}of { $max }
meter-range = {" "}({ $min } to { $max })
status-signed = Has signed a package.
you-mark = {" "}(you)
veto-tag = veto
position-label = Position: { $position }
position-describe = {" "}— { $describe }
scale = { $min } to { $max }
meter-not-used = not used
positions-legend = What these positions mean
delegations-caption = The other delegations: position and meters
delegation = Delegation
and-position = {" "}and position
position = Position
delegations = The other delegations
around-the-table = Around the table
unchanged = {" "}(unchanged)
package-heading = The package on the table
signed-by = Signed by { $party }
# src/ui/moves.ts
uses-left = { $left ->
    [one] 1 use left
   *[other] { $left } uses left
  }
# src/ui/diagrams.ts
diagrams-drawing = Drawing the diagrams…
diagrams-failed = The diagrams could not be drawn in this browser.
# src/ui/log.ts
log-label = Dialogue log
log-heading = What happened
# src/ui/screens/play.ts
your-moves = Your moves
playing-now = Playing now: { $seat }
game-tools = Game tools
briefing-button = Briefing
download-replay = Download replay
replay-downloaded = The replay file was downloaded.
new-game = New game (new seed)
new-game-confirm = Start a new game with a new seed? This game stays in the replay you can download first.
status-seed = { $status } · Seed{" "}
waiting = Waiting for the other seats to move.
see-debrief = See the debrief
negotiation-over = The negotiation is over.
refused = That move was refused: { $why }
refused-action-malformed = The action is not one the game can read (it needs a “move”, a seat id and parameters).
refused-action-unknown-move = There is no move "{ $move }" in this scenario.
refused-action-bad-param = "{ $label }" was sent with parameters it does not take.
refused-action-not-available = "{ $label }" is not possible now.
refused-action-game-over = The game is over; no more moves can be made.
refused-action-not-your-turn = It is not { $seat }’s turn.
refused-action-unknown-seat = There is no seat "{ $seat }" in this scenario.
refused-replay-bad-seed = The seed must be a non-empty string.
# src/view/labels.ts
tier-success = Success
tier-partial = Partial success
tier-failure = Failure
round-over = The talks are over ({ $round } of { $rounds } rounds)
round-status = Round { $round } of { $rounds }
round-status-moves = Round { $round } of { $rounds } · move { $move } of { $moves }
# src/ui/debrief.ts
new-tab = {" "}(opens in a new tab)
debrief-your-package-cell = Your package:{" "}
debrief-agreed = {" "}— agreed
debrief-not-agreed = {" "}— on the table, not agreed
debrief-as-in-history = {" "}(as in history)
debrief-history-cell = History:{" "}
debrief-comparison-caption = The package on the table at the end (and whether it was agreed) beside the one agreed in history
debrief-issue = Issue
debrief-your-package = Your package
debrief-history = History
debrief-vote = The vote:{" "}
debrief-vote-line = { $yes } yes, { $no } no, { $abstain ->
    [one] { $abstain } abstention
   *[other] { $abstain } abstentions
  }{ $vetoed ->
    [none] {""}
   *[other] ; vetoed by { $vetoed }
  } — { $adopted ->
    [yes] adopted
   *[no] not adopted
  }.
debrief = Debrief
debrief-result = Result: { $tier }
debrief-historical = {" "}— the outcome history recorded
debrief-your-negotiation = Your negotiation
debrief-why-historical = Why the parties moved (as they did in history)
debrief-why = Why the parties moved
debrief-what-happened = What really happened
debrief-caveat = A caveat
debrief-questions = Questions for discussion
debrief-answers-saved = Your answers are saved with this game and included in the result you download.
# src/ui/screens/debrief.ts
debrief-not-over = The negotiation is not over yet
play-again = Play again with a new seed
replay-this-game = Replay this game
choose-another = Choose another scenario
debrief-diagrams = How each position moved
debrief-diagrams-intro = Each party’s position is a state machine: the boxes are its positions, the arrows what moves it and when. The path this game took is highlighted, and the list under each diagram says the same in words.
seat-results = Each seat’s result
debrief-showing = Showing the debrief of { $seat }
debrief-show = Show the debrief of { $seat }
party-colon = { $party }:{" "}
`;
