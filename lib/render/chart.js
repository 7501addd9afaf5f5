import { RenderError } from "../errors.js";
/**
 * The chart's own field names. Column names from the config are only titles: Vega-Lite reads dots
 * and brackets in a field name as a path (`case.type`), and a column called "group" or "count"
 * would collide with the chart's fields.
 */
export const CHART_FIELDS = { group: "group", type: "type", count: "count" };
/**
 * The Vega-Lite spec (data inlined). Pure.
 * @example toChartSpec({ title: "January 2019", groupBy: ["service_name"], chartField: "case_record_type", breakdown }).data
 */
export function toChartSpec(input) {
    const { group, type, count } = CHART_FIELDS;
    const values = input.breakdown.map((row) => ({
        [group]: input.groupBy.map((c) => String(row[c])).join(" · "),
        [type]: String(row[input.chartField]),
        [count]: Number(row.count),
    }));
    const groupTitle = input.groupBy.join(" · ");
    return {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        title: input.title,
        data: { values },
        mark: { type: "bar", tooltip: true },
        width: 560,
        height: { step: 18 },
        encoding: {
            y: { field: group, type: "nominal", sort: "-x", title: groupTitle, axis: { labelLimit: 320 } },
            x: { aggregate: "sum", field: count, type: "quantitative", title: "Requests" },
            color: { field: type, type: "nominal", title: input.chartField },
            tooltip: [
                { field: group, type: "nominal", title: groupTitle },
                { field: type, type: "nominal", title: input.chartField },
                { field: count, type: "quantitative", aggregate: "sum", title: "Requests" },
            ],
        },
    };
}
/** Compile with Vega-Lite and render the SVG with Vega in Node (no browser, no canvas). */
export async function renderChart(input) {
    try {
        // loaded here, not at the top: a build whose pages all come from the cache never loads Vega
        const [{ parse: parseVega, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
        const vegaSpec = compile(toChartSpec(input)).spec;
        const view = new View(parseVega(vegaSpec), { renderer: "none" });
        const svg = await view.toSVG();
        view.finalize();
        return { vegaSpec, svg };
    }
    catch (error) {
        throw new RenderError(`cannot render the chart "${input.title}": ${error.message}`, { cause: error });
    }
}
