/** Pure: what a deploy must upload, leave alone and delete. No SDK, no fs: the same input gives the same plan. */

import { DATA_CATALOG, DEPLOY_LOCK_KEY, FEED, INDEX_DOCUMENT, ROBOTS, SITEMAP } from "../site-names.js";

/** How published objects are made public. */
export type AccessMode = "acl" | "policy";

/** A local file as the planner needs it: content fingerprint and the headers it will be served with. */
export interface PlannedFile {
  /** Relative to the site root, e.g. `2019/jan/final_report.csv`. */
  key: string;
  path: string;
  size: number;
  md5: string;
  contentType: string;
  cacheControl: string;
}

/** A remote object, relative to the site prefix, with what the gatherer learned about it. */
export interface RemoteObject {
  key: string;
  size: number;
  /** Hex MD5 of the content, when known (single-part ETag, or the md5 stored in metadata). */
  md5?: string;
  contentType?: string;
  cacheControl?: string;
  /** The access mode recorded in metadata at upload. */
  access?: string;
  /** Whether everyone may read it, by its ACL: known only when deploy --verify-access checked it. */
  publicRead?: boolean;
  lastModified?: Date;
  /** As listed (with its quotes); with lastModified it names one version of the object. */
  etag?: string;
}

export type UploadReason = "new" | "size changed" | "content changed" | "headers changed" | "access changed";

/** One object to upload, with why. */
export interface Upload extends PlannedFile {
  reason: UploadReason;
  /** What changed, for "headers changed", e.g. `Cache-Control: "max-age=60" -> "no-cache"`. */
  detail?: string;
}

/** The plan a deploy carries out, in order. */
export interface SyncPlan {
  /** Run one group after the other: data and assets, then pages. index.html is not here: it is rendered after these. */
  groups: Upload[][];
  /** Keys to delete (sorted), only with --delete and within the cap. */
  deletes: string[];
  /** Keys whose content and headers already match. */
  unchanged: string[];
  /** Published keys not in dist/ left in place (no --delete, or over the cap). */
  leftInPlace: string[];
  /** Set when --delete found more stale keys than --max-deletes allows (and no --force): nothing is deleted. */
  blockedDeletes?: { count: number; max: number };
}

/** What the planner is told besides the two listings. */
export interface PlanOptions {
  access: AccessMode;
  /** Delete remote keys that are not in dist/. Defaults to false. */
  delete: boolean;
  /** The cap on deletes; more needs force. */
  maxDeletes: number;
  force: boolean;
}

/** The keys the planner never uploads or deletes itself: the executor renders index.html from the bucket listing. */
export const MAX_DELETES_DEFAULT = 100;

/**
 * Compare dist/ with the bucket by content (MD5) and headers, never by timestamps, so a fresh
 * checkout uploads nothing that did not change.
 */
export function planSync(
  local: readonly PlannedFile[],
  remote: readonly RemoteObject[],
  options: PlanOptions,
): SyncPlan {
  const remoteByKey = new Map(remote.map((r) => [r.key, r]));
  const uploads: Upload[] = [];
  const unchanged: string[] = [];
  for (const file of local) {
    if (file.key === INDEX_DOCUMENT || file.key === DEPLOY_LOCK_KEY) continue;
    const change = uploadReason(file, remoteByKey.get(file.key), options.access);
    if (change) uploads.push({ ...file, ...change });
    else unchanged.push(file.key);
  }
  const localKeys = new Set(local.map((f) => f.key));
  const stale = remote
    .map((r) => r.key)
    // the lock belongs to the deploy running now (deploy/lock.ts): never uploaded over or deleted
    .filter((k) => !localKeys.has(k) && k !== INDEX_DOCUMENT && k !== DEPLOY_LOCK_KEY)
    .sort();
  const overCap = options.delete && !options.force && stale.length > options.maxDeletes;
  const deletes = options.delete && !overCap ? stale : [];
  return {
    groups: [
      uploads.filter((u) => fileGroup(u) === 0),
      uploads.filter((u) => fileGroup(u) === 1),
      uploads.filter((u) => fileGroup(u) === 2),
    ]
      .filter((g) => g.length > 0)
      .map((g) => g.sort(byKey)),
    deletes,
    unchanged: unchanged.sort(),
    leftInPlace: options.delete && !overCap ? [] : stale,
    blockedDeletes: overCap ? { count: stale.length, max: options.maxDeletes } : undefined,
  };
}

/** Why `file` must be uploaded over what is published (with what changed), or undefined when it need not be. */
export function uploadReason(
  file: Pick<PlannedFile, "size" | "md5" | "contentType" | "cacheControl">,
  remote: RemoteObject | undefined,
  access: AccessMode,
): { reason: UploadReason; detail?: string } | undefined {
  if (!remote) return { reason: "new" };
  if (remote.size !== file.size) return { reason: "size changed" };
  // an unknown remote MD5 (multipart upload by another tool) cannot be trusted to match
  if (remote.md5 !== file.md5) return { reason: "content changed" };
  // its metadata still says public, but someone made it private since (e.g. `reportsite acl KEY private`)
  if (access === "acl" && remote.publicRead === false)
    return { reason: "access changed", detail: "not readable by everyone; uploaded again with public-read" };
  const changes = [
    ["Content-Type", remote.contentType, file.contentType],
    ["Cache-Control", remote.cacheControl, file.cacheControl],
    ["access", remote.access, access],
  ].filter(([, was, want]) => was !== want);
  if (changes.length === 0) return undefined;
  return {
    reason: "headers changed",
    detail: changes
      .map(([name, was, want]) => `${name}: ${JSON.stringify(was ?? null)} -> ${JSON.stringify(want)}`)
      .join(", "),
  };
}

/**
 * When a file is uploaded: data and assets first (0), then the pages that use them (1), then what
 * announces the pages to other sites (2: feed, sitemap, robots.txt, catalog), so that a deploy cut
 * off half-way never has a feed pointing at a page not yet there. index.html comes last of all.
 */
function fileGroup(file: PlannedFile): 0 | 1 | 2 {
  if (ANNOUNCING_FILES.has(file.key)) return 2;
  return file.contentType.startsWith("text/html") ? 1 : 0;
}

/** Files at the site root that list the site's pages for readers and search engines. */
const ANNOUNCING_FILES: ReadonlySet<string> = new Set([FEED, SITEMAP, ROBOTS, DATA_CATALOG]);

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Number of uploads in a plan. */
export function countUploads(plan: SyncPlan): number {
  return plan.groups.reduce((n, g) => n + g.length, 0);
}
