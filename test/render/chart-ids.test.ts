/** A chart's SVG is the same bytes however many charts the process rendered before it (its page is not rewritten for nothing). */
import { describe, expect, test } from "vitest";
import { stableDefIds } from "../../src/render/chart.js";
import { renderHeatmap, type GridInput } from "../../src/render/report-charts.js";

const heatmap = (scale: number): GridInput => ({
  description: "Requests per weekday and hour",
  xLabel: "Hour",
  yLabel: "Weekday",
  valueTitle: "Requests",
  valueText: (n) => `${n} requests`,
  xOrder: ["08", "09"],
  yOrder: ["Monday", "Tuesday"],
  seriesLabel: "",
  points: [
    { x: "08", y: "Monday", value: 1 * scale, series: "" },
    { x: "09", y: "Monday", value: 2 * scale, series: "" },
    { x: "08", y: "Tuesday", value: 3 * scale, series: "" },
  ],
});

/** The ids an SVG defines and those it refers to with url(#…). */
function defIds(svg: string): { defined: string[]; referred: string[] } {
  return {
    defined: [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!),
    referred: [...new Set([...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!))],
  };
}

describe("the ids of a chart's gradients and clip paths", () => {
  test("a heatmap renders to the same bytes after other charts advanced Vega's counter", async () => {
    const first = await renderHeatmap(heatmap(1));
    await renderHeatmap(heatmap(10));
    const again = await renderHeatmap(heatmap(1));
    expect(again.narrow.svg).toBe(first.narrow.svg);
    expect(again.wide.svg).toBe(first.wide.svg);
  });

  test("each width's legend gradient is defined in its own SVG under an id the other width does not use", async () => {
    const { narrow, wide } = await renderHeatmap(heatmap(1));
    const [n, w] = [defIds(narrow.svg), defIds(wide.svg)];
    expect(n.referred.length).toBeGreaterThan(0);
    for (const ids of [n, w]) for (const id of ids.referred) expect(ids.defined).toContain(id);
    expect(n.referred.filter((id) => w.defined.includes(id))).toEqual([]);
  });

  test("ids are numbered by first mention under a prefix from the content; an SVG without any is unchanged", () => {
    const svg =
      '<svg><path fill="url(#gradient_7)"/><linearGradient id="gradient_7"/><g clip-path="url(#clip3)"/></svg>';
    const stable = stableDefIds(svg);
    expect(stable).toMatch(
      /^<svg><path fill="url\(#def_([0-9a-f]{8})_0\)"\/><linearGradient id="def_\1_0"\/><g clip-path="url\(#def_\1_1\)"\/><\/svg>$/,
    );
    expect(stableDefIds(svg.replaceAll("gradient_7", "gradient_12").replaceAll("clip3", "clip9"))).toBe(stable);
    expect(stableDefIds("<svg><text>gradient_1</text></svg>")).toBe("<svg><text>gradient_1</text></svg>");
  });
});
