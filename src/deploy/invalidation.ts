/**
 * Pure: which CloudFront paths a deploy must invalidate. A changed or deleted key is served at its own
 * path and, for a folder's index document, at the folder's path too (`/2019/jan/` as well as
 * `/2019/jan/index.html`, `/` as well as `/index.html`); past a limit the paths of a folder become one
 * wildcard (`/2019/jan/*`), which CloudFront counts (and bills) as one path.
 */
import { INDEX_DOCUMENT } from "../site-names.js";
import type { SyncPlan } from "./plan.js";
import type { SyncReport } from "./execute.js";

/**
 * Most paths one invalidation names before folders are collapsed to wildcards. CloudFront bills every
 * path past the first 1,000 of a month (a wildcard is one path): at 100 a deploy, ten deploys a month
 * stay free. A monthly deploy of one or two months stays well under it.
 */
export const MAX_INVALIDATION_PATHS = 100;

/** CloudFront accepts at most 15 wildcard paths in progress on a distribution at once. */
export const MAX_WILDCARD_PATHS = 15;

/** The limits collapsePaths keeps to. */
export interface PathLimits {
  maxPaths: number;
  maxWildcards: number;
}

/**
 * The path the site's root is served at: the path of site.url (a distribution serving the site prefix
 * at its root has `/`), else `/` + the site prefix (a distribution in front of the whole bucket).
 */
export function siteRootPath(site: { url?: string; prefix: string }): string {
  const path = site.url === undefined ? `/${site.prefix}` : new URL(site.url).pathname;
  const segments = path.split("/").map((s) => encodePathSegment(decodeSegment(s)));
  const joined = segments.join("/");
  return joined.endsWith("/") ? joined : `${joined}/`;
}

/**
 * A key's segment as CloudFront wants it in an invalidation path: non-ASCII and RFC 1738's unsafe
 * characters percent-encoded (UTF-8), nothing else, as CloudFront's API reference asks (an encoded safe
 * character names another path). `?` and `*` are encoded too: unencoded, one would start a query
 * string and the other a wildcard.
 */
export function encodePathSegment(segment: string): string {
  return [...segment].map((c) => (/^[A-Za-z0-9$\-_.+!'(),;:@&=]$/.test(c) ? c : encodeUtf8(c))).join("");
}

function encodeUtf8(c: string): string {
  return [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a lone `%` in site.url's path: taken as written
  }
}

/** The paths that serve `key` (relative to the site root): its own, and its folder's for an index document. */
export function pathsOfKey(root: string, key: string): string[] {
  const path = root + key.split("/").map(encodePathSegment).join("/");
  if (key === INDEX_DOCUMENT) return [root, path];
  if (key.endsWith(`/${INDEX_DOCUMENT}`)) return [path.slice(0, -INDEX_DOCUMENT.length), path];
  return [path];
}

/** Every path serving one of `keys`, sorted, each once. */
export function pathsOfKeys(root: string, keys: Iterable<string>): string[] {
  const paths = new Set<string>();
  for (const key of keys) for (const path of pathsOfKey(root, key)) paths.add(path);
  return [...paths].sort();
}

/** The keys a deploy changed: every upload (index.html too, when it was rendered anew) and every delete. */
export function changedKeys(report: Pick<SyncReport, "uploaded" | "deleted">): string[] {
  return [...report.uploaded.map((u) => u.key), ...report.deleted];
}

/**
 * The keys a plan may change: its uploads and deletes, and index.html when there are any (it is
 * rendered again after them and usually differs). Remembered before the first write, so a deploy cut
 * off half-way still has them invalidated by the next one.
 */
export function plannedKeys(plan: SyncPlan): string[] {
  const keys = [...plan.groups.flat().map((u) => u.key), ...plan.deletes];
  return keys.length ? [...keys, INDEX_DOCUMENT] : [];
}

/**
 * The paths to send: `paths` as they are while within the limits; past them, the deepest folder
 * holding two or more paths becomes one wildcard (`/2019/jan/*`, which also covers `/2019/jan/`),
 * again until both limits hold. Deepest first, so a wildcard reaches as little as it can.
 */
export function collapsePaths(
  paths: readonly string[],
  limits: PathLimits = { maxPaths: MAX_INVALIDATION_PATHS, maxWildcards: MAX_WILDCARD_PATHS },
): string[] {
  let current = [...new Set(paths)].sort();
  for (;;) {
    const wildcards = current.filter(isWildcard).length;
    const overPaths = current.length > limits.maxPaths;
    if (!overPaths && wildcards <= limits.maxWildcards) return current;
    // over the wildcard limit only: a folder with one wildcard under it would trade a path for a wildcard
    const folder = folderToCollapse(current, overPaths ? () => true : isWildcard);
    if (folder === undefined) return current;
    current = [...current.filter((p) => !p.startsWith(folder)), `${folder}*`].sort();
  }
}

/** The deepest folder holding two or more of `paths` that `counts`, the fullest first, then by name. */
function folderToCollapse(paths: readonly string[], counts: (path: string) => boolean): string | undefined {
  const under = new Map<string, number>();
  for (const path of paths.filter(counts))
    for (const folder of foldersOf(path)) under.set(folder, (under.get(folder) ?? 0) + 1);
  const candidates = [...under].filter(([, n]) => n >= 2);
  candidates.sort(([a, n], [b, m]) => depth(b) - depth(a) || m - n || (a < b ? -1 : 1));
  return candidates[0]?.[0];
}

/**
 * The folders a path is in, `/` first: `/2019/jan/x.csv` and `/2019/jan/` -> `/`, `/2019/`, `/2019/jan/`;
 * `/2019/jan/*` -> `/`, `/2019/` (its own folder is the one it already covers).
 */
function foldersOf(path: string): string[] {
  const base = isWildcard(path) ? path.slice(0, -2) : path;
  const folders: string[] = [];
  for (let i = base.indexOf("/"); i !== -1; i = base.indexOf("/", i + 1)) folders.push(base.slice(0, i + 1));
  return folders;
}

function isWildcard(path: string): boolean {
  return path.endsWith("*");
}

function depth(folder: string): number {
  return folder.split("/").length;
}
