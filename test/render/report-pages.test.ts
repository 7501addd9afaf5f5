/**
 * One report's pages when the site lists several: the CSV in full precision, the table in the
 * measure's unit with the change since last month where values add up, the three chart kinds, links
 * to the same report in the other months, and hostile titles and values kept as text.
 */
import { table, type ColumnTable } from "arquero";
import { describe, expect, test } from "vitest";
import type { Report } from "../../src/aggregate/index.js";
import {
  CHART_WIDTHS_PX,
  PALETTE,
  toMonthSummary,
  type MonthReport,
  type MonthReportOf,
  type MonthSummary,
} from "../../src/render/index.js";
import { keyLabel, valueLabel } from "../../src/render/labels.js";
import type { ReportRow } from "../../src/render/month-pages.js";
import { keyOrder, renderReportPages } from "../../src/render/report-pages.js";
import { compareKeyValue } from "../../src/key-order.js";
import { definitionWith as definition } from "../support/report-tally.js";
import { monthReport, PAGE_CONFIG } from "./support.js";

/** A report from its tables as aggregate hands them over. */
function report(counts: ColumnTable, over: Partial<Report> = {}): Report {
  const valueColumn = counts.columnNames().at(-1)!;
  const values = counts.array(valueColumn) as (number | null)[];
  const total = values.reduce<number>((n, v) => n + (v ?? 0), 0);
  return { counts, breakdown: counts, valueColumn, overall: total, totalRows: total, blanks: [], ...over };
}

/** January 2019 (its site report is beside the point here) with the given report of several. */
function january(of: MonthReportOf): MonthReport {
  return { ...monthReport("2019-01", [["Pothole", "Request"]]), reports: [of] };
}

/** The report's files by name. */
async function pages(of: MonthReportOf, neighbours = {}): Promise<Record<string, string>> {
  const files = await renderReportPages(january(of), of, neighbours, { ...PAGE_CONFIG, reports: [of.definition] });
  return Object.fromEntries(files.map((f) => [f.path, String(f.body)]));
}

const MEDIAN: MonthReportOf = {
  definition: definition({
    id: "days-to-close",
    title: "Median days to close",
    description: "Closed cases only.",
    unit: "days",
    measure: { kind: "median", column: "case_age_days" },
    filter: [{ column: "status", values: ["Closed"], keep: "listed" }],
  }),
  report: report(
    table({ service_name: ["Graffiti", "Pothole", "(blank)"], median_case_age_days: [0.1 + 0.2, 3.5, null] }),
    { overall: 2.125, totalRows: 40, blanks: [{ marker: "", rows: 4 }] },
  ),
};

/** What the tests read of a compiled Vega spec. */
interface VegaSpec {
  marks: { type: string; style?: string[]; encode: { update: Record<string, unknown> } }[];
  scales: { name: string; type: string; range?: unknown }[];
  axes: { orient: string; title?: string; labelAngle?: number }[];
  legends?: { title?: string }[];
  data: { name: string; values?: Record<string, unknown>[]; transform?: { type: string }[] }[];
}

/** The Vega specs of a chart page (narrow, then wide), as the browser runs them. */
function specsOf(page: string): VegaSpec[] {
  return [...page.matchAll(/<script type="application\/json" class="chart-spec">(.*?)<\/script>/gs)].map(
    ([, json]) => JSON.parse(json!) as never,
  );
}

/** The titles of a spec's axes by where they are: `{ bottom: "Hour", left: "Weekday" }`. */
function axisTitles(spec: VegaSpec): Record<string, string> {
  return Object.fromEntries(spec.axes.filter((a) => a.title).map((a) => [a.orient, a.title!]));
}

/** The width attributes of the page's SVGs (narrow, then wide). */
function svgWidths(page: string): number[] {
  return [...page.matchAll(/<svg[^>]*\bwidth="([\d.]+)"/g)].map(([, w]) => Number(w));
}

