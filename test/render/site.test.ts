import { describe, expect, test } from "vitest";
import {
  isSafeSiteKey,
  labelFor,
  blankWording,
  parseSiteSummary,
  planSite,
  renderIndexPage,
  toMonthSummary,
  unsafeSiteKeys,
  type SiteFile,
} from "../../src/render/index.js";
import { reportFromCounts } from "../../src/aggregate/index.js";
import { PANDAS_MISSING_VALUES } from "../../src/config/index.js";
import { monthReport, PAGE_CONFIG, times, renderSiteFiles } from "./support.js";

const NOV = monthReport("2019-11", [...times(4, ["Pothole", "Request"]), ...times(2, ["Graffiti", "Complaint"])]);
const DEC = monthReport(
  "2019-12",
  [...times(6, ["Pothole", "Request"]), ["Graffiti", "Request"], ["", "Request"], ["Noise", "Inquiry"]],
  { missingDays: [4, 5, 6], emptyDays: [25], dataAsOf: "2020-01-01T06:30:00.000Z" },
);
const JAN = monthReport("2020-01", [...times(3, ["Pothole", "Request"]), ...times(5, ["Graffiti", "Complaint"])]);

const byPath = (files: SiteFile[]) => Object.fromEntries(files.map((f) => [f.path, String(f.body)]));

