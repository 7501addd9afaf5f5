/**
 * Pure but for the PNG encoder: the month's preview image (its headline numbers and largest groups),
 * which a chat or social site shows for a link to the month's pages. Drawn from the month's report
 * alone, so it is cached with the month's pages.
 */
import { formatCount } from "./format.js";
import { previewPath } from "./head-links.js";
import { labelFor } from "./labels.js";
import { headlinesOf } from "./month-links.js";
import { PREVIEW_BARS, previewPng, type PreviewInput } from "./preview-image.js";
import { keyColumns, valueTitle } from "./report-table.js";
import { formatReportValue } from "./report-values.js";
import { shownValue } from "./shorten.js";
import type { MonthReport, MonthReportOf, PageConfig, SiteFile } from "./site-input.js";

/** The month's preview image, in the month's folder. */
export async function renderMonthPreview(month: MonthReport, pageConfig: PageConfig): Promise<SiteFile> {
  return { path: previewPath(month.dir), body: await previewPng(previewInput(month, pageConfig)) };
}

/** What the month's preview shows. */
export function previewInput(month: MonthReport, pageConfig: PageConfig): PreviewInput {
  const first = month.reports?.[0];
  return {
    siteTitle: pageConfig.siteTitle,
    monthTitle: month.title,
    headlines: headlinesOf(month),
    ...(first ? reportBars(first, pageConfig) : countBars(month, pageConfig)),
  };
}

/** The one report's largest groups by requests. */
function countBars(month: MonthReport, pageConfig: PageConfig): Pick<PreviewInput, "barsTitle" | "bars"> {
  const groups = pageConfig.groupBy.map((c) => labelFor(c, pageConfig.labels)).join(" · ");
  const rows = month.report.counts.objects() as Record<string, string | number | null>[];
  const bars = rows.map((row) => ({
    label: pageConfig.groupBy.map((c) => shownValue(String(row[c]))).join(" · "),
    value: Number(row.count),
    text: formatCount(Number(row.count)),
  }));
  return { barsTitle: `Requests per ${groups}`, bars: largest(bars) };
}

/** The first report's largest groups by its value. */
function reportBars(of: MonthReportOf, pageConfig: PageConfig): Pick<PreviewInput, "barsTitle" | "bars"> {
  const keys = keyColumns(of, pageConfig.labels);
  const rows = of.report.counts.objects() as Record<string, string | number | null>[];
  const bars = rows.flatMap((row) => {
    const value = row[of.report.valueColumn];
    if (typeof value !== "number" || Number.isNaN(value)) return [];
    const label = keys.map((k) => shownValue(String(row[k.name]))).join(" · ");
    return [{ label, value, text: formatReportValue(of.definition, value, { withUnit: false }) }];
  });
  const title = `${valueTitle(of.definition, pageConfig.labels)} per ${keys.map((k) => k.label).join(" · ")}`;
  return { barsTitle: title, bars: largest(bars) };
}

/** The PREVIEW_BARS largest, largest first (a timestamp part's rows come in the part's own order). */
function largest<T extends { value: number }>(bars: T[]): T[] {
  return [...bars].sort((a, b) => b.value - a.value).slice(0, PREVIEW_BARS);
}
