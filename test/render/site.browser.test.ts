// The site as readers meet it: rendered pages served by `reportsite preview`, in headless Chromium at
// 1280 and 390 px (and 320 px for sideways scrolling). Screenshots go to test-artifacts/ (git-ignored).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { startPreview, type Preview } from "../../src/preview/index.js";
import { renderIndexPage, TEMPLATES_DIR } from "../../src/render/index.js";
import { readChartAssets } from "../../src/site/assets.js";
import { writeSite } from "../../src/site/write.js";
import { launchBrowser } from "../support/browser.js";
import {
  axeViolations,
  chartTextHeights,
  csvTotal,
  externalRequests,
  horizontalOverflow,
  pageLinks,
  saveScreenshot,
  trendRows,
  watchPage,
} from "../support/page-checks.js";
import { monthReport, PAGE_CONFIG, times, renderSiteFiles } from "./support.js";

const SERVICES = ["Pothole in Street", "Graffiti Removal", "Illegal Dumping", "Missed Trash Pickup", "Streetlight Out"];
const TYPES = ["Request", "Complaint", "Inquiry"];

/** A month with `base` rows spread over the services and record types, plus extra rows. */
function month(id: string, base: number, extra: [string, string][] = [], more = {}) {
  const rows: [string, string][] = [];
  for (let i = 0; i < base; i++) rows.push([SERVICES[(i * 7 + base) % SERVICES.length]!, TYPES[i % 3]!]);
  return monthReport(id, [...rows, ...extra], more);
}

const MONTHS = [
  month("2019-11", 40, times(3, ["", "Request"])),
  month(
    "2019-12",
    55,
    [
      ["<script>window.pwned = 1</script>", "Request"],
      ["javascript:window.pwned=2", "Complaint"],
      ["<img src=x onerror=window.pwned=3>", "Request"],
      ["https://example.org/ok", "Request"],
    ],
    { missingDays: [4, 5, 6], emptyDays: [25], dataAsOf: "2020-01-01T06:30:00.000Z" },
  ),
  month("2020-01", 47, times(2, ["Abandoned Vehicle on a very long street name that wraps", "Inquiry"])),
];
const PAGES: [name: string, path: string][] = [
  ["home", ""],
  ["trend", "trend.html"],
  ["year-2019", "2019/index.html"],
  ...MONTHS.flatMap((m): [string, string][] => [
    [`${m.id}-table`, `${m.dir}/final_report.html`],
    [`${m.id}-chart`, `${m.dir}/final_chart.html`],
    [`${m.id}-folder`, `${m.dir}/`],
  ]),
];

