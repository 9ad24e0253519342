/** English catalogue, Fluent syntax. A game in play: briefing, table, moves, log, debrief. */
export const GAME_FTL = `
`;
