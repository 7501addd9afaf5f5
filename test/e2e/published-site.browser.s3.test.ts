// The whole path as a visitor meets it: raw CSVs in a private bucket -> build -> deploy -> the public
// website opened in headless Chromium through the S3 website endpoint, at 1280 and 390 px (and 320 px
// for sideways scrolling). One build, one deploy, one browser; each check walks every page in a loop,
// so the file stays within a few minutes on a loaded machine. Screenshots go to test-artifacts/ (git-ignored).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { deploySite } from "../../src/deploy/index.js";
import { memoryLogger } from "../../src/log.js";
import { parseSiteSummary, renderIndexPage } from "../../src/render/index.js";
import { SUMMARY_JSON } from "../../src/site-names.js";
import { generateMonth } from "../../scripts/sample/generate.js";
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
import { createBucket, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";

/** March to May 2019: a month with both neighbours, and one at each end. */
const MONTHS = [
  { id: "2019-03", dir: "2019/mar" },
  { id: "2019-04", dir: "2019/apr" },
  { id: "2019-05", dir: "2019/may" },
];
const PAGES: [name: string, path: string][] = [
  ["home", ""],
  ["trend", "trend.html"],
  ...MONTHS.flatMap(({ id, dir }): [string, string][] => [
    [`${id}-table`, `${dir}/final_report.html`],
    [`${id}-chart`, `${dir}/final_chart.html`],
    [`${id}-folder`, `${dir}/`],
  ]),
];
/** Per-test budget: each walks up to 11 pages (axe-core takes seconds a page when both cores are busy). */
const WALK_TIMEOUT_MS = 300_000;

/** Deploy the way `reportsite deploy` does: index.html from the bucket listing and the build's summary.json. */
async function deployBuiltSite(config: SiteConfig): Promise<string> {
  const summary = parseSiteSummary(await readFile(join(config.output, SUMMARY_JSON), "utf8"));
  const result = await deploySite(
    config,
    {},
    {
      logger: memoryLogger(),
      renderIndex: (entries) => renderIndexPage(entries, { title: config.site.title, summary }),
    },
  );
  return result.url;
}

describe("the published report website in a browser, through the S3 website endpoint", () => {
  let browser: Browser;
  let config: SiteConfig;
  let siteUrl: string;

  beforeAll(async () => {
    config = testConfig({
      raw: { bucket: uniqueBucket("e2e-raw") },
      site: { bucket: uniqueBucket("e2e-site"), title: "City 311" },
    });
    const objects: Record<string, string> = {};
    for (const month of [3, 4, 5])
      for (const file of generateMonth(2019, month, { rows: [5, 10], seed: month })) objects[file.key] = file.body;
    await createBucket(testClient(), config.raw.bucket, objects);
    await buildSite(config, { logger: memoryLogger() });
    siteUrl = await deployBuiltSite(config);
    browser = await launchBrowser();
  }, WALK_TIMEOUT_MS);
  afterAll(() => browser?.close());

  /** A page at `width` px in its own context; `visit` opens a path of the site and waits for its charts. */
  async function openAt(width: number) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const watched = watchPage(page);
    const visit = async (path: string) => {
      watched.errors.length = 0;
      watched.requests.length = 0;
      const response = await page.goto(`${siteUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      if (await page.locator("figure.chart").count()) await page.waitForSelector("figure.chart[data-interactive=true]");
    };
    return { page, watched, visit, close: () => context.close() };
  }

  test.each([1280, 390])(
    "at %i px, every page: no axe violations, no console errors, no request leaves 127.0.0.1, every link resolves",
    async (width) => {
      const { page, watched, visit, close } = await openAt(width);
      const problems: string[] = [];
      const links = new Set<string>();
      for (const [name, path] of PAGES) {
        await visit(path);
        for (const v of await axeViolations(page)) problems.push(`${name}: axe ${v}`);
        for (const e of watched.errors) problems.push(`${name}: console ${e}`);
        for (const url of externalRequests(watched.requests)) problems.push(`${name}: request to ${url}`);
        for (const link of await pageLinks(page)) links.add(link);
        await saveScreenshot(page, width, `published-${name}`);
      }
      await close();
      expect(problems).toEqual([]);
      const local = [...links].filter((l) => l.startsWith(siteUrl));
      // 3 months x (table, chart, CSV, folder), home, trend, summary.json, summary.csv
      expect(local.length, local.join("\n")).toBeGreaterThanOrEqual(16);
      for (const link of local) expect((await fetch(link)).status, link).toBe(200);
      expect([...links].filter((l) => !l.startsWith(siteUrl))).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  test(
    "no page scrolls sideways at 320 px, and chart text is at least 11 px tall at 390 px",
    async () => {
      const narrow = await openAt(320);
      const overflow: string[] = [];
      for (const [name, path] of PAGES) {
        await narrow.visit(path);
        const px = await horizontalOverflow(narrow.page);
        if (px > 0) overflow.push(`${name}: ${px} px`);
      }
      await narrow.close();
      expect(overflow).toEqual([]);
      const phone = await openAt(390);
      for (const path of ["trend.html", ...MONTHS.map((m) => `${m.dir}/final_chart.html`)]) {
        await phone.visit(path);
        const heights = await chartTextHeights(phone.page);
        expect(heights.length, path).toBeGreaterThan(5);
        expect(Math.min(...heights), path).toBeGreaterThanOrEqual(11);
      }
      await phone.close();
    },
    WALK_TIMEOUT_MS,
  );

  test("previous, next and breadcrumb links land on the right months", async () => {
    const { page, visit, close } = await openAt(390);
    const landsOn = async (url: RegExp, heading: string) => {
      await page.waitForURL(url);
      expect(await page.locator("h1").innerText()).toContain(heading);
    };
    await visit("");
    expect(await page.locator("li.month h3").first().innerText()).toBe("May 2019"); // newest month first
    await page.getByRole("link", { name: "Table of May 2019" }).first().click();
    await landsOn(/2019\/may\/final_report\.html$/, "May 2019");
    await page.getByRole("link", { name: "← April 2019" }).click();
    await landsOn(/2019\/apr\/final_report\.html$/, "April 2019");
    await page.getByRole("link", { name: "← March 2019" }).click();
    await landsOn(/2019\/mar\/final_report\.html$/, "March 2019");
    expect(await page.getByRole("link", { name: /^← / }).count()).toBe(0); // the first month has no previous
    await page.getByRole("link", { name: "April 2019 →" }).click();
    await landsOn(/2019\/apr\/final_report\.html$/, "April 2019");
    await page.getByRole("link", { name: "Chart", exact: true }).click();
    await landsOn(/2019\/apr\/final_chart\.html$/, "April 2019");
    await page.getByRole("link", { name: "May 2019 →" }).click();
    await landsOn(/2019\/may\/final_chart\.html$/, "May 2019");
    expect(await page.getByRole("link", { name: / →$/ }).count()).toBe(0); // the newest month has no next
    await page.locator(".breadcrumb").getByRole("link", { name: "2019", exact: true }).click();
    await page.waitForURL(/\/2019\/index\.html$/);
    expect(await page.locator("h1").innerText()).toBe("2019 in review");
    await close();
  });

  test("the trend's numbers equal the monthly CSVs the website serves", async () => {
    const { page, visit, close } = await openAt(1280);
    await visit("trend.html");
    const rows = await trendRows(page);
    await close();
    expect(rows.map((r) => r.href)).toEqual(MONTHS.map((m) => `${siteUrl}${m.dir}/final_report.html`));
    for (const row of rows) {
      const csv = await fetch(row.href.replace(/final_report\.html$/, "final_report.csv"));
      expect(csv.status).toBe(200);
      expect(row.total).toBe(csvTotal(await csv.text()));
    }
  });

  test("index -> table -> chart, all served by the website endpoint, the chart drawn by the site's own scripts", async () => {
    const page: Page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => void requests.push(r.url()));
    await page.goto(siteUrl);
    expect(await page.locator("h1").innerText()).toBe("City 311");
    await page.locator("#files a", { hasText: "2019/apr/final_report.html" }).click();
    await page.waitForURL(/final_report\.html$/);
    const total = Number((await page.locator("#report tfoot td.num").first().innerText()).replaceAll(",", ""));
    const counts = (await page.locator("#report tbody td:nth-child(2)").allInnerTexts()).map((t) =>
      Number(t.replaceAll(",", "")),
    );
    expect(total).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    await page.getByRole("link", { name: "Chart", exact: true }).click();
    await page.waitForSelector("#chart[data-interactive=true]");
    expect(await page.locator("#chart svg .mark-rect path").count()).toBeGreaterThan(3);
    expect(requests.every((url) => url.startsWith(`${testServer().websiteEndpoint}/`))).toBe(true);
    expect(requests.some((url) => url.endsWith("/assets/vega.min.js"))).toBe(true);
    await page.close();
  });
});
