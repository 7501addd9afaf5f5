/**
 * Pure: a year in review, `{year}/index.html` per year of the site, drawn from summary.json alone: each
 * month's value of every report, the year's totals and change from the year before, a chart per
 * report and the year's largest groups. A year without all twelve months says it is partial.
 */
import { valueColumn } from "../group-values.js";
import { encodeKey } from "../key-path.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import { soFar, yearBeforeId } from "./compare.js";
import { formatChange, formatCount } from "./format.js";
import { monthBar } from "./home-glance.js";
import { labelFor } from "./labels.js";
import type { PageLinks } from "./head-links.js";
import { renderPage } from "./layout.js";
import { renderMonthBars } from "./month-bars.js";
import { shownValue } from "./shorten.js";
import type { SiteFile } from "./site-input.js";
import { monthShortName, monthTitleOf, siteSeries, type SiteSeries } from "./site-series.js";
import type { MonthSummary, SiteSummary } from "./summary.js";
import { renderTemplate } from "./templates.js";
import type { Theme } from "./theme.js";

/** How many groups a year page lists per report. */
export const YEAR_TOP_GROUPS = 10;

/** The path of a year's page relative to the site root: `2019/index.html`. */
export function yearPagePath(year: string): string {
  return `${year}/${INDEX_DOCUMENT}`;
}

/** The years of the site, oldest first, e.g. `["2019", "2020"]`. */
export function siteYears(summary: SiteSummary): string[] {
  return [...new Set(summary.months.map((m) => m.id.slice(0, 4)))];
}

/**
 * Every year's page. Pure: the build renders them with the other files drawn from every month's
 * summary, so they are cached and rendered again exactly when summary.json changes.
 * @example renderYearPages(summary) // [{ path: "2019/index.html", body }]
 */
export function renderYearPages(
  summary: SiteSummary,
  theme?: Theme,
  /** A page's canonical address and preview (head-links.ts). */
  linksOf?: (path: string) => PageLinks,
): SiteFile[] {
  const years = siteYears(summary);
  return years.map((year, i) => {
    const model = yearModel(summary, year, { previous: years[i - 1], next: years[i + 1] });
    const body = renderTemplate("year", model, theme);
    const page = renderPage({
      body,
      pageTitle: `${year} in review, ${summary.title}`,
      siteTitle: summary.title,
      depth: 1,
      theme,
      selfPath: yearPagePath(year),
      links: linksOf?.(yearPagePath(year)),
    });
    return { path: yearPagePath(year), body: page };
  });
}

const ROOT = "../";

/** What year.eta receives. */
function yearModel(summary: SiteSummary, year: string, around: { previous?: string; next?: string }) {
  const months = summary.months.filter((m) => m.id.startsWith(`${year}-`));
  const byId = new Map(summary.months.map((m) => [m.id, m]));
  const series = siteSeries(summary);
  const link = (y: string | undefined) => y && { title: y, href: `${ROOT}${encodeKey(yearPagePath(y))}` };
  return {
    rootHref: ROOT,
    selfHref: encodeKey(INDEX_DOCUMENT),
    year,
    partial: partialNote(year, months),
    // "Requests (requests)" says it twice
    series: series.map((s) => ({
      title: s.title,
      unitText: s.title.toLowerCase().includes(s.unitText) ? "" : s.unitText,
    })),
    months: months.map((m) => ({
      title: m.title,
      soFar: soFarText(m),
      href: `${ROOT}${encodeKey(m.reports ? `${m.dir}/${INDEX_DOCUMENT}` : m.links.table)}`,
      values: series.map((s) => s.cellOf(s.valueOf(m))),
    })),
    totals: series.map((s) => (s.additive ? s.cellOf(sumOf(s, months)) : "n/a")),
    changes: series.map((s) => yearChange(s, months, byId, String(Number(year) - 1))),
    charts: series.map((s, i) => yearChart(s, year, byId, i + 1)),
    top: topGroupsOf(summary, months),
    previous: link(around.previous),
    next: link(around.next),
  };
}

/** "so far: 5 of 31 days" for a month whose data is not all in yet. */
function soFarText(month: MonthSummary): string {
  const partial = soFar(month);
  return partial ? `so far: ${partial.days} of ${partial.of} days` : "";
}

