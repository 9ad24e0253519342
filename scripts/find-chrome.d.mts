/** Standard install locations on Debian/Ubuntu and Google's packages, in order of preference. */
export declare const CHROME_CANDIDATES: readonly string[];
/** Returns CHROME_PATH when it is set and executable, else the first installed candidate, else null. */
export declare function findChrome(): string | null;
