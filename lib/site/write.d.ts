/**
 * Written into every built site: only a folder holding it (or an empty or missing one) is replaced
 * by a build, so `--output src` or a typo can never wipe someone's files. Never deployed.
 */
export declare const BUILD_MARKER = ".reportsite-build";
/** Whether `root` holds a site written by `reportsite build` (it has the build marker). */
export declare function isBuiltSite(root: string): Promise<boolean>;
/** A file to write: path relative to the site root, and its bytes. */
export interface OutputFile {
    path: string;
    body: string | Uint8Array;
    /** Keep this modification time (a file carried over from the previous build); default now. */
    modified?: Date;
}
/** The absolute path of `relative` inside `root`, or a SiteError when it would land outside it. */
export declare function pathWithin(root: string, relative: string): string;
/**
 * Replace `output` with exactly `files`. Everything is written to a sibling temp folder first; only
 * when all files are written is the old folder moved aside and the new one renamed into place.
 */
export declare function writeSite(files: readonly OutputFile[], output: string): Promise<void>;
/**
 * Refuse to replace anything but a missing or empty folder or an earlier build. writeSite checks
 * it again; a build checks it first too, before it reads any raw data.
 */
export declare function checkOutputFolder(output: string): Promise<void>;
/**
 * Finish a swap that was cut off (synchronous, for an exit hook): the previous site goes back when
 * the new one is not in place yet, and is removed when it is.
 */
export declare function finishSwap(output: string, old: string): void;
