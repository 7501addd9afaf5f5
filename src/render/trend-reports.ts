/**
 * Pure (but async): the trend page when the config lists reports: a table of every month's value of
 * every report, and one small line chart per report (each in its own unit, so each has its own axis).
 */
import type { TopLevelSpec } from "vega-lite";
import { encodeKey } from "../key-path.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import { CHART_WIDTHS_PX, chartConfig, renderChartPair, type ChartWidth } from "./chart.js";
import { chartFigure, type ChartFigure } from "./chart-figure.js";
import { soFar } from "./compare.js";
import { formatReportValue, unitOf } from "./report-values.js";
import type { MonthSummary, SiteReport, SiteSummary } from "./summary.js";

/** A report's column and chart on the trend page (trend.eta's `reports`). */
interface TrendReport {
  title: string;
  /** What its values are in (unitOf), e.g. "requests", "days"; "" for a share (its values say "%"). */
  unitText: string;
  /** Its value per month as a line; false when no month has one. */
  chart: ChartFigure | false;
}

/** A month's row of the reports' table (trend.eta's `months` when the config lists reports). */
interface ReportsTrendRow {
  title: string;
  /** "so far: 5 of 31 days" for a month whose data is not all in yet; "" otherwise. */
  soFar: string;
  /** The month overview. */
  href: string;
  /** Each report's value this month without its unit (the heading has it), in the order of `reports`. */
  values: string[];
}

/** What trend.eta receives besides the site's title and links, when the config lists reports. */
export interface ReportsTrendModel {
  reports: TrendReport[];
  months: ReportsTrendRow[];
}

/** The reports' part of the trend page: the table's rows and each report's chart. */
export async function reportsTrendModel(
  summary: SiteSummary,
  reports: readonly SiteReport[],
): Promise<ReportsTrendModel> {
  const trendReports: TrendReport[] = [];
  // one chart at a time, as the build renders every other chart
  for (const [i, report] of reports.entries())
    trendReports.push({
      title: report.title,
      unitText: unitOf(printed(report)) ?? "",
      chart: await reportFigure(summary, report, i),
    });
  return {
    reports: trendReports,
    months: summary.months.map((m) => ({
      title: m.title,
      soFar: soFarNote(m),
      href: encodeKey(`${m.dir}/${INDEX_DOCUMENT}`),
      values: reports.map((r) => formatReportValue(printed(r), valueOf(m, r), { withUnit: false })),
    })),
  };
}

/** "so far: 5 of 31 days" for a month whose data is not all in yet; "" for any other. */
export function soFarNote(month: MonthSummary): string {
  const partial = soFar(month);
  return partial ? `so far: ${partial.days} of ${partial.of} days` : "";
}

/** A report of summary.json as formatReportValue reads it (summary.json names the measure by its kind). */
function printed(report: SiteReport) {
  return { measure: { kind: report.measure }, unit: report.unit };
}

/** A report's value in a month; null when the month has none (or was built before the report existed). */
function valueOf(month: MonthSummary, report: SiteReport): number | null {
  return month.reports?.find((r) => r.id === report.id)?.value ?? null;
}

/** A month's point of a report's line (`month` is the month's first day). */
interface ReportPoint {
  month: string;
  value: number;
  tip: string;
}

/** A report's line chart at both widths; false when no month has a value to draw. */
async function reportFigure(summary: SiteSummary, report: SiteReport, index: number): Promise<ChartFigure | false> {
  const points = summary.months.flatMap((m): ReportPoint[] => {
    const value = valueOf(m, report);
    if (value === null) return [];
    return [{ month: `${m.id}-01`, value, tip: `${m.title}: ${formatReportValue(printed(report), value)}` }];
  });
  if (points.length === 0) return false;
  const unit = unitOf(printed(report));
  const what = `${report.title} per month${unit ? `, in ${unit}` : ""}`;
  return chartFigure(
    `report-trend-${index + 1}`,
    `${what}.`,
    await renderChartPair((w) => reportTrendSpec(what, report, points, w), what),
  );
}

/** The trend's line charts: a line with a point per month. */
export const MONTH_LINE_MARK = { type: "line", point: { filled: true, size: 40 }, color: "#0072B2" } as const;

/** The month axis of the trend's line charts (`month` is the month's first day). */
export function monthAxis(tickCount: number) {
  return {
    field: "month",
    type: "temporal",
    // months are calendar months, not instants: in UTC, or a viewer (or build machine) west of
    // Greenwich would see January as "Dec"
    timeUnit: "utcyearmonth",
    scale: { type: "utc" },
    title: null,
    axis: { format: "%b %y", labelOverlap: true, tickCount },
  } as const;
}

/**
 * A report's values per month as a line with a point per month. Its title and unit stay out of the
 * spec's titles (Vega-Lite reads titles as expressions): the heading and caption name them.
 */
function reportTrendSpec(what: string, report: SiteReport, points: ReportPoint[], width: ChartWidth): TopLevelSpec {
  const narrow = width === "narrow";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: what,
    data: { values: points },
    width: CHART_WIDTHS_PX[width],
    autosize: { type: "fit-x", contains: "padding" },
    height: narrow ? 140 : 180,
    mark: MONTH_LINE_MARK,
    encoding: {
      x: monthAxis(narrow ? 3 : 6),
      y: {
        field: "value",
        type: "quantitative",
        title: null,
        axis: { tickCount: 4, ...(report.measure === "share" ? { format: ".0%" } : {}) },
      },
      tooltip: { field: "tip", type: "nominal" },
      description: { field: "tip", type: "nominal" },
    },
    config: chartConfig(),
  };
}
