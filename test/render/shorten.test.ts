/** Long values are shown shortened on pages and charts, still told apart; the CSV keeps them whole. */
import { describe, expect, test } from "vitest";
import { toChartSpec } from "../../src/render/index.js";
import { renderMonthPages } from "../../src/render/month-pages.js";
import { SHOWN_VALUE_MAX_CHARS } from "../../src/group-values.js";
import { shortenedTitle, shownValue, shownValues } from "../../src/render/shorten.js";
import { monthReport, PAGE_CONFIG, renderSiteFiles } from "./support.js";

const HUGE = `Pothole ${"x".repeat(1_000_000)}`;

describe("shownValue", () => {
  test("a value up to the limit is shown whole; a longer one as its start and an ellipsis", () => {
    const exact = "y".repeat(SHOWN_VALUE_MAX_CHARS);
    expect(shownValue(exact)).toBe(exact);
    const shown = shownValue(HUGE);
    expect(shown).toHaveLength(SHOWN_VALUE_MAX_CHARS);
    expect(shown).toBe(`${HUGE.slice(0, SHOWN_VALUE_MAX_CHARS - 1)}…`);
  });

  test("never cuts a character made of two UTF-16 units in half", () => {
    const value = `${"a".repeat(SHOWN_VALUE_MAX_CHARS - 2)}😀${"b".repeat(10)}`;
    const shown = shownValue(value);
    expect(shown).toBe(`${"a".repeat(SHOWN_VALUE_MAX_CHARS - 2)}…`);
    expect(Buffer.from(shown).toString()).toBe(shown); // no lone surrogate (it would become U+FFFD)
  });

  test("two values that begin alike stay two texts", () => {
    const a = `${"z".repeat(300)}a`;
    const b = `${"z".repeat(300)}b`;
    const shown = shownValues([a, b, "short", a]);
    expect(new Set(shown.values()).size).toBe(3);
    expect(shown.get(b)).toBe(`${shown.get(a)} (2)`);
    expect(shown.get("short")).toBe("short");
  });

  test("the hover title is the whole value when it is not too long, else says where it is", () => {
    expect(shortenedTitle("short")).toBeUndefined();
    expect(shortenedTitle("w".repeat(500))).toBe("w".repeat(500));
    expect(shortenedTitle(HUGE)).toBe("Shortened from 1,000,008 characters; the CSV file has the whole value.");
  });
});

describe("pages and charts of a month with a huge value", () => {
  const rows: [string, string][] = [
    [HUGE, "Request"],
    [`${HUGE}!`, "Request"],
    ["Pothole", HUGE],
  ];

  test("the chart's data holds shortened values, one bar and legend entry per value", () => {
    const spec = toChartSpec(
      {
        description: "January 2019",
        groupBy: ["service_name"],
        chartField: "case_record_type",
        groupLabel: "Service name",
        typeLabel: "Case record type",
        breakdown: monthReport("2019-01", rows).report.breakdown.objects() as Record<string, unknown>[],
      },
      "wide",
    );
    const values = (spec.data as { values: Record<string, string>[] }).values;
    expect(new Set(values.map((v) => v.group)).size).toBe(3);
    expect(new Set(values.map((v) => v.type)).size).toBe(2);
    expect(JSON.stringify(spec).length).toBeLessThan(10_000);
  });

  test("the pages are small and show the value shortened with a title; the CSV has it whole", async () => {
    const files = await renderMonthPages(monthReport("2019-01", rows), {}, PAGE_CONFIG);
    const byPath = Object.fromEntries(files.map((f) => [f.path, String(f.body)]));
    expect(byPath["2019/jan/final_report.csv"]).toContain(`\n${HUGE},1\n`);
    for (const path of ["2019/jan/final_report.html", "2019/jan/final_chart.html", "2019/jan/index.html"])
      expect(byPath[path]!.length, path).toBeLessThan(200_000);
    const table = byPath["2019/jan/final_report.html"]!;
    expect(table).toContain(
      `title="Shortened from 1,000,008 characters; the CSV file has the whole value.">${shownValue(HUGE)}</td>`,
    );
  });

  test("a long URL in a link column is a link while a page can repeat it whole, else text", async () => {
    const url = `https://example.org/${"p".repeat(400)}`;
    const tooLong = `https://example.org/${"q".repeat(2000)}`;
    const files = await renderMonthPages(
      monthReport("2019-01", [
        [url, "Request"],
        [tooLong, "Request"],
      ]),
      {},
      PAGE_CONFIG,
    );
    const table = String(files.find((f) => f.path.endsWith("final_report.html"))!.body);
    expect(table).toContain(`<a href="${url}"`);
    expect(table).not.toContain(`href="${tooLong}"`);
    expect(table).toContain(`>${shownValue(tooLong)}</td>`);
  });
});

test("the whole site of two months with huge values: small pages, the exact value in the data files only", async () => {
  const rows: [string, string][] = [
    [HUGE, "Request"],
    [HUGE, HUGE],
    ["Pothole", "Request"],
  ];
  const { files } = await renderSiteFiles([monthReport("2019-01", rows), monthReport("2019-02", rows)], PAGE_CONFIG);
  for (const f of files) {
    const body = String(f.body);
    if (/\.(csv|json)$/.test(f.path)) continue;
    expect.soft(body.length, f.path).toBeLessThan(200_000);
  }
  const trend = String(files.find((f) => f.path === "trend.html")!.body);
  expect(trend).toContain(shownValue(HUGE));
  expect(String(files.find((f) => f.path === "summary.csv")!.body)).toContain(HUGE);
});
