/**
 * Pure: one report's pages for one month when the site lists several reports: its CSV, its table
 * page and its chart page, in the report's own file names inside the month's folder. They share the
 * month head, table template and chart pipeline of the one-report pages (month-pages.ts).
 */
import { compareKeyValue } from "../key-order.js";
import { POINTS_PAGE_SUFFIX } from "../site-names.js";
import { renderChart, type ChartPair, type ChartValue } from "./chart.js";
import { chartFigure, type ChartFigure } from "./chart-figure.js";
import { datasetJsonLd } from "./dataset-ld.js";
import { labelFor } from "./labels.js";
import { headModel, monthPage, type HeadSubject, type MonthNeighbours, type MonthView } from "./month-pages.js";
import { mapPageOf, renderMapPages } from "./map-page.js";
import { renderHeatmap, renderLine, type ChartPoint, type GridInput } from "./report-charts.js";
import { keyColumns, reportTableModel, valueTitle, type KeyColumn } from "./report-table.js";
import { formatReportValue, isAdditive } from "./report-values.js";
import { shownValue } from "./shorten.js";
import type { MonthReport, MonthReportOf, PageConfig, SiteFile } from "./site-input.js";
import { renderTemplate } from "./templates.js";

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
  const { definition } = of;
  const depth = month.dir.split("/").length;
  const keys = keyColumns(of, pageConfig.labels);
  const subject = headSubject(of, keys, pageConfig);
  const head = (view: MonthView) => headModel(month, neighbours, pageConfig, subject, view, "../".repeat(depth));
  const table = reportTableModel({
    month,
    of,
    keys,
    previous: neighbours.previous,
    // the previous month's summary holds each count or sum report's rows (a month built before the report has none)
    previousRows: neighbours.previous?.reports?.find((r) => r.id === definition.id)?.rows,
    pageConfig,
  });
  // what changed is on the month's overview, beside every report's headline
  const tableBody = renderTemplate("report", { ...head("table"), ...table, changesHtml: "" }, pageConfig.theme);
  const chart = await reportChartFigure(month, of, keys, pageConfig);
  const chartBody = renderTemplate("chart", { ...head("chart"), chart }, pageConfig.theme);
  const page = monthPage(month, pageConfig);
  const rootHref = "../".repeat(depth);
  return [
    { path: `${month.dir}/${definition.files.csv}`, body: reportCsv(of, keys) },
    {
      path: `${month.dir}/${definition.files.table}`,
      body: page(tableBody, definition.title, definition.files.table, reportDataset(month, of, pageConfig)),
    },
    {
      path: `${month.dir}/${definition.files.chart}`,
      body: page(chartBody, `${definition.title}, chart`, definition.files.chart),
    },
    ...(await renderMapPages(month, of, pageConfig, { head: head("map"), page, rootHref })),
  ];
}

/** The report's month as a schema.org Dataset: its table page, its CSV. */
function reportDataset(month: MonthReport, of: MonthReportOf, pageConfig: PageConfig): unknown {
  const { definition } = of;
  const headline = `${month.title}: ${formatReportValue(definition, of.report.overall)}`;
  return datasetJsonLd(pageConfig, {
    month,
    title: definition.title,
    description: definition.description ? `${definition.description} ${headline}` : headline,
    pagePath: `${month.dir}/${definition.files.table}`,
    csvPath: `${month.dir}/${definition.files.csv}`,
  });
}

/**
 * The report's CSV: its key columns and value column, numbers in full precision (`String(number)`,
 * as pandas' `to_csv` keeps every digit) and a blank field for no value.
 */
export function reportCsv(of: MonthReportOf, keys: readonly KeyColumn[]): string {
  return of.report.counts.select(...keys.map((k) => k.name), of.report.valueColumn).toCSV();
}

/** What the head of the report's pages says: its title, description and headline, its files and groups. */
export function headSubject(of: MonthReportOf, keys: readonly KeyColumn[], pageConfig: PageConfig): HeadSubject {
  const { definition, report } = of;
  const headline = `${isAdditive(definition) ? "Total" : "Overall"}: ${formatReportValue(definition, report.overall)}`;
  const mapped = mapPageOf(definition, pageConfig);
  return {
    files: mapped ? { ...definition.files, map: mapped } : definition.files,
    groupLabel: keys.map((k) => k.label).join(" · "),
    totalRows: report.totalRows,
    viewTitles: { table: definition.title, chart: `${definition.title}, chart`, map: `${definition.title}, map` },
    report: { title: definition.title, description: definition.description, headline },
    ...(report.points
      ? {
          points: {
            href: `${definition.id}${POINTS_PAGE_SUFFIX}`,
            // beside a map by area, the map of locations is named apart
            title: `${definition.title}, ${mapped ? "locations" : "map"}`,
          },
        }
      : {}),
  };
}

