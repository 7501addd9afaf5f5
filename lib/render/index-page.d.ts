import { formatSize } from "../units.js";
/** One published file, with its key relative to the site root, e.g. `2019/jan/final_report.csv`. */
export interface SiteEntry {
    key: string;
    size: number;
    lastModified: Date;
}
/** Options of renderIndexPage. */
export interface IndexPageOptions {
    /** The site's title, shown as heading. */
    title: string;
}
/** Keys the index never lists: itself, the error page and the chart scripts. */
export declare function isListedInIndex(key: string): boolean;
/**
 * Render index.html from a listing (the local dist/ at build time, the bucket after a deploy's uploads).
 * Links are relative and URL-encoded per segment, so they work on the website endpoint, under a
 * prefix and in preview alike. Rows are sorted by key.
 * @example renderIndexPage([{ key: "2019/jan/final_report.csv", size: 120, lastModified: new Date() }], { title: "311" })
 */
export declare function renderIndexPage(entries: readonly SiteEntry[], options: IndexPageOptions): string;
export { formatSize };
