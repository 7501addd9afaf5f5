// The site of several reports as a visitor meets it: raw CSVs in a private bucket -> build -> deploy ->
// the public website opened in headless Chromium through the S3 website endpoint, at 1280 and 390 px
// (and 320 px for sideways scrolling). The demo's four reports (site-config.json) and a line chart of
// requests per day, over two months. One build, one deploy, one browser; each check walks every page in
// a loop, so the file stays within a few minutes on a loaded machine. Screenshots go to test-artifacts/.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { ReportDefinition, SiteConfig, SiteConfigSpec } from "../../src/config/index.js";
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
  watchPage,
} from "../support/page-checks.js";
import {
  demoReports,
  csvRows,
  csvValues,
  pandasReports,
  pandasValues,
  rawFilesOnDisk,
  rawRows,
} from "../support/reports-site.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

/** Two months: each one's pages link to the other's. */
const MONTHS = [
  { id: "2019-03", dir: "2019/mar", title: "March 2019", month: 3 },
  { id: "2019-04", dir: "2019/apr", title: "April 2019", month: 4 },
];
/** Each month's raw files: statuses, closing days and case_age_days as the demo has them. */
const RAW = new Map(
  MONTHS.map((m) => [m.id, generateMonth(2019, m.month, { rows: [5, 10], seed: m.month, caseAge: true })]),
);
/** A fifth report beside the demo's four, so that a chart of each kind is published. */
const PER_DAY: NonNullable<SiteConfigSpec["reports"]>[number] = {
  id: "requests-per-day",
  title: "Requests per day",
  chart: "line",
  groupBy: [{ column: "requested_datetime", part: "date" }],
};
/** Per-test budget: each walk opens 24 pages (axe-core takes seconds a page when both cores are busy). */
const WALK_TIMEOUT_MS = 420_000;

/** Every page of the site: home, trend, and per month its overview and each report's table and chart page. */
function sitePages(reports: readonly ReportDefinition[]): [name: string, path: string][] {
  return [
    ["home", ""],
    ["trend", "trend.html"],
    ...MONTHS.flatMap(({ id, dir }): [string, string][] => [
      [`${id}-overview`, `${dir}/`],
      ...reports.flatMap((r): [string, string][] => [
        [`${id}-${r.id}-table`, `${dir}/${r.files.table}`],
        [`${id}-${r.id}-chart`, `${dir}/${r.files.chart}`],
      ]),
    ]),
  ];
}

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

/** "1,234 requests" -> 1234. */
function countOf(text: string): number {
  const match = /^([\d,]+) requests?$/.exec(text.trim());
  expect(match, text).not.toBeNull();
  return Number(match![1]!.replaceAll(",", ""));
}

