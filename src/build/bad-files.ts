/**
 * Pure: what the build says when raw files cannot be used. Every month is read before any of this
 * is decided, so one run names every bad file of every month, not the first one found.
 */
import { SourceError } from "../errors.js";
import type { Logger } from "../log.js";
import type { SiteConfig } from "../config/index.js";
import { formatCount } from "../units.js";

/** How many bad files an error lists by name before "and N more". */
export const BAD_FILES_SHOWN = 20;

/** A month with files that cannot be parsed, from buildMonth's outcome. */
export interface MonthWithBadFiles {
  /** `2019-01` */
  month: string;
  /** Raw files of the month. */
  files: number;
  /** Each bad file's key and reason (`<key>: line 3: expected 2 fields …`). */
  unreadable: readonly { key: string; reason: string }[];
}

/** How many months without a listed file the error names (with their counts) before "…". */
const MONTHS_SHOWN = 12;

/**
 * The error that ends a build with bad files: per month, how many of its files cannot be read, with
 * the first BAD_FILES_SHOWN reasons of the build (each with key, line and what was wrong) and how many
 * more; months past the cap are named with their counts.
 * @example badFilesError([{ month: "2019-02", files: 28, unreadable: [{ key, reason }] }])
 */
export function badFilesError(months: readonly MonthWithBadFiles[]): SourceError {
  const total = months.reduce((n, m) => n + m.unreadable.length, 0);
  const head =
    months.length === 1
      ? ""
      : `${formatCount(total)} raw files in ${months.length} months cannot be read; nothing was built:\n`;
  const blocks: string[] = [];
  const rest: MonthWithBadFiles[] = [];
  let room = BAD_FILES_SHOWN;
  for (const m of months) {
    if (room === 0) {
      rest.push(m);
      continue;
    }
    const lines = m.unreadable.slice(0, room).map((u) => `  - ${u.reason}`);
    room -= lines.length;
    const more = m.unreadable.length - lines.length;
    if (more > 0) lines.push(`  - … and ${formatCount(more)} more`);
    blocks.push(`${monthLine(m)}:\n${lines.join("\n")}`);
  }
  if (rest.length) blocks.push(restLine(rest));
  const listed =
    room === 0 && total > BAD_FILES_SHOWN ? "; all of them are named as warnings with --skip-bad-files" : "";
  return new SourceError(`${head}${blocks.join("\n")}`, {
    key: months[0]?.unreadable[0]?.key,
    hint: `Fix or re-export the files above, or pass --skip-bad-files to publish the months without them (they are listed as warnings${listed}).`,
  });
}

/** `… and 1,119 more files in 12 more months: 2019-05 (31), 2019-06 (30), …` */
function restLine(rest: readonly MonthWithBadFiles[]): string {
  const files = rest.reduce((n, m) => n + m.unreadable.length, 0);
  const named = rest.slice(0, MONTHS_SHOWN).map((m) => `${m.month} (${formatCount(m.unreadable.length)})`);
  const etc = rest.length > MONTHS_SHOWN ? ", …" : "";
  return `… and ${formatCount(files)} more file${files === 1 ? "" : "s"} in ${rest.length} more month${rest.length === 1 ? "" : "s"}: ${named.join(", ")}${etc}`;
}

function monthLine(m: MonthWithBadFiles): string {
  const n = m.unreadable.length;
  return `${m.month}: ${formatCount(n)} of ${formatCount(m.files)} raw file${m.files === 1 ? "" : "s"} cannot be read; no report was written for this month`;
}

/** A raw column the reports read, and the config key that names it (e.g. `report.groupBy`). */
export interface ReadColumn {
  column: string;
  key: string;
}

/**
 * The columns the site's reports read, once each, with the key naming each: `report.groupBy` or
 * `report.chartField` for the one report of a site without `reports`, else the report's id and key.
 */
export function readColumns(config: SiteConfig): ReadColumn[] {
  if (config.reportsFrom === "report") {
    const { groupBy, chartField } = config.report;
    const keyOf = (column: string) => (groupBy.includes(column) ? "report.groupBy" : "report.chartField");
    const keys = [...new Set([...groupBy, chartField])].map((column) => ({ column, key: keyOf(column) }));
    const points = config.reports[0]?.points;
    if (points === undefined) return keys;
    return [
      ...keys,
      { column: points.lat, key: "report.points.lat" },
      { column: points.lng, key: "report.points.lng" },
    ];
  }
  const read = new Map<string, string>();
  for (const r of config.reports) {
    const named = (key: string) => (column: string) =>
      read.has(column) || read.set(column, `the report "${r.id}"'s ${key}`);
    r.groupBy.forEach((k) => named("groupBy")(k.column));
    if (r.chartField !== undefined) named("chartField")(r.chartField);
    if (r.measure.kind !== "count") named("measure")(r.measure.column);
    r.filter.forEach((f) => named("filter")(f.column));
    if (r.points) [r.points.lat, r.points.lng].forEach(named("points"));
  }
  return [...read].map(([column, key]) => ({ column, key }));
}

/**
 * A count column no counted file of the build has is a typo, not a column added later: the build
 * stops, naming it and the columns the files have. Under --month the build sees only some months (a
 * backfill of years before the column was added has none), so there it is a warning: those months'
 * requests are counted as (blank), as pandas.concat reads them.
 */
export function checkCountColumnsFound(
  read: readonly ReadColumn[],
  found: ReadonlySet<string>,
  headerColumns: readonly string[],
  partial: { logger: Logger } | undefined,
): void {
  const missing = read.filter((r) => !found.has(r.column));
  if (missing.length === 0) return;
  const names = missing.map((r) => `"${r.column}" (${r.key})`).join(", ");
  const columns = headerColumns.length ? headerColumns.join(", ") : "(none read in this build)";
  const keys = read.some((r) => r.key.startsWith("report."))
    ? "report.groupBy and report.chartField"
    : "the columns the reports name";
  const hint = `Check ${keys} in site-config.json against the exports' header (names are case-sensitive).`;
  if (partial) {
    partial.logger.warn(
      `no raw file of the months built has the column${missing.length === 1 ? "" : "s"} ${names}: their requests are counted as (blank). The files have: ${columns}. ${hint}`,
    );
    return;
  }
  throw new SourceError(
    `no raw file has the column${missing.length === 1 ? "" : "s"} ${names}; nothing was built. The files have: ${columns}`,
    { hint },
  );
}
