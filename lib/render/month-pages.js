import { renderChart } from "./chart.js";
import { jsonForScript, safeHref } from "./escape.js";
import { renderPage } from "./layout.js";
import { renderTemplate } from "./templates.js";
/** Render a month's three files. */
export async function renderMonthPages(input, settings) {
    const depth = input.dir.split("/").length;
    const heading = `${settings.siteTitle}: ${input.monthTitle}`;
    const common = {
        heading,
        totalRows: input.report.totalRows,
        fileCount: input.fileCount,
        gaps: gapsNote(input),
        groupBy: settings.groupBy,
        chartField: settings.chartField,
        csvHref: settings.files.csv,
        tableHref: settings.files.table,
        chartHref: settings.files.chart,
    };
    const tableBody = renderTemplate("report", { ...common, ...tableModel(input.report, settings) });
    const chart = await renderChart({
        title: `${input.monthTitle}: requests by ${settings.groupBy.join(" · ")}`,
        groupBy: settings.groupBy,
        chartField: settings.chartField,
        breakdown: input.report.breakdown.objects(),
    });
    const chartBody = renderTemplate("chart", {
        ...common,
        svg: chart.svg,
        specJson: jsonForScript(chart.vegaSpec),
        assetsHref: `${"../".repeat(depth)}assets/`,
    });
    const page = (body, what) => renderPage({
        body,
        pageTitle: `${what}: ${input.monthTitle}, ${settings.siteTitle}`,
        siteTitle: settings.siteTitle,
        depth,
    });
    return [
        { path: `${input.dir}/${settings.files.csv}`, body: input.report.counts.select(...settings.columns).toCSV() },
        { path: `${input.dir}/${settings.files.table}`, body: page(tableBody, "Report") },
        { path: `${input.dir}/${settings.files.chart}`, body: page(chartBody, "Chart") },
    ];
}
/** What a reader must know when the month is not complete; empty when it is. */
function gapsNote(input) {
    const parts = [
        input.missingDays ? `no daily file for day ${input.missingDays}` : "",
        input.skippedFiles
            ? `${input.skippedFiles} daily file${input.skippedFiles === 1 ? "" : "s"} could not be read and ${input.skippedFiles === 1 ? "is" : "are"} left out`
            : "",
    ].filter(Boolean);
    return parts.length ? `Incomplete month: ${parts.join("; ")}.` : "";
}
function tableModel(report, settings) {
    const columns = settings.columns.map((name) => ({ name, numeric: name === "count" }));
    const rows = report.counts.objects().map((row) => settings.columns.map((name) => {
        const value = row[name];
        const text = name === "count" ? Number(value).toLocaleString("en-US") : String(value);
        return {
            text,
            numeric: name === "count",
            href: settings.linkColumns.includes(name) ? safeHref(value) : undefined,
        };
    }));
    const footer = settings.columns.map((name, i) => ({
        text: name === "count" ? report.totalRows.toLocaleString("en-US") : i === 0 ? "Total" : "",
        numeric: name === "count",
    }));
    return { columns, rows, footer };
}
