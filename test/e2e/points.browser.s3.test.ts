// The points page of a site of the one report (`report.points`), built from the local S3 server and
// served by `reportsite preview`, as readers meet it in headless Chromium at 1280 and 390 px: axe
// clean, no console error, no request leaving 127.0.0.1, nothing scrolling sideways; the map is there
// without JavaScript, becomes interactive with it, and a keyboard reaches a square's tooltip.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import { startPreview, type Preview } from "../../src/preview/index.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { launchBrowser } from "../support/browser.js";
import {
  axeViolations,
  chartTextHeights,
  externalRequests,
  horizontalOverflow,
  saveScreenshot,
  watchPage,
} from "../support/page-checks.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

const PAGE = "2019/jan/final_report_points.html";

describe("the points page in headless Chromium, served by preview", () => {
  let browser: Browser;
  let preview: Preview;

  let sitemap = "";
  beforeAll(async () => {
    const client = testClient();
    const raw = uniqueBucket("points-e2e-raw");
    const files = generateMonth(2019, 1, { rows: [40, 60], seed: 9 });
    await createBucket(client, raw, Object.fromEntries(files.map((f) => [f.key, f.body])));
    const config = testConfig({
      raw: { bucket: raw },
      site: { bucket: uniqueBucket("points-e2e-site"), title: "City <b>311</b> & co" },
      report: { points: { lat: "lat", lng: "lng", cellSize: 1000 } },
    });
    await buildSite(config, { logger: memoryLogger(), client });
    sitemap = readFileSync(join(config.output, "sitemap.xml"), "utf8");
    preview = await startPreview({ root: config.output, port: 0, logger: memoryLogger() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  test("the shorthand's page of locations is in the sitemap", () => {
    expect(sitemap).toMatch(/<loc>[^<]*\/2019\/jan\/final_report_points\.html<\/loc>/);
  });

  async function open(width: number, path: string, javaScriptEnabled = true) {
    const context: BrowserContext = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
    const page = await context.newPage();
    const watched = watchPage(page);
    await page.goto(`${preview.url}${path}`);
    if (javaScriptEnabled) await page.waitForSelector("figure.chart[data-interactive=true]");
    return { page, watched, close: () => context.close() };
  }

  describe.each([1280, 390])("at %i px", (width) => {
    test("no axe violations, no console errors, no request leaves 127.0.0.1, nothing scrolls sideways", async () => {
      const { page, watched, close } = await open(width, PAGE);
      expect(await axeViolations(page)).toEqual([]);
      await saveScreenshot(page, width, "points-map");
      expect(watched.errors).toEqual([]);
      expect(externalRequests(watched.requests)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await page.locator("h1").innerText()).toBe("January 2019: map");
      const heights = await chartTextHeights(page);
      expect(heights.length).toBeGreaterThan(2);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(11);
      await close();
    });

    test("without JavaScript the server-rendered map shows every square of the table", async () => {
      const { page, close } = await open(width, PAGE, false);
      const squares = await page
        .locator("figure.chart .variant svg path[aria-roledescription=geoshape]")
        .evaluateAll((paths) => paths.filter((p) => p.getBoundingClientRect().width > 0).length);
      const rows = await page.locator("#points tbody tr").count();
      expect(rows).toBeGreaterThan(3);
      expect(squares).toBe(rows);
      await close();
    });
  });

  test("a keyboard reaches a square and its tooltip names it and its count", async () => {
    const { page, close } = await open(390, PAGE);
    const first = page.locator("figure.chart path[aria-label][tabindex='0']").first();
    await first.focus();
    const tip = page.locator(".chart-tip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/^Row \d+ from the north, column \d+ from the west: \d+ requests$/);
    await close();
  });

  test("the table page's views lead to the map, and the map back to the table", async () => {
    const { page, close } = await open(390, "2019/jan/final_report.html", false);
    await page.locator("nav.views").getByRole("link", { name: "Map" }).click();
    await page.waitForURL(/final_report_points\.html$/);
    expect(await page.locator("nav.views a[aria-current=page]").innerText()).toBe("Map");
    expect(await page.locator("#points-drawn").innerText()).toMatch(/requests in [\d,]+ squares of 1,000 m/);
    await close();
  });
});