describe("a measure report", () => {
  test("its three files are in its own names inside the month's folder", async () => {
    expect(Object.keys(await pages(MEDIAN))).toEqual([
      "2019/jan/days-to-close.csv",
      "2019/jan/days-to-close.html",
      "2019/jan/days-to-close_chart.html",
    ]);
  });

  test("the CSV has the key and value columns, numbers in full precision and blank for none", async () => {
    expect((await pages(MEDIAN))["2019/jan/days-to-close.csv"]).toBe(
      "service_name,median_case_age_days\nGraffiti,0.30000000000000004\nPothole,3.5\n(blank),\n",
    );
  });

  test("the table prints the measure in its unit, the headline and the description, and no change for a median", async () => {
    const december = toMonthSummary(monthReport("2018-12", [["Pothole", "Request"]]), PAGE_CONFIG);
    const page = (await pages(MEDIAN, { previous: withRows(december, "days-to-close", []) }))[
      "2019/jan/days-to-close.html"
    ]!;
    expect(page).toContain("<h1>January 2019: Median days to close</h1>");
    expect(page).toContain('<p class="description">Closed cases only.</p>');
    expect(page).toContain('<p class="headline">Overall: 2.12 days</p>');
    expect(page).toMatch(/<th scope="col"[^>]*>Service name<\/th>/);
    expect(page).toMatch(/<th scope="col" class="num" aria-sort="descending"[^>]*>Median case age days \(days\)<\/th>/);
    expect(page).toContain('<td class="num" data-value="0.30000000000000004">0.30</td>');
    expect(page).toContain('<td class="num" data-value="3.5">3.50</td>');
    expect(page).toContain('<td class="num">—</td>');
    expect(page).toContain('<tfoot><tr><td>Overall</td><td class="num">2.12</td></tr></tfoot>');
    expect(page).not.toContain("Change since");
    expect(page).toContain("(blank) counts 4 requests whose Service name was left empty in the raw data.");
  });

  test("the breadcrumb leads to the month's overview, the pager to the same report in the other months", async () => {
    const december = toMonthSummary(monthReport("2018-12", [["Pothole", "Request"]]), PAGE_CONFIG);
    const february = toMonthSummary(monthReport("2019-02", [["Pothole", "Request"]]), PAGE_CONFIG);
    const files = await pages(MEDIAN, { previous: december, next: february });
    const table = files["2019/jan/days-to-close.html"]!;
    expect(table).toContain('<li><a href="./">January 2019</a></li>');
    expect(table).toContain('<li><a href="days-to-close.html" aria-current="page">Median days to close</a></li>');
    expect(table).toContain('href="../../2018/dec/days-to-close.html">← December 2018</a>');
    expect(table).toContain('href="../../2019/feb/days-to-close.html">February 2019 →</a>');
    expect(table).toContain('<a href="days-to-close_chart.html">Chart</a><a href="days-to-close.csv">CSV</a>');
    const chart = files["2019/jan/days-to-close_chart.html"]!;
    expect(chart).toContain('href="../../2018/dec/days-to-close_chart.html">← December 2018</a>');
    expect(chart).toContain("<title>January 2019 Median days to close, chart, 311</title>");
  });

  test("its bars are one colour, titled with the measure and unit, and a group without a value has no bar", async () => {
    const page = (await pages(MEDIAN))["2019/jan/days-to-close_chart.html"]!;
    const [narrow, wide] = specsOf(page);
    expect(wide!.marks.map((m) => m.style)).toEqual([["bar"]]);
    expect(wide!.marks[0]!.encode.update.fill).toEqual({ value: PALETTE[0] });
    expect(wide!.legends).toBeUndefined();
    expect(axisTitles(wide!)).toEqual({ bottom: "Median case age days (days)" });
    expect(JSON.stringify(narrow)).toContain('"tip":"Pothole: 3.50 days"');
    expect(JSON.stringify(narrow)).not.toContain("(blank)");
    expect(page).toContain("Pothole: 3.50 days"); // the SVG's own description, without JavaScript
  });
});

