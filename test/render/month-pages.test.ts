import { describe, expect, test } from "vitest";
import { escapeHtml, renderIndexPage, renderMonthPages, safeHref } from "../../src/render/index.js";
import { monthReport, PAGE_CONFIG } from "./support.js";

const HOSTILE = "<script>alert(1)</script>";
const JS_URL = "javascript:alert(document.cookie)";

/** Pages for a month whose data holds hostile cells. */
async function hostilePages() {
  const rows: [string, string][] = [
    [HOSTILE, "Request"],
    [JS_URL, "<img src=x onerror=alert(1)>"],
    ["https://example.org/a?b=1&c=<2>", "Request"],
    ["Pothole", "Complaint"],
    ['x" onmouseover="alert(1)', "Request"],
    ["data:text/html,<b>x</b>", "Request"],
  ];
  const files = await renderMonthPages(
    monthReport("2019-01", rows, { files: 1 }),
    {},
    {
      ...PAGE_CONFIG,
      siteTitle: "Reports <b>",
    },
  );
  return Object.fromEntries(files.map((f) => [f.path, String(f.body)]));
}

describe("escaping", () => {
  test("escapeHtml escapes every character that can break out of text or an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;",
    );
  });

  test.each([
    ["https://example.org/x", "https://example.org/x"],
    ["HTTP://EXAMPLE.ORG", "http://example.org/"],
    ["javascript:alert(1)", undefined],
    [" javascript:alert(1)", undefined],
    ["data:text/html,x", undefined],
    ["//example.org", undefined],
    ["/relative", undefined],
    ["http://", undefined],
  ])("safeHref(%j) is %j", (value, expected) => {
    expect(safeHref(value)).toBe(expected);
  });

  test("the table page escapes a <script> cell and links only the http(s) value", async () => {
    const page = (await hostilePages())["2019/jan/final_report.html"]!;
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).not.toMatch(/href="data:text/i); // the site icon is the empty data:, URL
    expect(page).toContain("javascript:alert(document.cookie)</td>");
    expect(page).toContain(
      '<a href="https://example.org/a?b=1&amp;c=%3C2%3E" rel="nofollow noopener">https://example.org/a?b=1&amp;c=&lt;2&gt;</a>',
    );
    expect(page).not.toContain('" onmouseover="');
    expect(page.match(/<a href="http/g)).toHaveLength(1);
    expect(page).toContain("<title>January 2019 report, Reports &lt;b&gt;</title>");
  });

  test("the chart page's SVG and inline spec cannot close their tags", async () => {
    const page = (await hostilePages())["2019/jan/final_chart.html"]!;
    const specs = [...page.matchAll(/<script type="application\/json" class="chart-spec">(.*?)<\/script>/gs)];
    expect(specs).toHaveLength(2); // narrow and wide
    for (const [, spec] of specs) {
      expect(spec).not.toContain("<");
      expect(JSON.stringify(JSON.parse(spec!))).toContain(HOSTILE);
    }
    expect(page.match(/<script/g)).toHaveLength(4); // the two specs and the two site scripts, nothing from the data
    expect(page).not.toContain("<img src=x");
  });

  test("an incomplete month says so on its pages; a complete one says nothing", async () => {
    const rows: [string, string][] = [["Pothole", "Request"]];
    const gappy = await renderMonthPages(
      monthReport("2019-02", rows, { files: 24, missingDays: [4, 5, 6, 9], skippedFiles: 1, emptyDays: [12] }),
      {},
      PAGE_CONFIG,
    );
    for (const file of gappy.filter((f) => f.path.endsWith(".html"))) {
      const html = String(file.body);
      expect(html).toContain('<p class="notice" role="note">Incomplete month: no daily file for day 4-6, 9.</p>');
      expect(html).toContain("Incomplete month: 1 daily file could not be read and is left out.");
      expect(html).toContain("No requests on day 12 (the daily file is empty).");
    }
    const complete = await renderMonthPages(monthReport("2019-02", rows), {}, PAGE_CONFIG);
    for (const file of complete) expect(String(file.body)).not.toMatch(/Incomplete|No requests on/);
  });

  test("the CSV keeps the values as they are, quoted where needed", async () => {
    const csv = (await hostilePages())["2019/jan/final_report.csv"]!;
    expect(csv.split("\n")[0]).toBe("service_name,count");
    expect(csv).toContain(`${HOSTILE},1`);
    expect(csv).toContain('"x"" onmouseover=""alert(1)",1');
  });

  test("the index escapes keys and encodes each path segment of its links", () => {
    const html = renderIndexPage(
      [
        { key: "2019/jan/a b+c#d?.html", size: 10, lastModified: new Date("2019-02-01T00:00:00Z") },
        { key: "2019/jan/<x>.csv", size: 1234, lastModified: new Date("2019-02-01T00:00:00Z") },
        { key: "2019/jan/café.csv", size: 1, lastModified: new Date("2019-02-01T00:00:00Z") },
        { key: "index.html", size: 1, lastModified: new Date() },
        { key: "assets/vega.min.js", size: 1, lastModified: new Date() },
      ],
      { title: "T" },
    );
    expect(html).toContain('<a href="2019/jan/a%20b%2Bc%23d%3F.html"><wbr>2019/<wbr>jan/<wbr>a b+c#d?.html</a>');
    expect(html).toContain('<a href="2019/jan/%3Cx%3E.csv"><wbr>2019/<wbr>jan/<wbr>&lt;x&gt;.csv</a>');
    expect(html).toContain('<a href="2019/jan/caf%C3%A9.csv">');
    expect(html).toContain('<data value="1234" title="1,234 bytes">1.2 kB</data>');
    expect(html).toContain('<time datetime="2019-02-01T00:00:00.000Z">2019-02-01 00:00 UTC</time>');
    expect(html).not.toContain('href="index.html"');
    expect(html).not.toContain("assets/vega.min.js");
    expect(html).toContain("3 files, as published");
  });
});
