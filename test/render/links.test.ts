// Links that travel: every page's head (canonical, feed, Open Graph, Twitter card), the feed, the
// sitemap, robots.txt, the DCAT-US catalog, the report pages' Dataset JSON-LD and the month's preview
// image, each rendered through planSite from hostile titles and group names and read back by a parser:
// fast-xml-parser for the XML, the vendored DCAT-US 1.1 schema (ajv, draft-04) for data.json, pngjs for the PNG.
import { withoutXmlInvalidChars } from "../../src/render/feed.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ajvDraft04 from "ajv-draft-04";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";
import { describe, expect, test } from "vitest";
import type { CatalogConfig } from "../../src/config/index.js";
import { renderIndexPage, type PageConfig, type SiteFile } from "../../src/render/index.js";
import { previewSvg } from "../../src/render/preview-image.js";
import { DEC, JAN, NOV, REPORTS_CONFIG, HOSTILE_TITLE } from "./reports-support.js";
import { monthReport, PAGE_CONFIG, renderSiteFiles, times } from "./support.js";

// a CommonJS package: its class is the module's `default`
const Ajv = ajvDraft04.default;
const DCAT = fileURLToPath(new URL("../fixtures/dcat-us/", import.meta.url));
/** A title that is HTML, closes a script element and a CDATA section, and has an ampersand. */
const HOSTILE = `${HOSTILE_TITLE} ]]> </script><b>"it's"</b>`;
const HOSTILE_GROUP = `</title><script>alert("g")</script>]]>&amp;`;
const ROOT = "https://reports.example.gov/311&more/";
const CATALOG: CatalogConfig = {
  publisher: `City of ${HOSTILE}`,
  contact: { name: HOSTILE, email: "open-data@city.example.gov" },
  license: "https://creativecommons.org/publicdomain/zero/1.0/",
};
const SHORTHAND: PageConfig = { ...PAGE_CONFIG, siteTitle: HOSTILE, siteRootUrl: ROOT, catalog: CATALOG };
const MONTHS = [
  monthReport("2019-11", [...times(4, ["Pothole", "Request"]), ...times(2, [HOSTILE_GROUP, "Complaint"])]),
  monthReport("2019-12", [...times(6, [HOSTILE_GROUP, "Request"]), ["Noise", "Inquiry"]], {
    dataAsOf: "2020-01-01T06:30:00.000Z",
  }),
];

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "entry" });
/** What fast-xml-parser makes of an Atom feed (attributes prefixed with @, an element's text in #text). */
interface ParsedFeed {
  "@xmlns": string;
  id: string;
  title: string;
  updated: string;
  author: { name: string };
  link: Record<string, string> | Record<string, string>[];
  entry: {
    id: string;
    title: { "#text": string };
    link: Record<string, string>;
    updated: string;
    summary: { "#text": string; "@type": string };
  }[];
}
/** data.json as the tests read it. */
interface ParsedCatalog {
  dataset: {
    title: string;
    identifier: string;
    publisher: { name: string };
    contactPoint: unknown;
    temporal: string;
    modified: string;
    distribution: { downloadURL: string }[];
  }[];
}
const text = (files: SiteFile[], path: string) => String(files.find((f) => f.path === path)!.body);
/** What an HTML text means once its entities are read (the feed's titles and summaries are HTML). */
const unescapeHtml = (value: string) =>
  value.replace(/&(lt|gt|quot|#39|#96|amp);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "#39" ? "'" : e === "#96" ? "`" : "&",
  );

describe("feed.xml", () => {
  test("is Atom with RFC 4287's required elements, one entry per month, newest first, hostile names read as written", async () => {
    const { files } = await renderSiteFiles(MONTHS, SHORTHAND);
    const body = text(files, "feed.xml");
    expect(XMLValidator.validate(body)).toBe(true);
    const { feed } = xml.parse(body) as { feed: ParsedFeed };
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    // atom:feed: exactly one id, title, updated; an author (the entries have none); a self link
    expect(feed.id).toBe(ROOT);
    expect(feed.title).toBe(HOSTILE);
    expect(feed.updated).toBe("2020-01-01T06:30:00.000Z");
    expect(feed.author.name).toBe(HOSTILE);
    const links: Record<string, string>[] = [feed.link].flat();
    expect(links.find((l) => l["@rel"] === "self")?.["@href"]).toBe(`${ROOT}feed.xml`);
    expect(feed.entry.map((e) => unescapeHtml(e.title["#text"]))).toEqual(["December 2019", "November 2019"]);
    for (const entry of feed.entry) {
      // atom:entry: id (an IRI), title, updated, and a summary (its content is not inline)
      expect(entry.id).toMatch(/^https:\/\/reports\.example\.gov\/311&more\/2019\/(nov|dec)\/$/);
      expect(entry.link["@href"]).toBe(entry.id);
      expect(new Date(entry.updated).toISOString()).toBe(entry.updated);
      expect(entry.summary["@type"]).toBe("html");
    }
    const december = unescapeHtml(feed.entry[0]!.summary["#text"]);
    expect(december).toBe(`December 2019: 7 requests. Largest: ${HOSTILE_GROUP} (6), Noise (1).`);
    // a month without a raw file's date is dated by its last second
    expect(feed.entry[1]!.updated).toBe("2019-11-30T23:59:59.000Z");
  });
});

test("a control character in a group name or the title (raw data) is left out: the feed stays XML", async () => {
  const controls = "Pot\u0001hole\u000b \ud800end";
  const months = [monthReport("2019-11", [...times(3, [controls, "Request"])])];
  const { files } = await renderSiteFiles(months, { ...SHORTHAND, siteTitle: `City\u0002 311` });
  const body = text(files, "feed.xml");
  expect(XMLValidator.validate(body)).toBe(true);
  expect(body).toContain("Pothole end");
  expect(body).toContain("<title>City 311</title>");
  expect(withoutXmlInvalidChars("a\tb\nc\r\u{1F600}\uffff")).toBe("a\tb\nc\r\u{1F600}");
});

describe("sitemap.xml and robots.txt", () => {
  test("the sitemap lists every page once by its absolute canonical URL; robots.txt names it", async () => {
    const { files } = await renderSiteFiles([NOV, DEC, JAN], { ...REPORTS_CONFIG, siteRootUrl: ROOT });
    const body = text(files, "sitemap.xml");
    expect(XMLValidator.validate(body)).toBe(true);
    const parsed = xml.parse(body) as { urlset: { "@xmlns": string; url: { loc: string; lastmod?: string }[] } };
    expect(parsed.urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = parsed.urlset.url.map((u) => u.loc);
    const reports = ["by-service", "days-to-close", "closed-fast"];
    const month = (dir: string) => [
      `${ROOT}${dir}/`,
      ...reports.flatMap((id) => [`${ROOT}${dir}/${id}.html`, `${ROOT}${dir}/${id}_chart.html`]),
    ];
    expect(locs).toEqual([
      ROOT,
      `${ROOT}trend.html`,
      // the year pages, by their folders
      `${ROOT}2019/`,
      `${ROOT}2020/`,
      ...month("2019/nov"),
      ...month("2019/dec"),
      ...month("2020/jan"),
    ]);
    // every page the sitemap names is a page of the site
    const paths = new Set(files.map((f) => f.path));
    for (const loc of locs.slice(2)) {
      const path = decodeURI(loc.slice(ROOT.length));
      expect(paths.has(path.endsWith("/") ? `${path}index.html` : path), loc).toBe(true);
    }
    expect(text(files, "robots.txt")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ROOT}sitemap.xml\n`);
  });
});

/** ajv with the vendored DCAT-US 1.1 schemas (draft-04), `uri` checked as the URL parser reads it. */
function dcatValidator(federal: boolean) {
  // the schema's patterns escape characters JavaScript's unicode mode refuses (`\_`, `\~`)
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  const load = (name: string) => JSON.parse(readFileSync(join(DCAT, name), "utf8")) as Record<string, unknown>;
  const schemas = readdirSync(DCAT)
    .filter((n) => n.endsWith(".json"))
    .map((name) => {
      const schema = load(name);
      // DCAT-US makes bureauCode and programCode required "for federal agencies only" (the schema file
      // is the federal one; data.gov's harvester checks non-federal catalogs without the two, as here)
      if (name === "dataset.json" && !federal)
        schema.required = (schema.required as string[]).filter((k) => k !== "bureauCode" && k !== "programCode");
      return schema;
    });
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv.getSchema("https://project-open-data.cio.gov/v1.1/schema/catalog.json#")!;
}

describe("data.json", () => {
  test("the one report's catalog is valid DCAT-US 1.1: one dataset, a distribution per month's CSV", async () => {
    const { files } = await renderSiteFiles(MONTHS, SHORTHAND);
    const catalog = JSON.parse(text(files, "data.json")) as ParsedCatalog;
    const validate = dcatValidator(false);
    expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
    expect(dcatValidator(true)(catalog)).toBe(false); // the federal schema wants the codes it lacks
    const dataset = catalog.dataset[0]!;
    expect(catalog.dataset).toHaveLength(1);
    expect(dataset.title).toBe(HOSTILE);
    expect(dataset.publisher.name).toBe(`City of ${HOSTILE}`);
    expect(dataset.contactPoint).toEqual({
      "@type": "vcard:Contact",
      fn: HOSTILE,
      hasEmail: "mailto:open-data@city.example.gov",
    });
    expect(dataset.temporal).toBe("2019-11-01/2019-12-31");
    expect(dataset.modified).toBe("2020-01-01T06:30:00.000Z");
    expect(dataset.distribution.map((d) => d.downloadURL)).toEqual([
      `${ROOT}2019/nov/final_report.csv`,
      `${ROOT}2019/dec/final_report.csv`,
    ]);
  });

  test("with reports and a federal agency's codes: one dataset per report, valid against the federal schema", async () => {
    const federal = { ...CATALOG, bureauCode: ["015:11"], programCode: ["015:001"] };
    const config = { ...REPORTS_CONFIG, siteRootUrl: ROOT, catalog: federal };
    const { files } = await renderSiteFiles([NOV, DEC, JAN], config);
    const catalog = JSON.parse(text(files, "data.json")) as ParsedCatalog;
    const validate = dcatValidator(true);
    expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
    expect(catalog.dataset.map((d) => d.title)).toEqual(["Requests by service", "Median days to close", HOSTILE_TITLE]);
    expect(new Set(catalog.dataset.map((d) => d.identifier)).size).toBe(3);
    expect(catalog.dataset[2]!.distribution.map((d) => d.downloadURL)).toEqual(
      ["2019/nov", "2019/dec", "2020/jan"].map((dir) => `${ROOT}${dir}/closed-fast.csv`),
    );
  });

  test("without site.catalog there is no data.json (its contact and publisher are required)", async () => {
    const { files } = await renderSiteFiles(MONTHS, { ...SHORTHAND, catalog: undefined });
    expect(files.some((f) => f.path === "data.json")).toBe(false);
  });
});

/** The JSON-LD scripts of a page, parsed. */
function linkedData(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as unknown,
  );
}

describe("the head of every page", () => {
  test("a report page has a schema.org Dataset of its month's CSV, which no title can break out of", async () => {
    const { files } = await renderSiteFiles([NOV, DEC], { ...REPORTS_CONFIG, siteTitle: HOSTILE, siteRootUrl: ROOT });
    const page = text(files, "2019/dec/closed-fast.html");
    // the page's only script end tags are its own: the hostile title's `</script>` is \u003c/script>
    expect(page.match(/<\/script>/gi)?.length).toBe((page.match(/<script[\s>]/gi) ?? []).length);
    const [dataset] = linkedData(page);
    expect(dataset).toEqual({
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: `${HOSTILE_TITLE}, December 2019`,
      description: expect.stringContaining('"><img src=x onerror=alert(1)>'),
      url: `${ROOT}2019/dec/closed-fast.html`,
      temporalCoverage: "2019-12-01/2019-12-31",
      isAccessibleForFree: true,
      includedInDataCatalog: { "@type": "DataCatalog", name: HOSTILE, url: ROOT },
      distribution: [
        { "@type": "DataDownload", contentUrl: `${ROOT}2019/dec/closed-fast.csv`, encodingFormat: "text/csv" },
      ],
    });
    expect(linkedData(text(files, "2019/dec/closed-fast_chart.html"))).toEqual([]);
  });

  test("every page has its canonical link, the feed, and Open Graph and Twitter card tags, escaped", async () => {
    const { files, summary } = await renderSiteFiles(MONTHS, SHORTHAND);
    const index = renderIndexPage([], { title: HOSTILE, summary, siteRootUrl: ROOT });
    const pages = [
      ...files.filter((f) => f.path.endsWith(".html") && f.path !== "error.html"),
      { path: "index.html", body: index },
    ];
    // two months of three pages each, their year's page, the trend and the home page
    expect(pages.length).toBe(9);
    // the one report's table is also its folder's index: both name the folder as their address
    for (const { path, body } of pages) {
      const html = String(body);
      const head = html.slice(0, html.indexOf("</head>"));
      const canonical = path === "index.html" ? "" : path.replace(/(index|final_report)\.html$/, "");
      expect(head, path).toContain(`<link rel="canonical" href="${ROOT.replace("&", "&amp;")}${canonical}">`);
      expect(head, path).toContain(
        `type="application/atom+xml" href="https://reports.example.gov/311&amp;more/feed.xml"`,
      );
      expect(head, path).toContain(`<meta property="og:url" content="${ROOT.replace("&", "&amp;")}${canonical}">`);
      expect(head, path).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(head, path).toContain('<meta property="og:image:width" content="1200">');
      expect(head, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co ]]&gt; &lt;/script&gt;");
      expect(head, path).not.toContain("<b>");
    }
    // a month's pages are previewed by the month's image, the others by the newest month's
    const image = (html: string) => /<meta property="og:image" content="([^"]*)">/.exec(html)![1];
    expect(image(text(files, "2019/nov/final_chart.html"))).toBe(
      "https://reports.example.gov/311&amp;more/2019/nov/preview.png",
    );
    expect(image(text(files, "trend.html"))).toBe("https://reports.example.gov/311&amp;more/2019/dec/preview.png");
    expect(image(index)).toBe("https://reports.example.gov/311&amp;more/2019/dec/preview.png");
    expect(text(files, "2019/dec/final_chart.html")).toContain(
      '<meta property="og:description" content="December 2019: 7 requests">',
    );
  });
});

describe("the month's preview image", () => {
  test("is a 1200×630 PNG for each month, drawn from hostile names without breaking its SVG", async () => {
    const { files } = await renderSiteFiles(MONTHS, SHORTHAND);
    for (const dir of ["2019/nov", "2019/dec"]) {
      const file = files.find((f) => f.path === `${dir}/preview.png`)!;
      expect(file.body).toBeInstanceOf(Uint8Array);
      const png = PNG.sync.read(Buffer.from(file.body as Uint8Array));
      expect([png.width, png.height]).toEqual([1200, 630]);
      // something is drawn: the white card has dark text and blue bars on it
      const pixels = new Set<string>();
      for (let i = 0; i < png.data.length; i += 4 * 97) pixels.add(png.data.subarray(i, i + 3).join(","));
      expect(pixels.size).toBeGreaterThan(3);
    }
    const svg = previewSvg({
      siteTitle: HOSTILE,
      monthTitle: "December 2019",
      headlines: [{ label: HOSTILE, text: "7 requests" }],
      barsTitle: HOSTILE,
      bars: [{ label: HOSTILE_GROUP, value: 6, text: "6" }],
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    // the names are text of the SVG's text elements, not elements of their own
    const parsed = new XMLParser({ ignoreAttributes: true, htmlEntities: true }).parse(svg) as {
      svg: Record<string, unknown[]>;
    };
    expect(Object.keys(parsed.svg).sort()).toEqual(["rect", "text"]);
    expect(parsed.svg.text![0]).toBe(`${HOSTILE_TITLE} ]]> </script><b>"it's"</b>`);
    expect(parsed.svg.text).toContain(`</title><script>alert("g")</s…`);
  });

  test("the same month draws the same bytes (the build caches them like pages)", async () => {
    const first = await renderSiteFiles(MONTHS.slice(0, 1), SHORTHAND);
    const again = await renderSiteFiles(MONTHS.slice(0, 1), SHORTHAND);
    const png = (files: SiteFile[]) => Buffer.from(files.find((f) => f.path.endsWith(".png"))!.body as Uint8Array);
    expect(png(first.files).equals(png(again.files))).toBe(true);
  });
});