describe("the site in headless Chromium, served by preview", () => {
  let browser: Browser;
  let preview: Preview;

  beforeAll(async () => {
    const site = await renderSiteFiles(MONTHS, PAGE_CONFIG);
    const files = [...site.files, ...(await readChartAssets(TEMPLATES_DIR))];
    const at = new Date("2020-02-01T06:00:00Z");
    const entries = files.map((f) => ({ key: f.path, size: Buffer.byteLength(f.body), lastModified: at }));
    files.push({ path: "index.html", body: renderIndexPage(entries, { title: "City 311", summary: site.summary }) });
    const dist = join(mkdtempSync(join(tmpdir(), "site-browser-")), "dist");
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
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      await close();
    });

    test("the server-rendered chart and the interactive one have the same size", async () => {
      for (const path of [`${MONTHS[1]!.dir}/final_chart.html`, "trend.html"]) {
        const sizes = [];
        for (const js of [false, true]) {
          const { page, close } = await open(width, path, js);
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
        expect(sizes[0]!.length).toBeGreaterThan(0);
        expect(sizes[1]).toEqual(sizes[0]);
      }
    });
  });

  test.each(PAGES)("%s does not scroll sideways at 320 px", async (_name, path) => {
    const { page, close } = await open(320, path);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await close();
  });

  test("chart text is at least 11 px tall on a phone", async () => {
    for (const path of [`${MONTHS[0]!.dir}/final_chart.html`, "trend.html"]) {
      const { page, close } = await open(390, path);
      const heights = await chartTextHeights(page);
      expect(heights.length).toBeGreaterThan(5);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(11);
      await close();
    }
  });

  test("every link on every page resolves", async () => {
    const links = new Set<string>();
    for (const [, path] of PAGES) {
      const { page, close } = await open(1280, path);
      for (const link of await pageLinks(page)) links.add(link);
      await close();
    }
    const local = [...links].filter((l) => l.startsWith(preview.url));
    expect(local.length, local.join("\n")).toBeGreaterThanOrEqual(16); // 3 months x (table, chart, CSV, folder), home, trend, 2 summaries
    for (const link of local) expect((await fetch(link)).status, link).toBe(200);
    expect([...links].filter((l) => !l.startsWith(preview.url))).toEqual(["https://example.org/ok"]);
  });

  test("previous, next and breadcrumb links land on the right months", async () => {
    const { page, close } = await open(390, `${MONTHS[1]!.dir}/final_report.html`);
    await page.getByRole("link", { name: "← November 2019" }).click();
    await page.waitForURL(/2019\/nov\/final_report\.html$/);
    expect(await page.locator("h1").innerText()).toContain("November 2019");
    await page.getByRole("link", { name: "December 2019 →" }).click();
    await page.getByRole("link", { name: "January 2020 →" }).click();
    await page.waitForURL(/2020\/jan\/final_report\.html$/);
    await page.getByRole("link", { name: "Chart", exact: true }).click();
    await page.waitForURL(/2020\/jan\/final_chart\.html$/);
    await page.getByRole("link", { name: "← December 2019" }).click();
    await page.waitForURL(/2019\/dec\/final_chart\.html$/);
    await page.locator(".breadcrumb").getByRole("link", { name: "2019", exact: true }).click();
    await page.waitForURL(/\/2019\/index\.html$/);
    expect(await page.locator("h1").innerText()).toBe("2019 in review");
    await close();
  });

  test("the trend's numbers equal the monthly CSVs", async () => {
    const { page, close } = await open(1280, "trend.html");
    const rows = await trendRows(page);
    expect(rows).toHaveLength(MONTHS.length);
    for (const row of rows) {
      const csv = await (await fetch(row.href.replace(/final_report\.html$/, "final_report.csv"))).text();
      expect(row.total).toBe(csvTotal(csv));
    }
    await close();
  });

  test("the table sorts by any column with JavaScript and keeps hostile cells as text", async () => {
    const { page, close } = await open(1280, `${MONTHS[1]!.dir}/final_report.html`);
    const names = () => page.locator("#report tbody td:first-child").allInnerTexts();
    expect(await names()).toContain("<script>window.pwned = 1</script>");
    await page.getByRole("button", { name: "Service name" }).click();
    const sorted = await names();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
    expect(await page.locator("th[aria-sort=ascending]").innerText()).toContain("Service name");
    await page.getByRole("button", { name: "Requests" }).click();
    const counts = (await page.locator("#report tbody td:nth-child(2)").allInnerTexts()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(await page.locator("#report a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual([
      "https://example.org/ok",
    ]);
    await close();
  });

  test("a chart's tooltip shows on keyboard focus and on tap", async () => {
    const { page, close } = await open(390, `${MONTHS[0]!.dir}/final_chart.html`);
    await page.locator("#chart path[tabindex='0']").first().focus();
    await expect.poll(() => page.locator("#chart .chart-tip").innerText()).toMatch(/: \d+ requests$/);
    await page.locator("#chart path[tabindex='0']").nth(2).dispatchEvent("click");
    await expect.poll(() => page.locator("#chart .chart-tip").isVisible()).toBe(true);
    await close();
  });

  test("without JavaScript every chart is there as SVG, and the folder index is the table", async () => {
    const { page, close } = await open(390, `${MONTHS[0]!.dir}/final_chart.html`, false);
    expect(await page.locator("#chart .variant.narrow > svg").isVisible()).toBe(true);
    expect(await page.locator("#chart .variant.narrow svg .mark-rect path").count()).toBeGreaterThan(5);
    await close();
    const folder = await open(390, `${MONTHS[0]!.dir}/`, false);
    expect(await folder.page.locator("#report tbody tr").count()).toBeGreaterThan(3);
    await folder.close();
  });
});
