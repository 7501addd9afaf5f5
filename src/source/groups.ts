/**
 * Limits that keep a month bounded: how many distinct groups it may have (report.maxGroups), and which
 * values are too long to print whole (pages shorten them; the warning names where they came from).
 */
import { ReportsiteError } from "../errors.js";
import { tupleKey } from "../group-values.js";
import { formatCount } from "../units.js";

/** What the scanner checks as it meets each new value (never per row). */
export interface GroupLimits {
  /** Most distinct groups (tuples of the groupBy columns), and most chartField values, in one month. */
  maxGroups: number;
  /** The first `groupColumns` count columns are groupBy; the one after them, if any, is chartField. */
  groupColumns: number;
  /** The report's id when the site has a `reports` list: the message names that report's keys. */
  report?: string;
}

/** A value of a counted column longer than SHOWN_VALUE_MAX_CHARS, and where it first appears. */
export interface LongValue {
  column: string;
  /** 1-based line of the record it is in. */
  line: number;
  /** Its length in characters. */
  length: number;
}

/** A month has more distinct groups (or chartField values) than report.maxGroups: the build stops. */
export class TooManyGroupsError extends ReportsiteError {}

/**
 * The error for `columns` having more than `limit` distinct values, `where` (e.g. "in 2019-01 (file
 * 2019_jan_03_gid_requests.csv)"). The same words from the scanner and the month's check.
 */
export function tooManyGroups(
  columns: readonly string[],
  chart: boolean,
  limit: number,
  where: string,
  report?: string,
) {
  const field = chart ? "chartField" : "groupBy";
  const key = report === undefined ? `report.${field}` : `the report "${report}"'s ${field}`;
  const limitKey = report === undefined ? "report.maxGroups" : `maxGroups of the report "${report}"`;
  const names = columns.map((c) => `"${c}"`).join(", ");
  const what = chart ? "did you pick an ID or free-text column to chart?" : "did you pick an ID column?";
  return new TooManyGroupsError(
    `${key} ${names} has more than ${formatCount(limit)} distinct values ${where}: ${what} A report with that many groups is a table no one reads, and its pages and chart would not fit in memory; nothing was built.`,
    {
      hint: `Set ${key} to a column with a few values per month (a category such as service_name), or set ${limitKey} in site-config.json to raise the limit of ${formatCount(limit)}.`,
    },
  );
}

/**
 * The distinct groups and chartField values of a month so far, over its files' counts: throws
 * TooManyGroupsError as soon as either passes the limit, so a month of IDs stops at the file that
 * passes it, not after every file is counted. Holds at most maxGroups + 1 of each.
 */
export class MonthGroups {
  private readonly groups = new Set<string>();
  private readonly types = new Set<string | number | null>();
  constructor(
    private readonly month: string,
    private readonly countColumns: readonly string[],
    private readonly limits: GroupLimits,
  ) {}

  /** Add one file's counts ([...values, count] rows over the count columns; a measured cell before the count is not a group). */
  add(key: string, counts: readonly (readonly (string | number | null)[])[]): void {
    const { maxGroups, groupColumns } = this.limits;
    const chart = groupColumns < this.countColumns.length;
    for (const row of counts) {
      // null: a file without the column (read as blank)
      this.groups.add(tupleKey(row.slice(0, groupColumns) as (string | null)[]));
      if (chart) this.types.add(row[groupColumns]!);
      if (this.groups.size > maxGroups || this.types.size > maxGroups) throw this.over(key);
    }
  }

  private over(key: string): TooManyGroupsError {
    const chart = this.groups.size <= this.limits.maxGroups;
    const columns = chart
      ? [this.countColumns[this.limits.groupColumns]!]
      : this.countColumns.slice(0, this.limits.groupColumns);
    const where = `in ${this.month} (passed in file ${key})`;
    return tooManyGroups(columns, chart, this.limits.maxGroups, where, this.limits.report);
  }
}
