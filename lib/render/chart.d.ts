/** Pure (but async): the Vega-Lite spec of a month's chart, compiled to Vega, and its SVG rendered in Node. */
import type { TopLevelSpec } from "vega-lite";
/** What the chart shows: one bar per group, split by the chart field. */
export interface ChartInput {
    title: string;
    groupBy: readonly string[];
    chartField: string;
    /** Rows of the breakdown: groupBy values, chartField value, count. */
    breakdown: readonly Record<string, unknown>[];
}
/**
 * The chart's own field names. Column names from the config are only titles: Vega-Lite reads dots
 * and brackets in a field name as a path (`case.type`), and a column called "group" or "count"
 * would collide with the chart's fields.
 */
export declare const CHART_FIELDS: {
    readonly group: "group";
    readonly type: "type";
    readonly count: "count";
};
/**
 * The Vega-Lite spec (data inlined). Pure.
 * @example toChartSpec({ title: "January 2019", groupBy: ["service_name"], chartField: "case_record_type", breakdown }).data
 */
export declare function toChartSpec(input: ChartInput): TopLevelSpec;
/** A compiled chart: the Vega spec the browser runs and the SVG shown before (or without) JavaScript. */
export interface RenderedChart {
    vegaSpec: object;
    svg: string;
}
/** Compile with Vega-Lite and render the SVG with Vega in Node (no browser, no canvas). */
export declare function renderChart(input: ChartInput): Promise<RenderedChart>;
