/**
 * The reports init proposes from sampled rows beside the count: the median of a duration column (over
 * closed cases when a status says which) and a weekday x hour heatmap of an ISO 8601 timestamp; and
 * site-config.json keeps the `report` shorthand when the rows support neither.
 */
import { describe, expect, test } from "vitest";
import { generateDay } from "../../scripts/sample/generate.js";
import { chooseFromLook, parseCsvSample, planInit, profileColumns, proposeReports } from "../../src/init/index.js";
import type { Logger } from "../../src/log.js";

const COUNTED = { groupBy: ["service_name"], chartField: "case_record_type" };

/** A CSV of `rows` rows from a function of the row number to its cells. */
function csv(header: string, rows: number, row: (i: number) => (string | number)[]): string {
  return [header, ...Array.from({ length: rows }, (_, i) => row(i).join(","))].join("\n") + "\n";
}

function proposed(text: string, counted = COUNTED) {
  const sample = parseCsvSample(text);
  return proposeReports(sample, profileColumns(sample), counted).map((p) => p.report);
}

/** 40 rows of a 311 export: updated_datetime before requested_datetime, open cases' age blank. */
const EXPORT = csv(
  "service_request_id,updated_datetime,requested_datetime,status,service_name,case_record_type,lat,case_age_days",
  40,
  (i) => [
    `R-${i}`,
    `2024-03-${String((i % 28) + 1).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:10:00Z`,
    `2024-02-${String((i % 28) + 1).padStart(2, "0")} ${String((i * 7) % 24).padStart(2, "0")}:05:00`,
    ["Closed", "Open", "In progress"][i % 3]!,
    `Service ${i % 5}`,
    ["Request", "Complaint"][i % 2]!,
    (32.7 + i / 1000).toFixed(4),
    i % 3 === 0 ? String(i % 11) : i % 3 === 1 ? "" : "NA",
  ],
);

describe("reports proposed from a 311 export", () => {
  test("the median of case_age_days per service for closed cases, and the heatmap of requested_datetime", () => {
    expect(proposed(EXPORT)).toEqual([
      {
        id: "median-case-age-days",
        title: "Median case age days by service name (closed cases)",
        unit: "days",
        groupBy: ["service_name"],
        measure: { median: "case_age_days" },
        filter: { status: "Closed" },
      },
      {
        id: "requests-by-weekday-and-hour",
        title: "Requests by weekday and hour of requested datetime",
        chart: "heatmap",
        groupBy: [
          { column: "requested_datetime", part: "weekday" },
          { column: "requested_datetime", part: "hour" },
        ],
      },
    ]);
  });

  test("the status value is written as the files write it, and without a status column the median keeps every row", () => {
    const upper = proposed(EXPORT.replaceAll(",Closed,", ",CLOSED,"));
    expect(upper[0]!.filter).toEqual({ status: "CLOSED" });
    const noStatus = proposed(EXPORT.replace(",status,", ",state,"));
    expect(noStatus[0]).toMatchObject({
      title: "Median case age days by service name",
      measure: { median: "case_age_days" },
    });
    expect(noStatus[0]).not.toHaveProperty("filter");
  });

  test("the demo's generated export gets the demo's median and heatmap", () => {
    const day = generateDay(new Date(Date.UTC(2019, 0, 10)), { caseAge: true, rows: [60, 60] });
    const reports = proposed(day);
    expect(reports.map((r) => [r.id, r.measure, r.filter, r.groupBy[0]])).toEqual([
      ["median-case-age-days", { median: "case_age_days" }, { status: "Closed" }, "service_name"],
      ["requests-by-weekday-and-hour", undefined, undefined, { column: "requested_datetime", part: "weekday" }],
    ]);
  });
});

