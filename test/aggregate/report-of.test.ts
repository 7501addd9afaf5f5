/** reportFromTallies on hand-made tallies: order, blanks, the month's overall value, breakdowns, checks. */
import { describe, expect, test } from "vitest";
import {
  reportFromCounts,
  reportFromTallies,
  ReportMeasureError,
  type ReportTally,
} from "../../src/aggregate/index.js";
import { PANDAS_MISSING_VALUES } from "../../src/config/index.js";
import { BugError } from "../../src/errors.js";
import { expectTable } from "../support/expect-table.js";
import { reportDefinition } from "../support/report-tally.js";

const MISSING = PANDAS_MISSING_VALUES;
const tally = (rows: ReportTally["rows"], kinds: ReportTally["kinds"] = {}): ReportTally => ({ rows, kinds });

describe("a count by whole columns", () => {
  test("with a chartField: exactly today's reportFromCounts", () => {
    const files = [
      tally([
        ["Pothole", "Request", 3],
        ["", "Request", 2],
        ["Graffiti", null, 1],
      ]),
      tally([
        ["Pothole", "Complaint", 1],
        [null, "Request", 4],
        ["NA", "Inquiry", 1],
      ]),
    ];
    const definition = reportDefinition({ groupBy: ["service_name"], chartField: "case_record_type" });
    const ours = reportFromTallies(definition, files, MISSING);
    const today = reportFromCounts(
      files.map((f) => f.rows),
      ["service_name", "case_record_type"],
      { groupBy: ["service_name"], chartField: "case_record_type", missingValues: MISSING },
    );
    expect(ours.counts.objects()).toEqual(today.counts.objects());
    expect(ours.breakdown.objects()).toEqual(today.breakdown.objects());
    expect({ ...ours, counts: 0, breakdown: 0 }).toEqual({ ...today, counts: 0, breakdown: 0 });
    expectTable(ours.counts, { service_name: ["(blank)", "Pothole", "Graffiti"], count: [7, 4, 1] });
    expect(ours.overall).toBe(12);
  });

  test("without a chartField, the breakdown is the counts", () => {
    const files = [
      tally([
        ["1", 2],
        ["2", 5],
        ["", 1],
      ]),
      tally([["1", 4]]),
    ];
    const report = reportFromTallies(reportDefinition({ groupBy: ["council_district"] }), files, MISSING);
    expectTable(report.counts, { council_district: ["1", "2", "(blank)"], count: [6, 5, 1] });
    expect(report.breakdown.objects()).toEqual(report.counts.objects());
    expect([report.totalRows, report.overall, report.valueColumn]).toEqual([12, 12, "count"]);
    expect(report.blanks).toEqual([{ marker: "", rows: 1 }]);
  });
});

describe("timestamp parts keep their own order", () => {
  test("weekdays Monday to Sunday, a blank timestamp last, whatever the counts", () => {
    const rows = [
      ["Sunday", 9],
      ["", 20],
      ["Monday", 1],
      ["Wednesday", 5],
      [null, 2],
      ["Tuesday", 5],
    ];
    const definition = reportDefinition({ groupBy: [{ column: "requested_datetime", part: "weekday" }] });
    const report = reportFromTallies(definition, [tally(rows)], MISSING);
    expectTable(report.counts, {
      requested_datetime_weekday: ["Monday", "Tuesday", "Wednesday", "Sunday", "(blank)"],
      count: [1, 5, 5, 9, 22],
    });
    expect(report.blanks).toEqual([
      { marker: "", rows: 20 },
      { marker: null, rows: 2 },
    ]);
  });

  test("a heatmap: weekday, then hour 00 to 23", () => {
    const rows = [
      ["Tuesday", "00", 1],
      ["Monday", "13", 4],
      ["Monday", "09", 4],
      ["Sunday", "23", 2],
      ["Monday", "", 1],
      ["Tuesday", "00", 3],
    ];
    const keys = [
      { column: "t", part: "weekday" },
      { column: "t", part: "hour" },
    ] as const;
    const report = reportFromTallies(
      reportDefinition({ groupBy: [...keys], chart: "heatmap" }),
      [tally(rows)],
      MISSING,
    );
    expectTable(report.counts, {
      t_weekday: ["Monday", "Monday", "Monday", "Tuesday", "Sunday"],
      t_hour: ["09", "13", "(blank)", "00", "23"],
      count: [4, 4, 1, 4, 2],
    });
  });

  test("dates ascending, split by a chartField, with a measure", () => {
    const rows = [
      ["2019-01-10", "Closed", "4", 1],
      ["2019-01-02", "Open", "1", 2],
      ["2019-01-02", "Closed", "3", 1],
      ["2019-01-10", "Closed", "NA", 1],
    ];
    const definition = reportDefinition({
      groupBy: [{ column: "t", part: "date" }],
      chartField: "status",
      measure: { kind: "mean", column: "days" },
    });
    const report = reportFromTallies(definition, [tally(rows, { days: "number" })], MISSING);
    expectTable(report.counts, { t_date: ["2019-01-02", "2019-01-10"], mean_days: [5 / 3, 4] });
    expectTable(report.breakdown, {
      t_date: ["2019-01-02", "2019-01-02", "2019-01-10"],
      status: ["Closed", "Open", "Closed"],
      mean_days: [3, 1, 4],
    });
    expect(report.overall).toBe(9 / 4);
    expect(report.totalRows).toBe(5);
  });
});