describe("a count report", () => {
  const BY_SERVICE: MonthReportOf = {
    definition: definition({ id: "by-service", title: "Requests by service", chartField: "case_record_type" }),
    report: report(table({ service_name: ["Pothole", "Graffiti"], count: [6, 3] }), {
      breakdown: table({
        service_name: ["Graffiti", "Pothole", "Pothole"],
        case_record_type: ["Request", "Complaint", "Request"],
        count: [3, 2, 4],
      }),
    }),
  };

  test("its table shows the change since the previous month, per group and in total", async () => {
    const december = toMonthSummary(monthReport("2018-12", [["Pothole", "Request"]]), PAGE_CONFIG);
    const previous = withRows(december, "by-service", [{ service_name: "Pothole", count: 4 }]);
    const page = (await pages(BY_SERVICE, { previous }))["2019/jan/by-service.html"]!;
    expect(page).toContain("Requests per Service name, with the change since December 2018. Largest first;");
    expect(page).toContain(">Change since December 2018</th>");
    expect(page).toContain('<td class="num" data-value="2">+2 (+50.0%)</td>');
    expect(page).toContain('<td class="num" data-value="3">+3 (new)</td>');
    expect(page).toContain(
      '<tfoot><tr><td>Total</td><td class="num">9</td><td class="num">+5 (+125.0%)</td></tr></tfoot>',
    );
    expect(page).toContain('<p class="headline">Total: 9 requests</p>');
  });

  test("its bars stack by the chart field", async () => {
    const [narrow] = specsOf((await pages(BY_SERVICE))["2019/jan/by-service_chart.html"]!);
    expect(narrow!.legends?.map((l) => l.title)).toEqual(["Case record type"]);
    expect(axisTitles(narrow!)).toEqual({ bottom: "Requests" });
    expect(narrow!.data.flatMap((d) => d.transform ?? []).map((t) => t.type)).toContain("stack");
    expect(JSON.stringify(narrow)).toContain('"tip":"Pothole, Complaint: 2 requests"');
  });
});

describe("bars of a timestamp part", () => {
  test("keep the part's own order, not the largest first", async () => {
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const byWeekday: MonthReportOf = {
      definition: definition({ id: "weekday", title: "Per weekday", groupBy: [{ column: "opened", part: "weekday" }] }),
      report: report(table({ opened_weekday: days, count: [1, 7, 2, 6, 3, 5, 4] })),
    };
    const page = (await pages(byWeekday))["2019/jan/weekday_chart.html"]!;
    expect(page).toContain(`aria-label="Y-axis for a discrete scale with 7 values: ${days.join(", ")}"`);
  });
});

describe("a sum and a share", () => {
  test("a sum's change since last month prints its difference with the measure's decimals", async () => {
    const total: MonthReportOf = {
      definition: definition({ id: "days", title: "Days open", unit: "days", measure: { kind: "sum", column: "age" } }),
      report: report(table({ service_name: ["Pothole"], sum_age: [3.5] })),
    };
    const december = toMonthSummary(monthReport("2018-12", [["Pothole", "Request"]]), PAGE_CONFIG);
    const previous = withRows(december, "days", [{ service_name: "Pothole", sum_age: 1.25 }]);
    const page = (await pages(total, { previous }))["2019/jan/days.html"]!;
    expect(page).toContain(">Total age (days)</th>");
    expect(page).toContain('<td class="num" data-value="2.25">+2.25 (+180.0%)</td>');
    expect(page).toContain('<p class="headline">Total: 3.50 days</p>');
  });

  test("a share prints percentages, and its heading no unit of its own", async () => {
    const share: MonthReportOf = {
      definition: definition({
        id: "closed",
        title: "Closed",
        measure: { kind: "share", column: "status", values: ["Closed", "Referred"] },
      }),
      report: report(table({ service_name: ["Pothole"], share_status: [0.41234] }), { overall: 0.5 }),
    };
    const page = (await pages(share))["2019/jan/closed.html"]!;
    expect(page).toContain(">Share with Status Closed or Referred</th>");
    expect(page).toContain('<td class="num" data-value="0.41234">41.2%</td>');
    expect(page).toContain('<p class="headline">Overall: 50.0%</p>');
  });

  test("labels name a key by its configured label, its part or its column, and a value by its measure", () => {
    const hour = { column: "requested_datetime", part: "hour" } as const;
    expect(keyLabel(hour, "requested_datetime_hour", {})).toBe("Hour");
    expect(keyLabel(hour, "requested_datetime_hour", { requested_datetime_hour: "Hour received" })).toBe(
      "Hour received",
    );
    expect(keyLabel({ column: "council_district" }, "council_district", {})).toBe("Council district");
    expect(valueLabel({ kind: "count" }, {})).toBe("Requests");
    expect(valueLabel({ kind: "p90", column: "case_age_days" }, { case_age_days: "Days open" })).toBe(
      "90th percentile of days open",
    );
    expect(valueLabel({ kind: "distinct", column: "address" }, {})).toBe("Distinct address");
  });
});

