/**
 * Pure: every month's "what changed" from summary.json's months, so a month's list is drawn from the
 * same numbers its readers can download: the shorthand's counts per group, or each count or sum
 * report's rows (a median or share does not add up over a group's requests, and has no rows there).
 */
import { keyName, tupleKey, valueColumn } from "../group-values.js";
import { changesOf, DEFAULT_CHANGE_SETTINGS, type ChangeList, type ChangeSubject, type GroupMonth } from "./changes.js";
import type { ReportRow } from "./month-pages.js";
import { isAdditive } from "./report-values.js";
import type { PageConfig } from "./site-input.js";
import type { MonthSummary, SiteSummary } from "./summary.js";

/** One report's months as the score reads them, and how its sentences name groups and values. */
interface ChangeSeries {
  report?: { id: string; title: string };
  subject: ChangeSubject;
  /** Only the months that have the report, oldest first. */
  months: GroupMonth[];
}

/**
 * The summary with each month's `changes` (one list per count or sum report, or the shorthand's one);
 * a month with none has no `changes` key. Changes already in it (a carried-over month's) are replaced.
 * @example withChanges(toSiteSummary(months, pageConfig), pageConfig).months.at(-1).changes
 */
export function withChanges(summary: SiteSummary, pageConfig: PageConfig): SiteSummary {
  const settings = pageConfig.changes ?? DEFAULT_CHANGE_SETTINGS;
  const series = changeSeries(summary, pageConfig);
  const months = summary.months.map((summaryMonth) => {
    const { changes: _previous, ...month } = summaryMonth;
    const changes: ChangeList[] = [];
    for (const { report, subject, months: of } of series) {
      const now = of.find((m) => m.id === month.id);
      if (!now) continue;
      const list = changesOf(of, now, subject, settings);
      changes.push(report ? { report: report.id, title: report.title, ...list } : list);
    }
    return changes.length ? { ...month, changes } : month;
  });
  return { ...summary, months };
}

/** The series "what changed" is told of: the shorthand's counts, or each count or sum report's rows. */
function changeSeries(summary: SiteSummary, pageConfig: PageConfig): ChangeSeries[] {
  if (!pageConfig.reports) {
    const keys = pageConfig.groupBy;
    return [seriesOf(summary.months, (m) => m.counts, keys, "count", { measure: { kind: "count" } })];
  }
  return pageConfig.reports.filter(isAdditive).map((definition) => {
    const rowsOf = (m: MonthSummary) => m.reports?.find((r) => r.id === definition.id)?.rows;
    const keys = definition.groupBy.map(keyName);
    const { id, title, measure, unit } = definition;
    return {
      report: { id, title },
      ...seriesOf(summary.months, rowsOf, keys, valueColumn(measure), { measure, ...(unit ? { unit } : {}) }),
    };
  });
}

/** A report's months (those that have its rows), each group keyed by its values. */
function seriesOf(
  summaryMonths: readonly MonthSummary[],
  rowsOf: (m: MonthSummary) => readonly ReportRow[] | undefined,
  keys: readonly string[],
  column: string,
  printed: Omit<ChangeSubject, "names">,
): ChangeSeries {
  const names = new Map<string, readonly string[]>();
  const months: GroupMonth[] = [];
  for (const month of summaryMonths) {
    const rows = rowsOf(month);
    if (!rows) continue;
    const values = new Map<string, number>();
    for (const row of rows) {
      const value = row[column];
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const group = keys.map((k) => String(row[k] ?? ""));
      const key = tupleKey(group);
      names.set(key, group);
      values.set(key, (values.get(key) ?? 0) + value);
    }
    const { id, title, missingDays, acceptedGaps } = month;
    months.push({ id, title, missingDays, ...(acceptedGaps ? { acceptedGaps } : {}), values });
  }
  return { subject: { ...printed, names }, months };
}
