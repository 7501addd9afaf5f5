/** How lines reach the terminal: progress on stdout, warnings on stderr; --json keeps stdout for the result. */
import type { Logger } from "../log.js";
/** A Logger for the CLI. With json, progress goes to stderr so stdout holds only the JSON result. */
export declare function cliLogger({ json }: {
    json: boolean;
}): Logger;
