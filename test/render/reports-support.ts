/** Builders for the render tests of a site whose config lists reports: hand-made reports (arquero tables) per month. */
import { table } from "arquero";
import type { Report } from "../../src/aggregate/index.js";
import type { Measure, ReportDefinition } from "../../src/config/index.js";
import type { MonthReport, PageConfig } from "../../src/render/index.js";
import { monthReport, PAGE_CONFIG } from "./support.js";

export const HOSTILE_TITLE = "<script>alert(1)</script> & co";
const HOSTILE_DESCRIPTION = '"><img src=x onerror=alert(1)>';

function definition(id: string, title: string, measure: Measure, extra: Partial<ReportDefinition> = {}) {
  const files = { csv: `${id}.csv`, table: `${id}.html`, chart: `${id}_chart.html` };
  return {
    id,
    title,
    groupBy: [{ column: "service_name" }],
    measure,
    filter: [],
    chart: "bar",
    files,
    maxGroups: 100,
    ...extra,
  } satisfies ReportDefinition;
}

export const BY_SERVICE = definition(
  "by-service",
  "Requests by service",
  { kind: "count" },
  { description: "Every request." },
);
export const DAYS = definition(
  "days-to-close",
  "Median days to close",
  { kind: "median", column: "case_age_days" },
  { unit: "days", filter: [{ column: "status", values: ["Closed"], keep: "listed" }] },
);
export const SHARE = definition(
  "closed-fast",
  HOSTILE_TITLE,
  { kind: "share", column: "status", values: ["Closed"] },
  { description: HOSTILE_DESCRIPTION },
);
export const DEFINITIONS = [BY_SERVICE, DAYS, SHARE];
export const REPORTS_CONFIG: PageConfig = { ...PAGE_CONFIG, reports: DEFINITIONS };

/** A report from its rows (service_name, value) and its headline. */
function handMade(
  valueColumn: string,
  rows: [string, number | null][],
  overall: number | null,
  totalRows: number,
): Report {
  const counts = table({ service_name: rows.map((r) => r[0]), [valueColumn]: rows.map((r) => r[1]) });
  return { counts, breakdown: counts, valueColumn, overall, totalRows, blanks: [] };
}

/** A month of the three reports: `requests` rows, the median days to close and the share closed fast. */
export function reportsMonth(
  id: string,
  requests: number,
  days: number | null,
  share: number,
  extra: Partial<MonthReport> = {},
): MonthReport {
  const count = handMade(
    "count",
    [
      ["Pothole", requests - 1],
      ["Graffiti", 1],
    ],
    requests,
    requests,
  );
  const reports = [
    { definition: BY_SERVICE, report: count },
    { definition: DAYS, report: handMade("median_case_age_days", [["Pothole", days]], days, requests - 1) },
    { definition: SHARE, report: handMade("share_status", [["Pothole", share]], share, requests) },
  ];
  return { ...monthReport(id, [], extra), report: count, reports };
}

export const NOV = reportsMonth("2019-11", 1234, 3.5, 0.4125);
export const DEC = reportsMonth("2019-12", 1500, Number.NaN, 0.1 + 0.2, {
  missingDays: [30, 31],
  dataAsOf: "2020-01-01T06:30:00.000Z",
});
export const JAN = reportsMonth("2020-01", 900, 2.125, 1);
