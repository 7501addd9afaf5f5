/**
 * Pure (but async): a report's map page for a month (`<table name>_map.html`): the choropleth, the
 * areas' values as a table (the map's text alternative), and the areas that could not be joined,
 * both ways: groups in the data without a shape, shapes without data.
 */
import { keyName, mapFileName } from "../group-values.js";
import { chartFigure } from "./chart-figure.js";
import { labelFor } from "./labels.js";
import { renderMap, type MapArea } from "./map-chart.js";
import { valueTitle } from "./report-table.js";
import { formatReportValue } from "./report-values.js";
import type { ReportDefinition } from "../config/index.js";
import type { MonthReport, MonthReportOf, PageConfig, SiteFile } from "./site-input.js";
import { renderTemplate } from "./templates.js";

/** A group's value as the join takes it: the group (an area's key value) and its value (`null`: none). */
export interface AreaValue {
  area: string;
  value: number | null;
}

/** The report's groups joined to the shapes' areas. */
export interface AreaJoin {
  /** Every area of the shapes, in their order, with its group's value (`null`: no data). */
  mapped: AreaValue[];
  /** Groups of the data that no area has (they are not on the map), in the data's order. */
  dataOnly: AreaValue[];
  /** Areas of the shapes no group of the data has (grey on the map). */
  shapesOnly: string[];
}

/**
 * Join a month's groups to the shapes' areas by their text. Neither side missing from the other is
 * an error: the page and the build's warnings list them.
 * @example joinAreas([{ area: "1", value: 5 }, { area: "9", value: 2 }], ["1", "2"]) // dataOnly 9, shapesOnly 2
 */
export function joinAreas(groups: readonly AreaValue[], areas: readonly string[]): AreaJoin {
  const byArea = new Map(groups.map((g) => [g.area, g.value]));
  const known = new Set(areas);
  return {
    mapped: areas.map((area) => ({ area, value: byArea.get(area) ?? null })),
    dataOnly: groups.filter((g) => !known.has(g.area)),
    shapesOnly: areas.filter((area) => !byArea.has(area)),
  };
}

/** The report's groups and values this month (one groupBy column: the config checks it). */
export function reportAreaValues(of: MonthReportOf): AreaValue[] {
  const column = keyName(of.definition.groupBy[0]!);
  const rows = of.report.counts.objects() as Record<string, string | number | null>[];
  return rows.map((row) => ({ area: String(row[column]), value: row[of.report.valueColumn] as number | null }));
}

/** What the map page is drawn in besides the report: its head (month-head.eta's model), the page wrapper and the root's href. */
export interface MapPageFrame {
  head: Record<string, unknown>;
  page: (body: string, what: string, file: string) => string;
  rootHref: string;
}

/** The file name of a report's map page; undefined when it has none (no map, or no shapes read for it). */
export function mapPageOf(definition: ReportDefinition, pageConfig: PageConfig): string | undefined {
  return definition.map && pageConfig.maps?.areas[definition.id] ? mapFileName(definition.files) : undefined;
}

/** The report's map page this month; none when the report has no map. */
export async function renderMapPages(
  month: MonthReport,
  of: MonthReportOf,
  pageConfig: PageConfig,
  frame: MapPageFrame,
): Promise<SiteFile[]> {
  const map = pageConfig.maps?.areas[of.definition.id];
  if (!map || !of.definition.map) return [];
  const { definition } = of;
  const join = joinAreas(reportAreaValues(of), map.shapes.areas);
  const text = (value: number | null) => (value === null ? "no data" : formatReportValue(definition, value));
  const areaLabel = labelFor(keyName(definition.groupBy[0]!), pageConfig.labels);
  const title = valueTitle(definition, pageConfig.labels);
  const description = `${title} in ${month.title} per ${areaLabel}`;
  const areas: MapArea[] = join.mapped.map(({ area, value }) => ({ area, value, tip: `${area}: ${text(value)}` }));
  const pair = await renderMap({
    description,
    valueTitle: title,
    areas,
    shapes: map.shapes,
    ...(pageConfig.maps?.basemap ? { basemap: pageConfig.maps.basemap } : {}),
    rootHref: frame.rootHref,
  });
  const model = {
    ...frame.head,
    chart: chartFigure("map", `${description}. Grey: no data.`, pair),
    ...mapTableModel(join, text, { areaLabel, title }),
  };
  const body = renderTemplate("map", model, pageConfig.theme);
  return [
    {
      path: `${month.dir}/${mapFileName(definition.files)}`,
      body: frame.page(body, `${definition.title}, map`, mapFileName(definition.files)),
    },
  ];
}

/** The page's table (every area, largest value first, no data last) and the unjoined lists. */
function mapTableModel(
  join: AreaJoin,
  text: (value: number | null) => string,
  labels: { areaLabel: string; title: string },
) {
  const byValue = (a: AreaValue, b: AreaValue) =>
    (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.area.localeCompare(b.area, "en");
  return {
    areaLabel: labels.areaLabel,
    valueTitle: labels.title,
    rows: [...join.mapped].sort(byValue).map((a) => ({ area: a.area, text: text(a.value), value: a.value ?? "" })),
    dataOnly: join.dataOnly.map((a) => ({ area: a.area, text: text(a.value) })),
    shapesOnly: join.shapesOnly,
  };
}