describe("the published site of several reports in a browser, through the S3 website endpoint", () => {
  let browser: Browser;
  let config: SiteConfig;
  let siteUrl: string;
  let pages: [string, string][];

  beforeAll(async () => {
    const demo = demoReports();
    config = testConfig({
      raw: { bucket: uniqueBucket("e2e-rep-raw") },
      site: { bucket: uniqueBucket("e2e-rep-site"), title: "City 311" },
      report: demo.report,
      reports: [...demo.reports!, PER_DAY],
    });
    const objects = Object.fromEntries([...RAW.values()].flat().map((f) => [f.key, f.body]));
    await createBucket(testClient(), config.raw.bucket, objects);
    await buildSite(config, { logger: memoryLogger() });
    siteUrl = await deployBuiltSite(config);
    pages = sitePages(config.reports);
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

  test("the site publishes the demo's four reports and the line report, a chart of each kind", () => {
    expect(config.reportsFrom).toBe("reports");
    expect(config.reports.map((r) => r.chart)).toEqual(["bar", "bar", "bar", "heatmap", "line"]);
    expect(config.reports.map((r) => r.measure.kind)).toEqual(["count", "count", "median", "count", "count"]);
  });

  test.each([1280, 390])(
    "at %i px, every page: no axe violations, no console errors, no request leaves 127.0.0.1, no sideways scroll, every link resolves",
    async (width) => {
      const { page, watched, visit, close } = await openAt(width);
      const problems: string[] = [];
      const links = new Set<string>();
      for (const [name, path] of pages) {
        await visit(path);
        for (const v of await axeViolations(page)) problems.push(`${name}: axe ${v}`);
        for (const e of watched.errors) problems.push(`${name}: console ${e}`);
        for (const url of externalRequests(watched.requests)) problems.push(`${name}: request to ${url}`);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${name}: scrolls ${overflow} px sideways`);
        for (const link of await pageLinks(page)) links.add(link);
        await saveScreenshot(page, width, `reports-${name}`);
      }
      await close();
      expect(problems).toEqual([]);
      const local = [...links].filter((l) => l.startsWith(siteUrl));
      // per month: overview + each report's table, chart and CSV; home, trend, summary.json, summary.csv
      expect(local.length, local.join("\n")).toBeGreaterThanOrEqual(
        MONTHS.length * (1 + 3 * config.reports.length) + 4,
      );
      for (const link of local) expect((await fetch(link)).status, link).toBe(200);
      expect([...links].filter((l) => !l.startsWith(siteUrl))).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  test(
    "no page scrolls sideways at 320 px; chart text is at least 11 px tall at 390 px on every chart page (bar, heatmap, line)",
    async () => {
      const narrow = await openAt(320);
      const overflow: string[] = [];
      for (const [name, path] of pages) {
        await narrow.visit(path);
        const px = await horizontalOverflow(narrow.page);
        if (px > 0) overflow.push(`${name}: ${px} px`);
      }
      await narrow.close();
      expect(overflow).toEqual([]);
      const phone = await openAt(390);
      const chartPages = [
        "trend.html",
        ...MONTHS.flatMap((m) => config.reports.map((r) => `${m.dir}/${r.files.chart}`)),
      ];
      const small: string[] = [];
      for (const path of chartPages) {
        await phone.visit(path);
        const heights = await chartTextHeights(phone.page);
        expect(heights.length, path).toBeGreaterThan(5);
        if (Math.min(...heights) < 11) small.push(`${path}: ${Math.min(...heights).toFixed(1)} px`);
      }
      await phone.close();
      expect(small).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  test("each count report's headline on the overview is the sum of its CSV, its table's total and the rows read", async () => {
    const { page, visit, close } = await openAt(1280);
    const counts = config.reports.filter((r) => r.measure.kind === "count");
    for (const month of MONTHS) {
      await visit(`${month.dir}/`);
      const headlines = new Map<string, number>();
      for (const r of counts) headlines.set(r.id, countOf(await page.locator(`#report-${r.id} p.total`).innerText()));
      for (const r of counts) {
        const where = `${month.id} ${r.id}`;
        const csv = await fetch(`${siteUrl}${month.dir}/${r.files.csv}`);
        expect(csv.status, where).toBe(200);
        expect(csvTotal(await csv.text()), where).toBe(headlines.get(r.id));
        await visit(`${month.dir}/${r.files.table}`);
        const total = await page.locator("#report tfoot td.num").first().innerText();
        expect(Number(total.replaceAll(",", "")), where).toBe(headlines.get(r.id));
        // none of them filters: each counts every row of the month's raw files
        if (r.filter.length === 0) expect(headlines.get(r.id), where).toBe(rawRows(RAW.get(month.id)!));
      }
    }
    await close();
  });

  test("the median report's CSV, table and headline are pandas' numbers on the same raw files", async () => {
    const { page, visit, close } = await openAt(1280);
    const median = config.reports.find((r) => r.measure.kind === "median")!;
    for (const month of MONTHS) {
      const files = rawFilesOnDisk(RAW.get(month.id)!);
      const [pandas] = pandasReports([median], files, config.report.missingValues);
      const text = await (await fetch(`${siteUrl}${month.dir}/${median.files.csv}`)).text();
      expect(csvRows(text).header).toEqual(["service_name", "median_case_age_days"]);
      expect(csvValues(text), month.id).toEqual(pandasValues(pandas!));
      const values = csvRows(text).rows.map((row) => (row.at(-1) === "" ? -Infinity : Number(row.at(-1))));
      expect(values, "largest first, no value last").toEqual([...values].sort((a, b) => b - a));
      await visit(`${month.dir}/`);
      const headline = await page.locator(`#report-${median.id} p.total`).innerText();
      expect(headline.trim()).toBe(median.unit ? `${pandas!.overall.text} ${median.unit}` : pandas!.overall.text);
      await visit(`${month.dir}/${median.files.table}`);
      const shown = await page
        .locator("#report tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.innerText.trim())));
      const expected = pandas!.counts.map((row) => [row[0] as string, (row.at(-1) as { text: string }).text]);
      expect(shown.map((cells) => cells.slice(0, 2)).sort(), month.id).toEqual(expected.sort());
    }
    await close();
  });

  test("the trend's row of each month links to its overview and shows each report's headline", async () => {
    const { page, visit, close } = await openAt(1280);
    const headlines: string[][] = [];
    for (const month of MONTHS) {
      await visit(`${month.dir}/`);
      const texts = config.reports.map((r) => page.locator(`#report-${r.id} p.total`).innerText());
      headlines.push(await Promise.all(texts));
    }
    await visit("trend.html");
    const rows = await page.locator("#reports-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        href: tr.querySelector("a")!.href,
        values: [...tr.querySelectorAll("td")].map((td) => td.innerText.trim()),
      })),
    );
    await close();
    expect(rows.map((r) => r.href.replace(/index\.html$/, ""))).toEqual(MONTHS.map((m) => `${siteUrl}${m.dir}/`));
    // the trend prints the values without their unit ("221", "3.50"), the headline with it ("221 requests")
    expect(rows.map((r) => r.values)).toEqual(headlines.map((texts) => texts.map((t) => t.trim().split(" ")[0])));
  });

  test("from the home page to a month's overview, a report, the same report a month earlier, and its chart", async () => {
    const { page, visit, close } = await openAt(390);
    const [first, second] = MONTHS as [(typeof MONTHS)[0], (typeof MONTHS)[0]];
    const report = config.reports[2]!;
    await visit("");
    await page
      .getByRole("link", { name: `All reports of ${second.title}` })
      .first()
      .click();
    await page.waitForURL(new RegExp(`${second.dir}/(index\\.html)?$`));
    expect(await page.locator("h1").innerText()).toBe(`${second.title}: all reports`);
    await page.locator(`#report-${report.id} h3 a`).click();
    await page.waitForURL(new RegExp(`${second.dir}/${report.files.table}$`));
    expect(await page.locator("h1").innerText()).toContain(report.title);
    await page
      .getByRole("link", { name: `← ${first.title}` })
      .first()
      .click();
    await page.waitForURL(new RegExp(`${first.dir}/${report.files.table}$`));
    expect(await page.locator("h1").innerText()).toBe(`${first.title}: ${report.title}`);
    await page.getByRole("link", { name: "Chart", exact: true }).click();
    await page.waitForURL(new RegExp(`${first.dir}/${report.files.chart}$`));
    await page.waitForSelector("#chart[data-interactive=true]");
    await page.locator(".breadcrumb").getByRole("link", { name: first.title, exact: true }).click();
    await page.waitForURL(new RegExp(`${first.dir}/(index\\.html)?$`));
    expect(await page.locator(`#report-${report.id} p.total`).count()).toBe(1);
    await close();
  });
});
