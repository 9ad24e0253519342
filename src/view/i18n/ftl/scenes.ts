/** English catalogue, Fluent syntax. Texts painted on the canvas by the scenes. */
export const SCENES_FTL = `
# src/scenes/Boot.ts
scene-loading = Envoy is loading…
# src/scenes/Briefing.ts
scene-you-role = You: { $role }
scene-veto = VETO
scene-you = you
# src/scenes/Council.ts
scene-you-name = you: { $name }
scene-needs = needs { $threshold }
scene-count = { $word } { $count }
scene-leaning-now = Leaning now
scene-roll-call = Roll call
scene-result = Result
# src/scenes/Debrief.ts
scene-still-going = The talks are still going on
scene-as-in-history = { $title } · as in history
# src/scenes/Table.ts
scene-on-the-table = On the table
# src/scenes/Title.ts
scene-envoy = ENVOY
scene-tagline = Negotiate the diplomacy of Syria, 2024–2025
# src/scenes/draw/chart.ts
scene-round = Round
# src/scenes/draw/council-seat.ts
scene-lectern = you · at the lectern
# src/scenes/draw/leaning.ts
scene-yes-letter = Y
scene-yes = Yes
scene-no-letter = N
scene-no = No
scene-abstain-letter = A
scene-abstain = Abstain
# src/scenes/draw/tally.ts
scene-talks-over = Talks over · { $round } of { $rounds } rounds
scene-vetoed-by = Vetoed by { $list }
scene-adopted = Adopted
scene-not-adopted = Not adopted
scene-result-needs = { $result } · needs { $threshold }
# src/view/chart-data.ts
chart-caption = Showing { $shown } of { $of } counterparts: { $veto ->
    [yes] members with a veto, then the largest changes
   *[no] the largest changes
  }.
`;
