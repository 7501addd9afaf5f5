// The map pages: the join of a month's groups to the shapes' areas (both ways), and the shorthand's
// map page rendered through planSite with hostile area names.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readShapes } from "../../src/config/shapes.js";
import { joinAreas, type PageConfig } from "../../src/render/index.js";
import { tempDir } from "../support/s3.js";
import { monthReport, PAGE_CONFIG, renderSiteFiles, times } from "./support.js";

describe("joinAreas", () => {
  test("areas without data and groups without an area, each listed; every area mapped in the shapes' order", () => {
    const join = joinAreas(
      [
        { area: "3", value: 7 },
        { area: "1", value: 5 },
        { area: "9", value: 2 },
      ],
      ["1", "2", "3"],
    );
    expect(join.mapped).toEqual([
      { area: "1", value: 5 },
      { area: "2", value: null },
      { area: "3", value: 7 },
    ]);
    expect(join.dataOnly).toEqual([{ area: "9", value: 2 }]);
    expect(join.shapesOnly).toEqual(["2"]);
  });

  test("everything joins: nothing listed; the match is exact text (no trimming, no case folding)", () => {
    expect(joinAreas([{ area: "A", value: 1 }], ["A"])).toMatchObject({ dataOnly: [], shapesOnly: [] });
    const join = joinAreas([{ area: "a ", value: 1 }], ["A"]);
    expect(join.dataOnly.map((a) => a.area)).toEqual(["a "]);
    expect(join.shapesOnly).toEqual(["A"]);
  });
});

const HOSTILE = '<script>alert("x")</script> & "co"';

function square(lng: number, name: string) {
  const ring = [
    [lng, 32.7],
    [lng + 0.05, 32.7],
    [lng + 0.05, 32.75],
    [lng, 32.75],
    [lng, 32.7],
  ];
  return { type: "Feature", properties: { service_name: name }, geometry: { type: "Polygon", coordinates: [ring] } };
}

describe("the shorthand's map page", () => {
  test("final_report_map.html: escaped names, the table, both unjoined lists, a Map link; the trend's table per area", async () => {
    const file = join(tempDir("map-page-"), "areas.geojson");
    const features = [square(-117.2, HOSTILE), square(-117.1, "Graffiti")];
    writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features }));
    const shapes = await readShapes(file, { key: "service_name" });
    const pageConfig: PageConfig = {
      ...PAGE_CONFIG,
      maps: { areas: { final_report: { key: "service_name", shapes } } },
    };
    const month = monthReport("2019-01", [...times(3, [HOSTILE, "Request"]), ...times(2, ["Pothole", "Request"])]);
    const { files } = await renderSiteFiles([month], pageConfig);
    const page = String(files.find((f) => f.path === "2019/jan/final_report_map.html")?.body);
    expect(page).not.toContain("<script>alert");
    expect(page).toContain(
      '<th scope="row">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;co&quot;</th>',
    );
    expect(page).toContain(
      '<p id="data-only">In the data but without a shape, so not drawn: Pothole (2 requests).</p>',
    );
    expect(page).toContain('<p id="shapes-only">Shapes without data this month, drawn grey: Graffiti.</p>');
    expect(page).toContain(`"url":"../../${shapes.path}"`);
    // the SVG names the area and its value for a screen reader, escaped
    expect(page).toMatch(
      /aria-label="&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &quot;co&quot;: 3 requests"/,
    );
    const table = String(files.find((f) => f.path === "2019/jan/final_report.html")?.body);
    expect(table).toContain('<a href="final_report_map.html">Map</a>');
    const trend = String(files.find((f) => f.path === "trend.html")?.body);
    expect(trend).toContain("per Service name in the last month.");
    expect(trend).not.toContain("<script>alert");
  });

  test("without maps, no map page and no Map link", async () => {
    const { files } = await renderSiteFiles([monthReport("2019-01", [["Pothole", "Request"]])], PAGE_CONFIG);
    expect(files.some((f) => f.path.endsWith("_map.html"))).toBe(false);
    expect(String(files.find((f) => f.path === "2019/jan/final_report.html")?.body)).not.toContain(">Map</a>");
  });
});
