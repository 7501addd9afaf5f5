// A project's own look. The demo data built (real build, real S3) with a logo, an accent
// colour, a description, a footer, one overridden template and one Markdown page, then read in
// headless Chromium through `reportsite preview`. Screenshots go to test-artifacts/ (git-ignored).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { SiteConfig, SiteConfigSpec } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { startPreview, type Preview } from "../../src/preview/index.js";
import { TEMPLATES_DIR } from "../../src/render/index.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { launchBrowser } from "../support/browser.js";
import { axeViolations, saveScreenshot, watchPage } from "../support/page-checks.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, tempDir, testClient, testConfig, uniqueBucket } from "../support/s3.js";

const ACCENT = "#7a1f5c";
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${ACCENT}"/><text x="32" y="42" font-size="28" text-anchor="middle" fill="#fff">311</text></svg>`;
const FOOTER =
  "Questions: [the 311 team](mailto:311@example.org). Data licence: [ODbL](https://opendatacommons.org/licenses/odbl/). [Not a link](javascript:window.pwned=9) <b>bold?</b>";
const ABOUT_MD = `# About this data

Counts of service requests, **per month**. See the [licence](https://opendatacommons.org/licenses/odbl/).

<script>window.pwned = 4</script>

[click me](javascript:window.pwned=5) and <img src=x onerror="window.pwned=6">
`;
const HOSTILE = ["<script>window.pwned=1</script>", "<img src=x onerror=window.pwned=3>"];

/** The built-in report.eta with a marker, so the page shows it was rendered from the override. */
function reportOverride(): string {
  const builtIn = readFileSync(join(TEMPLATES_DIR, "report.eta"), "utf8");
  return `<p class="our-report">Reported by the city's 311 team.</p>\n${builtIn}`;
}

/** A project folder with site/ (logo, templates, pages) and a config pointing at fresh buckets. */
function project(files: Record<string, string>, site: Partial<SiteConfigSpec["site"]> = {}) {
  const root = tempDir("brand-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return testConfig(
    { raw: { bucket: uniqueBucket("brand-raw") }, site: { bucket: uniqueBucket("brand-site"), ...site } },
    root,
  );
}

/** January 2019 of the demo data; day 1 gains rows whose service names are hostile markup. */
function demoObjects(): Record<string, string> {
  const objects: Record<string, string> = {};
  for (const day of generateMonth(2019, 1)) objects[day.key] = day.body;
  const first = Object.keys(objects)[0]!;
  const extra = HOSTILE.map((name, i) => `x-${i},2019-01-01 10:00:00,,open,"${name}",Request,,,,,`);
  objects[first] = `${objects[first]!.trimEnd()}\n${extra.join("\n")}\n`;
  return objects;
}

