// The maps' shapes files: checked before any raw data is read, each problem naming the file and what is wrong.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import type { Topology } from "topojson-specification";
import { describe, expect, test } from "vitest";
import { configFromSpec, readSiteMaps, SHAPES_MAX_BYTES } from "../../src/config/index.js";
import { readShapes } from "../../src/config/shapes.js";
import { expectReportsiteError } from "../support/errors.js";
import { tempDir } from "../support/s3.js";

/** A square area of `size` degrees at lng/lat, anticlockwise as RFC 7946 writes it. */
function square(lng: number, lat: number, size: number, properties: Record<string, unknown>) {
  const ring = [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ];
  return { type: "Feature", properties, geometry: { type: "Polygon", coordinates: [ring] } };
}

function collection(features: unknown[]) {
  return { type: "FeatureCollection", features };
}

function shapesFile(content: unknown, name = "districts.geojson"): string {
  const file = join(tempDir("shapes-"), name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const TWO = collection([square(-117.2, 32.7, 0.1, { district: "1" }), square(-117.1, 32.7, 0.1, { district: 2 })]);

describe("readShapes", () => {
  test("GeoJSON: the areas' key values in order (numbers as text), published as TopoJSON under assets/ named by its bytes", async () => {
    const shapes = await readShapes(shapesFile(TWO), { key: "district" });
    expect(shapes.areas).toEqual(["1", "2"]);
    expect(shapes.path).toMatch(/^assets\/districts\.[0-9a-f]{12}\.json$/);
    const published = JSON.parse(shapes.body) as Topology;
    expect(published.type).toBe("Topology");
    const areas = feature(published, published.objects.areas!) as unknown as { features: { properties: unknown }[] };
    // only the key is published: other properties of the user's file stay out of the site
    expect(areas.features.map((f) => f.properties)).toEqual([{ area: "1" }, { area: "2" }]);
    expect(shapes.simplified).toBe(false);
    // the same bytes, the same name; other bytes, another name
    expect((await readShapes(shapesFile(TWO), { key: "district" })).path).toBe(shapes.path);
    const moved = collection([square(-117.3, 32.7, 0.1, { district: "1" })]);
    expect((await readShapes(shapesFile(moved), { key: "district" })).path).not.toBe(shapes.path);
  });

  test("TopoJSON input reads as its features", async () => {
    const topo = topology({ districts: TWO as never });
    const shapes = await readShapes(shapesFile(topo, "districts.topojson"), { key: "district" });
    expect(shapes.areas).toEqual(["1", "2"]);
  });

  test("an area without the key property names the feature, the key and the properties it has", async () => {
    const file = shapesFile(
      collection([square(-117.2, 32.7, 0.1, { district: "1" }), square(-117.1, 32.7, 0.1, { name: "x" })]),
    );
    await expectReportsiteError(() => readShapes(file, { key: "district" }), {
      name: "ConfigError",
      message: `${file}: features[1] has no "district" property (the map's key); it has "name"`,
    });
  });

  test("a projected file (state plane feet) fails naming the position and the reason", async () => {
    const file = shapesFile(collection([square(6_283_745, 1_842_348, 5_000, { district: "1" })]));
    await expectReportsiteError(() => readShapes(file, { key: "district" }), {
      name: "ConfigError",
      message:
        /features\[0\] has the position \[6283745, 1842348\], outside longitude -180\.\.180 and latitude -90\.\.90: the file looks projected/,
      hint: /EPSG:4326/,
    });
  });

  test("a file over the size limit fails with its size and the limit, before it is parsed", async () => {
    const file = shapesFile(`${" ".repeat(SHAPES_MAX_BYTES + 1024)}not json`);
    await expectReportsiteError(() => readShapes(file, { key: "district" }), {
      name: "ConfigError",
      message: `${file}: the shapes file is 20.0 MB, more than the 20.0 MB limit`,
    });
  });

  test.each([
    ["not JSON", "{", /not valid JSON/],
    ["another JSON", '{"type": "Topic"}', /not GeoJSON or TopoJSON \(its "type" is "Topic"\)/],
    ["no features", collection([]), /has no features/],
    [
      "a point for an area",
      collection([
        { type: "Feature", properties: { district: "1" }, geometry: { type: "Point", coordinates: [-117, 32] } },
      ]),
      /features\[0\] is a Point; a map's areas are Polygons or MultiPolygons/,
    ],
  ])("%s fails naming the file", async (_, content, message) => {
    const file = shapesFile(content);
    const error = await expectReportsiteError(() => readShapes(file, { key: "district" }), {
      name: "ConfigError",
      message,
    });
    expect(error.message.startsWith(`${file}: `)).toBe(true);
  });

  test("a missing file names it", async () => {
    await expectReportsiteError(() => readShapes("/nowhere/districts.geojson", { key: "district" }), {
      name: "ConfigError",
      message: /^\/nowhere\/districts\.geojson: cannot read the shapes file/,
    });
  });

  test("a large file is simplified (fewer points), its areas kept; a basemap needs no key and may hold lines", async () => {
    // a circle of 20,000 points: far more than a map's width shows
    const ring = Array.from({ length: 20_001 }, (_, i) => {
      const a = (2 * Math.PI * (i % 20_000)) / 20_000;
      return [-117.15 + 0.1 * Math.cos(a), 32.8 + 0.1 * Math.sin(a)];
    });
    const big = collection([
      { type: "Feature", properties: { district: "1" }, geometry: { type: "Polygon", coordinates: [ring] } },
    ]);
    const shapes = await readShapes(shapesFile(big), { key: "district" });
    expect(shapes.simplified).toBe(true);
    const published = JSON.parse(shapes.body) as Topology;
    expect(published.arcs.reduce((n, arc) => n + arc.length, 0)).toBeLessThan(5_000);
    const streets = collection([
      {
        type: "Feature",
        properties: {},
        geometry: {
          type: "LineString",
          coordinates: [
            [-117.2, 32.7],
            [-117.1, 32.8],
          ],
        },
      },
    ]);
    expect((await readShapes(shapesFile(streets), {})).areas).toEqual([]);
  });
});

describe("map in site-config.json", () => {
  const base = { raw: { bucket: "raw-b" }, site: { bucket: "site-b" } };

  test("a report's map.shapes and site.basemap resolve against the config's folder; readSiteMaps reads each", async () => {
    const dir = tempDir("shapes-config-");
    writeFileSync(join(dir, "districts.geojson"), JSON.stringify(TWO));
    const config = configFromSpec(
      {
        ...base,
        site: { ...base.site, basemap: "districts.geojson" },
        reports: [
          {
            id: "by-district",
            title: "By district",
            groupBy: ["district"],
            map: { shapes: "districts.geojson", key: "district" },
          },
        ],
      },
      { file: join(dir, "site-config.json"), baseDir: dir },
    );
    expect(config.reports[0]!.map).toEqual({ shapes: join(dir, "districts.geojson"), key: "district" });
    expect(config.site.basemap).toBe(join(dir, "districts.geojson"));
    const maps = await readSiteMaps(config);
    expect(maps?.areas["by-district"]?.areas).toEqual(["1", "2"]);
    expect(maps?.basemap?.areas).toEqual([]);
  });

  test("a map needs one groupBy column, and with reports report.map is the shorthand's", async () => {
    const map = { shapes: "d.geojson", key: "district" };
    await expectReportsiteError(
      () => configFromSpec({ ...base, reports: [{ id: "a", title: "A", groupBy: ["district", "service_name"], map }] }),
      {
        name: "ConfigError",
        message:
          /reports\[0\] \("a"\)\.map: a map needs exactly one groupBy column whose values are the areas' "district" property, found district, service_name/,
      },
    );
    await expectReportsiteError(
      () => configFromSpec({ ...base, report: { map }, reports: [{ id: "a", title: "A", groupBy: ["district"] }] }),
      { name: "ConfigError", message: /report\.map: with "reports", each report has its own map/ },
    );
    await expectReportsiteError(() => configFromSpec({ ...base, report: { groupBy: ["a", "b"], map } }), {
      name: "ConfigError",
      message: /report\.map: a map needs exactly one groupBy column/,
    });
  });
});
