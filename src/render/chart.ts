/**
 * Pure (but async): Vega-Lite specs of the site's charts, compiled to Vega, with their SVG rendered in
 * Node. Every chart is drawn at two fixed widths (phone and wide screen) instead of being scaled: a
 * scaled picture shrinks its text, a fixed one keeps 12 px text. The page shows the width that fits
 * (CSS), and the browser's interactive view uses the same spec, so it has exactly the SSR size.
 */
import { createHash } from "node:crypto";
import type * as Vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import type * as VegaLite from "vega-lite";
import { RenderError } from "../errors.js";
import { tupleKey } from "../group-values.js";
import { distinctTexts, shownValue, shownValues } from "./shorten.js";

/** Total chart widths: `narrow` fits a 320 px screen (minus the page's padding), `wide` a 768 px one. */
export const CHART_WIDTHS_PX = { narrow: 288, wide: 680 } as const;
/** Which of the two widths. */
export type ChartWidth = keyof typeof CHART_WIDTHS_PX;

/** Okabe-Ito: told apart with the common colour-vision deficiencies; the darkest first, yellow last. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"];

/**
 * The chart's own field names. Column names from the config are only titles and data: Vega-Lite reads
 * dots and brackets in a field name as a path, and puts titles into expressions, where a `\"` breaks
 * the parse. So each row carries its tooltip text (`tip`) as data.
 */
export const CHART_FIELDS = { group: "group", type: "type", count: "count", tip: "tip" } as const;

/** Shared look: 12 px text everywhere, readable grey, no frame. */
export function chartConfig(): NonNullable<TopLevelSpec["config"]> {
  const text = { labelFontSize: 12, titleFontSize: 12, labelColor: "#1d2330", titleColor: "#1d2330" };
  return {
    font: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
    axis: { ...text, titleFontWeight: 600 },
    legend: { ...text, titleFontWeight: 600, symbolType: "square" },
    header: { labelFontSize: 12, titleFontSize: 12, labelColor: "#1d2330" },
    range: { category: PALETTE },
    view: { stroke: null },
  };
}

/** What a month's chart shows: one horizontal bar per group, split by the chart field. */
export interface ChartInput {
  /** Accessible description of the chart. */
  description: string;
  groupBy: readonly string[];
  /** The column each bar is split by; none: one colour. */
  chartField: string | undefined;
  /** Label of the group axis, e.g. "Service name". */
  groupLabel: string;
  /** Label of the chart field, e.g. "Case record type". */
  typeLabel: string;
  /** Rows of the breakdown: groupBy values, chartField value, count (or `value.column`). */
  breakdown: readonly Record<string, unknown>[];
  /** What the bars measure when not requests: its column, axis title and tooltip text; and whether it adds up. */
  value?: ChartValue;
  /** The groups down the chart as shown (a timestamp part's own order: Monday first); absent: largest first. */
  groupOrder?: readonly string[];
}

/**
 * A report's value on a chart: `column` of the rows, the axis `title` (with the unit), how a tooltip
 * prints a value, and whether values add up (counts, sums: split bars stack; else they stand side by side).
 */
export interface ChartValue {
  column: string;
  title: string;
  text: (value: number) => string;
  additive: boolean;
}

/**
 * The Vega-Lite spec of a month's chart at one width (data inlined). Bars grow downwards, one row per
 * group, so a phone gets more rows instead of smaller text. Pure.
 * @example toChartSpec({ description: "January 2019", groupBy: ["service_name"], chartField: "case_record_type", groupLabel: "Service name", typeLabel: "Case record type", breakdown }, "narrow")
 */
export function toChartSpec(input: ChartInput, width: ChartWidth): TopLevelSpec {
  const { group, count, tip } = CHART_FIELDS;
  const values = chartValues(input);
  const narrow = width === "narrow";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: input.description,
    data: { values },
    width: CHART_WIDTHS_PX[width],
    autosize: { type: "fit-x", contains: "padding" },
    height: { step: narrow ? 22 : 20 },
    mark: {
      type: "bar",
      stroke: "#ffffff",
      strokeWidth: 1,
      ...(input.chartField === undefined ? { color: PALETTE[0] } : {}),
    },
    encoding: {
      y: {
        field: group,
        type: "nominal",
        sort: input.groupOrder ? [...input.groupOrder] : { op: "sum", field: count, order: "descending" },
        title: null,
        axis: { labelLimit: narrow ? 120 : 300 },
      },
      x: {
        field: count,
        type: "quantitative",
        stack: input.value?.additive === false ? null : "zero",
        title: input.value?.title ?? "Requests",
        axis: { tickCount: narrow ? 3 : 6 },
      },
      ...(input.chartField === undefined ? {} : splitEncoding(input, narrow)),
      tooltip: { field: tip, type: "nominal" },
      description: { field: tip, type: "nominal" },
    },
    config: chartConfig(),
  };
}

/** The colour of the split by chartField: stacked segments in legend order, or (values that do not add up) bars side by side. */
function splitEncoding(input: ChartInput, narrow: boolean) {
  const { type } = CHART_FIELDS;
  const color = {
    field: type,
    type: "nominal",
    title: input.typeLabel,
    legend: { orient: "top", direction: "horizontal", columns: narrow ? 2 : 4, labelLimit: narrow ? 110 : 200 },
  } as const;
  if (input.value?.additive === false) return { color, yOffset: { field: type, type: "nominal" } } as const;
  // segments stack in legend order, so position is a second cue besides colour
  return { color, order: { field: type, type: "ordinal" } } as const;
}

