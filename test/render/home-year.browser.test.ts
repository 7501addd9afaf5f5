// The home page at a glance and the year pages as readers meet them: 26 months (two years and two
// months) of the `report` shorthand with hostile group names, and three months of a site with reports,
// served by `reportsite preview` in headless Chromium at 1280 and 390 px. Screenshots go to test-artifacts/.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { startPreview, type Preview } from "../../src/preview/index.js";
import {
  renderIndexPage,
  toMonthSummary,
  toSiteSummary,
  type PageConfig,
  type SiteFile,
  type SiteSummary,
} from "../../src/render/index.js";
import { lastMonthIds } from "../../src/render/home-glance.js";
import { renderYearPages } from "../../src/render/year-page.js";
import { writeSite } from "../../src/site/write.js";
import { launchBrowser } from "../support/browser.js";
import {
  axeViolations,
  externalRequests,
  horizontalOverflow,
  saveScreenshot,
  watchPage,
} from "../support/page-checks.js";
import { REPORTS_CONFIG, reportsMonth } from "./reports-support.js";
import { monthReport, PAGE_CONFIG, times } from "./support.js";

const SERVICES = ["Pothole in Street", "Graffiti Removal", "<script>window.pwned = 1</script>", "Streetlight Out"];

/** 26 months to 2020-02, each with its own mix of services; the last one so far (10 of 29 days). */
function shorthandMonths() {
  return lastMonthIds("2020-02", 26).map((id, i) => {
    const rows = SERVICES.flatMap((s, k) => times(5 + ((i * (k + 3)) % 17), [s, "Request"]));
    const days = Array.from({ length: 19 }, (_, d) => d + 11);
    return monthReport(id, rows, id === "2020-02" ? { missingDays: days } : {});
  });
}

function summaryOf(months: ReturnType<typeof monthReport>[], config: PageConfig): SiteSummary {
  return toSiteSummary(
    months.map((m) => toMonthSummary(m, config)),
    config,
  );
}

/** The home page and the year pages of a summary, under `folder` (the other pages are not needed here). */
function pagesOf(summary: SiteSummary, folder: string): SiteFile[] {
  const years = renderYearPages(summary).map((f) => ({ ...f, path: `${folder}${f.path}` }));
  const at = new Date("2020-03-01T06:00:00Z");
  const entries = years.map((f) => ({ key: f.path.slice(folder.length), size: 1234, lastModified: at }));
  const home = renderIndexPage(entries, { title: "City 311", summary });
  return [...years, { path: `${folder}index.html`, body: home }];
}

const PAGES: [name: string, path: string][] = [
  ["glance-home", "counts/"],
  ["glance-2019", "counts/2019/index.html"],
  ["glance-2020", "counts/2020/index.html"],
  ["glance-reports-home", "reports/"],
  ["glance-reports-2020", "reports/2020/index.html"],
];

describe("the home page at a glance and the year pages in headless Chromium", () => {
  let browser: Browser;
  let preview: Preview;

  beforeAll(async () => {
    const reports = [
      reportsMonth("2019-01", 1000, 3.5, 0.4),
      reportsMonth("2019-12", 1200, 3, 0.45),
      reportsMonth("2020-01", 900, 2.125, 0.5),
    ];
    const files = [
      ...pagesOf(summaryOf(shorthandMonths(), PAGE_CONFIG), "counts/"),
      ...pagesOf(summaryOf(reports, REPORTS_CONFIG), "reports/"),
    ];
    const dist = join(mkdtempSync(join(tmpdir(), "home-year-browser-")), "dist");
    await writeSite(files, dist);
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
    return { page, watched, close: () => context.close() };
  }

  describe.each([1280, 390])("at %i px", (width) => {
    test.each(PAGES)(
      "%s: axe clean, no console errors, no request leaves 127.0.0.1, no sideways scroll",
      async (name, path) => {
        const { page, watched, close } = await open(width, path);
        expect(await axeViolations(page)).toEqual([]);
        await saveScreenshot(page, width, name);
        expect(watched.errors).toEqual([]);
        expect(externalRequests(watched.requests)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
        await close();
      },
    );

    test("the charts are drawn without JavaScript, inside the page's width, with text at least 11 px tall", async () => {
      for (const [, path] of PAGES) {
        const { page, close } = await open(width, path, false);
        const boxes = await page
          .locator("svg.month-bars")
          .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.left, r.right, r.height]));
        expect(boxes.length, path).toBeGreaterThan(0);
        for (const [left, right, height] of boxes) {
          expect(left).toBeGreaterThanOrEqual(0);
          expect(right).toBeLessThanOrEqual(width);
          expect(height).toBeGreaterThan(40);
        }
        const heights = await page
          .locator("svg.month-bars text")
          .evaluateAll((texts) => texts.map((t) => (t as SVGTextElement).getBoundingClientRect().height));
        expect(Math.min(...heights)).toBeGreaterThanOrEqual(11);
        await close();
      }
    });
  });

  test("at 1280 px the months fill the width: several cards side by side, none twice", async () => {
    const { page, close } = await open(1280, "counts/");
    const tops = await page
      .locator("#y2019 + p + ul.months > li")
      .evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(tops).toHaveLength(12);
    expect(tops.filter((t) => t === tops[0]).length).toBeGreaterThanOrEqual(3);
    const ids = await page.locator("li.month").evaluateAll((lis) => lis.map((li) => li.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(26);
    await close();
  });

  test("the home page links to each year's page, and a year's page back home and to the other years", async () => {
    const { page, close } = await open(390, "counts/");
    await page.getByRole("link", { name: "2019 in review" }).click();
    await page.waitForURL(/counts\/2019\/index\.html$/);
    expect(await page.locator("h1").innerText()).toBe("2019 in review");
    await page.getByRole("link", { name: "2020 →" }).click();
    await page.waitForURL(/counts\/2020\/index\.html$/);
    expect(await page.getByRole("note").innerText()).toContain("Partial year: 2 of 12 months");
    await page.locator(".breadcrumb").getByRole("link", { name: "All months" }).click();
    await page.waitForURL(/counts\/$/);
    await close();
  });
});
