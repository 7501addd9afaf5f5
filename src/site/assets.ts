/** The chart pages' scripts, served from the site itself (no third-party CDN). */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { SiteFile } from "../render/index.js";
import { ASSETS_FOLDER, CHART_SCRIPT, TABLE_SCRIPT, VEGA_SCRIPT } from "../site-names.js";

/** Read vega.min.js (from the installed vega package), chart.js and table.js (from the templates folder) as site files under assets/. */
export async function readChartAssets(templatesDir: string): Promise<SiteFile[]> {
  const require = createRequire(import.meta.url);
  // vega's exports map hides build/, so find it next to the module entry point
  const vegaBuild = dirname(require.resolve("vega"));
  return [
    { path: ASSETS_FOLDER + VEGA_SCRIPT, body: await readFile(join(vegaBuild, VEGA_SCRIPT)) },
    { path: ASSETS_FOLDER + CHART_SCRIPT, body: await readFile(join(templatesDir, CHART_SCRIPT)) },
    { path: ASSETS_FOLDER + TABLE_SCRIPT, body: await readFile(join(templatesDir, TABLE_SCRIPT)) },
  ];
}
