/**
 * Pure (but async): the map of a report's grid cells (map-grid.ts), a Vega-Lite geoshape drawn at
 * both widths like every chart. The cells are placed on a flat map in metres from the map's
 * south-west corner (an equirectangular projection around its middle, good to a few metres over a
 * city), rounded to whole metres: no degree of latitude or longitude is published, so no number on
 * the page can repeat a raw coordinate. An outline (the city, its districts) may be drawn underneath.
 */
import type { TopLevelSpec } from "vega-lite";
import { cellBounds, METRES_PER_DEGREE, type CellBounds, type GridCell } from "../map-grid.js";
import { chartConfig, CHART_WIDTHS_PX, renderChartPair, type ChartPair, type ChartWidth } from "./chart.js";
import { SEQUENTIAL_SCHEME } from "./report-charts.js";

/** A GeoJSON geometry (WGS84 degrees), as much of it as an outline needs. */
export type OutlineGeometry =
  | { readonly type: "Point"; readonly coordinates: Position }
  | { readonly type: "MultiPoint" | "LineString"; readonly coordinates: readonly Position[] }
  | { readonly type: "MultiLineString" | "Polygon"; readonly coordinates: readonly (readonly Position[])[] }
  | { readonly type: "MultiPolygon"; readonly coordinates: readonly (readonly (readonly Position[])[])[] }
  | { readonly type: "GeometryCollection"; readonly geometries: readonly OutlineGeometry[] };
type Position = readonly number[];

/** A GeoJSON FeatureCollection drawn under the cells: the user's own outline of the city or its districts. */
export interface OutlineCollection {
  readonly type: "FeatureCollection";
  readonly features: readonly { readonly type: "Feature"; readonly geometry: OutlineGeometry | null }[];
}

/** What the map shows. */
export interface PointsMapInput {
  /** Accessible description of the map. */
  description: string;
  /** The published cells (each holds at least minCount rows); at least one. */
  cells: readonly GridCell[];
  cellSize: number;
  /** How a tooltip names a cell, e.g. "Row 3 from the north, column 5 from the west: 12 requests". */
  tip: (cell: GridCell) => string;
  /** Drawn under the cells in grey; its extent joins the cells' in the map's frame. */
  outline?: OutlineCollection;
}

/** The fields of a cell's feature (names of ours). */
const FIELDS = { count: "properties.count", tip: "properties.tip" } as const;
/** The map's height stays between these (px), whatever the shape of the area. */
const HEIGHT_PX = { min: 200, max: 560 } as const;

/** Where the flat map's origin is and how wide a degree of longitude is there. */
interface Plane {
  west: number;
  south: number;
  metresPerLng: number;
}

/** The plane of the cells' extent: origin at its south-west corner, longitude scaled at its middle latitude. */
export function planeOf(cells: readonly GridCell[], cellSize: number): Plane {
  const bounds = cells.map((c) => cellBounds(c.row, c.col, cellSize));
  const south = Math.min(...bounds.map((b) => b.south));
  const north = Math.max(...bounds.map((b) => b.north));
  const middle = (((south + north) / 2) * Math.PI) / 180;
  return { west: Math.min(...bounds.map((b) => b.west)), south, metresPerLng: METRES_PER_DEGREE * Math.cos(middle) };
}

/** A position in whole metres east and north of the plane's origin. */
function toPlane(plane: Plane, lng: number, lat: number): [number, number] {
  return [Math.round((lng - plane.west) * plane.metresPerLng), Math.round((lat - plane.south) * METRES_PER_DEGREE)];
}

/** A cell's ring, clockwise (d3-geo's outer ring; the planar identity projection keeps the order). */
function cellRing(plane: Plane, b: CellBounds): [number, number][] {
  const at = (lng: number, lat: number) => toPlane(plane, lng, lat);
  return [at(b.west, b.south), at(b.west, b.north), at(b.east, b.north), at(b.east, b.south), at(b.west, b.south)];
}

/** The cells as GeoJSON features on the plane, with their count and tooltip. */
function cellFeatures(input: PointsMapInput, plane: Plane) {
  return input.cells.map((cell) => ({
    type: "Feature",
    properties: { count: cell.count, tip: input.tip(cell) },
    geometry: { type: "Polygon", coordinates: [cellRing(plane, cellBounds(cell.row, cell.col, input.cellSize))] },
  }));
}

/** An outline's geometry on the plane. */
function projectGeometry(plane: Plane, geometry: OutlineGeometry): unknown {
  const point = (p: Position) => toPlane(plane, p[0]!, p[1]!);
  switch (geometry.type) {
    case "Point":
      return { type: geometry.type, coordinates: point(geometry.coordinates) };
    case "MultiPoint":
    case "LineString":
      return { type: geometry.type, coordinates: geometry.coordinates.map(point) };
    case "MultiLineString":
    case "Polygon":
      return { type: geometry.type, coordinates: geometry.coordinates.map((ring) => ring.map(point)) };
    case "MultiPolygon":
      return { type: geometry.type, coordinates: geometry.coordinates.map((p) => p.map((ring) => ring.map(point))) };
    case "GeometryCollection":
      return { type: geometry.type, geometries: geometry.geometries.map((g) => projectGeometry(plane, g)) };
  }
}

function outlineFeatures(outline: OutlineCollection, plane: Plane) {
  return outline.features
    .filter((f) => f.geometry !== null)
    .map((f) => ({ type: "Feature", properties: {}, geometry: projectGeometry(plane, f.geometry!) }));
}

/** The map's height for its width: the cells' extent keeps its shape, within HEIGHT_PX. */
function heightFor(input: PointsMapInput, plane: Plane, width: number): number {
  const bounds = input.cells.map((c) => cellRing(plane, cellBounds(c.row, c.col, input.cellSize))[2]!);
  const east = Math.max(...bounds.map(([x]) => x), 1);
  const north = Math.max(...bounds.map(([, y]) => y), 1);
  return Math.round(Math.min(HEIGHT_PX.max, Math.max(HEIGHT_PX.min, (width * north) / east)));
}

/**
 * The Vega-Lite spec of the map at one width: the outline in grey (when given), then the cells
 * coloured by their count on a sequential scale, with its legend above the map.
 */
export function toPointsMapSpec(input: PointsMapInput, width: ChartWidth): TopLevelSpec {
  const plane = planeOf(input.cells, input.cellSize);
  const narrow = width === "narrow";
  const cells = {
    data: { values: cellFeatures(input, plane) },
    mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.5 },
    encoding: {
      color: {
        field: FIELDS.count,
        type: "quantitative",
        title: "Requests per cell",
        scale: { scheme: SEQUENTIAL_SCHEME },
        legend: { orient: "top", direction: "horizontal", gradientLength: narrow ? 180 : 300 },
      },
      tooltip: { field: FIELDS.tip, type: "nominal" },
      description: { field: FIELDS.tip, type: "nominal" },
    },
  } as const;
  const outline = input.outline && {
    data: { values: outlineFeatures(input.outline, plane) },
    mark: { type: "geoshape", filled: false, stroke: "#8a8f99", strokeWidth: 1, aria: false },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: input.description,
    width: CHART_WIDTHS_PX[width],
    height: heightFor(input, plane, CHART_WIDTHS_PX[width]),
    projection: { type: "identity", reflectY: true },
    layer: outline ? [outline, cells] : [cells],
    config: chartConfig(),
  } as TopLevelSpec;
}

/** The map at both widths. */
export function renderPointsMap(input: PointsMapInput): Promise<ChartPair> {
  return renderChartPair((width) => toPointsMapSpec(input, width), input.description);
}
