/**
 * The maps' shapes files (a report's `map.shapes`, `site.basemap`): read and checked at the build's
 * start, before any raw data is read, so a wrong file stops the build at once with its name and what
 * is wrong. Each is published once as TopoJSON under assets/, named by the fingerprint of its bytes,
 * and every month's map fetches it from there.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
// GeoJSON's types: the global namespace @types/topojson-client's declarations bring
type Feature = GeoJSON.Feature;
type FeatureCollection = GeoJSON.FeatureCollection;
type Geometry = GeoJSON.Geometry;
type Position = GeoJSON.Position;
import { feature as topologyFeatures, quantize } from "topojson-client";
import { topology as toTopology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import type { Objects, Topology } from "topojson-specification";
import { ConfigError } from "../errors.js";
import { ASSETS_FOLDER } from "../site-names.js";
import type { ReportDefinition } from "./reports.js";

/** Largest shapes file read: a city's districts or streets fit in far less, and every reader downloads it. */
export const SHAPES_MAX_BYTES = 20 * 1024 * 1024;
/** Files with more points than this are simplified: more would not show at a map's width, only weigh. */
export const SIMPLIFY_ABOVE_POINTS = 10_000;
/**
 * Visvalingam's tolerance: a point whose triangle with its neighbours is smaller than this many square
 * degrees goes (1e-7 square degrees is about 1,000 m², a 30 m × 30 m triangle at 33° latitude:
 * below a pixel of a city-wide map 680 px wide). Borders shared by two areas are simplified once, so they stay shared.
 */
export const SIMPLIFY_TOLERANCE = 1e-7;
/** Grid the published coordinates are rounded to, per axis over the file's extent (1/100,000 of a city is under a metre). */
const QUANTIZATION = 1e5;
/** The TopoJSON object the published areas are in, and the property naming each one. */
const SHAPES_OBJECT = "areas";
const AREA_PROPERTY = "area";

/** A shapes file as published: where, its bytes, and the areas it has. */
export interface MapShapes {
  /** Absolute path of the file it was read from. */
  readonly source: string;
  /** Path in the site, e.g. `assets/council-districts.3f2a9c1b4d5e.json`. */
  readonly path: string;
  /** The published TopoJSON: one object (`areas`), each feature with only its `area` property. */
  readonly body: string;
  /** Each area's key value (text), in the file's order, once; empty for a basemap. */
  readonly areas: readonly string[];
  /** Whether it was simplified (more than SIMPLIFY_ABOVE_POINTS points). */
  readonly simplified: boolean;
}

/** Every map's shapes: per report id with a map, and the basemap when site.basemap is set. */
export interface SiteMaps {
  readonly areas: Readonly<Record<string, MapShapes>>;
  readonly basemap?: MapShapes;
}

/** What a shapes file is read as: a report's areas (each feature has the `key` property) or the basemap. */
type ShapesUse = { readonly key: string } | { readonly key?: undefined };

/**
 * Read, check and prepare every shapes file the config names; undefined when it names none. A file
 * named by several reports is read once.
 */
export async function readSiteMaps(config: {
  readonly reports: readonly ReportDefinition[];
  readonly site: { readonly basemap?: string };
}): Promise<SiteMaps | undefined> {
  const mapped = config.reports.filter((r) => r.map !== undefined);
  const basemapFile = config.site.basemap;
  if (!mapped.length && basemapFile === undefined) return undefined;
  const read = new Map<string, Promise<MapShapes>>();
  const once = (file: string, use: ShapesUse) => {
    const id = JSON.stringify([file, use.key]);
    if (!read.has(id)) read.set(id, readShapes(file, use));
    return read.get(id)!;
  };
  const areas: Record<string, MapShapes> = {};
  for (const report of mapped) areas[report.id] = await once(report.map!.shapes, { key: report.map!.key });
  const basemap = basemapFile === undefined ? undefined : await once(basemapFile, {});
  return { areas, ...(basemap ? { basemap } : {}) };
}

