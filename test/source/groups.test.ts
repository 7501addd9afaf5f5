/** Limits that keep a month bounded: report.maxGroups stops the scan early; long values are noted with their line. */
import { describe, expect, test } from "vitest";
import { scanCsv, scanPoolFor, type FileTally } from "../../src/source/index.js";
import { MonthGroups } from "../../src/source/groups.js";
import { SHOWN_VALUE_MAX_CHARS } from "../../src/group-values.js";
import { expectReportsiteError } from "../support/errors.js";
import { counting } from "../support/tally.js";

const KEY = "2019_jan_10_gid_requests.csv";
const countColumns = ["service_name", "case_record_type"];
const limited = (maxGroups: number) => ({
  requiredColumns: [],
  ...counting(countColumns),
  limits: [{ maxGroups, groupColumns: 1 }],
});
const csv = (rows: string[]) => Buffer.from(`service_name,case_record_type\n${rows.join("\n")}\n`);

describe("report.maxGroups stops the scan of a file as soon as it passes", () => {
  test("more distinct groups than the limit: TooManyGroupsError naming the column, the limit, the file and the line", async () => {
    // 6 distinct services; the sixth (F) is on line 8 (the header is line 1)
    const rows = ["A,R", "B,R", "A,Q", "C,R", "D,R", "E,R", "F,R", "G,R"];
    await expectReportsiteError(() => scanCsv(csv(rows), KEY, limited(5)), {
      name: "TooManyGroupsError",
      message: `report.groupBy "service_name" has more than 5 distinct values in ${KEY} alone (by line 8): did you pick an ID column?`,
      hint: /set report\.maxGroups in site-config\.json to raise the limit of 5/,
    });
  });

  test("more chartField values than the limit stops it too, naming report.chartField", async () => {
    const rows = ["A,1", "B,2", "A,3", "B,4", "A,5", "A,6", "B,7"];
    await expectReportsiteError(() => scanCsv(csv(rows), KEY, limited(5)), {
      name: "TooManyGroupsError",
      message: /^report\.chartField "case_record_type" has more than 5 distinct values in .* alone \(by line 7\)/,
    });
  });

  test("at the limit, the counts are those of a scan without one (each repeated value counted once as a group)", () => {
    const rows = ["A,R", "B,Q", "A,Q", "C,R", "D,R", "E,R", "E,R", "A,R"];
    const free = scanCsv(csv(rows), KEY, { requiredColumns: [], ...counting(countColumns) });
    expect(scanCsv(csv(rows), KEY, limited(5))).toEqual(free);
  });

  test("on worker threads the error arrives as the same TooManyGroupsError", async () => {
    const pool = scanPoolFor(Number.MAX_SAFE_INTEGER);
    try {
      const rows = Array.from({ length: 50 }, (_, i) => `id${i},R`);
      await expectReportsiteError(() => pool.scan(csv(rows), KEY, limited(10)), {
        name: "TooManyGroupsError",
        message: /more than 10 distinct values .* alone \(by line 12\)/,
        hint: /report\.maxGroups/,
      });
    } finally {
      await pool.close();
    }
  });
});

describe("a month's groups are counted across its files", () => {
  const files: FileTally["tallies"] = [
    [
      ["A", "R", 3],
      ["B", "R", 1],
      ["A", "Q", 2],
    ],
    [
      ["B", "Q", 4],
      ["C", "R", 1],
    ],
    [["D", "R", 1]],
  ];

  test("the file that passes the limit is named; the same group in two files counts once", async () => {
    const groups = new MonthGroups("2019-01", countColumns, { maxGroups: 3, groupColumns: 1 });
    groups.add("day1.csv", files[0]!);
    groups.add("day2.csv", files[1]!);
    await expectReportsiteError(() => groups.add("day3.csv", files[2]!), {
      name: "TooManyGroupsError",
      message:
        /^report\.groupBy "service_name" has more than 3 distinct values in 2019-01 \(passed in file day3\.csv\)/,
    });
  });

  test("with two groupBy columns, groups are exact pairs", async () => {
    const groups = new MonthGroups("2019-01", ["a", "b", "type"], { maxGroups: 2, groupColumns: 2 });
    groups.add("day1.csv", [
      ["x", "y", "R", 1],
      ["x", "y", "Q", 1],
      ["x|y", "", "R", 1],
    ]);
    await expectReportsiteError(() => groups.add("day2.csv", [["x", "y|", "R", 1]]), {
      name: "TooManyGroupsError",
      message: /^report\.groupBy "a", "b" has more than 2 distinct values in 2019-01/,
    });
  });
});

describe("values too long to print whole are noted with their column and line", () => {
  const long = (n: number, c = "x") => c.repeat(n);

  test("the first line of each, in any counted column; none for values up to the limit", () => {
    const rows = [
      `${long(SHOWN_VALUE_MAX_CHARS)},R`,
      `"multi\nline",R`,
      `${long(SHOWN_VALUE_MAX_CHARS + 1)},R`,
      `${long(SHOWN_VALUE_MAX_CHARS + 1)},R`,
      `A,${long(300, "t")}`,
    ];
    const file = scanCsv(csv(rows), KEY, limited(100));
    expect(file.longValues).toEqual([
      { column: "service_name", line: 5, length: SHOWN_VALUE_MAX_CHARS + 1 },
      { column: "case_record_type", line: 7, length: 300 },
    ]);
    expect(scanCsv(csv(["A,R"]), KEY, limited(100)).longValues).toBeUndefined();
  });

  test("a file notes at most 5 (each costs a count of its lines)", () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${long(SHOWN_VALUE_MAX_CHARS + i)},R`);
    expect(scanCsv(csv(rows), KEY, limited(100)).longValues).toHaveLength(5);
  });
});
