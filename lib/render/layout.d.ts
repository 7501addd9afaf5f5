/** What every page shows around its body. */
export interface PageOptions {
    body: string;
    pageTitle: string;
    siteTitle: string;
    /** How many folders below the site root the page lives (for the link back to the index). */
    depth: number;
}
/** A whole HTML document. */
export declare function renderPage({ body, pageTitle, siteTitle, depth }: PageOptions): string;
/**
 * The error document S3 website hosting serves for missing keys. It is served at any depth, so its
 * links must be absolute: `siteRootUrl` is the website URL of the site root (ending in `/`).
 */
export declare function renderErrorPage(siteTitle: string, siteRootUrl: string): string;