/** Why the year is partial, or "" when all twelve months are in. */
export function partialNote(year: string, months: readonly MonthSummary[]): string {
  const missing = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`).filter(
    (id) => !months.some((m) => m.id === id),
  );
  const running = months.filter((m) => soFar(m));
  if (missing.length === 0 && running.length === 0) return "";
  const parts = [`Partial year: ${months.length} of 12 months`];
  if (missing.length) parts.push(`no data for ${missing.map(monthShortName).join(", ")}`);
  for (const m of running) parts.push(`${m.title} ${soFarText(m)}`);
  return `${parts.join("; ")}.`;
}

/** The sum of an additive series over months (a month without a value adds nothing). */
function sumOf(series: SiteSeries, months: readonly MonthSummary[]): number {
  return months.reduce((n, m) => n + (series.valueOf(m) ?? 0), 0);
}

/** A month whose total is comparable with another's: every day in and no file left out. */
function isWhole(month: MonthSummary): boolean {
  return month.missingDays.length === 0 && !month.skippedFiles;
}

/**
 * The change of the year's total from the year before, over the months both years have whole (a
 * partial year is compared with the same months of the year before, not with all twelve); "n/a" for
 * a measure that does not add up over months.
 */
export function yearChange(
  series: SiteSeries,
  months: readonly MonthSummary[],
  byId: ReadonlyMap<string, MonthSummary>,
  before: string,
): { text: string; basis: string } {
  if (!series.additive) return { text: "n/a", basis: "" };
  const pairs = months.flatMap((m) => {
    const was = byId.get(yearBeforeId(m.id));
    const ok = was && isWhole(m) && isWhole(was) && series.valueOf(m) !== null && series.valueOf(was) !== null;
    return ok ? [[m, was] as const] : [];
  });
  if (pairs.length === 0) return { text: "n/a", basis: `no whole month to compare with ${before}` };
  const now = pairs.reduce((n, [m]) => n + series.valueOf(m)!, 0);
  const was = pairs.reduce((n, [, w]) => n + series.valueOf(w)!, 0);
  const all = pairs.length === 12;
  const names = pairs.map(([m]) => monthShortName(m.id)).join(", ");
  return {
    text: formatChange(now, was, series.format),
    basis: all
      ? `from ${before}`
      : `from the same ${pairs.length === 1 ? "month" : `${pairs.length} months`} of ${before} (${names})`,
  };
}

/** The year's twelve months of a series as bars, a month without data drawn as none. */
function yearChart(series: SiteSeries, year: string, byId: ReadonlyMap<string, MonthSummary>, index: number) {
  const ids = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  return {
    title: series.title,
    svg: renderMonthBars({
      id: `year-chart-${index}`,
      label: `${series.title} per month, ${monthTitleOf(ids[0]!)} to ${monthTitleOf(ids[11]!)}`,
      bars: ids.map((id) => monthBar(series, id, byId.get(id))),
      tick: (bar) => monthShortName(bar.id),
    }),
  };
}

/** A list of the year's largest groups (year.eta's `top`). */
interface TopList {
  title: string;
  groupLabel: string;
  unitText: string;
  groups: { name: string; valueText: string }[];
}

/** The year's largest groups: the shorthand's counts, or each count or sum report's rows, summed over the months. */
function topGroupsOf(summary: SiteSummary, months: readonly MonthSummary[]): TopList[] {
  if (!summary.reports) {
    const groupLabel = summary.groupBy.map((c) => summary.labels[c] ?? c).join(" · ");
    const rows = months.map((m) => ({ rows: m.counts, keys: summary.groupBy, value: "count" }));
    return [{ title: "Requests", groupLabel, unitText: "requests", groups: largest(rows, formatCount) }];
  }
  return siteSeries(summary).flatMap((series): TopList[] => {
    if (!series.additive) return [];
    const found = months.flatMap((m) => {
      const report = m.reports?.find((r) => r.id === series.id);
      if (!report?.rows || !report.basis) return [];
      const value = valueColumn(report.basis.measure);
      return [{ rows: report.rows, keys: Object.keys(report.rows[0] ?? {}).filter((k) => k !== value), value }];
    });
    if (found.length === 0) return [];
    const groupLabel = found[0]!.keys.map((c) => labelFor(c, summary.labels)).join(" · ");
    return [{ title: series.title, groupLabel, unitText: series.unitText, groups: largest(found, series.format) }];
  });
}

/** A row of a month's counts or of a report's rows: key columns and the value column. */
type GroupRow = Readonly<Record<string, string | number | null>>;

/** Months' rows summed per group, the largest YEAR_TOP_GROUPS first (ties by name). */
function largest(
  months: readonly { rows: readonly GroupRow[]; keys: readonly string[]; value: string }[],
  format: (n: number) => string,
): { name: string; valueText: string }[] {
  // by the whole values: two long names shortened alike stay two groups
  const sums = new Map<string, { values: string[]; sum: number }>();
  for (const { rows, keys, value } of months)
    for (const row of rows) {
      const values = keys.map((k) => String(row[k]));
      const key = JSON.stringify(values);
      const entry = sums.get(key) ?? { values, sum: 0 };
      entry.sum += Number(row[value] ?? 0);
      sums.set(key, entry);
    }
  return [...sums]
    .sort(([ka, a], [kb, b]) => b.sum - a.sum || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .slice(0, YEAR_TOP_GROUPS)
    .map(([, g]) => ({ name: g.values.map(shownValue).join(" · "), valueText: format(g.sum) }));
}
