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

/**
 * Match a month's listed files against its cached files. A file is reused only when its key, size
 * and ETag are those it had when read; without an ETag it is always read again (nothing proves the
 * bytes are the same).
 * @example planMonth(listed, cached?.files, { force: false })
 */
export function planMonth<T extends ListedFile>(
  listed: readonly T[],
  cached: readonly CachedFile[] | undefined,
  options: { force?: boolean },
): MonthPlan<T> {
  if (options.force) return { reuse: [], read: [...listed], reason: "--force" };
  if (cached === undefined) return { reuse: [], read: [...listed], reason: "not in the cache" };
  const byKey = new Map(cached.map((file) => [file.key, file]));
  const plan: MonthPlan<T> = { reuse: [], read: [] };
  let changed = 0;
  let added = 0;
  for (const object of listed) {
    const hit = byKey.get(object.key);
    if (hit && object.etag !== undefined && hit.etag === object.etag && hit.size === object.size) {
      plan.reuse.push({ object, cached: hit });
      continue;
    }
    plan.read.push(object);
    if (hit) changed++;
    else added++;
  }
  const listedKeys = new Set(listed.map((o) => o.key));
  const removed = cached.filter((file) => !listedKeys.has(file.key)).length;
  const reasons = [
    changed && `${changed} file${changed === 1 ? "" : "s"} changed`,
    added && `${added} file${added === 1 ? "" : "s"} added`,
    removed && `${removed} file${removed === 1 ? "" : "s"} removed`,
  ].filter(Boolean);
  if (reasons.length) plan.reason = reasons.join(", ");
  return plan;
}