/**
 * One shapes file, checked (size, JSON, GeoJSON or TopoJSON, key on every area, WGS84 range) and
 * prepared for publishing. Every problem is a ConfigError naming the file.
 */
export async function readShapes(file: string, use: ShapesUse): Promise<MapShapes> {
  const fail = (reason: string, hint?: string) => new ConfigError(`${file}: ${reason}`, { file, hint });
  const size = await stat(file).then(
    (s) => s.size,
    (error: Error) => {
      throw fail(
        `cannot read the shapes file: ${error.message}`,
        "Check the path in site-config.json (relative to it).",
      );
    },
  );
  if (size > SHAPES_MAX_BYTES)
    throw fail(
      `the shapes file is ${megabytes(size)}, more than the ${megabytes(SHAPES_MAX_BYTES)} limit`,
      "Simplify it first (e.g. `mapshaper in.geojson -simplify 10% -o out.geojson`), or keep only the areas the site maps.",
    );
  const features = shapesFeatures(parseJson(await readFile(file, "utf8"), fail), fail);
  const areas = checkFeatures(features, use, fail);
  return publishable(file, features, use, areas);
}

type Fail = (reason: string, hint?: string) => ConfigError;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function parseJson(text: string, fail: Fail): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail(`not valid JSON: ${(error as Error).message}`, "A shapes file is GeoJSON or TopoJSON.");
  }
}

const GEOMETRY_TYPES = [
  "Point",
  "MultiPoint",
  "LineString",
  "MultiLineString",
  "Polygon",
  "MultiPolygon",
  "GeometryCollection",
];

/** The features of a GeoJSON FeatureCollection, Feature or geometry, or of every object of a TopoJSON Topology. */
export function shapesFeatures(json: unknown, fail: Fail): Feature[] {
  const type = (json as { type?: unknown } | null)?.type;
  if (type === "Topology") return topologyFeatureList(json as Topology, fail);
  if (type === "FeatureCollection") {
    const features = (json as { features?: unknown }).features;
    if (!Array.isArray(features)) throw fail('a FeatureCollection without a "features" list');
    return features as Feature[];
  }
  if (type === "Feature") return [json as Feature];
  if (typeof type === "string" && GEOMETRY_TYPES.includes(type))
    return [{ type: "Feature", geometry: json as Geometry, properties: {} }];
  throw fail(
    `not GeoJSON or TopoJSON (its "type" is ${JSON.stringify(type ?? null)})`,
    'A shapes file is a GeoJSON FeatureCollection (or Feature) or a TopoJSON Topology ("type": "Topology").',
  );
}

function topologyFeatureList(topology: Topology, fail: Fail): Feature[] {
  if (typeof topology.objects !== "object" || topology.objects === null || !Array.isArray(topology.arcs))
    throw fail('a TopoJSON Topology needs "objects" and "arcs"');
  try {
    return Object.values(topology.objects).flatMap((object) => {
      const converted: FeatureCollection | Feature = topologyFeatures(topology, object);
      return converted.type === "FeatureCollection" ? converted.features : [converted];
    });
  } catch (error) {
    throw fail(`not a valid TopoJSON Topology: ${(error as Error).message}`);
  }
}

/**
 * Check every feature: a geometry (areas: polygons), the key property (areas), coordinates in WGS84's
 * range. Returns the areas' key values, in order, once each.
 */
function checkFeatures(features: readonly Feature[], use: ShapesUse, fail: Fail): string[] {
  if (!features.length) throw fail("has no features");
  const areas = new Set<string>();
  features.forEach((feature, i) => {
    const geometry = (feature as Feature | null)?.geometry;
    if (!geometry || typeof geometry !== "object") throw fail(`features[${i}] has no geometry`);
    if (use.key !== undefined) areas.add(areaOf(feature, i, use.key, fail));
    checkRange(geometry, `features[${i}]`, fail);
  });
  return [...areas];
}

