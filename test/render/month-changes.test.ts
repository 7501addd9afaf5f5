// What changed reaches summary.json and the pages: every month's lists are drawn from the summary's
// own numbers (the shorthand's counts, each count or sum report's rows), and the HTML escapes group
// names and report titles, which are input.
import { describe, expect, test } from "vitest";
import { shiftMonth } from "../../src/render/changes.js";
import { renderChanges } from "../../src/render/changes-view.js";
import { withChanges } from "../../src/render/month-changes.js";
import { parseSiteSummary, renderIndexPage, type MonthSummary, type SiteSummary } from "../../src/render/index.js";
import { BY_SERVICE, DAYS, HOSTILE_TITLE, REPORTS_CONFIG } from "./reports-support.js";
import { PAGE_CONFIG } from "./support.js";

const HOSTILE_GROUP = '<img src=x onerror="alert(1)">';

/** 13 months from 2019-01 whose counts are `groups(i)` for the i-th month. */
function summaryOf(
  groups: (i: number) => Record<string, number>,
  extra: (i: number) => Partial<MonthSummary> = () => ({}),
) {
  const months = Array.from({ length: 13 }, (_, i): MonthSummary => {
    const id = shiftMonth("2019-01", i);
    const counts = Object.entries(groups(i)).map(([service_name, count]) => ({ service_name, count }));
    const links = { table: "t", chart: "c", csv: "v" };
    const facts = { id, title: `Month ${id}`, dir: id, files: 30, missingDays: [], emptyDays: [], skippedFiles: 0 };
    return { ...facts, total: 0, links, counts, byType: [], ...extra(i) };
  });
  return {
    title: "311",
    groupBy: ["service_name"],
    chartField: "case_record_type",
    labels: {},
    months,
  } satisfies SiteSummary;
}

const spikeInLastMonth = (i: number) => ({ Pothole: 300, [HOSTILE_GROUP]: i === 12 ? 500 : 200 });

describe("withChanges", () => {
  test("the shorthand: each month gets one list from its counts, the last one with the spike", () => {
    const months = withChanges(summaryOf(spikeInLastMonth), PAGE_CONFIG).months;
    expect(months[0]!.changes).toEqual([
      expect.objectContaining({ history: 0, reason: expect.stringMatching(/^None of/) }),
    ]);
    expect(months[12]!.changes![0]!.rises.map((r) => r.group)).toEqual([[HOSTILE_GROUP]]);
    expect(months[12]!.changes![0]!.report).toBeUndefined();
  });

  test("changes carried in a summary (a carried-over month) are replaced, not kept", () => {
    const stale = summaryOf(
      () => ({ Pothole: 300 }),
      () => ({ changes: [{ history: 99 } as never] }),
    );
    expect(withChanges(stale, PAGE_CONFIG).months.every((m) => m.changes![0]!.history !== 99)).toBe(true);
  });

  test("with reports: one list per count or sum report from its rows, none for a median or a share", () => {
    const summary = summaryOf(
      () => ({}),
      (i) => ({
        reports: [
          {
            id: BY_SERVICE.id,
            title: BY_SERVICE.title,
            measure: "count",
            value: 0,
            text: "",
            links: { table: "", chart: "", csv: "" },
            rows: [{ service_name: "Pothole", count: i === 12 ? 900 : 300 }],
          },
          {
            id: DAYS.id,
            title: DAYS.title,
            measure: "median",
            value: 2,
            text: "",
            links: { table: "", chart: "", csv: "" },
          },
        ],
      }),
    );
    const last = withChanges(summary, REPORTS_CONFIG).months[12]!.changes!;
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ report: BY_SERVICE.id, title: BY_SERVICE.title });
    expect(last[0]!.rises[0]!.text).toBe("Pothole: 900 requests, about 3.0× its usual 300");
  });
});

describe("summary.json's changes read back (deploy renders the home page from it)", () => {
  test("written changes parse; a list without its items' text is refused", () => {
    const summary = withChanges(summaryOf(spikeInLastMonth), PAGE_CONFIG);
    expect(parseSiteSummary(JSON.stringify(summary)).months[12]!.changes![0]!.rises).toHaveLength(1);
    const broken = JSON.parse(JSON.stringify(summary)) as SiteSummary;
    broken.months[12]!.changes![0]!.rises = [{ group: ["x"] } as never];
    expect(() => parseSiteSummary(JSON.stringify(broken))).toThrow("summary.json is not a site summary");
  });
});

describe("renderChanges", () => {
  test("the home page shows the latest month's list under the glance, the hostile name escaped", () => {
    const summary = withChanges(summaryOf(spikeInLastMonth), PAGE_CONFIG);
    const html = renderIndexPage([], { title: "311", summary });
    const section = html.slice(html.indexOf('<section class="changes"'));
    expect(section).toMatch(
      /^<section class="changes" aria-labelledby="changes-heading">\n<h3 id="changes-heading">What changed<\/h3>/,
    );
    expect(section).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain(HOSTILE_GROUP);
    // without a scored latest month there is nothing to say
    expect(renderIndexPage([], { title: "311", summary: summaryOf(spikeInLastMonth) })).not.toContain("What changed");
  });

  test("nothing to show is no HTML at all", () => {
    expect(renderChanges(undefined)).toBe("");
    expect(renderChanges([])).toBe("");
  });

  test("a hostile group name and report title are escaped; the parts are headings under the report's", () => {
    const changes = withChanges(summaryOf(spikeInLastMonth), PAGE_CONFIG).months[12]!.changes!;
    const html = renderChanges([{ ...changes[0]!, report: "x", title: HOSTILE_TITLE }], { level: 2 });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;: 500 requests, about 2.5× its usual 200");
    expect(html).toContain('<h2 id="changes-heading">What changed</h2>');
    expect(html).toContain("<h3>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h3>");
    expect(html).toContain("<h4>Rises</h4>");
  });

  test("a scored month with nothing unusual says so; a month without history says why", () => {
    const months = withChanges(
      summaryOf(() => ({ Pothole: 300 })),
      PAGE_CONFIG,
    ).months;
    expect(renderChanges(months[12]!.changes)).toContain(
      "Nothing unusual: every group is near its usual value of the 12 months before.",
    );
    expect(renderChanges(months[2]!.changes, { level: 3 })).toContain(
      '<h3 id="changes-heading">What changed</h3>\n<p class="meta">Only 2 of the 12 months before Month 2019-03 have data;',
    );
  });
});
