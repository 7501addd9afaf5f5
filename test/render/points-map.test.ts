// The map of a report's squares: the cells on a flat map in whole metres (no degree of latitude or
// longitude in the spec), an outline drawn underneath when given, and both widths rendered to SVG.
import { describe, expect, test } from "vitest";
import { cellBounds } from "../../src/map-grid.js";
import { fileURLToPath } from "node:url";
import { readShapes } from "../../src/config/shapes.js";
import { renderPointsMap, toPointsMapSpec, type PointsMapInput } from "../../src/render/points-map.js";
import { pointsOutline } from "../../src/render/points-page.js";
import type { PageConfig } from "../../src/render/index.js";
import { PAGE_CONFIG } from "./support.js";

const DISTRICTS = fileURLToPath(new URL("../../site/council-districts.geojson", import.meta.url));

const CELLS = [
  { row: 7275, col: -21923, count: 12 },
  { row: 7276, col: -21923, count: 5 },
  { row: 7280, col: -21919, count: 30 },
];
const input: PointsMapInput = {
  description: "Requests in January 2019",
  cells: CELLS,
  cellSize: 500,
  tip: (c) => `cell ${c.count}`,
};

/** Every number in a JSON value. */
function numbersOf(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersOf);
  return [];
}

describe("the points map", () => {
  test("its cells are in whole metres from the map's corner, each a square of the cell size", () => {
    const spec = toPointsMapSpec(input, "wide") as { layer: { data: { values: unknown[] } }[] };
    expect(spec.layer).toHaveLength(1);
    const features = spec.layer[0]!.data.values as { geometry: { coordinates: number[][][] } }[];
    expect(features).toHaveLength(3);
    for (const f of features) {
      const ring = f.geometry.coordinates[0]!;
      expect(ring.flat().every(Number.isInteger)).toBe(true);
      const xs = ring.map(([x]) => x!);
      const ys = ring.map(([, y]) => y!);
      expect(Math.max(...ys) - Math.min(...ys)).toBe(500);
      expect(Math.abs(Math.max(...xs) - Math.min(...xs) - 500)).toBeLessThanOrEqual(1);
    }
    // the degrees of the cells' corners are nowhere in the spec
    const corner = cellBounds(7275, -21923, 500);
    const text = JSON.stringify(spec);
    for (const degrees of [corner.south, corner.west]) expect(text).not.toContain(String(degrees).slice(0, 6));
  });

  test("an outline is drawn first (underneath), in the same metres, and joins the map's frame", () => {
    const { south, west } = cellBounds(7275, -21923, 500);
    const ring = [
      [west - 0.01, south - 0.01],
      [west - 0.01, south + 0.05],
      [west + 0.05, south + 0.05],
      [west - 0.01, south - 0.01],
    ];
    const outline = {
      type: "FeatureCollection" as const,
      features: [{ type: "Feature" as const, geometry: { type: "Polygon" as const, coordinates: [ring] } }],
    };
    const spec = toPointsMapSpec({ ...input, outline }, "narrow") as {
      layer: { mark: { filled?: boolean }; data: { values: unknown[] } }[];
    };
    expect(spec.layer).toHaveLength(2);
    expect(spec.layer[0]!.mark.filled).toBe(false);
    const numbers = numbersOf(spec.layer[0]!.data.values);
    expect(numbers.every(Number.isInteger)).toBe(true);
    // 0.01 degrees south-west of the first cell's corner: about 1,112 m below it
    expect(Math.min(...numbers)).toBeLessThan(-900);
  });

  test("both widths render to SVG with one shape per cell, its tooltip its accessible name", async () => {
    const pair = await renderPointsMap(input);
    for (const width of ["narrow", "wide"] as const) {
      const labels = [...pair[width].svg.matchAll(/aria-roledescription="geoshape"/g)];
      expect(labels).toHaveLength(3);
      expect(pair[width].svg).toContain('aria-label="cell 30"');
      expect(pair[width].svg).toContain("Requests per cell");
    }
  });
});

describe("the outline under a page of locations", () => {
  const pageConfig = (maps: PageConfig["maps"]) => ({ ...PAGE_CONFIG, maps });

  test("is the report's own areas when it has a map, else the basemap, else none", async () => {
    const districts = await readShapes(DISTRICTS, { key: "district" });
    const basemap = await readShapes(DISTRICTS, {});
    const areas = { "by-area": { key: "district", shapes: districts } };
    const own = pointsOutline(pageConfig({ areas }), "by-area")!;
    expect(own.type).toBe("FeatureCollection");
    expect(own.features).toHaveLength(districts.areas.length);
    expect(own.features.every((f) => f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon")).toBe(true);
    expect(pointsOutline(pageConfig({ areas, basemap }), "other")!.features).toHaveLength(6);
    expect(pointsOutline(pageConfig({ areas }), "other")).toBeUndefined();
    expect(pointsOutline(PAGE_CONFIG, "by-area")).toBeUndefined();
  });
});
