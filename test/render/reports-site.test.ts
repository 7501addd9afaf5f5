// The site around the reports when the config lists them: the month overview, the month cards,
// summary.json/summary.csv and the trend page, from hand-made reports (arquero tables).
import { describe, expect, test } from "vitest";
import {
  parseSiteSummary,
  planSite,
  renderIndexPage,
  renderTrendPage,
  reportBasis,
  toMonthSummary,
  toSiteSummary,
  toSummaryCsv,
  type MonthSummary,
  type SiteFile,
  type SiteSummary,
} from "../../src/render/index.js";
import { renderMonthOverview } from "../../src/render/month-overview.js";
import { monthReportsOf } from "../../src/render/summary.js";
import { DEC, DEFINITIONS, HOSTILE_TITLE, JAN, NOV, REPORTS_CONFIG } from "./reports-support.js";
import { monthReport, PAGE_CONFIG } from "./support.js";

describe("the month overview", () => {
  test("breadcrumb, facts, notices, then each report's title, description, headline and links; the pager goes to the other overviews", () => {
    const page = renderMonthOverview(
      DEC,
      DEC.reports!,
      { previous: toMonthSummary(NOV, REPORTS_CONFIG), next: toMonthSummary(JAN, REPORTS_CONFIG) },
      REPORTS_CONFIG,
    );
    expect(page.path).toBe("2019/dec/index.html");
    const html = String(page.body);
    expect(html).toContain('<li><a href="../../2019/index.html">2019</a></li>');
    expect(html).toContain('<a href="index.html" aria-current="page">December 2019</a>');
    expect(html).toContain("<h1>December 2019: all reports</h1>");
    expect(html).toContain('3 reports from 31 daily files. Data as of <time datetime="2020-01-01T06:30:00.000Z">');
    expect(html).toContain("So far: 29 of 31 days.");
    expect(html).toContain(
      '<h3><a href="by-service.html">Requests by service</a></h3>\n<p class="meta">Every request.</p>\n<p class="total">1,500 requests</p>',
    );
    // NaN (no closed case) has no value: the dash, not "NaN days"
    expect(html).toContain('<h3><a href="days-to-close.html">Median days to close</a></h3>\n<p class="total">—</p>');
    expect(html).toContain('<p class="total">30.0%</p>');
    expect(html).toContain(
      '<a href="days-to-close_chart.html">Chart<span class="vh"> of Median days to close</span></a><a href="days-to-close.csv">CSV',
    );
    expect(html).toContain('<a class="previous" rel="prev" href="../../2019/nov/index.html">← November 2019</a>');
    expect(html).toContain('<a class="next" rel="next" href="../../2020/jan/index.html">January 2020 →</a>');
  });

  test("hostile report titles and descriptions are escaped text", () => {
    const html = String(renderMonthOverview(NOV, NOV.reports!, {}, { ...REPORTS_CONFIG, siteTitle: "311 <b>" }).body);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("311 <b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  test("a page config with reports and a month without them (or the reverse) is a bug, not a page", () => {
    const plain = monthReport("2019-11", [["Pothole", "Request"]]);
    expect(() => monthReportsOf(plain, REPORTS_CONFIG)).toThrow(/lists reports but the month has none/);
    expect(() => monthReportsOf(NOV, PAGE_CONFIG)).toThrow(/has no reports but the month has/);
    expect(monthReportsOf(plain, PAGE_CONFIG)).toBeUndefined();
  });
});

describe("summary.json and summary.csv with reports", () => {
  test("each month carries every report's value, text and links; the site lists the reports", () => {
    const summary = toSiteSummary(
      [JAN, NOV, DEC].map((m) => toMonthSummary(m, REPORTS_CONFIG)),
      REPORTS_CONFIG,
    );
    expect(summary.reports).toEqual([
      { id: "by-service", title: "Requests by service", measure: "count" },
      { id: "days-to-close", title: "Median days to close", measure: "median", unit: "days" },
      { id: "closed-fast", title: HOSTILE_TITLE, measure: "share" },
    ]);
    expect(summary.months.map((m) => m.id)).toEqual(["2019-11", "2019-12", "2020-01"]);
    const dec = summary.months[1]!;
    expect(dec.reports).toEqual([
      {
        id: "by-service",
        title: "Requests by service",
        measure: "count",
        basis: reportBasis(DEFINITIONS[0]!),
        value: 1500,
        text: "1,500 requests",
        links: {
          table: "2019/dec/by-service.html",
          chart: "2019/dec/by-service_chart.html",
          csv: "2019/dec/by-service.csv",
        },
        // a count's groups, for the next month's change per group (a median and a share carry none)
        rows: DEC.reports![0]!.report.counts.objects(),
      },
      {
        id: "days-to-close",
        title: "Median days to close",
        measure: "median",
        unit: "days",
        basis: reportBasis(DEFINITIONS[1]!),
        value: null,
        text: "—",
        links: {
          table: "2019/dec/days-to-close.html",
          chart: "2019/dec/days-to-close_chart.html",
          csv: "2019/dec/days-to-close.csv",
        },
      },
      {
        id: "closed-fast",
        title: HOSTILE_TITLE,
        measure: "share",
        basis: reportBasis(DEFINITIONS[2]!),
        value: 0.1 + 0.2,
        text: "30.0%",
        links: {
          table: "2019/dec/closed-fast.html",
          chart: "2019/dec/closed-fast_chart.html",
          csv: "2019/dec/closed-fast.csv",
        },
      },
    ]);
    // the month's own files are its reports' now: no counts of one report in the summary
    expect(dec.counts).toEqual([]);
    expect(dec.links.table).toBe("2019/dec/by-service.html");
  });

  test("summary.json reads back as written, and summary.csv has one column per report in full precision", async () => {
    const plan = planSite(
      [NOV, DEC, JAN].map((m) => ({ summary: toMonthSummary(m, REPORTS_CONFIG), report: async () => m })),
      REPORTS_CONFIG,
    );
    const files = Object.fromEntries((await plan.acrossMonths()).map((f: SiteFile) => [f.path, String(f.body)]));
    expect(parseSiteSummary(files["summary.json"]!)).toEqual(JSON.parse(files["summary.json"]!));
    expect(parseSiteSummary(files["summary.json"]!)).toEqual(plan.summary);
    expect(files["summary.csv"]).toBe(
      [
        "month,by-service,days-to-close,closed-fast",
        "2019-11,1234,3.5,0.4125",
        "2019-12,1500,,0.30000000000000004",
        "2020-01,900,2.125,1",
        "",
      ].join("\n"),
    );
    expect(toSummaryCsv(plan.summary)).toBe(files["summary.csv"]);
  });

  test("parseSiteSummary refuses a report without its value, text or links", () => {
    const summary = toSiteSummary([toMonthSummary(NOV, REPORTS_CONFIG)], REPORTS_CONFIG);
    const broken = (change: (s: SiteSummary, month: MonthSummary) => void) => {
      const copy = structuredClone(summary);
      change(copy, copy.months[0]!);
      return () => parseSiteSummary(JSON.stringify(copy), "dist/summary.json");
    };
    const wrong = (value: unknown) => value as never;
    expect(broken((_, m) => (m.reports![1]!.value = wrong("3.5")))).toThrow("dist/summary.json is not a site summary");
    expect(broken((_, m) => Reflect.deleteProperty(m.reports![0]!.links, "csv"))).toThrow("is not a site summary");
    expect(broken((s) => (s.reports = wrong([{ id: "x" }])))).toThrow("is not a site summary");
    expect(broken((_, m) => (m.reports = wrong({})))).toThrow("is not a site summary");
    // a month built before the reports existed (carried over) has none: still a summary
    expect(broken((_, m) => delete m.reports)).not.toThrow();
  });
});

describe("the home page's month cards with reports", () => {
  test("every report's headline, linked to its table; the month's title links to its overview", () => {
    const summary = toSiteSummary(
      [NOV, DEC].map((m) => toMonthSummary(m, REPORTS_CONFIG)),
      REPORTS_CONFIG,
    );
    const html = renderIndexPage([], { title: "311", summary });
    expect(html).toContain("2 months of requests, November 2019 to December 2019, in 3 reports.");
    expect(html).toContain('<h3><a href="2019/dec/index.html">December 2019</a></h3>');
    expect(html).toContain('<li><a href="2019/dec/by-service.html">Requests by service</a>: 1,500 requests</li>');
    expect(html).toContain('<li><a href="2019/nov/days-to-close.html">Median days to close</a>: 3.50 days</li>');
    expect(html).toContain(
      '<li><a href="2019/nov/closed-fast.html">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a>: 41.2%</li>',
    );
    expect(html).toContain('<a href="2019/dec/index.html">All reports<span class="vh"> of December 2019</span></a>');
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("Top groups");
    expect(html).not.toContain("counted by");
  });
});

describe("the trend page with reports", () => {
  test("a table of months × reports' values, and a line chart per report with its points", async () => {
    const summary = toSiteSummary(
      [NOV, DEC, JAN].map((m) => toMonthSummary(m, REPORTS_CONFIG)),
      REPORTS_CONFIG,
    );
    const html = await renderTrendPage(summary);
    expect(html).toContain('<th scope="col" class="num">Median days to close <span class="meta">(days)</span></th>');
    expect(html).toContain(
      // a share's values carry "%" themselves: its heading has no unit
      '<th scope="col" class="num">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</th>',
    );
    expect(html).toContain(
      '<tr><th scope="row"><a href="2019/dec/index.html">December 2019</a><br><span class="meta">so far: 29 of 31 days</span></th><td class="num">1,500</td><td class="num">—</td><td class="num">30.0%</td></tr>',
    );
    expect(html).toContain('<td class="num">900</td><td class="num">2.12</td><td class="num">100.0%</td>');
    for (const n of [1, 2, 3]) expect(html).toContain(`<figure class="chart" id="report-trend-${n}"`);
    expect(html).toContain("Median days to close per month, in days.");
    // the spec carries each month's point and its tooltip (December has no median: no point)
    expect(html).toContain('"tip":"November 2019: 3.50 days"');
    expect(html).not.toContain('"tip":"December 2019: —"');
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("Largest groups");
  });

  test("a month carried over from a build without a report shows no value for it", async () => {
    const { reports: _, ...older } = toMonthSummary(NOV, REPORTS_CONFIG);
    const summary = toSiteSummary([older, toMonthSummary(DEC, REPORTS_CONFIG)], REPORTS_CONFIG);
    const html = await renderTrendPage(summary);
    expect(html).toContain(
      'November 2019</a></th><td class="num">—</td><td class="num">—</td><td class="num">—</td></tr>',
    );
  });
});

describe("planSite with reports", () => {
  test("a month's files are every report's pages, the overview as its folder index and the preview image", async () => {
    const plan = planSite(
      [NOV, DEC].map((m) => ({ summary: toMonthSummary(m, REPORTS_CONFIG), report: async () => m })),
      REPORTS_CONFIG,
    );
    const files = await plan.months[1]!.render();
    const expected = DEFINITIONS.flatMap((d) =>
      [d.files.csv, d.files.table, d.files.chart].map((f) => `2019/dec/${f}`),
    );
    expect(files.map((f) => f.path).sort()).toEqual(
      [...expected, "2019/dec/index.html", "2019/dec/preview.png"].sort(),
    );
    const { neighbours, changes } = plan.months[1]!;
    const overview = renderMonthOverview(DEC, DEC.reports!, neighbours, REPORTS_CONFIG, changes);
    expect(files.find((f) => f.path === "2019/dec/index.html")!.body).toBe(overview.body);
  });
});
