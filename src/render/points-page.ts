/**
 * Pure (but async): a report's page of where its month's requests come from: the map of its grid
 * cells (points-map.ts), what was not drawn and why, and the cells' counts as a table, the map's text
 * alternative. Only cells with at least minCount requests are on it, named by their place on the map.
 */
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import type { GridCell, PointCells } from "../map-grid.js";
import { chartFigure, type ChartFigure } from "./chart-figure.js";
import { formatCount, plural } from "./format.js";
import { headModel, monthPage, siteReportSubject, type HeadSubject, type MonthNeighbours } from "./month-pages.js";
import { renderPointsMap, type OutlineCollection } from "./points-map.js";
import { headSubject } from "./report-pages.js";
import { keyColumns } from "./report-table.js";
import type { MonthReport, MonthReportOf, PageConfig, SiteFile } from "./site-input.js";
import { renderTemplate } from "./templates.js";

/** Options of renderPointsPage. */
export interface PointsPageOptions {
  /** Drawn under the cells: the city's outline or its districts (site.basemap, a report's shapes). */
  outline?: OutlineCollection;
}

/** A cell as the table and the tooltips name it: by its row from the north and column from the west of the map. */
interface NamedCell {
  place: string;
  count: number;
}

/**
 * The points page of the month's report `of` (with `reports`), or of the site's one report (`of` undefined).
 * @example await renderPointsPage(month, month.reports[0], { previous }, pageConfig) // { path: "2019/jan/by-service_points.html", body }
 */
export async function renderPointsPage(
  month: MonthReport,
  of: MonthReportOf | undefined,
  neighbours: MonthNeighbours,
  pageConfig: PageConfig,
  options: PointsPageOptions = {},
): Promise<SiteFile> {
  const points = (of ?? month).report.points!;
  const subject: HeadSubject = of
    ? headSubject(of, keyColumns(of, pageConfig.labels), pageConfig)
    : siteReportSubject(month, pageConfig);
  const depth = month.dir.split("/").length;
  const head = headModel(month, neighbours, pageConfig, subject, "points", "../".repeat(depth));
  const title = of ? of.definition.title : "Requests";
  const names = cellNames(points.cells);
  const map = await pointsFigure(`${title} in ${month.title}`, points, names, options.outline);
  const body = renderTemplate("points", { ...head, ...pointsModel(points, names), map }, pageConfig.theme);
  return {
    path: `${month.dir}/${subject.points!.href}`,
    body: monthPage(month, pageConfig)(body, subject.points!.title, subject.points!.href),
  };
}

/** Each published cell's name, by `row,col`: rows counted from the northernmost cell, columns from the westernmost. */
function cellNames(cells: readonly GridCell[]): Map<string, string> {
  const north = Math.max(...cells.map((c) => c.row));
  const west = Math.min(...cells.map((c) => c.col));
  return new Map(
    cells.map((c) => [
      `${c.row},${c.col}`,
      `Row ${north - c.row + 1} from the north, column ${c.col - west + 1} from the west`,
    ]),
  );
}

/** The map, or none when no cell holds minCount requests (an empty map would say nothing). */
async function pointsFigure(
  what: string,
  points: PointCells,
  names: ReadonlyMap<string, string>,
  outline: OutlineCollection | undefined,
): Promise<ChartFigure | undefined> {
  if (points.cells.length === 0) return undefined;
  const size = formatCount(points.cellSize);
  const description = `${what}: requests per square of ${size} m, in squares with at least ${points.minCount} requests`;
  const pair = await renderPointsMap({
    description,
    cells: points.cells,
    cellSize: points.cellSize,
    tip: (c) => `${names.get(`${c.row},${c.col}`)!}: ${plural(c.count, "request")}`,
    ...(outline ? { outline } : {}),
  });
  return chartFigure("points-map", `${description}. Darker squares have fewer requests.`, pair);
}

/** What points.eta shows besides the head and the map: what was drawn, what was not, and the table. */
function pointsModel(points: PointCells, names: ReadonlyMap<string, string>) {
  const shown = points.located - points.hidden;
  const size = `${formatCount(points.cellSize)} m`;
  const drawn =
    points.cells.length === 0
      ? `No square of ${size} holds ${points.minCount} or more requests this month, so the map has nothing to show.`
      : `${plural(shown, "request")} in ${plural(points.cells.length, "square")} of ${size}, each with at least ${points.minCount} requests.`;
  const notes = [
    ...(points.hidden > 0
      ? [`${plural(points.hidden, "request")} in squares with fewer than ${points.minCount} requests, not shown.`]
      : []),
    points.unlocated > 0
      ? `${plural(points.unlocated, "request")} without a usable location (blank, not a number, out of range, or 0,0), not placed.`
      : "Every request has a usable location.",
  ];
  const cells: NamedCell[] = points.cells.map((c) => ({ place: names.get(`${c.row},${c.col}`)!, count: c.count }));
  return {
    drawn,
    notes,
    caption: `Requests per square of ${size}, most first: the map's squares as text.`,
    cells: cells.map((c) => ({ place: c.place, count: formatCount(c.count), value: c.count })),
  };
}

/**
 * What a report's page of locations draws under its squares: the report's own areas when it has a
 * map, else the site's basemap (both published already, as TopoJSON with one object, `areas`).
 */
export function pointsOutline(pageConfig: PageConfig, reportId: string): OutlineCollection | undefined {
  const shapes = pageConfig.maps?.areas[reportId]?.shapes ?? pageConfig.maps?.basemap;
  if (!shapes) return undefined;
  const topology = JSON.parse(shapes.body) as Topology;
  const object = topology.objects.areas;
  return object ? (feature(topology, object) as unknown as OutlineCollection) : undefined;
}
