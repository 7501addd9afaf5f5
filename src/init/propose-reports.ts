/**
 * The reports init proposes beside the count of the chosen columns, from sampled rows: the median of
 * a numeric column named like a duration (`case_age_days`), over closed cases when a status column
 * says which, and requests by weekday and hour of an ISO 8601 timestamp column. Pure.
 * A proposal must build: a median of a column build reads as text, or a heatmap over a column whose
 * cells are not all ISO 8601, would fail every build, so a single sampled cell that disqualifies a
 * column leaves it out.
 */
import { sampledValues, type ColumnProfile } from "./columns.js";
import type { CsvSample } from "./csv-sample.js";
import { readTimestamp, type TimestampText } from "../timestamp.js";

/** A report as site-config.json's `reports` lists it (the config's own words, for the user to edit). */
export interface ProposedReport {
  id: string;
  title: string;
  unit?: string;
  chart?: "heatmap";
  groupBy: (string | { column: string; part: "weekday" | "hour" })[];
  chartField?: string;
  measure?: { median: string };
  filter?: Record<string, string>;
}

/** The count report the other proposals join: the columns chosen (or given) for today's `report`. */
export interface CountedColumns {
  groupBy: readonly string[];
  chartField: string;
}

/** A report proposed beside the count, with the sentence saying why. */
export interface ReportProposal {
  report: ProposedReport;
  reason: string;
}

/** A number pandas reads as one (no thousands separators): the cells a median may take. */
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** A name that says the column holds a duration or an age, e.g. case_age_days, hours_to_close. */
const DURATION_NAME = /(^|[_\s-])(age|days?|hours?|minutes?|mins|weeks?|duration|elapsed|wait|turnaround)([_\s-]|$)/i;
const UNITS: [RegExp, string][] = [
  [/(^|[_\s-])days?([_\s-]|$)/i, "days"],
  [/(^|[_\s-])hours?([_\s-]|$)/i, "hours"],
  [/(^|[_\s-])(minutes?|mins)([_\s-]|$)/i, "minutes"],
  [/(^|[_\s-])weeks?([_\s-]|$)/i, "weeks"],
];
/** A timestamp named like when the request came in is the one whose weekday and hour matter. */
const ARRIVAL_NAME = /request|open|creat|submit|receiv|report|start/i;
const STATUS_NAME = /(^|[_\s-])status$/i;

/** The median and heatmap proposals the sample supports, in that order; none when it supports neither. */
export function proposeReports(
  sample: CsvSample,
  profiles: readonly ColumnProfile[],
  counted: CountedColumns,
): ReportProposal[] {
  const cells = (name: string) => sampledValues(sample, sample.header.indexOf(name));
  const median = medianProposal(profiles, counted, cells);
  const heatmap = heatmapProposal(profiles, cells);
  return [median, heatmap].filter((p) => p !== undefined);
}

/** The median of the first duration-named numeric column per the counted groups, closed cases only when a status says so. */
function medianProposal(
  profiles: readonly ColumnProfile[],
  counted: CountedColumns,
  cells: (name: string) => string[],
): ReportProposal | undefined {
  const column = profiles.find(
    (p) =>
      p.kind === "number" &&
      DURATION_NAME.test(p.name) &&
      !counted.groupBy.includes(p.name) &&
      p.name !== counted.chartField &&
      cells(p.name).every((v) => PLAIN_NUMBER.test(v)),
  )?.name;
  if (column === undefined) return undefined;
  const unit = UNITS.find(([re]) => re.test(column))?.[1];
  const closed = closedStatus(profiles, cells);
  const filter = closed ? { [closed.column]: closed.value } : undefined;
  const report: ProposedReport = {
    id: slug(`median-${column}`),
    title: `Median ${spoken(column)} by ${counted.groupBy.map(spoken).join(" and ")}${closed ? " (closed cases)" : ""}`,
    ...(unit ? { unit } : {}),
    groupBy: [...counted.groupBy],
    measure: { median: column },
    ...(filter ? { filter } : {}),
  };
  const where = closed ? `, of the rows whose ${closed.column} is ${closed.value}` : "";
  return {
    report,
    reason: `${column}: numbers named like a duration: its median per ${counted.groupBy.join(", ")}${where}`,
  };
}

/** A status column's "closed" value as the files write it ("Closed", "CLOSED"), when the sample has one. */
function closedStatus(
  profiles: readonly ColumnProfile[],
  cells: (name: string) => string[],
): { column: string; value: string } | undefined {
  for (const p of profiles.filter((p) => p.kind === "text" && STATUS_NAME.test(p.name))) {
    const value = cells(p.name).find((v) => v.toLowerCase() === "closed");
    if (value !== undefined) return { column: p.name, value };
  }
  return undefined;
}

/**
 * The hour of a cell the build reads a weekday and an hour from (readTimestamp, the scanner's own
 * rule), or undefined: a date alone has no hour worth a heatmap.
 */
function timestampHour(cell: string): string | undefined {
  const parts: TimestampText = { date: "", hour: "" };
  const bytes = Buffer.from(cell);
  return bytes.length > 10 && readTimestamp(bytes, 0, bytes.length, parts) ? parts.hour : undefined;
}

/** Requests by weekday and hour of the arrival timestamp (else the first), when its cells are all ISO 8601 with hours that vary. */
function heatmapProposal(
  profiles: readonly ColumnProfile[],
  cells: (name: string) => string[],
): ReportProposal | undefined {
  const timestamps = profiles.filter((p) => {
    if (p.kind !== "date") return false;
    const values = cells(p.name);
    const hours = new Set(values.map(timestampHour));
    return !hours.has(undefined) && hours.size >= 2;
  });
  const column = (timestamps.find((p) => ARRIVAL_NAME.test(p.name)) ?? timestamps[0])?.name;
  if (column === undefined) return undefined;
  const report: ProposedReport = {
    id: "requests-by-weekday-and-hour",
    title: `Requests by weekday and hour of ${spoken(column)}`,
    chart: "heatmap",
    groupBy: [
      { column, part: "weekday" },
      { column, part: "hour" },
    ],
  };
  return { report, reason: `${column}: ISO 8601 timestamps: requests by weekday and hour, as a heatmap` };
}

/** The count of the chosen columns, split by the chart field: today's `report` as the first of `reports`. */
export function countReport(counted: CountedColumns): ProposedReport {
  return {
    id: slug(`requests-by-${counted.groupBy.join("-and-")}`),
    title: `Requests by ${counted.groupBy.map(spoken).join(" and ")}`,
    groupBy: [...counted.groupBy],
    chartField: counted.chartField,
  };
}

/** A report id: lower-case letters, digits and dashes, as the config's `id` requires. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "report"
  );
}

/** "case_age_days" -> "case age days": a column name in a title. */
function spoken(column: string): string {
  return column.replace(/[_-]+/g, " ").trim();
}
