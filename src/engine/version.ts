/** The engine version written into replay files; kept equal to package.json's version by a test. */
export const ENGINE_VERSION = '0.1.0';
