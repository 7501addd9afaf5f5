/**
 * Pure: the site's values per month as the home page and the year pages read them from summary.json:
 * one series per report (the `report` shorthand's one series is its requests), each with how its
 * values print and whether they add up over months.
 */
import { MONTH_NAMES } from "../calendar.js";
import { formatFixed, formatMeasure, NO_VALUE, SHARE_DECIMALS } from "../measure-format.js";
import { encodeKey } from "../key-path.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import { formatChange, formatCount } from "./format.js";
import { formatReportValue, unitOf } from "./report-values.js";
import type { MonthSummary, SiteReport, SiteSummary } from "./summary.js";

/** One value per month: the shorthand's requests, or one report's monthly value. */
export interface SiteSeries {
  /** The report's id; `requests` for the shorthand's one series. */
  id: string;
  title: string;
  /** The measure's kind (`count` for the shorthand). */
  measure: SiteReport["measure"];
  /** What the values are in, e.g. "requests", "days"; "" for a share (its values say "%"). */
  unitText: string;
  /** Counts and sums: a year's total is the sum of its months, and a change compares per day when days are missing. */
  additive: boolean;
  /** The month's value; null when it has none. */
  valueOf: (month: MonthSummary) => number | null;
  /** A value as pages print it, with its unit. */
  textOf: (value: number | null) => string;
  /** A value as a table cell prints it, its unit in the column's heading. */
  cellOf: (value: number | null) => string;
  /** How the difference of two values prints: "+12 (+4.5%)"; a share's in percentage points. */
  differenceOf: (now: number, was: number) => string;
  /** How a change's difference prints (compareMonths' format). */
  format: (n: number) => string;
  /** The month's page for this series, relative to the site root, URL-encoded. */
  hrefOf: (month: MonthSummary) => string;
}

/** The site's series in the config's order: each report's, or the shorthand's requests. */
export function siteSeries(summary: SiteSummary): SiteSeries[] {
  return summary.reports ? summary.reports.map(reportSeries) : [requestsSeries()];
}

/** The requests of the `report` shorthand: the month's rows counted, its table the page. */
function requestsSeries(): SiteSeries {
  return {
    id: "requests",
    title: "Requests",
    measure: "count",
    unitText: "requests",
    additive: true,
    valueOf: (m) => m.total,
    textOf: (v) => (v === null ? NO_VALUE : `${formatCount(v)} ${v === 1 ? "request" : "requests"}`),
    cellOf: (v) => (v === null ? NO_VALUE : formatCount(v)),
    differenceOf: (now, was) => formatChange(now, was),
    format: formatCount,
    hrefOf: (m) => encodeKey(m.links.table),
  };
}

/** A report's series: its value in the month's summary, printed in its unit. */
function reportSeries(report: SiteReport): SiteSeries {
  const printed = { measure: { kind: report.measure }, unit: report.unit };
  const measure = { kind: report.measure };
  const format = report.measure === "count" ? formatCount : (n: number) => formatMeasure(measure, n);
  return {
    id: report.id,
    title: report.title,
    measure: report.measure,
    unitText: unitOf(printed) ?? "",
    additive: report.measure === "count" || report.measure === "sum",
    valueOf: (m) => m.reports?.find((r) => r.id === report.id)?.value ?? null,
    textOf: (v) => formatReportValue(printed, v),
    cellOf: (v) => formatReportValue(printed, v, { withUnit: false }),
    differenceOf: (now, was) => (report.measure === "share" ? pointsChange(now, was) : formatChange(now, was, format)),
    format,
    hrefOf: (m) => {
      const links = m.reports?.find((r) => r.id === report.id)?.links;
      return encodeKey(links ? links.table : `${m.dir}/${INDEX_DOCUMENT}`);
    },
  };
}

/** A share's change in percentage points: "+1.5 percentage points" (a percent change of a percent misleads). */
function pointsChange(now: number, was: number): string {
  const delta = (now - was) * 100;
  const sign = delta > 0 ? "+" : delta < 0 ? "\u2212" : "";
  return `${sign}${formatFixed(Math.abs(delta), SHARE_DECIMALS)} percentage points`;
}

/** `January 2019` for `2019-01`: a month the site has no data for still has a name. */
export function monthTitleOf(id: string): string {
  return `${MONTH_NAMES[Number(id.slice(5, 7)) - 1]} ${id.slice(0, 4)}`;
}

/** `Jan` for `2019-01`. */
export function monthShortName(id: string): string {
  return MONTH_NAMES[Number(id.slice(5, 7)) - 1]!.slice(0, 3);
}
