/** What the build cache keeps of a raw file (pure types: the month planner imports them without I/O). */

/** A raw file as the listing shows it. */
export interface ListedFile {
  key: string;
  size: number;
  etag?: string;
}

/** A raw file's counts as the cache keeps them, with what identified its bytes when they were read. */
export interface CachedFile extends ListedFile {
  /** ISO date-time of the object's LastModified. */
  lastModified?: string;
  rows: number;
  /** [...count column values, count] per tuple; `null` is a count column the file does not have. */
  counts: (string | number | null)[][];
  /** Count columns the file does not have (read as empty); absent when it has them all. */
  absentColumns?: string[];
}

/** Whether `value` has a cached file's shape (a month file read from disk). */
export function isCachedFile(value: unknown): value is CachedFile {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Partial<CachedFile>;
  return (
    typeof file.key === "string" &&
    typeof file.size === "number" &&
    typeof file.rows === "number" &&
    Array.isArray(file.counts) &&
    file.counts.every(Array.isArray) &&
    (file.etag === undefined || typeof file.etag === "string") &&
    (file.absentColumns === undefined || Array.isArray(file.absentColumns))
  );
}
