/**
 * The site's fixed names, in one place: S3 website hosting serves INDEX_DOCUMENT for a folder and
 * ERROR_DOCUMENT for a missing key (deploy's setup configures both, preview imitates them), and every
 * build writes both anew. A leaf, so that config (which reserves them), render, site, deploy and
 * preview can all import it.
 */
export const INDEX_DOCUMENT = "index.html";
export const ERROR_DOCUMENT = "error.html";
