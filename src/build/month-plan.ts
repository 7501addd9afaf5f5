/** Pure: which raw files of a month can come from the build cache, which must be read, and why. */
import type { CachedFile, ListedFile } from "../state/index.js";

/** What a month needs. */
export interface MonthPlan<T extends ListedFile> {
  /** Files whose counts the cache has for exactly these bytes. */
  reuse: { object: T; cached: CachedFile }[];
  /** Files to read from S3. */
  read: T[];
  /** Why the month is rebuilt; undefined when nothing changed (the month is reused). */
  reason?: string;
}

/** Options of planMonth. */
export interface PlanOptions {
  force?: boolean;
  /** The tally signatures of the site's reports: a cached file lacking one is read again (default: none needed). */
  signatures?: readonly string[];
}

/**
 * Match a month's listed files against its cached files. A file is reused only when its key, size
 * and ETag are those it had when read and it has the tally of every report; without an ETag it is
 * always read again (nothing proves the bytes are the same).
 * @example planMonth(listed, cached?.files, { force: false, signatures })
 */
export function planMonth<T extends ListedFile>(
  listed: readonly T[],
  cached: readonly CachedFile[] | undefined,
  options: PlanOptions,
): MonthPlan<T> {
  if (options.force) return { reuse: [], read: [...listed], reason: "--force" };
  if (cached === undefined) return { reuse: [], read: [...listed], reason: "not in the cache" };
  const byKey = new Map(cached.map((file) => [file.key, file]));
  const plan: MonthPlan<T> = { reuse: [], read: [] };
  let changed = 0;
  let added = 0;
  let lacking = 0;
  const signatures = options.signatures ?? [];
  for (const object of listed) {
    const hit = byKey.get(object.key);
    const same = hit && object.etag !== undefined && hit.etag === object.etag && hit.size === object.size;
    const complete = same && signatures.every((s) => s in hit.tallies);
    if (complete) {
      plan.reuse.push({ object, cached: hit });
      continue;
    }
    plan.read.push(object);
    if (same) lacking++;
    else if (hit) changed++;
    else added++;
  }
  const listedKeys = new Set(listed.map((o) => o.key));
  const removed = cached.filter((file) => !listedKeys.has(file.key)).length;
  const reasons = [
    changed && `${changed} file${changed === 1 ? "" : "s"} changed`,
    added && `${added} file${added === 1 ? "" : "s"} added`,
    removed && `${removed} file${removed === 1 ? "" : "s"} removed`,
    lacking && `${lacking} file${lacking === 1 ? "" : "s"} read for a new report`,
  ].filter(Boolean);
  if (reasons.length) plan.reason = reasons.join(", ");
  return plan;
}
