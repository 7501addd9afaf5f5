import { describe, expect, test } from "vitest";
import { renderChart } from "../../src/render/chart.js";

describe("chart fields are the chart's own; column names are only titles", () => {
  test.each([
    { groupBy: ["service_name"], chartField: "case.type" }, // a dot: Vega-Lite would read a nested path
    { groupBy: ["group"], chartField: "type[0]" }, // a name equal to the chart's field, and brackets
    { groupBy: ["service.name"], chartField: "group" },
  ])("groupBy $groupBy, chartField $chartField", async ({ groupBy, chartField }) => {
    const breakdown = [
      { [groupBy[0]!]: "Pothole", [chartField]: "Request", count: 3 },
      { [groupBy[0]!]: "Pothole", [chartField]: "Complaint", count: 1 },
      { [groupBy[0]!]: "Graffiti", [chartField]: "Request", count: 2 },
    ];
    const { svg } = await renderChart({ title: "January 2019", groupBy, chartField, breakdown });
    expect(svg).not.toContain("undefined");
    // the legend names both record types, the axis both groups, and the legend is titled with the column
    for (const text of ["Request", "Complaint", "Pothole", "Graffiti", `>${chartField}<`]) expect(svg).toContain(text);
  });
});