describe("a heatmap", () => {
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  const cells = days.flatMap((day) => hours.map((hour) => [day, hour] as const));
  const HEATMAP: MonthReportOf = {
    definition: definition({
      id: "when",
      title: "Requests by weekday and hour",
      chart: "heatmap",
      groupBy: [
        { column: "requested_datetime", part: "weekday" },
        { column: "requested_datetime", part: "hour" },
      ],
    }),
    report: report(
      table({
        requested_datetime_weekday: cells.map((c) => c[0]),
        requested_datetime_hour: cells.map((c) => c[1]),
        count: cells.map((_, i) => i % 17),
      }),
    ),
  };

  test("weekdays down the side and hours across in their own order, a sequential colour scale with a legend", async () => {
    const page = (await pages(HEATMAP))["2019/jan/when_chart.html"]!;
    const [narrow, wide] = specsOf(page);
    expect(wide!.marks.map((m) => m.type)).toEqual(["rect"]);
    expect(axisTitles(wide!)).toEqual({ bottom: "Hour", left: "Weekday" });
    expect(wide!.scales.find((sc) => sc.name === "color")).toMatchObject({ range: { scheme: "viridis" } });
    expect(wide!.legends?.map((l) => l.title)).toEqual(["Requests"]);
    // on a phone the 24 hours go down the side, so each cell stays wide enough to read and tap
    expect(axisTitles(narrow!)).toEqual({ bottom: "Weekday", left: "Hour" });
    // there the weekdays stand upright rather than drop the ones that would overlap; hours fit level
    const angle = (spec: VegaSpec) => spec.axes.find((a) => a.orient === "bottom" && a.title)?.labelAngle;
    expect([angle(narrow!), angle(wide!)]).toEqual([270, 0]); // Vega-Lite writes -90° as 270°
    // the SVG (read without JavaScript) names the axes' values in the parts' own order
    expect(page).toContain(
      `aria-label="Y-axis titled 'Weekday' for a discrete scale with 7 values: ${days.join(", ")}"`,
    );
    expect(page).toContain(
      "aria-label=\"X-axis titled 'Hour' for a discrete scale with 24 values: 00, 01, 02, 03, 04,",
    );
    expect(page).toContain("Tuesday, 05: 12 requests");
    const [narrowWidth, wideWidth] = svgWidths(page);
    expect(narrowWidth).toBeLessThanOrEqual(CHART_WIDTHS_PX.narrow);
    expect(wideWidth).toBeLessThanOrEqual(CHART_WIDTHS_PX.wide);
  });

  test("its table heads the keys with the parts' names and keeps their order", async () => {
    const page = (await pages(HEATMAP))["2019/jan/when.html"]!;
    expect(page).toMatch(/<th scope="col"[^>]*>Weekday<\/th><th scope="col"[^>]*>Hour<\/th>/);
    expect(page).toContain("In weekday, then hour order; select a column heading to sort.");
    expect(page).not.toContain('aria-sort="descending"');
  });
});

