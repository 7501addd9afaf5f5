/**
 * Pure (but async): a choropleth (Vega-Lite geoshape), each area coloured by its value on a sequential,
 * colour-blind-safe scale, areas without data in grey, the basemap's lines under them. The SVG is
 * rendered here with the shapes inlined; the browser's spec fetches the same shapes from assets/
 * (published once for every month), so the page does not carry them twice.
 */
import type { TopLevelSpec } from "vega-lite";
import type { MapShapes } from "../config/index.js";
import { chartConfig, CHART_WIDTHS_PX, renderChartPair, type ChartPair, type ChartWidth } from "./chart.js";

/** The TopoJSON object and the area property config/shapes.ts publishes (render may load only config's types). */
const SHAPES_OBJECT = "areas";
const AREA_FIELD = "properties.area";
/** Our field names for the map's rows (never a config's column: see CHART_FIELDS). */
const FIELDS = { area: "area", value: "value", tip: "tip" } as const;
/** Names of the inline shapes in the spec, replaced by the published files' URLs in the browser's spec. */
const DATA_NAMES = { areas: "map-areas", basemap: "map-basemap" } as const;
/** Grey of an area without data, and of the basemap's lines. */
const NO_DATA_FILL = "#d4d4d4";
const BASEMAP_STROKE = "#a3a3a3";

/** One area of the map: its key, its value (`null`: no data this month) and its tooltip text. */
export interface MapArea {
  area: string;
  value: number | null;
  tip: string;
}

/** What a choropleth shows. */
export interface MapInput {
  description: string;
  /** The legend's title, with the unit. */
  valueTitle: string;
  /** Every area of the shapes, with or without data. */
  areas: readonly MapArea[];
  shapes: MapShapes;
  basemap?: MapShapes;
  /** The site's root as seen from the page, e.g. `../../`: the browser fetches the shapes from there. */
  rootHref: string;
}

/** The map's height for its width: the areas' extent in their own proportions (Mercator near the areas), within 0.5 to 1.4 of the width. */
function mapHeight(shapes: MapShapes, width: number): number {
  const bbox = (JSON.parse(shapes.body) as { bbox?: number[] }).bbox;
  if (!bbox || bbox.length < 4) return Math.round(width * 0.8);
  const [west, south, east, north] = bbox as [number, number, number, number];
  const middle = (((south + north) / 2) * Math.PI) / 180;
  const ratio = (north - south) / Math.max((east - west) * Math.cos(middle), 1e-9);
  return Math.round(width * Math.min(1.4, Math.max(0.5, ratio)));
}

function inlineShapes(name: string, shapes: MapShapes) {
  return {
    name,
    values: JSON.parse(shapes.body) as object,
    format: { type: "topojson", feature: SHAPES_OBJECT },
  } as const;
}

/** The choropleth at one width (shapes inlined). */
export function toMapSpec(input: MapInput, width: ChartWidth): TopLevelSpec {
  const narrow = width === "narrow";
  const px = CHART_WIDTHS_PX[width];
  const rows = input.areas.map((a) => ({ [FIELDS.area]: a.area, [FIELDS.value]: a.value, [FIELDS.tip]: a.tip }));
  const tip = {
    tooltip: { field: FIELDS.tip, type: "nominal" },
    description: { field: FIELDS.tip, type: "nominal" },
  } as const;
  const basemap = input.basemap && {
    data: inlineShapes(DATA_NAMES.basemap, input.basemap),
    mark: { type: "geoshape", filled: false, stroke: BASEMAP_STROKE, strokeWidth: 0.6, aria: false },
  };
  const areas = {
    data: inlineShapes(DATA_NAMES.areas, input.shapes),
    transform: [
      { lookup: AREA_FIELD, from: { data: { values: rows }, key: FIELDS.area, fields: [FIELDS.value, FIELDS.tip] } },
    ],
    layer: [
      { mark: { type: "geoshape", fill: NO_DATA_FILL, stroke: "#ffffff", strokeWidth: 1 }, encoding: tip },
      {
        transform: [{ filter: `isValid(datum.${FIELDS.value})` }],
        mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 1 },
        encoding: { color: valueColor(input.valueTitle, narrow), ...tip },
      },
    ],
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: input.description,
    width: px,
    height: mapHeight(input.shapes, px),
    projection: { type: "mercator" },
    layer: [...(basemap ? [basemap] : []), areas],
    config: chartConfig(),
  } as TopLevelSpec;
}

/** Viridis (sequential, told apart with the common colour-vision deficiencies, readable in grey), legend above. */
function valueColor(title: string, narrow: boolean) {
  return {
    field: FIELDS.value,
    type: "quantitative",
    title,
    scale: { scheme: "viridis" },
    legend: { orient: "top", direction: "horizontal", gradientLength: narrow ? 180 : 300 },
  } as const;
}

/**
 * The choropleth at both widths: the SVG drawn from the inlined shapes, and a browser spec that
 * fetches them from the site (relative to the page) instead of carrying them.
 */
export async function renderMap(input: MapInput): Promise<ChartPair> {
  const pair = await renderChartPair((width) => toMapSpec(input, width), input.description);
  const urls: Record<string, string> = { [DATA_NAMES.areas]: `${input.rootHref}${input.shapes.path}` };
  if (input.basemap) urls[DATA_NAMES.basemap] = `${input.rootHref}${input.basemap.path}`;
  for (const width of ["narrow", "wide"] as const)
    pair[width] = { ...pair[width], vegaSpec: withShapesUrls(pair[width].vegaSpec, urls) };
  return pair;
}

/** The Vega spec with each named inline dataset of `urls` fetched from its URL instead. */
export function withShapesUrls(vegaSpec: object, urls: Readonly<Record<string, string>>): object {
  const data = (vegaSpec as { data?: Record<string, unknown>[] }).data ?? [];
  const swapped = data.map((entry) => {
    const url = typeof entry.name === "string" ? urls[entry.name] : undefined;
    if (url === undefined) return entry;
    const { values: _inline, ...rest } = entry;
    return { ...rest, url };
  });
  return { ...vegaSpec, data: swapped };
}
