/** Pure (but async): the trend page, requests per month split by the chart field, and the top groups over time. */
import type { TopLevelSpec } from "vega-lite";
import { encodeKey } from "../key-path.js";
import { TREND_PAGE } from "../site-names.js";
import { CHART_WIDTHS_PX, chartConfig, renderChartPair, type ChartWidth } from "./chart.js";
import { chartFigure, type ChartFigure } from "./chart-figure.js";
import { compareMonths } from "./compare.js";
import { formatCount } from "./format.js";
import type { PageLinks } from "./head-links.js";
import { renderPage } from "./layout.js";
import type { AreaTrend } from "./map-trend.js";
import { scriptLinks, siteLinks } from "./page-links.js";
import type { SiteSummary } from "./summary.js";
import { distinctTexts, shownValue, shownValues } from "./shorten.js";
import { renderTemplate } from "./templates.js";
import type { Theme } from "./theme.js";
import { monthAxis, MONTH_LINE_MARK, reportsTrendModel, soFarNote } from "./trend-reports.js";

/** How many groups get their own small chart. */
export const TREND_TOP_GROUPS = 6;

/** Render trend.html from the summary of every month; `links`: its canonical address and preview. */
export async function renderTrendPage(
  summary: SiteSummary,
  theme?: Theme,
  links?: PageLinks,
  areaTrends: readonly AreaTrend[] = [],
): Promise<string> {
  const model = summary.reports ? await reportsTrendModel(summary, summary.reports) : await countsTrendModel(summary);
  const body = renderTemplate(
    "trend",
    { siteTitle: summary.title, ...model, links: siteLinks(""), scripts: scriptLinks(""), areaTrends },
    theme,
  );
  const pageTitle = `Trend across months, ${summary.title}`;
  return renderPage({ body, pageTitle, siteTitle: summary.title, depth: 0, theme, selfPath: TREND_PAGE, links });
}

/** The trend of the one report of the `report` shorthand: requests per month split by the chart field, and the top groups. */
async function countsTrendModel(summary: SiteSummary): Promise<Record<string, unknown>> {
  const typeLabel = summary.labels[summary.chartField] ?? summary.chartField;
  const groupLabel = summary.groupBy.map((c) => summary.labels[c] ?? c).join(" · ");
  const types = typeTotals(summary);
  const typeTexts = shownValues(types);
  const top = topGroups(summary);
  return {
    reports: false,
    typeLabel,
    groupLabel,
    types: types.map((t) => typeTexts.get(t)!),
    top: top.map((g) => g.text),
    months: trendRows(summary, types, top),
    perMonth: await perMonthFigure(summary, typeLabel, typeTexts),
    perGroup: await topGroupsFigure(summary, top, groupLabel),
  };
}

/** A month's row in the trend's tables (trend.eta's `months`): counts formatted, `total` exact for sorting. */
interface TrendRow {
  title: string;
  /** "so far: 5 of 31 days" after the title of a month whose data is not all in yet; "" otherwise. */
  soFar: string;
  href: string;
  totalText: string;
  total: number;
  /** Change since the month before (per day when either lacks days); "" when there is no adjacent month before. */
  change: string;
  /** Requests per value of the chart field, in the order of `types`. */
  byType: string[];
  /** Requests per top group, in the order of `top`. */
  byGroup: string[];
}

/** One row per month, oldest first: its total, its change, and its requests per type and per top group. */
function trendRows(summary: SiteSummary, types: readonly string[], top: readonly TopGroup[]): TrendRow[] {
  return summary.months.map((m, i) => ({
    title: m.title,
    soFar: soFarNote(m),
    href: encodeKey(m.links.table),
    totalText: formatCount(m.total),
    total: m.total,
    change: compareMonths(m, summary.months[i - 1])?.change(m.total, summary.months[i - 1]!.total).text ?? "",
    byType: types.map((t) => formatCount(countOf(m.byType, summary.chartField, t))),
    byGroup: top.map((g) => formatCount(groupCount(summary, m.counts, g.name))),
  }));
}

/** The chart of requests per month, split by the chart field; false when no month is built yet. */
async function perMonthFigure(
  summary: SiteSummary,
  typeLabel: string,
  typeTexts: ReadonlyMap<string, string>,
): Promise<ChartFigure | false> {
  if (summary.months.length === 0) return false;
  return chartFigure(
    "trend-chart",
    `Requests per month, split by ${typeLabel}.`,
    await renderChartPair((w) => perMonthSpec(summary, w, typeLabel, typeTexts), "requests per month"),
  );
}

/** The small multiples of the largest groups; false when there is no month or no group to draw. */
async function topGroupsFigure(
  summary: SiteSummary,
  top: readonly TopGroup[],
  groupLabel: string,
): Promise<ChartFigure | false> {
  if (summary.months.length === 0 || top.length === 0) return false;
  return chartFigure(
    "groups-chart",
    `Requests per month for the ${top.length} largest groups by ${groupLabel}, one small chart each.`,
    await renderChartPair((w) => topGroupsSpec(summary, top, w), "top groups per month"),
  );
}

/** Values of the chart field, largest total first. */
function typeTotals(summary: SiteSummary): string[] {
  const totals = new Map<string, number>();
  for (const m of summary.months)
    for (const row of m.byType) {
      const t = String(row[summary.chartField]);
      totals.set(t, (totals.get(t) ?? 0) + Number(row.count));
    }
  return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}

/** A top group: its name (groupBy values joined with " · ") and the name as pages show it (long values shortened). */
interface TopGroup {
  name: string;
  text: string;
}

