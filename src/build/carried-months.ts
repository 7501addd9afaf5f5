/**
 * With --month, months that are neither listed nor cached (a fresh CI cache, say) are carried over:
 * their pages stay from the previous build; their summaries come from its summary.json, so the trend, summary.json/csv,
 * the home page and the neighbours' links still cover every published month.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SiteConfig } from "../config/index.js";
import { RenderError } from "../errors.js";
import { parseSiteSummary, reportBasis, type MonthSummary, type SiteSummary } from "../render/index.js";
import { SUMMARY_JSON } from "../site-names.js";
import { isBuiltSite } from "../site/index.js";

/** Summaries of the previous build's months other than `built` (none when there is no previous build or summary). */
export async function readCarriedMonthSummaries(
  config: SiteConfig,
  built: readonly { id: string }[],
): Promise<MonthSummary[]> {
  if (!(await isBuiltSite(config.output))) return [];
  const path = join(config.output, SUMMARY_JSON);
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined; // a build from before summaries: its pages stay, untrended
    throw error;
  });
  if (text === undefined) return [];
  const previous = parseSiteSummary(text, path);
  const builtIds = new Set(built.map((m) => m.id));
  const carried = previous.months.filter((m) => !builtIds.has(m.id));
  if (config.reportsFrom === "reports" || previous.reports) checkCarriedReports(config, carried, path);
  else checkCarriedReport(config, previous, path);
  return carried;
}

/** The one report of a site without `reports`: the carried months must count the same columns. */
function checkCarriedReport(config: SiteConfig, previous: SiteSummary, path: string): void {
  const { groupBy, chartField } = config.report;
  if (previous.chartField !== chartField || previous.groupBy.join("\0") !== groupBy.join("\0")) {
    throw new RenderError(
      `${path} counts months by ${previous.groupBy.join(", ")} / ${previous.chartField}, but report.groupBy / chartField are now ${groupBy.join(", ")} / ${chartField}: the trend would mix them`,
      { hint: EVERY_MONTH },
    );
  }
}

const EVERY_MONTH = "Build every month (without --month) so all of them are counted the same way.";

/**
 * With `reports`, a carried month's pages (its overview, each report's pages) are the previous
 * build's: it must have the same reports, in the same order, computed the same way (groupBy,
 * chartField, measure, filter), or its overview would list other reports and the trend would mix
 * two definitions under one name.
 */
function checkCarriedReports(config: SiteConfig, carried: readonly MonthSummary[], path: string): void {
  const wanted = config.reportsFrom === "reports" ? config.reports : [];
  const expected = JSON.stringify(wanted.map((r) => [r.id, reportBasis(r)]));
  for (const month of carried) {
    const found = JSON.stringify((month.reports ?? []).map((r) => [r.id, r.basis]));
    if (found === expected) continue;
    const was = month.reports ? `its reports ${names(month.reports)}` : "the report shorthand";
    const now = config.reportsFrom === "reports" ? `reports ${names(config.reports)}` : "the report shorthand";
    throw new RenderError(
      `${path}: ${month.id} was built with ${was}, but site-config.json now has ${now}${config.reportsFrom === "reports" && month.reports ? " (or one of them is computed another way: groupBy, chartField, measure or filter)" : ""}; its pages, kept from that build by --month, would not match the others`,
      { hint: EVERY_MONTH },
    );
  }
}

function names(reports: readonly { id: string }[]): string {
  return reports.map((r) => `"${r.id}"`).join(", ");
}
