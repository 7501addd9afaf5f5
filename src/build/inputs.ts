/** What a build starts from besides the raw listing: the branding, the build cache, the shared files and the fingerprints of what the site is made from. */
import { assetsFingerprint, countsFingerprint, packageVersion, renderFingerprint } from "./fingerprints.js";
import type { BuildOptions } from "./options.js";
import { openBuildCache, sha256, type BuildCache } from "../state/index.js";
import { readSiteMaps, type SiteConfig, type SiteMaps } from "../config/index.js";
import { TEMPLATE_NAMES, TEMPLATES_DIR } from "../render/template-names.js";
import type { SiteFile } from "../render/index.js";
import { readChartAssets, readTheme, type BuiltTheme, type ProjectTheme } from "../site/index.js";
import type { MonthFiles } from "../source/index.js";

/** What a build starts from: the raw listing, and the inputs read while S3 listed it. */
export interface BuildStart {
  listed: readonly MonthFiles[];
  inputs: BuildInputs;
}

/** What a build starts from besides the listing, read while S3 lists the raw bucket. */
export interface BuildInputs {
  branding: ProjectTheme;
  cache: BuildCache;
  /** The chart scripts, the logo and the favicon. */
  shared: SiteFile[];
  /** renderFingerprint: the templates, the render code and the config the pages depend on. */
  renderFingerprint: string;
  /** assetsFingerprint of `shared`. */
  assetsFingerprint: string;
  /** Every fingerprint siteInputs takes besides the listing and the cache's months, and the package's version. */
  fingerprints: string[];
  /** The maps' shapes (checked, published under assets/ with `shared`); undefined when the config names none. */
  maps?: SiteMaps;
}

/** The branding (checked), the build cache, the shared files and the fingerprints of everything the site is made from. */
export async function readInputs(config: SiteConfig, options: BuildOptions): Promise<BuildInputs> {
  const branding = await readTheme(config, TEMPLATE_NAMES);
  // a broken override stops the build before any raw data is read, even when S3 cannot be reached;
  // without overrides there is nothing to compile, and the template engine is not loaded
  if (branding.theme.templates.length) (await import("../render/index.js")).checkTemplates(branding.theme);
  // a wrong shapes file stops the build here too, before any raw data is read
  const maps = await readSiteMaps(config);
  const counts = countsFingerprint(config);
  const cache = await openBuildCache(config.cache, counts, options.logger);
  const shared = [...(await sharedFiles()), ...branding.assets, ...shapesFiles(maps)];
  const render = withMaps(await renderFingerprint(config), maps);
  const assets = assetsFingerprint(shared);
  const skipping = options.skipBadFiles ? "skip-bad-files" : "";
  const fingerprints = [await packageVersion(), counts, render, branding.fingerprint, assets, skipping];
  const made = { branding, cache, shared, renderFingerprint: render, assetsFingerprint: assets, fingerprints };
  return maps ? { ...made, maps } : made;
}

/** Each shapes file once (two reports may map the same areas). */
function shapesFiles(maps: SiteMaps | undefined): SiteFile[] {
  if (!maps) return [];
  const byPath = new Map(
    [...Object.values(maps.areas), ...(maps.basemap ? [maps.basemap] : [])].map((s) => [s.path, s]),
  );
  return [...byPath.values()].map((s) => ({ path: s.path, body: s.body }));
}

/** The pages draw the shapes: a changed file (its published path names its bytes) renders the maps again. */
function withMaps(render: string, maps: SiteMaps | undefined): string {
  if (!maps) return render;
  const paths = Object.entries(maps.areas).map(([id, s]) => [id, s.path]);
  return sha256(JSON.stringify([render, paths, maps.basemap?.path ?? null]));
}

/** The chart and table scripts (the error page is rendered with the other across-month files). */
async function sharedFiles(): Promise<SiteFile[]> {
  return readChartAssets(TEMPLATES_DIR);
}

/** The title and theme a build renders with, as the theme record in the output folder holds them. */
export function builtThemeOf(config: SiteConfig, branding: ProjectTheme): BuiltTheme {
  return { title: config.site.title, theme: branding.theme };
}
