/** English catalogue, Fluent syntax. The page frame: top bar, title, help, scenario and seat choice, hand-over, problem screens. */
export const PAGE_FTL = `
# src/ui/screens/title.ts
envoy = Envoy
title-choose = Choose a scenario
title-lead = A negotiation game about real diplomacy in Syria, 2024–2025. You speak for one side; every other party answers, and each answer comes with a reason you can read. At the end, a debrief compares your result with what actually happened.
how-to-play = How to play
title-open-file = Open a scenario file…
title-open-replay = Open a replay…
title-class = Class results (instructors)…
title-keyboard = Everything works with the keyboard: Tab moves between controls, Enter chooses.
back = Back
back-to-title = Back to the title
# src/ui/screens/help.ts
help-step-1 = Read your briefing
help-step-1-detail = It tells you who you speak for, what your side wants, your red lines and what you may give.
help-step-2 = Make one move at a time
help-step-2-detail = Each round allows a few moves: change the package on the table one issue at a time, make statements, lobby, or call for a decision. Moves you cannot make now are not listed.
help-step-3 = Read every answer
help-step-3-detail = After each move the other parties respond, and each response gives its reason. Their positions and meters (such as trust or pressure) change; the log keeps everything.
help-step-4 = Reach an outcome
help-step-4-detail = The game ends with an agreement, a vote, a walkout, or when the rounds run out. The debrief compares your result with what really happened, with dates and sources.
help-step-detail = {" "}— { $detail }
help-keyboard = Keyboard
help-key-tab = Tab and Shift+Tab move between controls; Enter or Space chooses.
help-key-escape = Escape skips the animation in progress.
help-key-focus = After each move, focus returns to your first available move; the log announces the answers.
help-seeds = Seeds and saves
help-seeds-text = Every game has a seed, shown at the top and in the address bar. The same seed and the same moves always give the same game, so a class can play the same starting point and compare. Your game is saved in this browser after every move; reloading the page resumes it.
# src/ui/screens/select.ts
select-when = When
select-where = Where
select-you-play = You play
select-play-time = Play time
select-minutes = about { $minutes } minutes
select-stakes = At stake:{" "}
select-content-note = Content note:{" "}
select-start = Start →
select-intro = New to Envoy? Start with the tutorial: it is short, fictional, and uses every control. The other scenarios are real negotiations; each ends with a debrief that compares your result with what actually happened.
select-open-file = Open a scenario file… (instructors)
# src/ui/screens/seats.ts
list-and = { $a } and { $b }
seats-heading = Who plays?
seats-confirm = Change seats? This starts the game over with the same seed.
play-as = Play as { $seat }
seats-solo = { $party }{ $main ->
    [yes] , the scenario’s main seat
   *[no] {""}
  }; the computer plays everyone else.
seats-pass = Pass and play: { $parties } on this device
seats-pass-detail = { $players } players share one screen, one seat each. Between turns a hand-over screen hides the last player’s view until the next player presses Continue.
seats-intro = This scenario has { $seats } seats. Each seat reads its own confidential brief, so choose before anyone reads one.
back-to-scenarios = Back to the scenarios
# src/ui/screens/handover.ts
handover-heading = Pass the device to { $party }
continue = Continue
pass-and-play = Pass and play
handover-who = Next to play: { $seat } ({ $party }). Hand the device over, and press Continue when only they can see the screen.
handover-privacy = Each player sees only their own brief, their own side’s hidden meters and what was said to them. The last player’s view is hidden until then.
handover-caption = Pass the device
# src/ui/problems.ts
failure-heading = Something went wrong
failure-caption = Error
failure-line = This screen could not be shown: { $message }
quoted = “{ $text }”
seat-twice-or-none = listed twice or none
unknown-seat-heading = This game’s address names a seat the scenario does not have
unknown-seat-caption = Unknown seat
unknown-seat-line = “{ $title }” has no seat { $named } (the address’s “seat=” part).
unknown-seat-list = Its seats are: { $seats }. Choose one below, or ask whoever sent the link for the right one.
seat-id-name = { $id } ({ $name })
corrupt-heading = Your saved game could not be read
corrupt-caption = Saved game unreadable
corrupt-line = You can start this scenario over (the unreadable save is then discarded), or go back.
start-over = Start over
# src/ui/top-bar.ts
bar-home = Envoy — back to the title screen
glossary = Glossary
sources = Sources
bar-skip = Skip animation
bar-skip-title = Skip animation (Escape)
bar-language = Language
save-unavailable = This browser does not allow saving here (private mode?); the game goes on, but a reload starts over.
save-quota = The browser’s storage is full, so this move was not saved; the game goes on.
save-failed = This move could not be saved; the game goes on.
save-works-again = Saving works again.
# src/main.ts
loading-label = Loading Envoy
loading = Loading Envoy…{" "}
boot-failed = Envoy could not start
boot-reload = Reload the title page
# src/ui/language.ts
skip-link = Skip to the content
side-label = Dialogue
# src/ui/app.ts
page-title = { $caption } — Envoy
scenario-unavailable = The scenario “{ $id }” is not available; here is the tutorial instead.
# src/ui/language.ts
save-sentence-corrupt = The saved game is damaged or was written by another version of Envoy.
save-sentence-unavailable = This browser does not allow saving games.
save-sentence-note = Your latest save could not be read; the game resumes from the save before it.
`;