/** The report's chart in its kind (bars, heatmap or line), as a figure with its caption. */
async function reportChartFigure(
  month: MonthReport,
  of: MonthReportOf,
  keys: readonly KeyColumn[],
  pageConfig: PageConfig,
): Promise<ChartFigure> {
  const { definition } = of;
  const groups = keys.map((k) => k.label).join(" · ");
  const field = definition.chartField;
  const split = field === undefined ? "" : `, split by ${labelFor(field, pageConfig.labels)}`;
  const description = `${valueTitle(definition, pageConfig.labels)} in ${month.title} per ${groups}${split}`;
  const draw = { bar: barChart, heatmap: heatmapChart, line: lineChart }[definition.chart];
  const pair = await draw(of, keys, pageConfig, description);
  return chartFigure("chart", `${description}.`, pair);
}

/** The report's value as charts draw and tooltips print it. */
function chartValue(of: MonthReportOf, pageConfig: PageConfig): ChartValue {
  return {
    column: of.report.valueColumn,
    title: valueTitle(of.definition, pageConfig.labels),
    text: (n) => formatReportValue(of.definition, n),
    additive: isAdditive(of.definition),
  };
}

/** Horizontal bars per group, as the one-report chart: stacked by the chart field when there is one. */
function barChart(
  of: MonthReportOf,
  keys: readonly KeyColumn[],
  pageConfig: PageConfig,
  description: string,
): Promise<ChartPair> {
  const field = of.definition.chartField;
  return renderChart({
    description,
    groupBy: keys.map((k) => k.name),
    chartField: field,
    groupLabel: keys.map((k) => k.label).join(" · "),
    typeLabel: field === undefined ? "" : labelFor(field, pageConfig.labels),
    breakdown: (field === undefined ? of.report.counts : of.report.breakdown).objects() as Record<string, unknown>[],
    value: chartValue(of, pageConfig),
    // the report lists a timestamp part's groups in their own order (Monday first), which bars keep
    groupOrder: keys.some((k) => k.key.part !== undefined)
      ? (of.report.counts.objects() as Record<string, unknown>[]).map((row) =>
          keys.map((k) => shownValue(String(row[k.name]))).join(" · "),
        )
      : undefined,
  });
}

/** The two keys as a grid: the first down the side, the second across, colour for the value. */
function heatmapChart(
  of: MonthReportOf,
  keys: readonly KeyColumn[],
  pageConfig: PageConfig,
  description: string,
): Promise<ChartPair> {
  const [down, across] = keys as [KeyColumn, KeyColumn];
  const rows = of.report.counts.objects() as Record<string, string | number | null>[];
  const points: ChartPoint[] = rows.map((row) => ({
    x: String(row[across.name]),
    y: String(row[down.name]),
    value: row[of.report.valueColumn] as number | null,
    series: "",
  }));
  return renderHeatmap(gridInput(of, pageConfig, description, { x: across, y: down, seriesLabel: "", points }));
}

/** Dates across, the value up: one line per chart field value and further key, or one line. */
function lineChart(
  of: MonthReportOf,
  keys: readonly KeyColumn[],
  pageConfig: PageConfig,
  description: string,
): Promise<ChartPair> {
  const [date, ...others] = keys as [KeyColumn, ...KeyColumn[]];
  const field = of.definition.chartField;
  const rows = (field === undefined ? of.report.counts : of.report.breakdown).objects() as Record<
    string,
    string | number | null
  >[];
  const seriesNames = [...others.map((k) => k.name), ...(field === undefined ? [] : [field])];
  const seriesLabel = [
    ...others.map((k) => k.label),
    ...(field === undefined ? [] : [labelFor(field, pageConfig.labels)]),
  ];
  const points: ChartPoint[] = rows.map((row) => ({
    x: String(row[date.name]),
    y: "",
    value: row[of.report.valueColumn] as number | null,
    series: seriesNames.map((c) => String(row[c])).join(" · "),
  }));
  const y = { ...date, label: valueTitle(of.definition, pageConfig.labels) };
  return renderLine(
    gridInput(of, pageConfig, description, { x: date, y, seriesLabel: seriesLabel.join(" · "), points }),
  );
}

/** A heatmap's or line's input from its axes' keys and its points. */
function gridInput(
  of: MonthReportOf,
  pageConfig: PageConfig,
  description: string,
  axes: { x: KeyColumn; y: KeyColumn; seriesLabel: string; points: ChartPoint[] },
): GridInput {
  const value = chartValue(of, pageConfig);
  return {
    description,
    xLabel: axes.x.label,
    yLabel: axes.y.label,
    valueTitle: value.title,
    valueText: value.text,
    xOrder: keyOrder(
      axes.x,
      axes.points.map((p) => p.x),
    ),
    yOrder: keyOrder(
      axes.y,
      axes.points.map((p) => p.y),
    ),
    seriesLabel: axes.seriesLabel,
    points: axes.points,
  };
}

/**
 * A key's values in the order an axis shows them: a timestamp part's own order (compareKeyValue, as
 * the report's rows are ordered), else the order the report lists them (largest first).
 */
export function keyOrder(key: KeyColumn, values: readonly string[]): string[] {
  const distinct = [...new Set(values)];
  const { part } = key.key;
  if (part === undefined) return distinct;
  return distinct.sort((a, b) => compareKeyValue(part, a, b));
}