describe("measures", () => {
  const days = (kind: "median" | "sum" | "min" | "p90") =>
    reportDefinition({ groupBy: ["service"], measure: { kind, column: "days" } });
  const files = [
    tally(
      [
        ["A", "1", 1],
        ["A", "2", 1],
        ["B", "10", 1],
        ["B", " 10", 1],
        ["C", "", 3],
      ],
      { days: "number" },
    ),
    tally(
      [
        ["A", "3.0", 1],
        ["B", "1e1", 2],
        ["C", null, 1],
        ["A", "NA", 2],
      ],
      { days: "number" },
    ),
    tally([["D", null, 1]], {}),
  ];

  test("largest value first, groups without a value (NaN) last, ties by name", () => {
    const report = reportFromTallies(days("median"), files, MISSING);
    expectTable(report.counts, { service: ["B", "A", "C", "D"], median_days: [10, 2, null, null] });
    expect(report.valueColumn).toBe("median_days");
    expect(report.totalRows).toBe(14);
  });

  test("overall: the measure over every kept row, not of the groups' values", () => {
    // values 1, 2, 3, 10 × 4: median 10 (the median of the groups' medians would be 6)
    expect(reportFromTallies(days("median"), files, MISSING).overall).toBe(10);
    expect(reportFromTallies(days("sum"), files, MISSING).overall).toBe(46);
    expect(reportFromTallies(days("min"), files, MISSING).overall).toBe(1);
    expect(reportFromTallies(days("p90"), files, MISSING).overall).toBe(10);
  });

  test("a sum of a group without values is 0, as pandas", () => {
    expectTable(reportFromTallies(days("sum"), files, MISSING).counts, {
      service: ["B", "A", "C", "D"],
      sum_days: [40, 6, 0, 0],
    });
  });

  test("a share counts blank cells in the denominator", () => {
    const rows = [
      ["A", "Closed", 3],
      ["A", "", 1],
      ["A", "Open", 2],
      ["A", null, 2],
      ["B", "NA", 1],
    ];
    const definition = reportDefinition({
      groupBy: ["service"],
      measure: { kind: "share", column: "status", values: ["Closed"] },
    });
    const report = reportFromTallies(definition, [tally(rows, { status: "text" })], MISSING);
    expectTable(report.counts, { service: ["A", "B"], share_status: [3 / 8, 0] });
    expect(report.overall).toBe(3 / 9);
  });

  test("distinct: a number and the same text in another file's text column are two values, as pandas.concat holds them", () => {
    const definition = reportDefinition({ groupBy: ["service"], measure: { kind: "distinct", column: "d" } });
    const files = [
      tally(
        [
          ["A", "5", 1],
          ["A", "5.0", 1],
        ],
        { d: "number" },
      ),
      tally(
        [
          ["A", "5", 1],
          ["A", "abc", 1],
        ],
        { d: "text" },
      ),
    ];
    const report = reportFromTallies(definition, files, MISSING);
    expectTable(report.counts, { service: ["A"], distinct_d: [3] });
  });

  test("an empty month: no rows, a count of 0, no median", () => {
    expect(reportFromTallies(days("median"), [], MISSING)).toMatchObject({ overall: null, totalRows: 0 });
    expect(reportFromTallies(days("sum"), [], MISSING).overall).toBe(0);
    const count = reportFromTallies(reportDefinition({ groupBy: ["service"] }), [], MISSING);
    expect([count.overall, count.counts.numRows()]).toEqual([0, 0]);
  });
});

describe("what the scanner must have refused is a bug here", () => {
  test("a numeric measure over a text column, a row of the wrong width, a value in an empty column", () => {
    const median = reportDefinition({ groupBy: ["service"], measure: { kind: "median", column: "days" } });
    expect(() => reportFromTallies(median, [tally([["A", "x", 1]], { days: "text" })], MISSING)).toThrow(BugError);
    expect(() => reportFromTallies(median, [tally([["A", 1]], { days: "number" })], MISSING)).toThrow(BugError);
    expect(() => reportFromTallies(median, [tally([["A", "5", 1]], { days: "empty" })], MISSING)).toThrow(BugError);
    expect(() => reportFromTallies(median, [tally([["A", "5x", 1]], { days: "number" })], MISSING)).toThrow(BugError);
    const sum = reportDefinition({ groupBy: ["service"], measure: { kind: "sum", column: "days" } });
    expect(() => reportFromTallies(sum, [tally([["A", "inf", 1]], { days: "number" })], MISSING)).toThrow(BugError);
  });

  test("True/False count as 1 and 0, as pandas does, but a p90 of them is a user's error naming the column", () => {
    const files = [
      tally(
        [
          ["A", "True", 3],
          ["A", "False", 1],
        ],
        { flag: "boolean" },
      ),
      tally([["A", "5", 1]], { flag: "number" }),
    ];
    const mean = reportDefinition({ groupBy: ["service"], measure: { kind: "mean", column: "flag" } });
    expect(reportFromTallies(mean, files, MISSING).overall).toBe(8 / 5);
    const p90 = reportDefinition({ groupBy: ["service"], measure: { kind: "p90", column: "flag" } });
    const error = (() => {
      try {
        reportFromTallies(p90, files, MISSING);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReportMeasureError);
    expect(error).toMatchObject({ column: "flag", files: [0] });
    expect((error as Error).message).toContain('p90 of "flag"');
  });
});
