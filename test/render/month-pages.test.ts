import { table } from "arquero";
import { describe, expect, test } from "vitest";
import { aggregateReport } from "../../src/aggregate/index.js";
import { escapeHtml, renderIndexPage, renderMonthPages, safeHref } from "../../src/render/index.js";

const HOSTILE = "<script>alert(1)</script>";
const JS_URL = "javascript:alert(document.cookie)";

/** Pages for a month whose data holds hostile cells. */
async function hostilePages() {
  const rows = table({
    service_name: [
      HOSTILE,
      JS_URL,
      "https://example.org/a?b=1&c=<2>",
      "Pothole",
      'x" onmouseover="alert(1)',
      "data:text/html,<b>x</b>",
    ],
    case_record_type: ["Request", "<img src=x onerror=alert(1)>", "Request", "Complaint", "Request", "Request"],
  });
  const report = aggregateReport(rows, {
    groupBy: ["service_name"],
    chartField: "case_record_type",
    missingValues: [""],
  });
  const files = await renderMonthPages(
    { monthTitle: "January 2019", dir: "2019/jan", report, fileCount: 1, missingDays: "", skippedFiles: 0 },
    {
      siteTitle: "Reports <b>",
      files: { csv: "final_report.csv", table: "final_report.html", chart: "final_chart.html" },
      groupBy: ["service_name"],
      chartField: "case_record_type",
      columns: ["service_name", "count"],
      linkColumns: ["service_name"],
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
    expect(page).not.toMatch(/href="data:/i);
    expect(page).toContain("javascript:alert(document.cookie)</td>");
    expect(page).toContain(
      '<a href="https://example.org/a?b=1&amp;c=%3C2%3E" rel="nofollow noopener">https://example.org/a?b=1&amp;c=&lt;2&gt;</a>',
    );
    expect(page).not.toContain('" onmouseover="');
    expect(page.match(/<a href="http/g)).toHaveLength(1);
    expect(page).toContain("<title>Report: January 2019, Reports &lt;b&gt;</title>");
  });

  test("the chart page's SVG and inline spec cannot close their tags", async () => {
    const page = (await hostilePages())["2019/jan/final_chart.html"]!;
    const spec = /<script type="application\/json" id="chart-spec">(.*?)<\/script>/s.exec(page)![1]!;
    expect(spec).not.toContain("<");
    expect(JSON.stringify(JSON.parse(spec))).toContain(HOSTILE);
    expect(page.match(/<script/g)).toHaveLength(3); // the spec and the two site scripts, nothing from the data
    expect(page).not.toContain("<img src=x");
  });

  test("an incomplete month says so on both pages; a complete one says nothing", async () => {
    const report = aggregateReport(table({ service_name: ["Pothole"], case_record_type: ["Request"] }), {
      groupBy: ["service_name"],
      chartField: "case_record_type",
      missingValues: [""],
    });
    const settings = {
      siteTitle: "311",
      files: { csv: "c.csv", table: "t.html", chart: "ch.html" },
      groupBy: ["service_name"],
      chartField: "case_record_type",
      columns: ["service_name", "count"],
      linkColumns: [],
    };
    const gappy = await renderMonthPages(
      { monthTitle: "February 2019", dir: "2019/feb", report, fileCount: 24, missingDays: "4-6, 9", skippedFiles: 1 },
      settings,
    );
    for (const file of gappy.filter((f) => f.path.endsWith(".html"))) {
      expect(String(file.body)).toContain(
        '<p class="notice" role="note">Incomplete month: no daily file for day 4-6, 9; 1 daily file could not be read and is left out.</p>',
      );
    }
    const complete = await renderMonthPages(
      { monthTitle: "February 2019", dir: "2019/feb", report, fileCount: 28, missingDays: "", skippedFiles: 0 },
      settings,
    );
    for (const file of complete) expect(String(file.body)).not.toContain("Incomplete");
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
    expect(html).toContain('<a href="2019/jan/a%20b%2Bc%23d%3F.html">2019/jan/a b+c#d?.html</a>');
    expect(html).toContain('<a href="2019/jan/%3Cx%3E.csv">2019/jan/&lt;x&gt;.csv</a>');
    expect(html).toContain('<a href="2019/jan/caf%C3%A9.csv">');
    expect(html).toContain("1.2 kB");
    expect(html).not.toContain('href="index.html"');
    expect(html).not.toContain("assets/vega.min.js");
    expect(html).toContain("3 published files");
  });
});
