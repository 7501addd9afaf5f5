import { type OutputFile } from "./write.js";
/** A file of the local site. */
export interface LocalFile {
    /** Path relative to the site root with `/` separators, e.g. `2019/jan/final_report.csv`. */
    key: string;
    /** Absolute path on disk. */
    path: string;
    size: number;
    /** Hex MD5 of the bytes. */
    md5: string;
}
/** A file an earlier build wrote, to carry into a partial build. */
export interface KeptFile {
    key: string;
    body: Buffer;
    /** When the earlier build wrote it (kept, so the index shows the month's real date). */
    modified: Date;
}
/** Every file below `root` (sorted by key) but the build marker. Throws SiteError when the folder does not exist. */
export declare function readSite(root: string): Promise<LocalFile[]>;
/**
 * The files of an earlier build in `root` that a partial build (`--month`) keeps: every file but
 * those in `rebuilt` and the pages every build writes anew (the index, the error page, assets/).
 * None when `root` is not an earlier build.
 */
export declare function readKeptFiles(root: string, rebuilt: ReadonlySet<string>): Promise<KeptFile[]>;
/**
 * `files` with the modification time of the previous build's copy where its bytes are the same, so
 * the index dates a page by when it last changed, not by when it was last built.
 */
export declare function carryModified(root: string, files: readonly OutputFile[]): Promise<OutputFile[]>;