describe("columns that would fail a build are never proposed", () => {
  test("a duration column with a cell pandas reads as text, or a number with a thousands separator: no median", () => {
    expect(proposed(EXPORT.replace(/,10\n/, ",ten\n")).map((r) => r.id)).toEqual(["requests-by-weekday-and-hour"]);
    expect(proposed(EXPORT.replace(/,9\n/, ',"1,234"\n')).map((r) => r.id)).toEqual(["requests-by-weekday-and-hour"]);
  });

  test("a numeric column not named like a duration, or one already counted: no median", () => {
    const renamed = EXPORT.replace("case_age_days", "amount");
    expect(proposed(renamed).map((r) => r.id)).toEqual(["requests-by-weekday-and-hour"]);
    const counted = proposed(EXPORT, { groupBy: ["case_age_days"], chartField: "status" });
    expect(counted.map((r) => r.id)).toEqual(["requests-by-weekday-and-hour"]);
    const split = proposed(EXPORT, { groupBy: ["service_name"], chartField: "case_age_days" });
    expect(split.map((r) => r.id)).toEqual(["requests-by-weekday-and-hour"]);
  });

  test("timestamps that are not ISO 8601, or whose hours never vary: no heatmap", () => {
    const text = (cell: (i: number) => string) =>
      csv("opened,service,minutes_waited", 30, (i) => [cell(i), `s${i % 4}`, i]);
    const us = text((i) => `03/${String((i % 28) + 1).padStart(2, "0")}/2024 ${String(i % 24).padStart(2, "0")}:00`);
    const midnight = text((i) => `2024-03-${String((i % 28) + 1).padStart(2, "0")} 00:00:00`);
    const dates = text((i) => `2024-03-${String((i % 28) + 1).padStart(2, "0")}`);
    const oneOff = text((i) => (i === 7 ? "2024-03-07 7pm" : `2024-03-01 ${String(i % 24).padStart(2, "0")}:00`));
    for (const sample of [us, midnight, dates, oneOff])
      expect(proposed(sample, { groupBy: ["service"], chartField: "x" })).toEqual([
        expect.objectContaining({
          id: "median-minutes-waited",
          unit: "minutes",
          measure: { median: "minutes_waited" },
        }),
      ]);
  });

  test("timestamps shaped like ISO 8601 but with an hour, minute, month or day the build rejects: no heatmap", () => {
    const text = (bad: string) =>
      csv("opened,service,minutes_waited", 30, (i) => [
        i === 7 ? bad : `2024-03-${String((i % 28) + 1).padStart(2, "0")} ${String(i % 24).padStart(2, "0")}:00`,
        `s${i % 4}`,
        i,
      ]);
    for (const bad of [
      "2024-03-07 24:00",
      "2024-03-07 99:00",
      "2024-03-07 10:60",
      "2024-13-07 10:00",
      "2024-02-30 10:00",
    ])
      expect(
        proposed(text(bad), { groupBy: ["service"], chartField: "x" }).map((r) => r.id),
        bad,
      ).toEqual(["median-minutes-waited"]);
    // the same rows with a good cell there get the heatmap
    expect(proposed(text("2024-03-07 10:00"), { groupBy: ["service"], chartField: "x" }).map((r) => r.id)).toEqual([
      "median-minutes-waited",
      "requests-by-weekday-and-hour",
    ]);
  });

  test("the first ISO timestamp when none is named like an arrival", () => {
    const text = csv("closed_on,changed_on,service", 30, (i) => [
      `2024-03-01T${String(i % 24).padStart(2, "0")}:00:00+01:00`,
      `2024-03-02T${String((i + 3) % 24).padStart(2, "0")}:00:00.125Z`,
      `s${i % 4}`,
    ]);
    expect(proposed(text, { groupBy: ["service"], chartField: "x" })[0]!.groupBy[0]).toEqual({
      column: "closed_on",
      part: "weekday",
    });
  });
});

describe("site-config.json", () => {
  const answers = {
    rawBucket: "city-raw",
    rawPrefix: "",
    keyPattern: "{year}_{mon}_{day}_gid_requests.csv",
    siteBucket: "city-site",
    sitePrefix: "",
    region: "us-east-1",
    publicAccess: "auto" as const,
    groupBy: ["service_name"],
    chartField: "case_record_type",
  };
  const config = (a: Parameters<typeof planInit>[0]) => JSON.parse(planInit(a, new Map(), false)[0]!.body);

  test("lists every report under reports, the count first, and no report shorthand", () => {
    const written = config({ ...answers, otherReports: proposed(EXPORT) });
    expect(written).not.toHaveProperty("report");
    expect(written.reports.map((r: { id: string }) => r.id)).toEqual([
      "requests-by-service-name",
      "median-case-age-days",
      "requests-by-weekday-and-hour",
    ]);
    expect(written.reports[0]).toEqual({
      id: "requests-by-service-name",
      title: "Requests by service name",
      groupBy: ["service_name"],
      chartField: "case_record_type",
    });
  });

  test("keeps today's report shorthand when nothing but the count was proposed", () => {
    for (const otherReports of [undefined, []]) {
      const written = config({ ...answers, otherReports });
      expect(written.report).toEqual({ groupBy: ["service_name"], chartField: "case_record_type" });
      expect(written).not.toHaveProperty("reports");
    }
  });
});

describe("init's choices from a look at the raw bucket", () => {
  function look(text: string) {
    return { names: ["a.csv"], truncated: false, sample: { ...parseCsvSample(text), keys: ["a.csv"] } };
  }
  function logged(): Logger & { lines: string[] } {
    const lines: string[] = [];
    return { lines, info: (l) => lines.push(l), warn: (l) => lines.push(`warn: ${l}`) };
  }

  test("given columns count, the other reports are proposed and said with why", () => {
    const logger = logged();
    const chosen = chooseFromLook({ groupBy: ["service_name"], chartField: "status" }, "", look(EXPORT), logger);
    expect(chosen).toMatchObject({ groupBy: ["service_name"], chartField: "status" });
    expect(chosen.otherReports?.map((r) => r.id)).toEqual(["median-case-age-days", "requests-by-weekday-and-hour"]);
    expect(logger.lines).toContain(
      "  case_age_days: numbers named like a duration: its median per service_name, of the rows whose status is Closed",
    );
    expect(logger.lines).toContain(
      "reports: requests-by-service-name, median-case-age-days, requests-by-weekday-and-hour (in site-config.json's reports, to edit)",
    );
  });

  test("rows with neither a duration nor a timestamp: no other reports, and nothing said of them", () => {
    const text = csv("ticket,service_name,case_record_type", 30, (i) => [`T${i}`, `s${i % 4}`, ["a", "b"][i % 2]!]);
    const logger = logged();
    const chosen = chooseFromLook({}, "", look(text), logger);
    expect(chosen.otherReports).toBeUndefined();
    expect(logger.lines.join("\n")).not.toMatch(/reports:/);
  });
});
