// The whole path as a visitor meets it: raw CSVs in a private bucket -> build -> deploy -> the public
// website opened in headless Chromium through the S3 website endpoint.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { launchBrowser } from "../support/browser.js";
import { createBucket, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";
import { deploy } from "../deploy/support.js";

describe("the published report website in a browser", () => {
  let browser: Browser;
  let config: SiteConfig;
  let siteUrl: string;

  beforeAll(async () => {
    config = testConfig({
      raw: { bucket: uniqueBucket("e2e-raw") },
      site: { bucket: uniqueBucket("e2e-site"), title: "City 311" },
    });
    const month = generateMonth(2019, 4, { rows: [5, 10] });
    await createBucket(testClient(), config.raw.bucket, Object.fromEntries(month.map((f) => [f.key, f.body])));
    await buildSite(config, { logger: memoryLogger() });
    siteUrl = (await deploy(config)).url;
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test("index -> table -> chart, all served by the website endpoint, the chart drawn by the site's own scripts", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => void requests.push(r.url()));
    await page.goto(siteUrl);
    expect(await page.locator("h1").innerText()).toBe("City 311");
    await page.locator("#files a", { hasText: "2019/apr/final_report.html" }).click();
    await page.waitForURL(/final_report\.html$/);
    const total = Number((await page.locator("#report tfoot td.num").innerText()).replaceAll(",", ""));
    const counts = (await page.locator("#report tbody td.num").allInnerTexts()).map((t) =>
      Number(t.replaceAll(",", "")),
    );
    expect(total).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    await page.locator("a", { hasText: "Chart" }).click();
    await page.waitForSelector("#chart[data-interactive=true]");
    expect(await page.locator("#chart svg .mark-rect path").count()).toBeGreaterThan(3);
    expect(requests.every((url) => url.startsWith(`${testServer().websiteEndpoint}/`))).toBe(true);
    expect(requests.some((url) => url.endsWith("/assets/vega.min.js"))).toBe(true);
  });
});
