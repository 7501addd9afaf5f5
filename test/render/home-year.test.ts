// The home page at a glance and the year pages, rendered from month summaries (no Vega, no browser).
import { describe, expect, test } from "vitest";
import { renderIndexPage, toMonthSummary, toSiteSummary, type SiteSummary } from "../../src/render/index.js";
import { glanceOf, lastMonthIds } from "../../src/render/home-glance.js";
import { renderYearPages } from "../../src/render/year-page.js";
import { monthReport, PAGE_CONFIG, times } from "./support.js";
import { REPORTS_CONFIG, reportsMonth, HOSTILE_TITLE } from "./reports-support.js";

const HOSTILE_GROUP = "<img src=x onerror=alert(1)>";

/** Months 2018-03 .. 2020-02 (24 months): month i has 10 + i Pothole, 5 Graffiti and i % 3 hostile rows. */
function shorthandSummary(extra: Record<string, Partial<Parameters<typeof monthReport>[2]>> = {}): SiteSummary {
  const ids = lastMonthIds("2020-02", 24);
  const months = ids.map((id, i) =>
    monthReport(
      id,
      [
        ...times(10 + i, ["Pothole", "Request"]),
        ...times(5, ["Graffiti", "Request"]),
        ...times(i % 3, [HOSTILE_GROUP, "Inquiry"]),
      ],
      extra[id] ?? {},
    ),
  );
  return toSiteSummary(
    months.map((m) => toMonthSummary(m, PAGE_CONFIG)),
    PAGE_CONFIG,
  );
}

/** The requests of month i of shorthandSummary. */
const requests = (i: number) => 10 + i + 5 + (i % 3);

const byPath = (files: { path: string; body: string | Uint8Array }[]) =>
  Object.fromEntries(files.map((f) => [f.path, String(f.body)]));

describe("the glance at the latest month", () => {
  test("states the latest value and its change from the month before and from the same month a year before", () => {
    const glance = glanceOf(shorthandSummary())!;
    expect(glance.monthTitle).toBe("February 2020");
    const [tile] = glance.tiles;
    expect(tile!.valueText).toBe(`${requests(23)} requests`);
    // February 2020 is month 23, January 2020 month 22, February 2019 month 11
    const change = (now: number, was: number) =>
      `${now > was ? "+" : "\u2212"}${Math.abs(now - was)} (${now > was ? "+" : "\u2212"}${((Math.abs(now - was) / was) * 100).toFixed(1)}%)`;
    expect(tile!.changes).toEqual([
      { since: "since January 2020", text: change(requests(23), requests(22)), missing: "" },
      { since: "since February 2019, a year before", text: change(requests(23), requests(11)), missing: "" },
    ]);
  });

  test("draws the last 24 months as bars with a title, a description and a tooltip per month", () => {
    const svg = glanceOf(shorthandSummary())!.tiles[0]!.chart;
    expect(svg.match(/<rect /g)).toHaveLength(24);
    expect(svg).toContain('<title id="glance-1-title">Requests per month, March 2018 to February 2020</title>');
    expect(svg).toContain(`<title>February 2020: ${requests(23)} requests</title>`);
    expect(svg).toContain(`Lowest ${requests(0)} requests in March 2018`);
    // the year's first month is labelled, a month in the middle is not
    expect(svg).toContain(">Jan 19</text>");
    expect(svg).not.toContain(">Jun 19</text>");
  });

  test("a month the site lacks has no bar, and the change from it is not shown, saying why", () => {
    const summary = shorthandSummary();
    summary.months = summary.months.filter((m) => m.id !== "2019-02");
    const tile = glanceOf(summary)!.tiles[0]!;
    expect(tile.chart.match(/<rect /g)).toHaveLength(23);
    expect(tile.chart).toContain("1 month without data.");
    expect(tile.changes[1]).toEqual({
      since: "since February 2019, a year before",
      text: "",
      missing: "no data for that month",
    });
  });

  test("a month so far is compared per day of data and drawn lighter", () => {
    const days = Array.from({ length: 19 }, (_, i) => i + 11);
    const glance = glanceOf(shorthandSummary({ "2020-02": { missingDays: days } }))!;
    expect(glance.soFar).toBe("so far: 10 of 29 days");
    expect(glance.tiles[0]!.changes[0]!.text).toMatch(/% per day$/);
    expect(glance.tiles[0]!.chart).toContain("(data not all in yet)</title>");
  });

  test("with reports: a tile per report in its unit, a median by its difference, a share in percentage points", () => {
    const months = [
      reportsMonth("2019-01", 1000, 3.5, 0.4),
      reportsMonth("2019-12", 1200, 3, 0.45),
      reportsMonth("2020-01", 900, 2.125, 0.5),
    ];
    const summary = toSiteSummary(
      months.map((m) => toMonthSummary(m, REPORTS_CONFIG)),
      REPORTS_CONFIG,
    );
    const tiles = glanceOf(summary)!.tiles;
    expect(tiles.map((t) => [t.title, t.valueText])).toEqual([
      ["Requests by service", "900 requests"],
      ["Median days to close", "2.12 days"],
      [HOSTILE_TITLE, "50.0%"],
    ]);
    expect(tiles[0]!.changes.map((c) => c.text)).toEqual(["\u2212300 (\u221225.0%)", "\u2212100 (\u221210.0%)"]);
    expect(tiles[1]!.changes.map((c) => c.text)).toEqual(["\u22120.88 (\u221229.2%)", "\u22121.38 (\u221239.3%)"]);
    expect(tiles[2]!.changes.map((c) => c.text)).toEqual(["+5.0 percentage points", "+10.0 percentage points"]);
    expect(tiles[2]!.chart).not.toContain("<script>");
    expect(tiles[2]!.chart).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co per month");
  });
});

