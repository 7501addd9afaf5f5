/**
 * Writing the site into the output folder: the pages, the files a --month build carries over from the
 * previous build, and index.html listing them all, each dated by when its bytes last changed.
 */
import { builtThemeOf } from "./inputs.js";
import type { BuildOptions } from "./options.js";
import type { SiteConfig } from "../config/index.js";
import type { SiteFile, SiteSummary, Theme } from "../render/index.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import {
  carryModified,
  isBuiltSite,
  readCarriedFiles,
  writeSite,
  type ProjectTheme,
  type WrittenSite,
} from "../site/index.js";
import { siteUrl } from "../s3/index.js";
import { monthId, type Month } from "../source/index.js";

/** Write the pages, the files --month carries over, and the index listing them all, dated by when each last changed. */
export async function writePages(
  config: SiteConfig,
  options: BuildOptions,
  files: SiteFile[],
  summary: SiteSummary,
  branding: ProjectTheme,
): Promise<WrittenSite> {
  files.push(...(await carriedFiles(config, options, files, summary)));
  const now = (options.now ?? (() => new Date()))();
  // a new or changed file is dated now, on disk too: the index lists the dates the next build reads back
  const dated = (await carryModified(config.output, files)).map((f) => (f.modified ? f : { ...f, modified: now }));
  dated.push(await indexFile(config, dated, now, summary, branding.theme));
  // deploy renders index.html again in this look, whatever the project's branding files become
  return writeSite(dated, config.output, builtThemeOf(config, branding));
}

/** With --month, the previous build's files that this build does not write (the carried-over months' pages). */
async function carriedFiles(
  config: SiteConfig,
  options: BuildOptions,
  files: SiteFile[],
  summary: SiteSummary,
): Promise<SiteFile[]> {
  if (!options.months) return [];
  if (!(await isBuiltSite(config.output))) {
    options.logger.warn(noEarlierBuildWarning(config, options.months, summary));
    return [];
  }
  const carried = await readCarriedFiles(config.output, new Set(files.map((f) => f.path)));
  if (carried.length) options.logger.info(`carried over ${carried.length} files of other months from ${config.output}`);
  return carried;
}

/**
 * A --month build into an empty output folder (a fresh CI checkout): the site has the months read now
 * and the months the build cache supplies; only a month published before that is in neither is missing.
 */
function noEarlierBuildWarning(config: SiteConfig, months: readonly Month[], summary: SiteSummary): string {
  const requested = new Set(months.map(monthId));
  const cached = summary.months.map((m) => m.id).filter((id) => !requested.has(id));
  const fix = "(build every month, or deploy without --delete)";
  if (!cached.length)
    return `${config.output} holds no earlier build and the build cache no other month, so the site will have only the months built now; \`deploy --delete\` would unpublish the others ${fix}`;
  const range = cached.length <= 3 ? cached.join(", ") : `${cached[0]} to ${cached.at(-1)}`;
  return `${config.output} holds no earlier build: the site will have the months built now and the ${cached.length} month${cached.length === 1 ? "" : "s"} in the build cache (${range}); a month published earlier that is in neither would be left out, and \`deploy --delete\` would unpublish it ${fix}`;
}

async function indexFile(
  config: SiteConfig,
  files: SiteFile[],
  now: Date,
  summary: SiteSummary,
  theme: Theme,
): Promise<SiteFile> {
  const { renderIndexPage } = await import("../render/index.js");
  const entries = files.map((f) => ({ key: f.path, size: byteLength(f.body), lastModified: f.modified ?? now }));
  return {
    path: INDEX_DOCUMENT,
    body: renderIndexPage(entries, { title: config.site.title, summary, theme, siteRootUrl: siteUrl(config) }),
  };
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}
