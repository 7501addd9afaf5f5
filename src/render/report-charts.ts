/**
 * Pure (but async): the charts of a report besides bars. A heatmap (two group keys, colour = value)
 * and a line over dates, drawn at both widths like every chart (chart.ts), their text never scaled.
 */
import type { TopLevelSpec } from "vega-lite";
import { chartConfig, CHART_WIDTHS_PX, renderChartPair, type ChartPair, type ChartWidth } from "./chart.js";
import { shownValue } from "./shorten.js";

/** The fields of a heatmap's and a line's rows (names of ours, never a config's column: see CHART_FIELDS). */
const FIELDS = { x: "x", y: "y", value: "value", series: "series", tip: "tip" } as const;

/** Viridis: sequential, told apart with the common colour-vision deficiencies, and readable in grey. */
export const SEQUENTIAL_SCHEME = "viridis";

/** One cell of a heatmap, or one point of a line: its keys' texts and its value (`null`: none). */
export interface ChartPoint {
  x: string;
  y: string;
  value: number | null;
  /** The line a point belongs to (line charts with a chart field or further keys); "" for the only one. */
  series: string;
}

/** What a heatmap or a line shows, besides its points. */
export interface GridInput {
  description: string;
  /** Label of the x key (the date on a line) and of the y key (the value on a line). */
  xLabel: string;
  yLabel: string;
  /** The value's title with its unit, e.g. "Median case age days (days)". */
  valueTitle: string;
  /** How a tooltip prints a value. */
  valueText: (value: number) => string;
  /** The keys' values in the order the axes show them (Monday first, hour 00 first). */
  xOrder: readonly string[];
  yOrder: readonly string[];
  /** The line chart's series legend title; "" without series. */
  seriesLabel: string;
  points: readonly ChartPoint[];
}

/** The rows a chart reads: shown (shortened) values, and the tooltip text as data. */
function pointValues(input: GridInput): Record<string, string | number>[] {
  return input.points
    .filter((p) => p.value !== null)
    .map((p) => {
      const x = shownValue(p.x);
      const y = shownValue(p.y);
      const series = shownValue(p.series);
      const where = [y, x, series].filter((t) => t !== "").join(", ");
      return { ...p, x, y, series, value: p.value!, [FIELDS.tip]: `${where}: ${input.valueText(p.value!)}` };
    });
}

/** What every chart of a report has at a width: its schema, description, data and width. */
function specFrame(input: GridInput, width: ChartWidth) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: input.description,
    data: { values: pointValues(input) },
    width: CHART_WIDTHS_PX[width],
    autosize: { type: "fit-x", contains: "padding" },
  } as const;
}

/** Each mark's tooltip and accessible description: the text of its point, as data. */
const TIP_ENCODING = {
  tooltip: { field: FIELDS.tip, type: "nominal" },
  description: { field: FIELDS.tip, type: "nominal" },
} as const;

/** Width of a 12 px label's character, about, and of the room the labels down the side take. */
const LABEL_CHAR_PX = 7;
const SIDE_LABELS_PX = 100;

/**
 * The labels of the key across a heatmap: level when each column has room for the longest (hours),
 * else turned upright (weekdays on a phone), so none is dropped for overlapping.
 */
function columnLabels(values: readonly string[], width: ChartWidth) {
  const columnPx = (CHART_WIDTHS_PX[width] - SIDE_LABELS_PX) / Math.max(1, values.length);
  const longest = Math.max(0, ...values.map((v) => shownValue(v).length));
  return { labelAngle: longest * LABEL_CHAR_PX <= columnPx ? 0 : -90, labelOverlap: true } as const;
}

/**
 * The heatmap at one width: the first key down the side, the second across. A key with many values
 * (24 hours) goes across on a wide screen and down the side on a phone, so cells stay wide enough to tap.
 */
export function toHeatmapSpec(input: GridInput, width: ChartWidth): TopLevelSpec {
  const narrow = width === "narrow";
  // the channel the x key's values are drawn on
  const across = narrow && input.xOrder.length > input.yOrder.length ? "y" : "x";
  const acrossOrder = across === "x" ? input.xOrder : input.yOrder;
  const axis = (key: "x" | "y") => ({
    field: FIELDS[key],
    type: "ordinal" as const,
    sort: [...(key === "x" ? input.xOrder : input.yOrder)].map(shownValue),
    title: key === "x" ? input.xLabel : input.yLabel,
    axis: { labelLimit: narrow ? 90 : 160, ...(key === across ? columnLabels(acrossOrder, width) : {}) },
  });
  return {
    ...specFrame(input, width),
    height: { step: 22 },
    mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1 },
    encoding: {
      [across]: axis("x"),
      [across === "x" ? "y" : "x"]: axis("y"),
      color: {
        field: FIELDS.value,
        type: "quantitative",
        title: input.valueTitle,
        scale: { scheme: SEQUENTIAL_SCHEME },
        legend: { orient: "top", direction: "horizontal", gradientLength: narrow ? 180 : 300 },
      },
      ...TIP_ENCODING,
    },
    config: chartConfig(),
  };
}

/** The line at one width: dates across, the value up, one line (in the palette's colours) per series. */
export function toLineSpec(input: GridInput, width: ChartWidth): TopLevelSpec {
  const narrow = width === "narrow";
  const hasSeries = input.points.some((p) => p.series !== "");
  return {
    ...specFrame(input, width),
    height: narrow ? 240 : 320,
    mark: { type: "line", point: { size: 40, filled: true } },
    encoding: {
      x: {
        field: FIELDS.x,
        type: "temporal",
        scale: { type: "utc" },
        title: input.xLabel,
        axis: { format: "%b %-d", tickCount: narrow ? 4 : 8, labelOverlap: true },
      },
      y: { field: FIELDS.value, type: "quantitative", title: input.valueTitle, axis: { tickCount: narrow ? 4 : 6 } },
      ...(hasSeries ? { color: seriesColor(input.seriesLabel, narrow) } : {}),
      ...TIP_ENCODING,
    },
    config: chartConfig(),
  };
}

/** The colour of a line chart's series, with its legend above the chart. */
function seriesColor(title: string, narrow: boolean) {
  return {
    field: FIELDS.series,
    type: "nominal",
    title,
    legend: { orient: "top", direction: "horizontal", columns: narrow ? 2 : 4, labelLimit: narrow ? 110 : 200 },
  } as const;
}

/** A heatmap at both widths. */
export function renderHeatmap(input: GridInput): Promise<ChartPair> {
  return renderChartPair((width) => toHeatmapSpec(input, width), input.description);
}

/** A line chart at both widths; a point whose date is not a date (the "(blank)" group) is left out. */
export function renderLine(input: GridInput): Promise<ChartPair> {
  const dated = { ...input, points: input.points.filter((p) => /^\d{4}-\d\d-\d\d$/.test(p.x)) };
  return renderChartPair((width) => toLineSpec(dated, width), input.description);
}
