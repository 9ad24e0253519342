/** English catalogue, Fluent syntax. Files: replays, scenario files, class results, exports and history. */
export const FILES_FTL = `
`;
