/** English catalogue, Fluent syntax. Texts painted on the canvas by the scenes. */
export const SCENES_FTL = `
`;