function areaOf(feature: Feature, i: number, key: string, fail: Fail): string {
  const { type } = feature.geometry;
  if (type !== "Polygon" && type !== "MultiPolygon")
    throw fail(`features[${i}] is a ${type}; a map's areas are Polygons or MultiPolygons`);
  const value = areaValue(feature, key);
  if (value !== undefined) return value;
  const has = Object.keys(feature.properties ?? {});
  throw fail(
    `features[${i}] has no "${key}" property (the map's key)${has.length ? `; it has ${has.map((k) => `"${k}"`).join(", ")}` : ""}`,
    `Set map.key to the property whose values are the report's groups, or add "${key}" to every feature.`,
  );
}

/** The text of a feature's key property: a non-empty string or a number; undefined otherwise. */
function areaValue(feature: Feature, key: string): string | undefined {
  const value = feature.properties?.[key] as unknown;
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Every position is longitude -180..180, latitude -90..90: a projected file (metres, feet) is not. */
function checkRange(geometry: Geometry, where: string, fail: Fail): void {
  for (const [lng, lat] of positions(geometry)) {
    if (typeof lng === "number" && typeof lat === "number" && Math.abs(lng) <= 180 && Math.abs(lat) <= 90) continue;
    throw fail(
      `${where} has the position [${String(lng)}, ${String(lat)}], outside longitude -180..180 and latitude -90..90: the file looks projected (e.g. state plane feet or UTM metres), not WGS84`,
      "Export it as WGS84 longitude/latitude (EPSG:4326), e.g. `ogr2ogr -t_srs EPSG:4326 out.geojson in.shp`.",
    );
  }
}

function* positions(geometry: Geometry): Generator<Position> {
  if (geometry.type === "GeometryCollection") {
    for (const inner of geometry.geometries) yield* positions(inner);
    return;
  }
  yield* flatPositions(geometry.coordinates);
}

function* flatPositions(coordinates: unknown): Generator<Position> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] !== "object" || coordinates[0] === null) {
    yield coordinates as Position;
    return;
  }
  for (const inner of coordinates) yield* flatPositions(inner);
}

/**
 * The geometry with each polygon's outer ring clockwise and its holes anticlockwise, as d3-geo (Vega's
 * projections) reads them: GeoJSON's RFC 7946 winds them the other way, and a ring read the wrong way
 * round is the whole globe but the area, which would cover the map.
 */
function rewound(geometry: Geometry): Geometry {
  if (geometry.type === "Polygon") return { ...geometry, coordinates: rewoundRings(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") return { ...geometry, coordinates: geometry.coordinates.map(rewoundRings) };
  if (geometry.type === "GeometryCollection") return { ...geometry, geometries: geometry.geometries.map(rewound) };
  return geometry;
}

function rewoundRings(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = signedArea(ring) < 0;
    return clockwise === (i === 0) ? ring : [...ring].reverse();
  });
}

/** Twice the ring's area on the plane of longitude and latitude: positive when anticlockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** The file as published: TopoJSON of its features (areas keep only their key), simplified when large, and named by its bytes. */
function publishable(file: string, features: readonly Feature[], use: ShapesUse, areas: string[]): MapShapes {
  const collection: FeatureCollection = {
    type: "FeatureCollection",
    features: features.map((f) => ({
      type: "Feature",
      geometry: rewound(f.geometry),
      properties: use.key === undefined ? {} : { [AREA_PROPERTY]: areaValue(f, use.key) },
    })),
  };
  let topology = toTopology({ [SHAPES_OBJECT]: collection }) as Topology<Objects<object>>;
  const points = topology.arcs.reduce((sum, arc) => sum + arc.length, 0);
  const simplified = points > SIMPLIFY_ABOVE_POINTS;
  if (simplified) topology = simplify(presimplify(topology), SIMPLIFY_TOLERANCE);
  const body = JSON.stringify(quantize(topology, QUANTIZATION));
  const name = basename(file, extname(file)).replace(/[^A-Za-z0-9_-]+/g, "-") || "shapes";
  const fingerprint = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return { source: file, path: `${ASSETS_FOLDER}${name}.${fingerprint}.json`, body, areas, simplified };
}