describe("the site planSite plans, every group rendered", () => {
  test("every month gets a CSV, table, chart, folder index and preview; the site gets trend, summaries, a page per year, the error page, feed, sitemap and robots.txt", async () => {
    const { files } = await renderSiteFiles([NOV, DEC, JAN], PAGE_CONFIG);
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        ...["2019/nov", "2019/dec", "2020/jan"].flatMap((d) =>
          ["final_report.csv", "final_report.html", "final_chart.html", "index.html", "preview.png"].map(
            (f) => `${d}/${f}`,
          ),
        ),
        "trend.html",
        "summary.json",
        "summary.csv",
        "2019/index.html",
        "2020/index.html",
        "error.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
      ].sort(),
    );
    const pages = byPath(files);
    expect(pages["2019/dec/index.html"]).toBe(pages["2019/dec/final_report.html"]);
  });

  test("month pages link to the previous and next month, and the breadcrumb to the year's page", async () => {
    const pages = byPath((await renderSiteFiles([NOV, DEC, JAN], PAGE_CONFIG)).files);
    const dec = pages["2019/dec/final_report.html"]!;
    expect(dec).toContain('<a class="previous" rel="prev" href="../../2019/nov/final_report.html">← November 2019</a>');
    expect(dec).toContain('<a class="next" rel="next" href="../../2020/jan/final_report.html">January 2020 →</a>');
    expect(dec).toContain('<li><a href="../../2019/index.html">2019</a></li>');
    expect(pages["2019/dec/final_chart.html"]).toContain('href="../../2020/jan/final_chart.html"');
    expect(pages["2019/nov/final_report.html"]).not.toContain('rel="prev"');
    expect(pages["2020/jan/final_report.html"]).not.toContain('rel="next"');
  });

  test("the table shows human labels, the change since the previous month, (blank) explained and data as of", async () => {
    const pages = byPath((await renderSiteFiles([NOV, DEC], PAGE_CONFIG)).files);
    const dec = pages["2019/dec/final_report.html"]!;
    expect(dec).toContain(">Service name</th>");
    expect(dec).toContain(">Requests</th>");
    expect(dec).toContain(">Change since November 2019</th>");
    // December lacks days 4-6, so per day of data (28 against November's 30):
    // Pothole 4 -> 6 (6/28 against 4/30), Graffiti 2 -> 1 (1/28 against 2/30), Noise new
    expect(dec).toMatch(/Pothole<\/td><td class="num" data-value="6">6<\/td><td class="num" [^>]*>\+60\.7% per day</);
    expect(dec).toMatch(/Graffiti<\/td><td class="num" data-value="1">1<\/td><td class="num" [^>]*>−46\.4% per day</);
    expect(dec).toMatch(/Noise<\/td><td class="num" data-value="1">1<\/td><td class="num" [^>]*>new</);
    expect(dec).toContain("(blank) counts 1 request whose Service name was left empty in the raw data.");
    expect(dec).toContain('Data as of <time datetime="2020-01-01T06:30:00.000Z">2020-01-01 06:30 UTC</time>');
    expect(dec).toContain("No requests on day 25");
    expect(pages["2019/nov/final_report.html"]).not.toContain("Change since");
    expect(pages["2019/nov/final_report.html"]).not.toContain("(blank) counts");
  });

  test("the (blank) note names the markers found in the month's data with their counts, not the configured list", async () => {
    // the config counts "NA", "N/A", "NULL", … as blank, but this month's data has only "None" and empty cells
    const columns = ["service_name", "case_record_type"];
    const counts = [
      ["None", "Request", 3],
      ["", "Request", 1],
      ["Pothole", "Request", 1],
    ];
    const report = reportFromCounts([counts], columns, {
      groupBy: ["service_name"],
      chartField: "case_record_type",
      missingValues: PANDAS_MISSING_VALUES,
    });
    const month = monthReport("2019-12", [], { report });
    const page = byPath((await renderSiteFiles([month], PAGE_CONFIG)).files)["2019/dec/final_report.html"]!;
    expect(page).toContain(
      "(blank) counts 4 requests whose Service name was &quot;None&quot; (3) or left empty (1) in the raw data.",
    );
    expect(page).not.toMatch(/&quot;NA&quot;|N\/A|NULL|more\)/);
  });

  test("the marker wording: most requests first, the empty cell in words, past six markers counted", () => {
    expect(blankWording([{ marker: "", rows: 2 }], false)).toBe("left empty");
    expect(blankWording([{ marker: "-", rows: 2 }], false)).toBe('"-"');
    const many = ["a", "b", "c", "d", "e", "f", "g", "h"].map((marker, i) => ({ marker, rows: 1000 - i }));
    expect(blankWording(many)).toBe(
      '"a" (1,000), "b" (999), "c" (998), "d" (997), "e" (996), "f" (995) and 2 more (1,987)',
    );
    // a missing column is said apart from the markers
    expect(
      blankWording([
        { marker: "NA", rows: 1 },
        { marker: null, rows: 5 },
      ]),
    ).toBe('"NA" (1)');
  });

  test("labels come from report.labels, else from the column name", () => {
    expect(labelFor("service_name", {})).toBe("Service name");
    expect(labelFor("caseRecordType", {})).toBe("Case record type");
    expect(labelFor("count", {})).toBe("Requests");
    expect(labelFor("service_name", { service_name: "Service" })).toBe("Service");
    expect(labelFor("constructor", {})).toBe("Constructor");
  });

  test("summary.csv holds every month's CSV rows, and the totals add up", async () => {
    const { files, summary } = await renderSiteFiles([NOV, DEC, JAN], PAGE_CONFIG);
    const pages = byPath(files);
    const csvRows = pages["summary.csv"]!.trim().split("\n");
    expect(csvRows[0]).toBe("month,total,service_name,count");
    for (const month of [NOV, DEC, JAN]) {
      const monthly = pages[`${month.dir}/final_report.csv`]!.trim().split("\n").slice(1);
      const inSummary = csvRows.filter((r) => r.startsWith(`${month.id},`)).map((r) => r.split(",").slice(2).join(","));
      expect(inSummary).toEqual(monthly);
      const total = Number(csvRows.find((r) => r.startsWith(`${month.id},`))!.split(",")[1]);
      expect(total).toBe(monthly.reduce((n, r) => n + Number(r.split(",").at(-1)), 0));
    }
    expect(parseSiteSummary(pages["summary.json"]!)).toEqual(summary);
  });

  test("a --month build renders only its months, with the others' summaries for links, changes and the trend", async () => {
    const full = await renderSiteFiles([NOV, DEC, JAN], PAGE_CONFIG);
    const others = full.summary.months.filter((m) => m.id !== "2019-12");
    const partial = await renderSiteFiles([DEC], PAGE_CONFIG, { carriedMonths: others });
    expect(partial.files.filter((f) => f.path.startsWith("2019/dec/"))).toHaveLength(5);
    expect(partial.files.some((f) => f.path.startsWith("2019/nov/"))).toBe(false);
    expect(partial.summary).toEqual(full.summary);
    expect(byPath(partial.files)["trend.html"]).toBe(byPath(full.files)["trend.html"]);
    expect(byPath(partial.files)["2019/dec/final_report.html"]).toBe(byPath(full.files)["2019/dec/final_report.html"]);
  });

  test("planSite asks for a month's report only when its pages are rendered, and names each month's neighbours", async () => {
    const asked: string[] = [];
    const toRender = [NOV, DEC, JAN].map((m) => ({
      summary: toMonthSummary(m, PAGE_CONFIG),
      report: async () => (asked.push(m.id), m),
    }));
    const plan = planSite(toRender, PAGE_CONFIG);
    expect(asked).toEqual([]);
    expect(plan.summary.months.map((m) => m.id)).toEqual(["2019-11", "2019-12", "2020-01"]);
    const dec = plan.months[1]!;
    expect(dec.month).toBe(toRender[1]);
    expect([dec.neighbours.previous?.id, dec.neighbours.next?.id]).toEqual(["2019-11", "2020-01"]);
    expect(plan.months[0]!.neighbours.previous).toBeUndefined();
    await plan.acrossMonths();
    expect(asked).toEqual([]);
    expect((await dec.render()).map((f) => f.path)).toContain("2019/dec/final_report.html");
    expect(asked).toEqual(["2019-12"]);
  });

  test("the trend table's totals equal the months' totals", async () => {
    const trend = byPath((await renderSiteFiles([NOV, DEC, JAN], PAGE_CONFIG)).files)["trend.html"]!;
    const totals = [
      ...trend.matchAll(/<th scope="row"><a [^>]*>([^<]+)<\/a><\/th><td class="num" data-value="(\d+)">/g),
    ];
    expect(totals.map((m) => [m[1], Number(m[2])])).toEqual([
      ["November 2019", 6],
      ["December 2019", 9],
      ["January 2020", 8],
    ]);
  });
});

