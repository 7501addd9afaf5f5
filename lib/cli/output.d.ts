/**
 * How lines reach the terminal: progress on stdout, warnings on stderr; --json keeps stdout for the
 * result. Counted steps (raw files read) become one updating line on a terminal and a plain counting
 * line now and then elsewhere (CI logs), instead of one line per file.
 */
import type { Logger, ProgressStep } from "../log.js";
/** Options of cliLogger. */
export interface CliLoggerOptions {
    /** Progress goes to stderr so stdout holds only the JSON result. */
    json: boolean;
    /** Only warnings (and the result). */
    quiet: boolean;
    /** Every step as its own line (e.g. each raw file with its rows and time). */
    verbose: boolean;
    /** Defaults to the progress stream's isTTY: an updating line instead of plain lines. */
    tty?: boolean;
    /** For testing only! The clock that spaces plain progress lines. */
    now?: () => number;
}
/** Plain (non-terminal) progress lines are at least this far apart, besides the task's last step. */
export declare const PLAIN_PROGRESS_INTERVAL_MS = 5000;
/** A Logger for the CLI. */
export declare function cliLogger(options: CliLoggerOptions): Logger;
/** `2019-01: read 12 of 31 files, 3.4 MB, 40112 rows` */
export declare function formatProgress(step: ProgressStep, count: {
    done: number;
    bytes: number;
    rows: number;
}): string;
