// Nothing the site says is misleading. A month so far is labelled and compared per day, a
// month after a gap in the data is not compared with a distant month, an accepted gap is named.
import { describe, expect, test } from "vitest";
import { renderIndexPage, type SiteFile } from "../../src/render/index.js";
import { calendarPreviousId, compareMonths, notCompared, soFar } from "../../src/render/compare.js";
import { monthReport, PAGE_CONFIG, times, renderSiteFiles } from "./support.js";

const byPath = (files: SiteFile[]) => Object.fromEntries(files.map((f) => [f.path, String(f.body)]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("compareMonths", () => {
  const whole = (id: string) => ({ id, title: id, missingDays: [] });
  test.each([
    {
      description: "adjacent whole months -> totals",
      month: whole("2026-12"),
      previous: whole("2026-11"),
      text: "+20 (+20.0%)",
    },
    {
      description: "across a year -> adjacent too",
      month: whole("2027-01"),
      previous: whole("2026-12"),
      text: "+20 (+20.0%)",
    },
    // 5 days of December (120 requests) against the 30 of November (100): 24 a day against 3.33
    {
      description: "a month so far -> per day",
      month: { id: "2026-12", missingDays: range(6, 31) },
      previous: whole("2026-11"),
      text: "+620.0% per day",
    },
    {
      description: "a gap in the data before -> not compared",
      month: whole("2024-06"),
      previous: whole("2019-03"),
      text: undefined,
    },
    { description: "no month before -> not compared", month: whole("2024-06"), previous: undefined, text: undefined },
    {
      description: "files left out (--skip-bad-files) of this month -> not compared",
      month: { ...whole("2026-12"), skippedFiles: 10 },
      previous: whole("2026-11"),
      text: undefined,
    },
    {
      description: "files left out of the month before -> not compared",
      month: whole("2026-12"),
      previous: { ...whole("2026-11"), skippedFiles: 1 },
      text: undefined,
    },
  ])("$description", ({ month, previous, text }) => {
    expect(compareMonths(month, previous)?.change(120, 100).text).toBe(text);
  });

  test("why a month is not compared, in the words of the home page's card", () => {
    expect(notCompared(whole("2024-06"), whole("2019-03"))).toBe(
      "there is no data for the month before to compare with.",
    );
    expect(notCompared({ ...whole("2026-12"), skippedFiles: 2 }, whole("2026-11"))).toBe(
      "files of this month or the month before could not be read and are left out.",
    );
  });

  test("the calendar month before", () => {
    expect(calendarPreviousId("2019-01")).toBe("2018-12");
    expect(calendarPreviousId("2019-03")).toBe("2019-02");
  });

  test("a month so far: the days after its last file are missing and not accepted", () => {
    expect(soFar({ id: "2026-12", missingDays: range(6, 31) })).toEqual({ days: 5, of: 31, lastDay: 5 });
    expect(soFar({ id: "2026-12", missingDays: [3, ...range(6, 31)] })).toEqual({ days: 4, of: 31, lastDay: 5 });
    expect(soFar({ id: "2026-12", missingDays: [3] })).toBeUndefined();
    expect(soFar({ id: "2026-11", missingDays: [30], acceptedGaps: [{ days: [30] }] })).toBeUndefined();
    expect(soFar({ id: "2026-11", missingDays: [] })).toBeUndefined();
  });
});

describe("the pages of a month so far, after a gap, and with an accepted gap", () => {
  const NOV = monthReport("2026-11", times(30, ["Pothole", "Request"]));
  // --month current on the 6th: days 1-5 only
  const DEC = monthReport("2026-12", times(5, ["Pothole", "Request"]), { files: 5, missingDays: range(6, 31) });

  test("a month so far is labelled 'so far: N of M days' and compared per day, never as a fall of 83%", async () => {
    const { files, summary } = await renderSiteFiles([NOV, DEC], PAGE_CONFIG);
    const dec = byPath(files)["2026/dec/final_report.html"]!;
    expect(dec).toContain("So far: 5 of 31 days. The data ends on day 5; the rest of the month is not in yet.");
    expect(dec).not.toContain("Incomplete month");
    expect(dec).not.toMatch(/−8\d\.\d%/);
    expect(dec).toMatch(/Total<\/td><td class="num">5<\/td><td class="num">0\.0% per day</); // 1 a day against 1
    const home = renderIndexPage([], { title: "311", summary });
    const card = home.slice(home.indexOf("<h3>"), home.indexOf(`class="links"`));
    expect(card).toContain("December 2026");
    expect(card).toContain("So far: 5 of 31 days: 5 daily files; data up to day 5");
    expect(card).toContain("Change since November 2026: 0.0% per day");
    expect(home).not.toMatch(/−8\d\.\d%/);
    const trend = byPath(files)["trend.html"]!;
    expect(trend).toContain("December 2026</a> (so far: 5 of 31 days)");
    expect(trend).not.toMatch(/−8\d\.\d%/);
  });

  test("a month after a gap in the data is not compared with a distant month", async () => {
    const MAR2019 = monthReport("2019-03", times(500, ["Pothole", "Request"]));
    const JUN2024 = monthReport("2024-06", times(17, ["Pothole", "Request"]));
    const { files, summary } = await renderSiteFiles([MAR2019, JUN2024], PAGE_CONFIG);
    const jun = byPath(files)["2024/jun/final_report.html"]!;
    expect(jun).not.toContain("Change since");
    expect(jun).toContain('rel="prev"'); // still linked: it is the month before on the site
    const home = renderIndexPage([], { title: "311", summary });
    const card = home.slice(home.indexOf('id="m2024-06"') >= 0 ? home.indexOf('id="m2024-06"') : 0);
    expect(home).not.toContain("Change since March 2019");
    expect(card).toContain("No change shown: there is no data for the month before to compare with.");
    expect(byPath(files)["trend.html"]).not.toMatch(/−96\.6%/);
  });

  test("an accepted gap is named as accepted, with its reason, and the month counts as complete", async () => {
    const MAR = monthReport("2019-03", times(30, ["Pothole", "Request"]), {
      files: 30,
      missingDays: [14],
      acceptedGaps: [{ days: [14], reason: "the city's system was down" }],
    });
    const { files, summary } = await renderSiteFiles([MAR], PAGE_CONFIG);
    const page = byPath(files)["2019/mar/final_report.html"]!;
    expect(page).toContain("No export for 14 March 2019: accepted, the city&#39;s system was down.");
    expect(page).not.toContain("Incomplete month");
    const home = renderIndexPage([], { title: "311", summary });
    expect(home).toContain("Complete: 30 daily files; no export for day 14: accepted, the city&#39;s system was down");
  });
});
