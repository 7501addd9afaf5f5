/**
 * The columns init proposes to count (groupBy) and to chart (chartField), from sampled rows. Pure.
 * A chart's colours are readable for a few values only, so chartField is a text column with
 * CHART_VALUES_MIN..CHART_VALUES_MAX distinct values; dates, numbers, IDs and free text are never chosen.
 */
import { PANDAS_MISSING_VALUES } from "../config/index.js";
import type { CsvSample } from "./csv-sample.js";

/** The fewest and most distinct values (in the sample) of a column proposed as chartField. */
export const CHART_VALUES_MIN = 2;
export const CHART_VALUES_MAX = 12;
/** Values longer than this on average are free text (descriptions, comments), not categories. */
const FREE_TEXT_LENGTH = 60;

/** What the sample says about one column. */
export interface ColumnProfile {
  name: string;
  /** Non-blank values sampled. */
  values: number;
  distinct: number;
  kind: "text" | "number" | "date" | "id" | "free text" | "blank";
}

/** The proposal, with a reason for each column chosen and for each not chosen. */
export interface ColumnChoice {
  groupBy?: string;
  chartField?: string;
  /** "service_name: text, 14 distinct values in 600 rows" */
  reasons: Record<string, string>;
}

const DATE =
  /^(\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(\s+\d{1,2}:\d{2}(:\d{2})?\s*([AP]M)?)?|\d{1,2}:\d{2}(:\d{2})?)$/i;
const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/;
const ID_NAME = /(^|[_\s-])(id|uuid|guid|key|number|no|num)$|^(id|uuid|guid)([_\s-]|$)|_id_/i;
const BLANK = new Set(PANDAS_MISSING_VALUES);

/** Each column's kind and distinct values in the sample. */
export function profileColumns(sample: CsvSample): ColumnProfile[] {
  return sample.header.map((name, i) => {
    const values = sampledValues(sample, i);
    const distinct = new Set(values).size;
    return { name, values: values.length, distinct, kind: kindOf(name, values, distinct) };
  });
}

/** The sampled cells of the header's column i, trimmed, without blanks and missing markers. */
export function sampledValues(sample: CsvSample, i: number): string[] {
  return sample.rows.map((r) => (r[i] ?? "").trim()).filter((v) => !BLANK.has(v));
}

function kindOf(name: string, values: readonly string[], distinct: number): ColumnProfile["kind"] {
  if (values.length === 0) return "blank";
  const most = (re: RegExp) => values.filter((v) => re.test(v)).length >= values.length * 0.9;
  if (most(DATE)) return "date";
  if (ID_NAME.test(name)) return "id";
  if (most(NUMBER)) return "number";
  if (values.reduce((sum, v) => sum + v.length, 0) / values.length > FREE_TEXT_LENGTH) return "free text";
  // a text that differs on every row (of enough rows) names the row, not a category
  if (distinct === values.length && values.length >= 20) return "id";
  return "text";
}

const GROUP_HINT = /service|category|request|complaint|issue|problem|topic|subject|reason|type/i;
const CHART_HINT = /type|status|source|channel|origin|priority|department|agency|kind|class|method/i;

/**
 * groupBy: the most detailed category (311's service_name when present); chartField: a few-valued one
 * besides it. Columns in `taken` (chosen by flags) are left to them.
 */
export function proposeColumns(
  profiles: readonly ColumnProfile[],
  rows: number,
  taken: readonly string[] = [],
): ColumnChoice {
  const categories = profiles.filter(
    (p) =>
      p.kind === "text" &&
      p.name !== "count" &&
      !taken.includes(p.name) &&
      p.distinct >= 2 &&
      (p.values < 20 || p.distinct <= p.values / 2),
  );
  // the 311 export's own columns are kept while they are text, even when a small sample shows one value
  const known = (name: string, max = Infinity) =>
    profiles.find((p) => p.name === name && p.kind === "text" && !taken.includes(p.name) && p.distinct <= max);
  const groupBy = known("service_name") ?? best(categories, (p) => [hint(GROUP_HINT, p), p.distinct]);
  const chartable = categories.filter(
    (p) => p.name !== groupBy?.name && p.distinct >= CHART_VALUES_MIN && p.distinct <= CHART_VALUES_MAX,
  );
  const chartField =
    known("case_record_type", CHART_VALUES_MAX) ?? best(chartable, (p) => [hint(CHART_HINT, p), -p.distinct]);
  const reasons = Object.fromEntries(profiles.map((p) => [p.name, describe(p, rows)]));
  if (groupBy) reasons[groupBy.name] += ": the most detailed category, counted";
  if (chartField)
    reasons[chartField.name] += `: a category with at most ${CHART_VALUES_MAX} values, one colour each in the chart`;
  return { groupBy: groupBy?.name, chartField: chartField?.name, reasons };
}

/** The best candidate by `rank` (higher first), then in header order. */
function best(
  candidates: readonly ColumnProfile[],
  rank: (p: ColumnProfile) => [number, number],
): ColumnProfile | undefined {
  return [...candidates].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return rb[0] - ra[0] || rb[1] - ra[1];
  })[0];
}

function hint(re: RegExp, p: ColumnProfile): number {
  return re.test(p.name) ? 1 : 0;
}

/** "text, 14 distinct values in 600 rows", "a date", "an ID (every value differs)". */
function describe(p: ColumnProfile, rows: number): string {
  switch (p.kind) {
    case "blank":
      return `${p.name}: blank in the ${rows} rows sampled`;
    case "date":
      return `${p.name}: a date or time, not a category`;
    case "number":
      return `${p.name}: a number, not a category`;
    case "id":
      return `${p.name}: an ID, one value per row`;
    case "free text":
      return `${p.name}: free text, not a category`;
    case "text":
      return `${p.name}: text, ${p.distinct} distinct value${p.distinct === 1 ? "" : "s"} in ${rows} rows`;
  }
}
