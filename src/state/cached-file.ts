/** What the build cache keeps of a raw file (pure types: the month planner imports them without I/O). */
import type { ColumnKind } from "../measure-value.js";

/** A raw file as the listing shows it. */
export interface ListedFile {
  key: string;
  size: number;
  etag?: string;
}

/** A raw file's tallies as the cache keeps them, with what identified its bytes when they were read. */
export interface CachedFile extends ListedFile {
  /** ISO date-time of the object's LastModified. */
  lastModified?: string;
  rows: number;
  /**
   * Per tally signature (one per distinct spec of the reports it was read for): `[...key values,
   * (measured cell,) count]` rows; `null` is a column the file does not have. A report whose signature
   * is not here makes the file be read again.
   */
  tallies: Record<string, (string | number | null)[][]>;
  /** How pandas reads each measured column in the file; absent when no report measured one. */
  kinds?: Record<string, ColumnKind>;
  /** Columns read that the file does not have (read as empty); absent when it has them all. */
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
    typeof file.tallies === "object" &&
    file.tallies !== null &&
    Object.values(file.tallies).every((rows) => Array.isArray(rows) && rows.every(Array.isArray)) &&
    (file.kinds === undefined || (typeof file.kinds === "object" && file.kinds !== null)) &&
    (file.etag === undefined || typeof file.etag === "string") &&
    (file.absentColumns === undefined || Array.isArray(file.absentColumns))
  );
}
