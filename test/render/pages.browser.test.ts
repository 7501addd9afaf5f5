import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { table } from "arquero";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aggregateReport } from "../../src/aggregate/index.js";
import { renderIndexPage, renderMonthPages, TEMPLATES_DIR } from "../../src/render/index.js";
import { readChartAssets } from "../../src/site/assets.js";
import { writeSite } from "../../src/site/write.js";
import { launchBrowser } from "../support/browser.js";
import { serveFolder } from "../support/static-server.js";

// A real browser is where a user looks at the pages: hostile cells must stay text, the chart must show.
describe("pages in headless Chromium", () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const rows = table({
      service_name: [
        "<script>window.pwned = 1</script>",
        "javascript:window.pwned=2",
        "<img src=x onerror=window.pwned=3>",
        "https://example.org/ok",
        "Pothole",
        "Pothole",
      ],
      case_record_type: ["Request", "Complaint", "Request", "Request", "Request", "Inquiry"],
    });
    const report = aggregateReport(rows, {
      groupBy: ["service_name"],
      chartField: "case_record_type",
      missingValues: [""],
    });
    const pages = await renderMonthPages(
      { monthTitle: "January 2019", dir: "2019/jan", report, fileCount: 2, missingDays: "3-31", skippedFiles: 0 },
      {
        siteTitle: "311",
        files: { csv: "final_report.csv", table: "final_report.html", chart: "final_chart.html" },
        groupBy: ["service_name"],
        chartField: "case_record_type",
        columns: ["service_name", "count"],
        linkColumns: ["service_name"],
      },
    );
    const assets = await readChartAssets(TEMPLATES_DIR);
    const index = renderIndexPage(
      pages.map((p) => ({ key: p.path, size: String(p.body).length, lastModified: new Date("2019-02-01T00:00:00Z") })),
      { title: "311" },
    );
    const dist = join(mkdtempSync(join(tmpdir(), "pages-")), "dist");
    await writeSite([...pages, ...assets, { path: "index.html", body: index }], dist);
    site = await serveFolder(dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test("the table page shows hostile cells as text and runs none of them", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${site.url}2019/jan/final_report.html`);
    const cells = await page.locator("#report tbody td:first-child").allInnerTexts();
    expect(cells).toContain("<script>window.pwned = 1</script>");
    expect(cells).toContain("<img src=x onerror=window.pwned=3>");
    expect(cells).toContain("javascript:window.pwned=2");
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(
      await page.locator("#report a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)),
    ).toEqual(["https://example.org/ok"]);
    expect(await page.locator("#report tfoot").innerText()).toMatch(/Total\s+6/);
    expect(dialogs).toEqual([]);
  });

  test("the chart page draws the interactive chart from the site's own scripts", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => void requests.push(r.url()));
    await page.goto(`${site.url}2019/jan/final_chart.html`);
    await page.waitForSelector("#chart[data-interactive=true]");
    const marks = await page.locator("#chart svg .mark-rect path").count();
    expect(marks).toBe(6); // one bar segment per (service, record type) pair
    expect(requests.every((url) => url.startsWith(site.url))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  test("without JavaScript the pre-rendered SVG chart is there", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}2019/jan/final_chart.html`);
    expect(await page.locator("#chart > svg").count()).toBe(1);
    expect(await page.locator("#chart svg .mark-rect path").count()).toBe(6);
    expect(await page.locator("#chart svg").innerHTML()).toContain("Pothole");
    await context.close();
  });

  test("the index links to every page, and the links resolve", async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    const links = await page.locator("#files a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(3);
    for (const link of links) expect((await fetch(link)).status).toBe(200);
  });
});
