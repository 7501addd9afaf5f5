/**
 * Pure: what a month's pages tell a chat or social site that previews a link to them: the month's
 * preview image and its headline numbers as the description beside it.
 */
import { formatCount } from "./format.js";
import { pageLinksOf, previewPath, type PageLinks } from "./head-links.js";
import type { PreviewInput } from "./preview-image.js";
import { formatReportValue } from "./report-values.js";
import type { MonthReport, PageConfig } from "./site-input.js";

/** The head links of a page of the month at `path`: previewed by the month's image and headline. */
export function monthPageLinks(month: MonthReport, pageConfig: PageConfig, path: string): PageLinks {
  const headline = headlinesOf(month)
    .map((h) => (month.reports ? `${h.label}: ${h.text}` : h.text))
    .join("; ");
  return pageLinksOf(pageConfig, path, { image: previewPath(month.dir), description: `${month.title}: ${headline}` });
}

/** The month's headline numbers: the requests counted, or each report's value (the first three). */
export function headlinesOf(month: MonthReport): PreviewInput["headlines"] {
  if (!month.reports) return [{ label: "Requests", text: `${formatCount(month.report.totalRows)} requests` }];
  return month.reports.slice(0, 3).map(({ definition, report }) => ({
    label: definition.title,
    text: formatReportValue(definition, report.overall),
  }));
}
