/**
 * Pure: one report's pages for one month when the site lists several reports: its CSV, its table
 * page and its chart page, in the report's own file names inside the month's folder.
 */
import { RenderError } from "../errors.js";
import type { MonthNeighbours } from "./month-pages.js";
import type { MonthReport, MonthReportOf, PageConfig, SiteFile } from "./site-input.js";

/**
 * The CSV, table page and chart page of one report for one month.
 * @example await renderReportPages(month, month.reports[1], { previous }, pageConfig) // [2019/jan/by-district.csv, ...]
 */
export async function renderReportPages(
  month: MonthReport,
  of: MonthReportOf,
  neighbours: MonthNeighbours,
  pageConfig: PageConfig,
): Promise<SiteFile[]> {
  void neighbours;
  void pageConfig;
  throw new RenderError(`${month.id}: the pages of report "${of.definition.id}" cannot be rendered yet`);
}
