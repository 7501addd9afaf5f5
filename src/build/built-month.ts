/** A month once counted: what it is made of (days, gaps, absent columns, newest data), and the cache's view of its files. */
import type { AbsentColumn, CachedFile } from "../state/index.js";
import type { SiteConfig } from "../config/index.js";
import type { AcceptedDays, MonthFacts } from "../render/index.js";
import {
  countColumns,
  dateRawKey,
  missingDays,
  monthId,
  monthTitle,
  tallySignature,
  scanSpecs,
  type DatedObject,
  type FileTally,
  type Month,
  type MonthFiles,
} from "../source/index.js";
import { acceptedGapsOf } from "./accepted-gaps.js";
import { monthDir } from "./month-dir.js";

/** One month, counted, ready to render. */
export interface BuiltMonth extends MonthFacts {
  month: Month;
  /** Every raw file counted, with its counts. */
  counted: CachedFile[];
  /** Which of missingDays raw.acceptedGaps accepts, and why. */
  acceptedGaps: AcceptedDays[];
  /** Count columns some of the month's files do not have (their rows are blank there), with those files' days. */
  absentColumns: (AbsentColumn & { days: number[] })[];
}

export function builtMonth(config: SiteConfig, files: MonthFiles, counted: CachedFile[], skipped: number): BuiltMonth {
  const days = new Map(files.objects.map((o) => [o.key, o.day]));
  // a day exported in parts is empty only when every part of it is
  const rowsByDay = new Map<number, number>();
  for (const c of counted) {
    const day = days.get(c.key);
    if (day !== undefined) rowsByDay.set(day, (rowsByDay.get(day) ?? 0) + c.rows);
  }
  const emptyDays = [...rowsByDay].filter(([, rows]) => rows === 0).map(([day]) => day);
  const modified = counted.map((c) => c.lastModified).filter((d): d is string => d !== undefined);
  return {
    month: files.month,
    id: monthId(files.month),
    title: monthTitle(files.month),
    dir: monthDir(config.site.monthPath, files.month),
    counted: [...counted].sort((a, b) => (a.key < b.key ? -1 : 1)),
    files: counted.length,
    missingDays: files.missingDays,
    acceptedGaps: acceptedGapsOf(config.raw.acceptedGaps, monthId(files.month), files.missingDays),
    emptyDays: emptyDays.sort((a, b) => a - b),
    skippedFiles: skipped,
    dataAsOf: modified.sort().at(-1),
    absentColumns: absentColumns(config, counted, days),
  };
}

/** Each count column some counted files lack, with their keys (in key order) and days. */
function absentColumns(
  config: SiteConfig,
  counted: readonly CachedFile[],
  days: ReadonlyMap<string, number | undefined>,
): BuiltMonth["absentColumns"] {
  return countColumns(config).flatMap((column) => {
    const keys = counted
      .filter((c) => c.absentColumns?.includes(column))
      .map((c) => c.key)
      .sort();
    const daysOf = keys.map((k) => days.get(k)).filter((d): d is number => d !== undefined);
    return keys.length ? [{ column, keys, days: [...new Set(daysOf)].sort((a, b) => a - b) }] : [];
  });
}

/** The signature of each tally the scanner keeps, in scanSpecs' order (the keys a cached file keeps its tallies by). */
export function tallySignatures(config: SiteConfig): string[] {
  return scanSpecs(config).map(tallySignature);
}

/** A file's tallies as the cache keeps them: by signature (`signatures`: the reports', in the order of `tally.tallies`). */
export function toCachedFile(object: DatedObject, tally: FileTally, signatures: readonly string[]): CachedFile {
  const lastModified = object.lastModified?.toISOString();
  const tallies = Object.fromEntries(signatures.map((s, i) => [s, tally.tallies[i]!]));
  const kinds = Object.keys(tally.kinds).length ? { kinds: tally.kinds } : {};
  return {
    key: object.key,
    size: object.size,
    etag: object.etag,
    lastModified,
    rows: tally.rows,
    tallies,
    ...kinds,
    ...(tally.absentColumns.length ? { absentColumns: tally.absentColumns } : {}),
  };
}

/** A month's files as the cache remembers them (a month this build does not list). */
export function cachedMonthFiles(config: SiteConfig, id: string, cached: CachedFile[]): MonthFiles {
  const objects = cached
    .map((c) => dateRawKey(config, { key: c.key, size: c.size, etag: c.etag }))
    .filter((o): o is DatedObject => o !== undefined);
  const month = objects[0]?.month ?? { year: Number(id.slice(0, 4)), month: Number(id.slice(5, 7)) };
  return { month, objects, missingDays: missingDays(month, objects) };
}
