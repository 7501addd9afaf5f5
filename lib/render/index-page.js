/** Pure: the site's index.html, a table of every published file (Link, LastModified, Size). */
import { encodeKey } from "../key-path.js";
import { formatSize } from "../units.js";
import { renderPage } from "./layout.js";
import { renderTemplate } from "./templates.js";
/** Keys the index never lists: itself, the error page and the chart scripts. */
export function isListedInIndex(key) {
    return key !== "index.html" && key !== "error.html" && !key.startsWith("assets/");
}
/**
 * Render index.html from a listing (the local dist/ at build time, the bucket after a deploy's uploads).
 * Links are relative and URL-encoded per segment, so they work on the website endpoint, under a
 * prefix and in preview alike. Rows are sorted by key.
 * @example renderIndexPage([{ key: "2019/jan/final_report.csv", size: 120, lastModified: new Date() }], { title: "311" })
 */
export function renderIndexPage(entries, options) {
    const rows = entries
        .filter((e) => isListedInIndex(e.key))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((e) => ({
        key: e.key,
        href: encodeKey(e.key),
        size: e.size,
        sizeText: formatSize(e.size),
        lastModifiedIso: e.lastModified.toISOString(),
        lastModifiedText: e.lastModified
            .toISOString()
            .replace("T", " ")
            .replace(/\.\d+Z$/, " UTC"),
    }));
    const body = renderTemplate("index", { siteTitle: options.title, entries: rows });
    return renderPage({ body, pageTitle: options.title, siteTitle: options.title, depth: 0 });
}
export { formatSize };