describe("a branded site in headless Chromium", () => {
  let config: SiteConfig;
  let preview: Preview;
  let browser: Browser;

  beforeAll(async () => {
    config = project(
      {
        "site/logo.svg": LOGO_SVG,
        "site/templates/report.eta": reportOverride(),
        "site/pages/about.md": ABOUT_MD,
      },
      {
        title: "City of Example 311",
        logo: "site/logo.svg",
        accentColor: ACCENT,
        description: "Monthly counts of the city's 311 service requests <unofficial>.",
        footer: FOOTER,
        lang: "en-US",
        templates: "site/templates",
        pages: "site/pages",
      },
    );
    await createBucket(testClient(), config.raw.bucket, demoObjects());
    await buildSite(config, { logger: memoryLogger() });
    preview = await startPreview({ root: config.output, port: 0, logger: memoryLogger() });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function open(path: string, name: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watched = watchPage(page);
    await page.goto(`${preview.url}${path}`);
    await saveScreenshot(page, 1280, `branded-${name}`);
    return { page, watched, close: () => context.close() };
  }

  test("the home page shows the logo, colour, description, footer and the page in navigation and listing", async () => {
    const { page, watched, close } = await open("", "home");
    const logo = page.locator("header .site-name img.logo");
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    expect(await page.getAttribute("html", "lang")).toBe("en-US");
    expect(await page.locator("p.lead").textContent()).toBe(
      "Monthly counts of the city's 311 service requests <unofficial>.",
    );
    const about = page.locator('header nav a[href="./about.html"]');
    expect(await about.textContent()).toBe("About this data");
    expect(await about.evaluate((a) => getComputedStyle(a).color)).toBe("rgb(122, 31, 92)");
    expect(await page.locator('#files a[href="about.html"]').count()).toBe(1);
    const footerLinks = await page
      .locator("footer.site-footer a")
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(footerLinks).toEqual([
      ["the 311 team", "mailto:311@example.org"],
      ["ODbL", "https://opendatacommons.org/licenses/odbl/"],
    ]);
    expect(await page.locator("footer.site-footer").textContent()).toContain(
      "[Not a link](javascript:window.pwned=9) <b>bold?</b>",
    );
    const icon = await page.getAttribute('link[rel="icon"]', "href");
    expect(icon).toMatch(/^\.\/assets\/logo-[0-9a-f]{8}\.svg$/);
    expect((await page.request.get(`${preview.url}${icon!.slice(2)}`)).headers()["content-type"]).toMatch(
      /^image\/svg\+xml/,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    await close();
  });

  test("the Markdown page is in the layout, marked current, and its raw HTML and javascript: link are text", async () => {
    const { page, watched, close } = await open("about.html", "about");
    expect(await page.locator("main h1").textContent()).toBe("About this data");
    expect(await page.locator("main strong").textContent()).toBe("per month");
    expect(await page.getAttribute('header nav a[aria-current="page"]', "href")).toBe("./about.html");
    const text = await page.locator("main").textContent();
    expect(text).toContain("<script>window.pwned = 4</script>");
    expect(text).toContain('<img src=x onerror="window.pwned=6">');
    expect(await page.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([
      "https://opendatacommons.org/licenses/odbl/",
    ]);
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await page.locator("footer.site-footer").count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    await close();
  });

  test("the overridden report template is used, with hostile cells escaped; the chart page falls back", async () => {
    const { page, close } = await open("2019/jan/final_report.html", "report-override");
    expect(await page.locator("p.our-report").textContent()).toBe("Reported by the city's 311 team.");
    const cells = await page.locator("#report tbody td:first-child").allTextContents();
    for (const name of HOSTILE) expect(cells).toContain(name);
    expect(await page.locator("#report img, #report script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator("header img.logo").count()).toBe(1);
    await close();
    const chart = await open("2019/jan/final_chart.html", "chart-built-in");
    expect(await chart.page.locator("p.our-report").count()).toBe(0);
    expect(await chart.page.locator("figure.chart").count()).toBe(1);
    expect(await chart.page.getAttribute("header img.logo", "src")).toMatch(/^\.\.\/\.\.\/assets\/logo-/);
    await chart.close();
  });

  test("a changed override renders the pages again (the page cache keys on it)", async () => {
    const file = join(config.file, "..", "site/templates/report.eta");
    writeFileSync(file, readFileSync(file, "utf8").replace("311 team", "311 office"));
    await buildSite(config, { logger: memoryLogger(), offline: true });
    expect(readFileSync(join(config.output, "2019/jan/final_report.html"), "utf8")).toContain("311 office");
  });
});

describe("a broken override stops the build before anything is written", () => {
  test.each([
    [
      "an unclosed tag",
      "layout.eta",
      "<!doctype html>\n<html>\n<%= it.pageTitle\n</html>\n",
      /layout\.eta:3: syntax error/,
    ],
    [
      "a JavaScript syntax error",
      "index.eta",
      "<h1>x</h1>\n<p>ok</p>\n<% if (it.latest { %>\n<% } %>\n",
      /index\.eta:3: syntax error/,
    ],
  ])("%s names the file and line", async (_what, name, text, message) => {
    const config = project({ [`site/templates/${name}`]: text }, { templates: "site/templates" });
    await expectReportsiteError(() => buildSite(config, { logger: memoryLogger() }), { name: "RenderError", message });
    expect(existsSync(config.output)).toBe(false);
  });

  test("a value the template does not receive names the file, line and what it has", async () => {
    const config = project(
      { "site/templates/index.eta": "<h1><%= it.siteTitle %></h1>\n<p><%= it.sitTitle %></p>\n" },
      { templates: "site/templates" },
    );
    await createBucket(testClient(), config.raw.bucket, {
      "2019_jan_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
    });
    const error = await expectReportsiteError(() => buildSite(config, { logger: memoryLogger() }), {
      name: "RenderError",
      message: /index\.eta:2[\s\S]*it\.sitTitle does not exist; it has .*siteTitle/,
    });
    expect(error.hint).toMatch(/index\.eta/);
    expect(existsSync(config.output)).toBe(false);
  });

  test("an override of a template that does not exist is refused by name", async () => {
    const config = project({ "site/templates/header.eta": "<p>x</p>\n" }, { templates: "site/templates" });
    await expectReportsiteError(() => buildSite(config, { logger: memoryLogger() }), {
      name: "ConfigError",
      message: /header\.eta does not replace a built-in template; overridable templates are layout\.eta, index\.eta/,
    });
  });
});
