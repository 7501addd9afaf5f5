/** What a build warns of its maps: groups of the data without a shape, and shapes without data, per month built. */
import type { SiteConfig, SiteMaps } from "../config/index.js";
import { keyName } from "../group-values.js";
import type { Logger } from "../log.js";
import { joinAreas, type MonthSummary } from "../render/index.js";

/** How many areas a warning names before "and N more". */
const AREAS_SHOWN = 8;

/**
 * Warn, per month built and mapped report, of the areas the join left out either way (the map page
 * lists them too). A warning, not an error: a new district in the data still publishes its numbers.
 * Reports whose per-group values summary.json keeps (counts and sums) are checked.
 */
export function warnUnmatchedAreas(
  config: SiteConfig,
  maps: SiteMaps | undefined,
  months: readonly MonthSummary[],
  logger: Logger,
): void {
  if (!maps) return;
  for (const month of months)
    config.reports.forEach((report, index) => {
      const shapes = maps.areas[report.id];
      const groups =
        shapes && report.map ? monthGroups(config, month, report.id, keyName(report.groupBy[0]!)) : undefined;
      if (!shapes || !groups) return;
      const join = joinAreas(groups, shapes.areas);
      const where = config.reportsFrom === "reports" ? `reports[${index}] ("${report.id}")` : "report";
      if (join.dataOnly.length)
        logger.warn(
          `${month.id}: ${where}.map: in the data but not in ${shapes.source}, so not on the map: ${listed(join.dataOnly.map((a) => a.area))}`,
        );
      if (join.shapesOnly.length)
        logger.warn(
          `${month.id}: ${where}.map: areas of ${shapes.source} without data this month: ${listed(join.shapesOnly)}`,
        );
    });
}

/** The month's groups of a report and their values, from summary.json's rows; undefined when it keeps none. */
function monthGroups(config: SiteConfig, month: MonthSummary, id: string, column: string) {
  const rows = config.reportsFrom === "reports" ? month.reports?.find((r) => r.id === id)?.rows : month.counts;
  return rows?.map((row) => ({ area: String(row[column]), value: null }));
}

function listed(areas: readonly string[]): string {
  const shown = areas
    .slice(0, AREAS_SHOWN)
    .map((a) => JSON.stringify(a))
    .join(", ");
  return areas.length > AREAS_SHOWN ? `${shown} and ${areas.length - AREAS_SHOWN} more` : shown;
}