/** The largest groups over all months. */
function topGroups(summary: SiteSummary): TopGroup[] {
  const totals = new Map<string, { count: number; text: string }>();
  for (const m of summary.months)
    for (const row of m.counts) {
      const name = groupName(summary, row);
      const text = totals.get(name)?.text ?? summary.groupBy.map((c) => shownValue(String(row[c]))).join(" · ");
      totals.set(name, { count: (totals.get(name)?.count ?? 0) + Number(row.count), text });
    }
  const top = [...totals].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1)).slice(0, TREND_TOP_GROUPS);
  const texts = distinctTexts(top.map(([name, { text }]) => [name, text]));
  return top.map(([name]) => ({ name, text: texts.get(name)! }));
}

function groupName(summary: SiteSummary, row: Record<string, unknown>): string {
  return summary.groupBy.map((c) => String(row[c])).join(" · ");
}

function groupCount(summary: SiteSummary, rows: readonly Record<string, unknown>[], name: string): number {
  return rows.filter((r) => groupName(summary, r) === name).reduce((n, r) => n + Number(r.count), 0);
}

function countOf(rows: readonly Record<string, unknown>[], column: string, value: string): number {
  return rows.filter((r) => String(r[column]) === value).reduce((n, r) => n + Number(r.count), 0);
}

/** Horizontal bars, one per month (oldest on top, like the table), stacked by the chart field. */
function perMonthSpec(
  summary: SiteSummary,
  width: ChartWidth,
  typeLabel: string,
  typeTexts: ReadonlyMap<string, string>,
): TopLevelSpec {
  const narrow = width === "narrow";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Requests per month, split by ${typeLabel}`,
    data: { values: perMonthValues(summary, typeTexts) },
    width: CHART_WIDTHS_PX[width],
    autosize: { type: "fit-x", contains: "padding" },
    height: { step: narrow ? 24 : 22 },
    mark: { type: "bar", stroke: "#ffffff", strokeWidth: 1 },
    encoding: {
      y: { field: "month", type: "nominal", sort: { field: "id", order: "ascending" }, title: null },
      x: {
        field: "count",
        type: "quantitative",
        stack: "zero",
        title: "Requests",
        axis: { tickCount: narrow ? 3 : 6 },
      },
      color: {
        field: "type",
        type: "nominal",
        title: typeLabel,
        legend: { orient: "top", direction: "horizontal", columns: narrow ? 2 : 4, labelLimit: narrow ? 110 : 200 },
      },
      order: { field: "type", type: "ordinal" },
      tooltip: { field: "tip", type: "nominal" },
      description: { field: "tip", type: "nominal" },
    },
    config: chartConfig(),
  };
}

/** The per-month chart's rows: each month's requests per value of the chart field (as pages show it). */
function perMonthValues(summary: SiteSummary, typeTexts: ReadonlyMap<string, string>) {
  return summary.months.flatMap((m) =>
    m.byType.map((row) => {
      const type = typeTexts.get(String(row[summary.chartField]))!;
      const count = Number(row.count);
      return { month: m.title, id: m.id, type, count, tip: `${m.title}, ${type}: ${formatCount(count)} requests` };
    }),
  );
}

/** Small multiples: one line chart per top group, stacked in one column on a phone. No colour needed. */
function topGroupsSpec(summary: SiteSummary, top: readonly TopGroup[], width: ChartWidth): TopLevelSpec {
  const narrow = width === "narrow";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Requests per month for the largest groups",
    data: { values: topGroupsPerMonth(summary, top) },
    columns: narrow ? 1 : 3,
    facet: {
      field: "group",
      type: "nominal",
      title: null,
      sort: top.map((g) => g.text),
      header: { labelLimit: narrow ? 240 : 170, labelFontWeight: 600 },
    },
    spec: groupLineSpec(narrow),
    // every small multiple keeps its own month labels: stacked on a phone, a shared axis is screens away
    resolve: { scale: { y: "independent" }, axis: { x: "independent" } },
    config: chartConfig(),
  };
}

/** A point of the small multiples: a top group's requests in one month (`month` is its first day). */
interface GroupMonthCount {
  group: string;
  month: string;
  count: number;
  tip: string;
}

/** Every top group's requests in every month, oldest month first: the data of the small multiples. */
function topGroupsPerMonth(summary: SiteSummary, top: readonly TopGroup[]): GroupMonthCount[] {
  return summary.months.flatMap((m) =>
    top.map(({ name, text: group }) => {
      const count = groupCount(summary, m.counts, name);
      return { group, month: `${m.id}-01`, count, tip: `${group}, ${m.title}: ${formatCount(count)} requests` };
    }),
  );
}

/** The chart of one small multiple (the `spec` of a faceted Vega-Lite spec). */
type SmallMultipleSpec = Extract<TopLevelSpec, { facet: unknown }>["spec"];

/** The chart each top group gets: its requests per month as a line with a point per month. */
function groupLineSpec(narrow: boolean): SmallMultipleSpec {
  return {
    width: narrow ? 230 : 160,
    height: 110,
    mark: MONTH_LINE_MARK,
    encoding: {
      x: monthAxis(3),
      // a fixed axis width: the browser measures labels differently from Node, and the small
      // multiples must keep the server-rendered size when they become interactive
      y: {
        field: "count",
        type: "quantitative",
        title: "Requests",
        axis: { tickCount: 3, minExtent: 36, maxExtent: 36 },
      },
      tooltip: { field: "tip", type: "nominal" },
      description: { field: "tip", type: "nominal" },
    },
  };
}
