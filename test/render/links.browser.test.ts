// The head tags of links that travel, as Chromium reads them: every page served by `reportsite preview`
// at 1280 and 390 px has its canonical link, feed link, Open Graph and Twitter card tags (hostile site
// title read as text), a report page's JSON-LD parses to a Dataset, and the month's preview.png decodes
// at 1200×630; axe clean, no console errors, no request leaving 127.0.0.1 (the absolute og:image and
// canonical URLs are never fetched by the page).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { startPreview, type Preview } from "../../src/preview/index.js";
import { renderIndexPage, TEMPLATES_DIR } from "../../src/render/index.js";
import { readChartAssets } from "../../src/site/assets.js";
import { writeSite } from "../../src/site/write.js";
import { launchBrowser } from "../support/browser.js";
import { axeViolations, externalRequests, watchPage } from "../support/page-checks.js";
import { HOSTILE_TITLE } from "./reports-support.js";
import { monthReport, PAGE_CONFIG, renderSiteFiles, times } from "./support.js";

const ROOT = "https://reports.example.gov/";
const TITLE = `${HOSTILE_TITLE} </title>`;
const MONTHS = [
  monthReport("2019-11", [...times(4, ["Pothole", "Request"]), ...times(2, ["<b>Graffiti</b>", "Complaint"])]),
  monthReport("2019-12", [...times(6, ["Pothole", "Request"]), ["Noise", "Inquiry"]]),
];
const PAGES: [path: string, canonical: string][] = [
  ["", ROOT],
  ["trend.html", `${ROOT}trend.html`],
  ["2019/dec/", `${ROOT}2019/dec/`],
  ["2019/dec/final_report.html", `${ROOT}2019/dec/`],
  ["2019/dec/final_chart.html", `${ROOT}2019/dec/final_chart.html`],
];

/** What the head says, read through the DOM. */
interface HeadTags {
  title: string;
  canonical: string | undefined;
  feed: string | undefined;
  meta: Record<string, string>;
  linkedData: unknown[];
}

describe("links that travel, in headless Chromium", () => {
  let browser: Browser;
  let preview: Preview;

  beforeAll(async () => {
    const config = { ...PAGE_CONFIG, siteTitle: TITLE, siteRootUrl: ROOT };
    const site = await renderSiteFiles(MONTHS, config);
    const files = [...site.files, ...(await readChartAssets(TEMPLATES_DIR))];
    const index = renderIndexPage([], { title: TITLE, summary: site.summary, siteRootUrl: ROOT });
    files.push({ path: "index.html", body: index });
    const dist = join(mkdtempSync(join(tmpdir(), "links-browser-")), "dist");
    await writeSite(files, dist);
    preview = await startPreview({ root: dist, port: 0, logger: memoryLogger() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  describe.each([1280, 390])("at %i px", (width) => {
    test.each(PAGES)(
      "%s: canonical, feed, Open Graph and Twitter card in the head; axe clean",
      async (path, canonical) => {
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        const watched = watchPage(page);
        await page.goto(`${preview.url}${path}`);
        const head = await page.evaluate((): HeadTags => {
          const attr = (selector: string, name: string) =>
            document.querySelector(selector)?.getAttribute(name) ?? undefined;
          const meta: Record<string, string> = {};
          for (const m of document.head.querySelectorAll("meta[property], meta[name]"))
            meta[m.getAttribute("property") ?? m.getAttribute("name")!] = m.getAttribute("content") ?? "";
          const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')];
          return {
            title: document.title,
            canonical: attr('link[rel="canonical"]', "href"),
            feed: attr('link[rel="alternate"][type="application/atom+xml"]', "href"),
            meta,
            linkedData: scripts.map((s) => JSON.parse(s.textContent ?? "") as unknown),
          };
        });
        expect(head.canonical).toBe(canonical);
        expect(head.feed).toBe(`${ROOT}feed.xml`);
        expect(head.meta["og:url"]).toBe(canonical);
        expect(head.meta["og:site_name"]).toBe(TITLE);
        expect(head.meta["og:title"]).toBe(head.title);
        expect(head.meta["twitter:card"]).toBe("summary_large_image");
        expect(head.meta["og:image"]).toBe(`${ROOT}2019/dec/preview.png`);
        // the table page (and the folder, its copy) carries the month's Dataset; the others none
        const dataset = path === "2019/dec/" || path === "2019/dec/final_report.html";
        expect(head.linkedData.map((d) => (d as { "@type": string })["@type"])).toEqual(dataset ? ["Dataset"] : []);
        expect(await axeViolations(page)).toEqual([]);
        expect(watched.errors).toEqual([]);
        expect(externalRequests(watched.requests)).toEqual([]);
        await context.close();
      },
    );
  });

  test("the month's preview image decodes in the browser at 1200×630", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${preview.url}2019/dec/`);
    const size = await page.evaluate(async () => {
      const image = new Image();
      image.src = "preview.png";
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    });
    expect(size).toEqual([1200, 630]);
    await context.close();
  });
});
