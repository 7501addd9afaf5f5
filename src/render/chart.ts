/** Pure (but async): the Vega-Lite spec of a month's chart, compiled to Vega, and its SVG rendered in Node. */
import { parse as parseVega, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { RenderError } from "../errors.js";

/** What the chart shows: one bar per group, split by the chart field. */
export interface ChartInput {
  title: string;
  groupBy: readonly string[];
  chartField: string;
  /** Rows of the breakdown: groupBy values, chartField value, count. */
  breakdown: readonly Record<string, unknown>[];
}

/** The field that labels a bar: the group values joined, so several groupBy columns still make one axis. */
export const GROUP_LABEL_FIELD = "group";

/** The Vega-Lite spec (data inlined). Pure. */
export function toChartSpec(input: ChartInput): TopLevelSpec {
  const values = input.breakdown.map((row) => ({
    [GROUP_LABEL_FIELD]: input.groupBy.map((c) => String(row[c])).join(" · "),
    [input.chartField]: String(row[input.chartField]),
    count: Number(row.count),
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: input.title,
    data: { values },
    mark: { type: "bar", tooltip: true },
    width: 560,
    height: { step: 18 },
    encoding: {
      y: { field: GROUP_LABEL_FIELD, type: "nominal", sort: "-x", title: input.groupBy.join(" · "), axis: { labelLimit: 320 } },
      x: { aggregate: "sum", field: "count", type: "quantitative", title: "Requests" },
      color: { field: input.chartField, type: "nominal", title: input.chartField },
      tooltip: [
        { field: GROUP_LABEL_FIELD, type: "nominal", title: input.groupBy.join(" · ") },
        { field: input.chartField, type: "nominal" },
        { field: "count", type: "quantitative", aggregate: "sum", title: "Requests" },
      ],
    },
  };
}

/** A compiled chart: the Vega spec the browser runs and the SVG shown before (or without) JavaScript. */
export interface RenderedChart {
  vegaSpec: object;
  svg: string;
}

/** Compile with Vega-Lite and render the SVG with Vega in Node (no browser, no canvas). */
export async function renderChart(input: ChartInput): Promise<RenderedChart> {
  try {
    const vegaSpec = compile(toChartSpec(input)).spec;
    const view = new View(parseVega(vegaSpec), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    return { vegaSpec, svg };
  } catch (error) {
    throw new RenderError(`cannot render the chart "${input.title}": ${(error as Error).message}`, { cause: error });
  }
}
