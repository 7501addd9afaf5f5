/**
 * The site's fixed names, in one place: S3 website hosting serves INDEX_DOCUMENT for a folder and
 * ERROR_DOCUMENT for a missing key (deploy's setup configures both, preview imitates them), and every
 * build writes both anew. A leaf, so that config (which reserves them), render, site, deploy and
 * preview can all import it.
 */
export const INDEX_DOCUMENT = "index.html";
export const ERROR_DOCUMENT = "error.html";
/**
 * The deploy lock (deploy/lock.ts), below the site prefix: never planned, uploaded, deleted or listed
 * in index.html. A dot file, so it sorts before every report key and comes in a listing's first page.
 */
export const DEPLOY_LOCK_KEY = ".reportsite-deploy.lock";