describe("home page", () => {
  test("newest month first, grouped by year, with totals, change, top groups, completeness and links", async () => {
    const { summary } = await renderSiteFiles([NOV, DEC, JAN], PAGE_CONFIG);
    const html = renderIndexPage([], { title: "311", summary });
    expect(html.indexOf('id="y2020"')).toBeLessThan(html.indexOf('id="y2019"'));
    expect(html.indexOf('id="m2019-12"')).toBeLessThan(html.indexOf('id="m2019-11"'));
    const jan = html.slice(html.indexOf('id="m2020-01"'));
    // December lacks days 4-6: per day, 8/31 against 9/28
    expect(jan).toContain("Change since December 2019: −19.7% per day");
    expect(jan).toMatch(/<li>Graffiti: 5<\/li><li>Pothole: 3<\/li>/);
    expect(jan).toContain('<a href="2020/jan/final_chart.html">Chart');
    const dec = html.slice(html.indexOf('id="m2019-12"'));
    expect(dec).toContain("Incomplete: 31 daily files; no file for day 4-6; no requests on day 25");
    expect(html).toContain('href="trend.html"');
    expect(html).toContain('href="summary.csv"');
  });
});

describe("index links stay under the site root", () => {
  test.each([
    ["2019/jan/final_report.html", true],
    ["a b/c+d.html", true],
    ["..%2Fx.html", true], // the % is encoded, so the link is the literal name
    ["a\\..\\..\\b.html", true], // the backslashes are encoded, not read as slashes
    ["//evil.example/x.html", false],
    ["/x.html", false],
    ["../../x.html", false],
    ["a/../../b.html", false],
    ["a/./b.html", false],
    ["a//b.html", false],
    ["", false],
  ])("%j -> %j", (key, safe) => {
    expect(isSafeSiteKey(key)).toBe(safe);
  });

  test("the index leaves such keys out, and unsafeSiteKeys names them for a warning", () => {
    const at = new Date("2019-02-01T00:00:00Z");
    const keys = ["//evil.example/x.html", "../../x.html", "a/../../b.html", "2019/jan/final_report.html"];
    const html = renderIndexPage(
      keys.map((key) => ({ key, size: 1, lastModified: at })),
      { title: "T" },
    );
    expect(html).not.toContain("evil.example");
    expect(html).not.toMatch(/href="[^"]*\.\./);
    expect(html).toContain('href="2019/jan/final_report.html"');
    expect(unsafeSiteKeys(keys)).toEqual(keys.slice(0, 3));
  });
});