describe("the home page", () => {
  const summary = shorthandSummary();
  const at = new Date("2020-03-01T06:00:00Z");
  const html = renderIndexPage([{ key: "2020/feb/final_report.csv", size: 10, lastModified: at }], {
    title: "City 311",
    summary,
  });

  test("the glance first, then each month once, newest first, by year, then the published files", () => {
    const order = [
      "latest-heading",
      'id="m2020-02"',
      'id="m2020-01"',
      'id="m2019-12"',
      'id="m2018-03"',
      "files-heading",
    ];
    const at = order.map((s) => html.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(html.match(/<li class="month"/g)).toHaveLength(24);
    expect(html.match(/id="m2020-02"/g)).toHaveLength(1);
  });

  test("links each year to its page, and escapes group names", () => {
    for (const year of ["2018", "2019", "2020"])
      expect(html).toContain(`<a href="${year}/index.html">${year} in review</a>`);
    expect(html).not.toContain(HOSTILE_GROUP);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("the year pages", () => {
  const summary = shorthandSummary();
  const pages = byPath(renderYearPages(summary));

  test("one page per year, the partial years said so", () => {
    expect(Object.keys(pages).sort()).toEqual(["2018/index.html", "2019/index.html", "2020/index.html"]);
    expect(pages["2020/index.html"]).toContain(
      "Partial year: 2 of 12 months; no data for Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec.",
    );
    expect(pages["2018/index.html"]).toContain("Partial year: 10 of 12 months; no data for Jan, Feb.");
    expect(pages["2019/index.html"]).not.toContain("Partial year");
  });

  test("the year's total is the sum of its months, the change is over the months both years have", () => {
    const page = pages["2019/index.html"]!;
    // 2019 is months 10..21 of the series; 2018's March..December are months 0..9
    const total2019 = Array.from({ length: 12 }, (_, k) => requests(10 + k)).reduce((a, b) => a + b);
    expect(page).toContain(`<tr><th scope="row">Year total</th><td class="num">${total2019}</td></tr>`);
    const now = Array.from({ length: 10 }, (_, k) => requests(12 + k)).reduce((a, b) => a + b);
    const was = Array.from({ length: 10 }, (_, k) => requests(k)).reduce((a, b) => a + b);
    expect(page).toContain(`+${now - was} (+${(((now - was) / was) * 100).toFixed(1)}%)`);
    expect(page).toContain("from the same 10 months of 2018 (Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec)");
    expect(pages["2018/index.html"]).toContain("no whole month to compare with 2017");
  });

  test("lists the year's largest groups summed over its months, escaped", () => {
    const page = pages["2019/index.html"]!;
    const pothole = Array.from({ length: 12 }, (_, k) => 10 + 10 + k).reduce((a, b) => a + b);
    const hostile = Array.from({ length: 12 }, (_, k) => (10 + k) % 3).reduce((a, b) => a + b);
    expect(page).toContain(`<li>Pothole: ${pothole} <span class="meta">requests</span></li>`);
    expect(page).toContain(`<li>Graffiti: 60 <span class="meta">requests</span></li>`);
    expect(page).toContain(
      `<li>&lt;img src=x onerror=alert(1)&gt;: ${hostile} <span class="meta">requests</span></li>`,
    );
    expect(page).not.toContain(HOSTILE_GROUP);
  });

  test("a measure that does not add up over months has no total, a share's title is escaped", () => {
    const months = [reportsMonth("2019-01", 1000, 3.5, 0.4), reportsMonth("2019-02", 1200, 3, 0.45)];
    const reports = toSiteSummary(
      months.map((m) => toMonthSummary(m, REPORTS_CONFIG)),
      REPORTS_CONFIG,
    );
    const page = byPath(renderYearPages(reports))["2019/index.html"]!;
    expect(page).toContain(
      '<tr><th scope="row">Year total</th><td class="num">2,200</td><td class="num">n/a</td><td class="num">n/a</td></tr>',
    );
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toContain("Requests by service by Service name");
    expect(page).toContain('<li>Pothole: 2,198 <span class="meta">requests</span></li>');
  });
});
