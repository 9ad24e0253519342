/**
 * The English message catalogue, in Fluent syntax (https://projectfluent.org): every sentence the game
 * builds around a scenario's words. Kept as TypeScript text so Node and the page load it alike. Placeables
 * (`{ $name }`) are scenario words or numbers; plurals are Fluent selectors, so a language with other plural
 * rules (Arabic has six forms) says them its own way.
 */
export const EN_FTL = `
log-round = Round { $round } of { $rounds }.
log-event = { $title }: { $text }
log-move-own = { $text }
log-move-you = You: { $label }.
log-move-you-params = You: { $label } ({ $params }).
log-move-other = { $name }: { $label }.
log-move-other-params = { $name }: { $label } ({ $params }).
log-pass = { $name } has no move to make and passes.
log-reason = { $name }: { $reason }
log-red-line = { $name } rejects: the package crosses its red line on { $issue }.
log-red-line-why = { $name } rejects: the package crosses its red line on { $issue } ({ $why }).
log-reject = { $name } rejects: the package gives it too little.
log-accept = { $name } could accept the package as it stands.
log-moves = { $name } moves: { $position }.
log-holds = { $name } holds its position.
log-holds-at = { $name } holds its position ({ $position }).
log-vote = The vote: { $yes } yes, { $no } no, { $abstain ->
    [one] { $abstain } abstention
   *[other] { $abstain } abstentions
  }{ $vetoed ->
    [none] {""}
   *[other] ; vetoed by { $vetoed }
  } — { $adopted ->
    [yes] adopted
   *[no] not adopted
  }.
log-end = The talks end: { $outcome }.
list-separator = {", "}
term-pair = { $name }: { $word }
action-full = { $move } — { $detail }
cond-always = always
cond-else = otherwise
cond-and = { $a } and { $b }
cond-chance = { $percent }% chance
cond-chance-per = { $percent }% chance, { $per } per point of { $meter }
cond-param = { $param } is { $values }
cond-meter = { $meter } { $range }
cond-position = position is { $values }
cond-verdict = the package is judged { $values }
cond-utility = the package is worth { $range }
cond-margin = the margin is { $range }
cond-party = { $party }: { $test }
cond-agreed-party = { $party } has agreed
cond-not-agreed-party = { $party } has not agreed
cond-flag = { $flag } is { $value ->
    [true] set
   *[false] not set
  }
cond-round = round { $range }
cond-table = the package has { $issue }: { $values }
cond-agreed = { $party } agreed to a package{ $terms ->
    [none] {""}
   *[other] {" "}with { $terms }
  }
cond-vote = the vote { $test }
cond-used = { $move } used { $range } times
cond-not = not ({ $c })
cond-any = one of: { $list }
range-equals = = { $n }
range-at-least = ≥ { $n }
range-at-most = ≤ { $n }
range-above = > { $n }
range-below = < { $n }
or-list = { $a } or { $b }
diagram-title = How { $party } can move
diagram-state = { $label }{ $start ->
    [yes] {" "}(where it starts)
   *[no] {""}
  }{ $final ->
    [yes] {" "}(final)
   *[no] {""}
  }{ $current ->
    [yes] {" "}— where it ended
   *[no] {""}
  }
diagram-edge = { $from } → { $to }, on { $event }: { $when }{ $taken ->
    [yes] {" "}(taken in this game)
   *[no] {""}
  }
diagram-stay = In { $from }, on { $event }: { $when }, it stays{ $taken ->
    [yes] {" "}(taken in this game)
   *[no] {""}
  }
`;
