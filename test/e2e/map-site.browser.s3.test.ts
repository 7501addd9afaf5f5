// A site with a map report, built through the local S3 server: a wrong shapes file stops the build
// before any raw file is read; the map page's numbers per district are pandas' groupby; districts
// that do not join are listed both ways (page and warnings); the page in a real browser at 1280 and
// 390 px: axe clean, no console error, no request leaving 127.0.0.1 (the shapes come from assets/).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { launchBrowser } from "../support/browser.js";
import { expectReportsiteError } from "../support/errors.js";
import { pandasCounts } from "../support/pandas.js";
import {
  axeViolations,
  externalRequests,
  horizontalOverflow,
  saveScreenshot,
  watchPage,
} from "../support/page-checks.js";
import { rawFilesOnDisk } from "../support/reports-site.js";
import { countingClient, createBucket, tempDir, testConfig, uniqueBucket } from "../support/s3.js";

const RAW = generateMonth(2019, 3, { rows: [5, 10], seed: 3, districts: true });
const DEMO_SHAPES = JSON.parse(
  readFileSync(new URL("../../site/council-districts.geojson", import.meta.url), "utf8"),
) as { type: string; features: { properties: Record<string, string> }[] };

/** The demo's districts without District 6 (its requests have no shape) and with a District 9 no request is in. */
function unjoinedShapes(): unknown {
  const features = DEMO_SHAPES.features.filter((f) => f.properties.district !== "District 6");
  const far = {
    type: "Feature",
    properties: { district: "District 9" },
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [-117.0, 32.9],
          [-116.95, 32.9],
          [-116.95, 32.95],
          [-117.0, 32.95],
          [-117.0, 32.9],
        ],
      ],
    },
  };
  return { ...DEMO_SHAPES, features: [...features, far] };
}

