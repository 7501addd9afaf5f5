/** Pure: wrap a page body in the shared layout. */
import { renderTemplate } from "./templates.js";
/** A whole HTML document. */
export function renderPage({ body, pageTitle, siteTitle, depth }) {
    const rootHref = depth === 0 ? "./" : "../".repeat(depth);
    return renderTemplate("layout", { body, pageTitle, siteTitle, rootHref });
}
/**
 * The error document S3 website hosting serves for missing keys. It is served at any depth, so its
 * links must be absolute: `siteRootUrl` is the website URL of the site root (ending in `/`).
 */
export function renderErrorPage(siteTitle, siteRootUrl) {
    const body = renderTemplate("error", { rootHref: siteRootUrl });
    return renderTemplate("layout", { body, pageTitle: `Not found: ${siteTitle}`, siteTitle, rootHref: siteRootUrl });
}
