// One unit per report: the table's heading, its cells, the headline, summary.json's text and the
// trend's heading all print a report's values in the unit unitOf gives.
import { describe, expect, test } from "vitest";
import type { Measure, ReportDefinition } from "../../src/config/index.js";
import { valueTitle } from "../../src/render/report-table.js";
import { formatReportValue, unitOf } from "../../src/render/report-values.js";
import { renderTrendPage, toMonthSummary, toSiteSummary } from "../../src/render/index.js";
import { NOV, REPORTS_CONFIG } from "./reports-support.js";

function definition(measure: Measure, unit?: string): ReportDefinition {
  return {
    id: "r",
    title: "R",
    groupBy: [{ column: "service_name" }],
    measure,
    filter: [],
    chart: "bar",
    files: { csv: "r.csv", table: "r.html", chart: "r_chart.html" },
    maxGroups: 100,
    ...(unit === undefined ? {} : { unit }),
  };
}

describe("unitOf", () => {
  test("a count's unit is its unit, else requests; a distinct's its unit; a share has none", () => {
    expect(unitOf(definition({ kind: "count" }))).toBe("requests");
    expect(unitOf(definition({ kind: "count" }, "cases"))).toBe("cases");
    expect(unitOf(definition({ kind: "distinct", column: "street" }))).toBeUndefined();
    expect(unitOf(definition({ kind: "distinct", column: "street" }, "streets"))).toBe("streets");
    expect(unitOf(definition({ kind: "share", column: "status", values: ["Closed"] }, "cases"))).toBeUndefined();
    expect(unitOf(definition({ kind: "median", column: "age" }, "days"))).toBe("days");
  });

  test("a count with a unit: heading and headline both say it", () => {
    const cases = definition({ kind: "count" }, "cases");
    expect(valueTitle(cases, {})).toBe("Requests (cases)");
    expect(formatReportValue(cases, 1234)).toBe("1,234 cases");
    expect(formatReportValue(cases, 1234, { withUnit: false })).toBe("1,234");
  });

  test("a count without one: the heading is its label, the headline says requests", () => {
    const count = definition({ kind: "count" });
    expect(valueTitle(count, {})).toBe("Requests");
    expect(formatReportValue(count, 1234)).toBe("1,234 requests");
    expect(formatReportValue(count, 1)).toBe("1 request");
  });

  test("a distinct with a unit: heading and headline both say it", () => {
    const streets = definition({ kind: "distinct", column: "street" }, "streets");
    expect(valueTitle(streets, {})).toBe("Distinct street (streets)");
    expect(formatReportValue(streets, 12)).toBe("12 streets");
    const plain = definition({ kind: "distinct", column: "street" });
    expect(valueTitle(plain, {})).toBe("Distinct street");
    expect(formatReportValue(plain, 12)).toBe("12");
  });

  test("a share: no unit in the heading, the value carries %", () => {
    const share = definition({ kind: "share", column: "status", values: ["Closed"] }, "cases");
    expect(valueTitle(share, {})).toBe("Share with Status Closed");
    expect(formatReportValue(share, 0.412)).toBe("41.2%");
  });

  test("the trend's heading names a count's own unit, as its headline does", async () => {
    const summary = toSiteSummary([toMonthSummary(NOV, REPORTS_CONFIG)], REPORTS_CONFIG);
    const reports = summary.reports!.map((r) => (r.measure === "count" ? { ...r, unit: "cases" } : r));
    const html = await renderTrendPage({ ...summary, reports });
    expect(html).toContain('<th scope="col" class="num">Requests by service <span class="meta">(cases)</span></th>');
    expect(html).toContain("Requests by service per month, in cases.");
    expect(html).not.toContain("(requests)");
  });
});