describe("a site with a map report", () => {
  const dir = tempDir("map-site-");
  const raw = uniqueBucket("map-raw");
  const client = countingClient();
  const configWith = (shapes: string): SiteConfig =>
    testConfig(
      {
        raw: { bucket: raw },
        site: { bucket: uniqueBucket("map-site"), title: "City 311 <maps>" },
        reports: [
          {
            id: "by-district",
            title: "Requests per district",
            groupBy: ["district"],
            map: { shapes, key: "district" },
          },
        ],
      },
      dir,
    );
  let browser: Browser;
  let config: SiteConfig;
  const logger = memoryLogger();

  beforeAll(async () => {
    await createBucket(client, raw, Object.fromEntries(RAW.map((f) => [f.key, f.body])));
    writeFileSync(join(dir, "districts.geojson"), JSON.stringify(unjoinedShapes()));
    writeFileSync(
      join(dir, "projected.geojson"),
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { district: "District 1" },
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [6283745, 1842348],
                  [6293745, 1842348],
                  [6293745, 1852348],
                  [6283745, 1842348],
                ],
              ],
            },
          },
        ],
      }),
    );
    writeFileSync(join(dir, "broken.geojson"), "{ not json");
    config = configWith("districts.geojson");
    client.gets.length = 0;
    await buildSite(config, { logger, client });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(() => browser?.close());

  test.each([
    ["projected.geojson", /projected\.geojson: features\[0\] has the position \[6283745, 1842348\].*looks projected/],
    ["broken.geojson", /broken\.geojson: not valid JSON/],
    ["missing.geojson", /missing\.geojson: cannot read the shapes file/],
  ])("%s stops the build naming the file and the reason, before any raw file is read", async (file, message) => {
    const other = countingClient();
    const bad = { ...configWith(file), output: join(dir, "dist-bad") };
    await expectReportsiteError(() => buildSite(bad, { logger: memoryLogger(), client: other }), {
      name: "ConfigError",
      message,
    });
    expect(other.gets).toEqual([]);
  });

  test("the map page's value per district is pandas' groupby; unjoined districts are listed both ways, on the page and as warnings", () => {
    const page = readFileSync(join(config.output, "2019/mar/by-district_map.html"), "utf8");
    const pandas = pandasCounts(rawFilesOnDisk(RAW), ["district"], "service_name");
    const expected = new Map(pandas.counts.map(([d, n]) => [String(d), Number(n)]));
    const cells = [...page.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="num" data-value="(\d*)">/g)];
    const shown = new Map(cells.map((m) => [m[1]!, m[2] === "" ? null : Number(m[2])]));
    for (const [district, n] of expected) if (district !== "District 6") expect(shown.get(district), district).toBe(n);
    expect(shown.get("District 9")).toBeNull();
    expect(page).toMatch(
      new RegExp(
        `<p id="data-only">In the data but without a shape, so not drawn: District 6 \\(${expected.get("District 6")} requests\\)\\.</p>`,
      ),
    );
    expect(page).toContain('<p id="shapes-only">Shapes without data this month, drawn grey: District 9.</p>');
    const warnings = logger.warnings.filter((l) => l.includes(".map:"));
    expect(warnings.some((l) => l.includes("in the data but not in") && l.includes('"District 6"'))).toBe(true);
    expect(warnings.some((l) => l.includes("without data this month") && l.includes('"District 9"'))).toBe(true);
    // the shapes are published once, under assets/, and the page fetches them from there
    const assets = readdirSync(join(config.output, "assets")).filter((n) => /^districts\.[0-9a-f]{12}\.json$/.test(n));
    expect(assets).toHaveLength(1);
    expect(page).toContain(`"url":"../../assets/${assets[0]}"`);
    expect(page).toContain('<a href="by-district_map.html" aria-current="page">Map</a>');
    expect(readFileSync(join(config.output, "2019/mar/by-district.html"), "utf8")).toContain(
      '<a href="by-district_map.html">Map</a>',
    );
    // the trend page's table per district
    expect(readFileSync(join(config.output, "trend.html"), "utf8")).toContain("Requests per district per District");
  });

  test("a second build with nothing new reads no raw file and writes nothing; the shapes are part of what it compares", async () => {
    client.gets.length = 0;
    const again = await buildSite(config, { logger: memoryLogger(), client });
    expect(again.written).toBe(false);
    expect(client.gets).toEqual([]);
    // a changed shapes file (District 9 moved) is a new asset and a new map, without reading raw data again
    const moved = JSON.parse(readFileSync(join(dir, "districts.geojson"), "utf8")) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    moved.features.at(-1)!.geometry.coordinates[0]!.forEach((p) => (p[0]! -= 0.01));
    writeFileSync(join(dir, "districts.geojson"), JSON.stringify(moved));
    const changed = await buildSite(config, { logger: memoryLogger(), client });
    expect(changed.written).toBe(true);
    expect(client.gets).toEqual([]);
    const assets = readdirSync(join(config.output, "assets")).filter((n) => n.startsWith("districts."));
    expect(assets).toHaveLength(1);
    expect(readFileSync(join(config.output, "2019/mar/by-district_map.html"), "utf8")).toContain(assets[0]);
  });

  test.each([1280, 390])(
    "at %i px the map page is axe clean, interactive, requests nothing outside the site, and fits the width",
    async (width) => {
      const { createServer } = await import("node:http");
      const server = createServer((request, response) => {
        const path = join(config.output, decodeURIComponent(new URL(request.url!, "http://x").pathname));
        try {
          const body = readFileSync(path);
          const type = path.endsWith(".html")
            ? "text/html"
            : path.endsWith(".js")
              ? "text/javascript"
              : "application/json";
          response.writeHead(200, { "content-type": type }).end(body);
        } catch {
          response.writeHead(404).end();
        }
      });
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      const port = (server.address() as { port: number }).port;
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const watched = watchPage(page);
      await page.goto(`http://127.0.0.1:${port}/2019/mar/by-district_map.html`);
      await page.waitForSelector("figure.chart[data-interactive=true]");
      const problems = [
        ...(await axeViolations(page)).map((v) => `axe ${v}`),
        ...watched.errors.map((e) => `console ${e}`),
        ...externalRequests(watched.requests).map((u) => `request to ${u}`),
      ];
      expect(problems).toEqual([]);
      expect(watched.requests.some((u) => /\/assets\/districts\.[0-9a-f]{12}\.json$/.test(u))).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
      // each district with data is a focusable shape whose label names it and its value
      const labels = await page
        .locator("figure.chart path[aria-label]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
      expect(labels.some((l) => /^District 1: \d+ requests?$/.test(l ?? ""))).toBe(true);
      await saveScreenshot(page, width, "map-district");
      await context.close();
      server.close();
    },
    120_000,
  );
});
