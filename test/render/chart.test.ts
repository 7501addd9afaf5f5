import { describe, expect, test } from "vitest";
import { renderChart, CHART_WIDTHS_PX } from "../../src/render/chart.js";

const input = (groupBy: string[], chartField: string) => ({
  description: "January 2019",
  groupBy,
  chartField,
  groupLabel: groupBy.join(" · "),
  typeLabel: chartField,
  breakdown: [
    { [groupBy[0]!]: "Pothole", [chartField]: "Request", count: 3 },
    { [groupBy[0]!]: "Pothole", [chartField]: "Complaint", count: 1 },
    { [groupBy[0]!]: "Graffiti", [chartField]: "Request", count: 2 },
  ],
});

describe("chart fields are the chart's own; column names are only titles", () => {
  test.each([
    { groupBy: ["service_name"], chartField: "case.type" }, // a dot: Vega-Lite would read a nested path
    { groupBy: ["group"], chartField: "type[0]" }, // a name equal to the chart's field, and brackets
    { groupBy: ["service.name"], chartField: "group" },
    // a backslash-quote in a column name broke the Vega expression parse
    { groupBy: ['ser"vice\\"x'], chartField: 'type\\"' },
    { groupBy: ["a'b"], chartField: "c\\" },
  ])("groupBy $groupBy, chartField $chartField", async ({ groupBy, chartField }) => {
    const { narrow, wide } = await renderChart(input(groupBy, chartField));
    for (const { svg } of [narrow, wide]) {
      expect(svg).not.toContain("undefined");
      // the legend names both record types, the axis both groups
      for (const text of ["Request", "Complaint", "Pothole", "Graffiti"]) expect(svg).toContain(text);
    }
  });
});

describe("charts are drawn at fixed widths with readable text", () => {
  test("both widths are the declared pixel widths, and no text is smaller than 11 px", async () => {
    const pair = await renderChart(input(["service_name"], "case_record_type"));
    for (const width of ["narrow", "wide"] as const) {
      const svg = pair[width].svg;
      expect(svg).toMatch(new RegExp(`^<svg[^>]* width="${CHART_WIDTHS_PX[width]}"`));
      const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)px"/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    }
  });

  test("every bar segment has an accessible label naming group, type and count", async () => {
    const { narrow } = await renderChart(input(["service_name"], "case_record_type"));
    const labels = [...narrow.svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels).toEqual(expect.arrayContaining(["Pothole, Request: 3 requests", "Graffiti, Request: 2 requests"]));
  });
});
