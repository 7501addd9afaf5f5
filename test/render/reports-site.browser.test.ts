// The pages around the reports, when the config lists them, as readers meet them: the month overviews,
// the home page's month cards and the trend page, served by `reportsite preview` in headless Chromium
// at 1280 and 390 px (and 320 px for sideways scrolling). Screenshots go to test-artifacts/.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { startPreview, type Preview } from "../../src/preview/index.js";
import { planSite, renderIndexPage, TEMPLATES_DIR, toMonthSummary, type SiteFile } from "../../src/render/index.js";
import { renderMonthOverview } from "../../src/render/month-overview.js";
import { readChartAssets } from "../../src/site/assets.js";
import { writeSite } from "../../src/site/write.js";
import { launchBrowser } from "../support/browser.js";
import {
  axeViolations,
  chartTextHeights,
  externalRequests,
  horizontalOverflow,
  saveScreenshot,
  watchPage,
} from "../support/page-checks.js";
import { DEC, JAN, NOV, REPORTS_CONFIG } from "./reports-support.js";

const MONTHS = [NOV, DEC, JAN];
const PAGES: [name: string, path: string][] = [
  ["reports-home", ""],
  ["reports-trend", "trend.html"],
  ...MONTHS.map((m): [string, string] => [`reports-${m.id}-overview`, `${m.dir}/`]),
];

/**
 * The overviews, the across-month files and the home page; each report's own pages are left out
 * (render/report-pages.ts draws them), so only links to these pages are followed.
 */
async function renderedSite(): Promise<SiteFile[]> {
  const plan = planSite(
    MONTHS.map((m) => ({ summary: toMonthSummary(m, REPORTS_CONFIG), report: async () => m, source: m })),
    REPORTS_CONFIG,
  );
  const files = [
    ...plan.months.map(({ month: { source }, neighbours }) =>
      renderMonthOverview(source, source.reports!, neighbours, REPORTS_CONFIG),
    ),
    ...(await plan.acrossMonths()),
    ...(await readChartAssets(TEMPLATES_DIR)),
  ];
  const at = new Date("2020-02-01T06:00:00Z");
  const entries = files.map((f) => ({ key: f.path, size: Buffer.byteLength(f.body), lastModified: at }));
  return [
    ...files,
    { path: "index.html", body: renderIndexPage(entries, { title: "City 311", summary: plan.summary }) },
  ];
}

describe("the pages around the reports in headless Chromium, served by preview", () => {
  let browser: Browser;
  let preview: Preview;

  beforeAll(async () => {
    const dist = join(mkdtempSync(join(tmpdir(), "reports-browser-")), "dist");
    await writeSite(await renderedSite(), dist);
    preview = await startPreview({ root: dist, port: 0, logger: memoryLogger() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function open(width: number, path: string, javaScriptEnabled = true) {
    const context: BrowserContext = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
    const page = await context.newPage();
    const watched = watchPage(page);
    await page.goto(`${preview.url}${path}`);
    if (javaScriptEnabled && (await page.locator("figure.chart").count()))
      await page.waitForSelector("figure.chart[data-interactive=true]");
    return { page, watched, close: () => context.close() };
  }

  describe.each([1280, 390])("at %i px", (width) => {
    test.each(PAGES)("%s: no axe violations, no console errors, no request leaves 127.0.0.1", async (name, path) => {
      const { page, watched, close } = await open(width, path);
      expect(await axeViolations(page)).toEqual([]);
      await saveScreenshot(page, width, name);
      expect(watched.errors).toEqual([]);
      expect(externalRequests(watched.requests)).toEqual([]);
      // the hostile report title and description stay text
      expect(await page.locator("img[src=x]").count()).toBe(0);
      expect(await page.getByText("<script>alert(1)</script> & co").count()).toBeGreaterThan(0);
      await close();
    });

    test("the trend's server-rendered charts and the interactive ones have the same size", async () => {
      const sizes = [];
      for (const js of [false, true]) {
        const { page, close } = await open(width, "trend.html", js);
        sizes.push(
          await page
            .locator("figure.chart .variant svg")
            .evaluateAll((svgs) =>
              svgs
                .filter((s) => (s as SVGElement).getBoundingClientRect().width > 0)
                .map((s) => [s.getBoundingClientRect().width, s.getBoundingClientRect().height]),
            ),
        );
        await close();
      }
      expect(sizes[0]).toHaveLength(3);
      expect(sizes[1]).toEqual(sizes[0]);
    });
  });

  test.each(PAGES)("%s does not scroll sideways at 320 px", async (_name, path) => {
    const { page, close } = await open(320, path);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await close();
  });

  test("the trend's charts have one point per month with a value, and text at least 11 px tall on a phone", async () => {
    const { page, close } = await open(390, "trend.html");
    expect(await page.locator("figure.chart").count()).toBe(3);
    // December has no median: the days chart has two points, the others three
    const points = await page
      .locator("figure.chart .variant.narrow")
      .evaluateAll((vs) => vs.map((v) => v.querySelectorAll(".mark-symbol path").length));
    expect(points).toEqual([3, 2, 3]);
    const heights = await chartTextHeights(page);
    expect(heights.length).toBeGreaterThan(5);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(11);
    await close();
  });

  test("a month card leads to the overview, and the overview's pager and breadcrumb to the others", async () => {
    const { page, close } = await open(390, "");
    await page.locator("#m2020-01").getByRole("link", { name: "January 2020", exact: true }).click();
    await page.waitForURL(/2020\/jan\/index\.html$/);
    expect(await page.locator("h1").innerText()).toBe("January 2020: all reports");
    expect(await page.locator(".reports .total").allInnerTexts()).toEqual(["900 requests", "2.12 days", "100.0%"]);
    await page.getByRole("link", { name: "← December 2019" }).click();
    await page.waitForURL(/2019\/dec\/index\.html$/);
    await page.locator(".breadcrumb").getByRole("link", { name: "2019", exact: true }).click();
    await page.waitForURL(/\/2019\/index\.html$/);
    expect(await page.locator("h1").innerText()).toBe("2019 in review");
    await close();
  });
});
