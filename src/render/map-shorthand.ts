/** Pure: the `report` shorthand's one report as its map page and the trend's area table read it. */
import type { ReportDefinition } from "../config/index.js";
import type { MonthReport, MonthReportOf, PageConfig } from "./site-input.js";

/** The id of the shorthand's one report (config's reports-load.ts), under which PageConfig.maps holds its map. */
export const SHORTHAND_ID = "final_report";

/** The shorthand's one report as a mapped report (a count per groupBy column), when it has a map; else undefined. */
export function shorthandMapReport(month: MonthReport, pageConfig: PageConfig): MonthReportOf | undefined {
  const map = pageConfig.maps?.areas[SHORTHAND_ID];
  if (!map || pageConfig.reports) return undefined;
  const definition = { ...shorthandDefinition(pageConfig), map: { shapes: map.shapes.source, key: map.key } };
  return { definition, report: month.report };
}

/** The shorthand's one report: a count per groupBy column, in the site.files names. */
export function shorthandDefinition(pageConfig: PageConfig): ReportDefinition {
  return {
    id: SHORTHAND_ID,
    title: pageConfig.siteTitle,
    groupBy: pageConfig.groupBy.map((column) => ({ column })),
    measure: { kind: "count" },
    filter: [],
    chart: "bar",
    files: pageConfig.files,
    maxGroups: Infinity,
  };
}
