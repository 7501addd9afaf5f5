/**
 * Pure: the trend page's table per area of each mapped report: its areas down the side, the last 12
 * months across, each cell the area's value that month (counts and sums: summary.json keeps their rows).
 */
import type { ReportDefinition } from "../config/index.js";
import { keyName } from "../group-values.js";
import { labelFor } from "./labels.js";
import { shorthandDefinition } from "./map-shorthand.js";
import { formatReportValue, isAdditive } from "./report-values.js";
import type { PageConfig } from "./site-input.js";
import type { MonthSummary, SiteSummary } from "./summary.js";

/** How many months (the newest) the table has. */
export const AREA_TREND_MONTHS = 12;

/** One mapped report's table on the trend page (map-areas.eta). */
export interface AreaTrend {
  title: string;
  areaLabel: string;
  /** The months' titles, oldest first. */
  months: string[];
  /** Each area of the shapes, then each group of the data without a shape: its value per month ("–": none). */
  rows: { area: string; values: string[] }[];
}

/** The area tables of the mapped reports whose per-group values summary.json keeps (counts and sums). */
export function areaTrends(summary: SiteSummary, pageConfig: PageConfig): AreaTrend[] {
  const months = summary.months.slice(-AREA_TREND_MONTHS);
  if (!months.length || !pageConfig.maps) return [];
  const definitions = pageConfig.reports ?? [shorthandDefinition(pageConfig)];
  return definitions.flatMap((definition) => {
    const map = pageConfig.maps?.areas[definition.id];
    if (!map || !isAdditive(definition) || definition.groupBy.length !== 1) return [];
    const column = keyName(definition.groupBy[0]!);
    const values = months.map((m) => areaValuesOf(m, definition, column, pageConfig.reports !== undefined));
    const dataOnly = values.flatMap((v) => [...v.keys()]).filter((a) => !map.shapes.areas.includes(a));
    const areas = [...map.shapes.areas, ...new Set(dataOnly)];
    return [
      {
        title: definition.title,
        areaLabel: labelFor(column, pageConfig.labels),
        months: months.map((m) => m.title),
        rows: areas.map((area) => ({
          area,
          values: values.map((v) => formatReportValue(definition, v.get(area) ?? null, { withUnit: false })),
        })),
      },
    ];
  });
}

/** A month's value per area of a report, from summary.json's rows (`counts` for the shorthand). */
function areaValuesOf(
  month: MonthSummary,
  definition: ReportDefinition,
  column: string,
  fromReports: boolean,
): Map<string, number | null> {
  const rows = fromReports ? month.reports?.find((r) => r.id === definition.id)?.rows : month.counts;
  const value = fromReports ? undefined : "count";
  return new Map(
    (rows ?? []).map((row) => {
      const cell = value === undefined ? Object.entries(row).find(([name]) => name !== column)?.[1] : row[value];
      return [String(row[column]), typeof cell === "number" ? cell : null];
    }),
  );
}
