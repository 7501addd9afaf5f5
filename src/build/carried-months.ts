/**
 * With --month, months that are neither listed nor cached (a fresh CI cache, say) are carried over:
 * their pages stay from the previous build; their summaries come from its summary.json, so the trend, summary.json/csv,
 * the home page and the neighbours' links still cover every published month.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SiteConfig } from "../config/index.js";
import { RenderError } from "../errors.js";
import { parseSiteSummary, type MonthSummary } from "../render/index.js";
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
  const { groupBy, chartField } = config.report;
  if (previous.chartField !== chartField || previous.groupBy.join("\0") !== groupBy.join("\0")) {
    throw new RenderError(
      `${path} counts months by ${previous.groupBy.join(", ")} / ${previous.chartField}, but report.groupBy / chartField are now ${groupBy.join(", ")} / ${chartField}: the trend would mix them`,
      { hint: "Build every month (without --month) so all of them are counted the same way." },
    );
  }
  const builtIds = new Set(built.map((m) => m.id));
  return previous.months.filter((m) => !builtIds.has(m.id));
}