describe("a line", () => {
  const LINE: MonthReportOf = {
    definition: definition({
      id: "per-day",
      title: "Requests per day",
      chart: "line",
      groupBy: [{ column: "requested_datetime", part: "date" }],
      chartField: "case_record_type",
    }),
    report: report(table({ requested_datetime_date: ["2019-01-01", "2019-01-02", "(blank)"], count: [5, 7, 1] }), {
      breakdown: table({
        requested_datetime_date: ["2019-01-01", "2019-01-01", "2019-01-02", "(blank)"],
        case_record_type: ["Request", "Complaint", "Request", "Request"],
        count: [3, 2, 7, 1],
      }),
    }),
  };

  test("dates across, the value up, one line per chart field value; a blank date is not a point", async () => {
    const page = (await pages(LINE))["2019/jan/per-day_chart.html"]!;
    const [, wide] = specsOf(page);
    expect(JSON.stringify(wide!.marks)).toContain('"type":"line"');
    expect(axisTitles(wide!)).toEqual({ bottom: "Date", left: "Requests" });
    expect(wide!.scales.find((sc) => sc.name === "x")).toMatchObject({ type: "utc" });
    expect(wide!.legends?.map((l) => l.title)).toEqual(["Case record type"]);
    const json = JSON.stringify(wide);
    expect(json).toContain('"tip":"2019-01-02, Request: 7 requests"');
    expect(json).not.toContain("(blank)");
    expect(page).toContain("<svg");
  });
});

describe("escaping", () => {
  const HOSTILE = "<script>alert(1)</script>";
  const HOSTILE_REPORT: MonthReportOf = {
    definition: definition({
      id: "hostile",
      title: `Requests <img src=x onerror=alert(1)>`,
      description: `"Closed" & <b>bold</b>`,
      chartField: "case_record_type",
    }),
    report: report(table({ service_name: [HOSTILE, "javascript:alert(1)"], count: [2, 1] }), {
      breakdown: table({
        service_name: [HOSTILE, "javascript:alert(1)"],
        case_record_type: ['x" onmouseover="alert(1)', "Request"],
        count: [2, 1],
      }),
    }),
  };

  test("hostile titles, descriptions and group values stay text on the table page", async () => {
    const page = (await pages(HOSTILE_REPORT))["2019/jan/hostile.html"]!;
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain("<b>bold</b>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;</td>");
    expect(page).toContain("<h1>January 2019: Requests &lt;img src=x onerror=alert(1)&gt;</h1>");
    expect(page).toContain('<p class="description">&quot;Closed&quot; &amp; &lt;b&gt;bold&lt;/b&gt;</p>');
    expect(page).not.toMatch(/href="javascript:/i);
  });

  test("the chart page's SVG and specs cannot close their tags", async () => {
    const page = (await pages(HOSTILE_REPORT))["2019/jan/hostile_chart.html"]!;
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain("<img src=x");
    // a quote in an attribute is &quot;, so no value opens an attribute of its own (in the SVG's text it is text)
    expect(page).toContain("x&quot; onmouseover=&quot;alert(1)");
    expect(page).not.toMatch(/<[^>]*\sonmouseover="/);
    expect(page.match(/<script/g)).toHaveLength(4); // the two specs and the two site scripts
    for (const spec of specsOf(page)) expect(JSON.stringify(spec)).toContain(HOSTILE);
  });
});

/** The previous month's summary, holding one report's rows as summary.json does for a count or a sum. */
function withRows(month: MonthSummary, id: string, rows: ReportRow[]): MonthSummary {
  const links = { table: "", chart: "", csv: "" };
  return { ...month, reports: [{ id, title: id, measure: "count", value: null, text: "", links, rows }] };
}

describe("a heatmap's axes", () => {
  test("order a timestamp part's values as the report's rows are ordered, unknown text after Sunday", () => {
    const values = ["(blank)", "Funday", "Sunday", "Monday", "Monday"];
    const weekday = { key: { column: "requested_datetime", part: "weekday" as const }, name: "d", label: "Day" };
    expect(keyOrder(weekday, values)).toEqual(["Monday", "Sunday", "Funday", "(blank)"]);
    expect(keyOrder(weekday, values)).toEqual([...new Set(values)].sort((a, b) => compareKeyValue("weekday", a, b)));
    const hour = { key: { column: "requested_datetime", part: "hour" as const }, name: "h", label: "Hour" };
    expect(keyOrder(hour, ["(blank)", "13", "00"])).toEqual(["00", "13", "(blank)"]);
  });
});
