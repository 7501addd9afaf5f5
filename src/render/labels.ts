/** Pure: the words a reader sees for a column name. */
import type { GroupKey, Measure, TimestampPart } from "../config/index.js";

/** The label of the report's own `count` column unless the config names it. */
export const COUNT_LABEL = "Requests";

/**
 * The human label of a column: the config's `report.labels` entry, else one derived from the name
 * (`service_name` -> "Service name", `caseRecordType` -> "Case record type").
 * @example labelFor("service_name", {}) // "Service name"
 */
export function labelFor(column: string, labels: Readonly<Record<string, string>>): string {
  const configured = Object.hasOwn(labels, column) ? labels[column] : undefined;
  if (configured) return configured;
  if (column === "count") return COUNT_LABEL;
  const words = column
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.\s]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : column;
}

/** What a timestamp part's column is called when the config gives it no label. */
const PART_LABELS: Readonly<Record<TimestampPart, string>> = { weekday: "Weekday", hour: "Hour", date: "Date" };

/**
 * The label of a report's group key whose table column is `name`: the config's label of that name
 * (`service_name`, or `requested_datetime_hour`), else the part's word ("Weekday", "Hour", "Date"),
 * else the column's label.
 * @example keyLabel({ column: "requested_datetime", part: "hour" }, "requested_datetime_hour", {}) // "Hour"
 */
export function keyLabel(key: GroupKey, name: string, labels: Readonly<Record<string, string>>): string {
  if (Object.hasOwn(labels, name) && labels[name]) return labels[name];
  return key.part === undefined ? labelFor(key.column, labels) : PART_LABELS[key.part];
}

/** The words before a measured column's label. */
const MEASURE_WORDS: Readonly<Record<Exclude<Measure["kind"], "count" | "share">, string>> = {
  sum: "Total",
  mean: "Mean",
  median: "Median",
  min: "Minimum",
  max: "Maximum",
  p90: "90th percentile of",
  distinct: "Distinct",
};

/**
 * The label of a report's value: "Requests" for a count (or the config's `count` label), else the
 * measure and its column ("Median case age days"), a share with the values it counts.
 * @example valueLabel({ kind: "median", column: "case_age_days" }, {}) // "Median case age days"
 */
export function valueLabel(measure: Measure, labels: Readonly<Record<string, string>>): string {
  if (measure.kind === "count") return labelFor("count", labels);
  const column = labelFor(measure.column, labels);
  if (measure.kind === "share") return `Share with ${column} ${measure.values.map(String).join(" or ")}`;
  return `${MEASURE_WORDS[measure.kind]} ${column.charAt(0).toLowerCase()}${column.slice(1)}`;
}