/** The chart's rows: long values shortened, each group still a bar (and each type a legend entry) of its own. */
function chartValues(input: ChartInput): Record<string, string | number>[] {
  const { group, type, count, tip } = CHART_FIELDS;
  const keyOf = (row: Record<string, unknown>) => tupleKey(input.groupBy.map((c) => String(row[c])));
  const groups = distinctTexts(
    input.breakdown.map((row) => [keyOf(row), input.groupBy.map((c) => shownValue(String(row[c]))).join(" · ")]),
  );
  const field = input.chartField;
  const types = shownValues(field === undefined ? [] : input.breakdown.map((row) => String(row[field])));
  const column = input.value?.column ?? "count";
  const text = input.value?.text ?? ((n: number) => `${n.toLocaleString("en-US")} requests`);
  // a group without a value (a median of no numbers) has no bar; the table says so
  return input.breakdown
    .filter((row) => row[column] !== null && row[column] !== undefined)
    .map((row): Record<string, string | number> => {
      const g = groups.get(keyOf(row))!;
      const n = Number(row[column]);
      if (field === undefined) return { [group]: g, [count]: n, [tip]: `${g}: ${text(n)}` };
      const t = types.get(String(row[field]))!;
      return { [group]: g, [type]: t, [count]: n, [tip]: `${g}, ${t}: ${text(n)}` };
    });
}

/** A compiled chart: the Vega spec the browser runs and the SVG shown before (or without) JavaScript. */
export interface RenderedChart {
  vegaSpec: object;
  svg: string;
}

/** A chart at both widths. */
export type ChartPair = Record<ChartWidth, RenderedChart>;

/** Vega and Vega-Lite, loaded on first use: a build whose pages all come from the cache never loads them. */
let chartModules: Promise<[typeof Vega, typeof VegaLite]> | undefined;
function loadChartModules(): Promise<[typeof Vega, typeof VegaLite]> {
  chartModules ??= Promise.all([import("vega"), import("vega-lite")]);
  return chartModules;
}

/**
 * Start loading Vega now, for charts rendered later: a build that reads raw files loads it while it
 * waits for S3 (~0.2 s of module loading off the critical path). A failure surfaces at the first render.
 */
export function startLoadingCharts(): void {
  loadChartModules().catch(() => undefined);
}

/** Compile a Vega-Lite spec and render its SVG with Vega in Node (no browser, no canvas). */
export async function renderVegaLite(spec: TopLevelSpec, what: string): Promise<RenderedChart> {
  try {
    const [{ logger: vegaLogger, None: LOG_NONE, parse: parseVega, View }, { compile }] = await loadChartModules();
    // the specs are ours; a Vega-Lite warning would only clutter the build log
    const vegaSpec = compile(spec, { logger: vegaLogger(LOG_NONE) }).spec;
    const view = new View(parseVega(vegaSpec), { renderer: "none" });
    const svg = stableDefIds(await view.toSVG());
    view.finalize();
    return { vegaSpec, svg };
  } catch (error) {
    throw new RenderError(`cannot render the chart "${what}": ${(error as Error).message}`, { cause: error });
  }
}

/** An id Vega gives a gradient or clip path in an SVG, where it is defined or referred to. */
const DEF_ID = /(id="|url\(#)(gradient_\d+|clip\d+)(?=[")])/g;

/**
 * Vega numbers gradients (a heatmap's legend) and clip paths from a counter shared by every chart the
 * process renders, so one chart's SVG would differ with the charts rendered before it, and its page
 * would be rewritten and uploaded again for nothing. They are numbered within the SVG instead, under
 * a prefix taken from its content: the same chart always has the same ids, and two charts on one
 * page (a chart's two widths) never share one.
 */
export function stableDefIds(svg: string): string {
  if (svg.search(DEF_ID) === -1) return svg;
  const positional = renumberDefIds(svg, (k) => `def_${k}`);
  const prefix = createHash("sha1").update(positional).digest("hex").slice(0, 8);
  return renumberDefIds(svg, (k) => `def_${prefix}_${k}`);
}

/** The SVG with its k-th distinct def id (in order of first mention) renamed to name(k). */
function renumberDefIds(svg: string, name: (k: number) => string): string {
  const order = new Map<string, number>();
  return svg.replace(DEF_ID, (_, before: string, id: string) => {
    if (!order.has(id)) order.set(id, order.size);
    return `${before}${name(order.get(id)!)}`;
  });
}

/** Render a chart at both widths from a spec maker. */
export async function renderChartPair(makeSpec: (width: ChartWidth) => TopLevelSpec, what: string): Promise<ChartPair> {
  return {
    narrow: await renderVegaLite(makeSpec("narrow"), what),
    wide: await renderVegaLite(makeSpec("wide"), what),
  };
}

/** A month's chart at both widths. */
export function renderChart(input: ChartInput): Promise<ChartPair> {
  return renderChartPair((width) => toChartSpec(input, width), input.description);
}
