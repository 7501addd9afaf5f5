/** One pass, several reports: filters, timestamp parts, measured cells and their kinds, and the errors that name file, line, column and value. */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PANDAS_MISSING_VALUES, type ReportDefinition } from "../../src/config/index.js";
import { scanCsv, scanPoolFor, tallySignature, tallySpecOf, type TallySpec } from "../../src/source/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { tempDir } from "../support/s3.js";

const KEY = "2019_jan_10_gid_requests.csv";
const CSV = [
  "service_name,status,case_age_days,requested_datetime,case_record_type",
  "Pothole,Closed,3,2019-01-07T08:15:00,Request",
  "Pothole,Open,,2019-01-07 09:00,Request",
  "Graffiti,Closed,1.5,2019-01-08T23:59:59.125-08:00,Inquiry",
  'Pothole,Closed,3,"2019-01-13",Request',
  "Graffiti,NA,NA,,Request",
  "Pothole,Duplicate,7,2019-01-31T00:00Z,Request",
].join("\n");

const report = (over: Partial<ReportDefinition>): ReportDefinition => ({
  id: "r",
  title: "R",
  groupBy: [{ column: "service_name" }],
  measure: { kind: "count" },
  filter: [],
  chart: "bar",
  files: { csv: "r.csv", table: "r.html", chart: "r_chart.html" },
  maxGroups: 1000,
  ...over,
});

const SPECS: Record<string, TallySpec> = {
  byService: tallySpecOf(report({ chartField: "case_record_type" })),
  closed: tallySpecOf(report({ filter: [{ column: "status", values: ["Closed", "Referred"], keep: "listed" }] })),
  notDuplicate: tallySpecOf(report({ filter: [{ column: "status", values: ["Duplicate"], keep: "others" }] })),
  medianDays: tallySpecOf(
    report({
      measure: { kind: "median", column: "case_age_days" },
      filter: [{ column: "status", values: ["Closed"], keep: "listed" }],
    }),
  ),
  weekdayHour: tallySpecOf(
    report({
      groupBy: [
        { column: "requested_datetime", part: "weekday" },
        { column: "requested_datetime", part: "hour" },
      ],
    }),
  ),
  date: tallySpecOf(report({ groupBy: [{ column: "requested_datetime", part: "date" }] })),
};

const scan = (csv: string, specs: TallySpec[], key = KEY) =>
  scanCsv(Buffer.from(csv), key, { requiredColumns: [], specs, missingValues: PANDAS_MISSING_VALUES });
const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe("each spec's tally", () => {
  test("a filter keeps the rows whose cell is listed; a missing cell is never listed, so 'others' keeps it", () => {
    const file = scan(CSV, [SPECS.closed!, SPECS.notDuplicate!]);
    expect(sorted(file.tallies[0]!)).toEqual(
      sorted([
        ["Pothole", 2],
        ["Graffiti", 1],
      ]),
    );
    expect(sorted(file.tallies[1]!)).toEqual(
      sorted([
        ["Pothole", 3],
        ["Graffiti", 2],
      ]),
    );
    expect(file.rows).toBe(6);
  });

  test("a measured column's cell text is the last key; its kind is decided over every row, filtered ones too", () => {
    const file = scan(CSV, [SPECS.medianDays!]);
    expect(sorted(file.tallies[0]!)).toEqual(
      sorted([
        ["Pothole", "3", 2],
        ["Graffiti", "1.5", 1],
      ]),
    );
    expect(file.kinds).toEqual({ case_age_days: "number" });
    const text = scan("service_name,status,case_age_days\nA,Open,soon\n", [
      tallySpecOf(report({ measure: { kind: "distinct", column: "case_age_days" } })),
    ]);
    expect(text.kinds).toEqual({ case_age_days: "text" });
    const absent = scan("service_name\nA\n", [SPECS.medianDays!]);
    expect(absent.kinds).toEqual({ case_age_days: "empty" });
    expect(absent.absentColumns).toEqual(["case_age_days", "status"]);
    expect(absent.tallies[0]).toEqual([]); // the filter keeps no row: status is absent, so never "Closed"
  });

  test("timestamp parts are the wall-clock values written; a blank or missing timestamp is '', an absent column null", () => {
    const file = scan(CSV, [SPECS.weekdayHour!, SPECS.date!]);
    expect(sorted(file.tallies[0]!)).toEqual(
      sorted([
        ["Monday", "08", 1],
        ["Monday", "09", 1],
        ["Tuesday", "23", 1],
        ["Sunday", "00", 1],
        ["", "", 1],
        ["Thursday", "00", 1],
      ]),
    );
    expect(sorted(file.tallies[1]!)).toEqual(
      sorted([
        ["2019-01-07", 2],
        ["2019-01-08", 1],
        ["2019-01-13", 1],
        ["", 1],
        ["2019-01-31", 1],
      ]),
    );
    expect(scan("service_name\nA\n", [SPECS.date!]).tallies[0]).toEqual([[null, 1]]);
  });

  test("weekday, hour and date equal pandas' to_datetime on the same cells", () => {
    const dir = tempDir("parts-");
    const cells = [
      "2019-01-07T08:15:00",
      "2020-02-29 23:05",
      "2019-12-31T00:00:00.5",
      "2024-06-15",
      "2019-03-10T02:30",
    ];
    writeFileSync(join(dir, "t.csv"), `t\n${cells.join("\n")}\n`);
    const script = `
import json, sys, pandas as pd
t = pd.to_datetime(pd.read_csv(sys.argv[1])["t"])
print(json.dumps([[d.day_name(), f"{d.hour:02d}", d.strftime("%Y-%m-%d")] for d in t]))`;
    const out = execFileSync("/usr/bin/python3", ["-c", script, join(dir, "t.csv")], { encoding: "utf8" });
    const pandas = JSON.parse(out) as string[][];
    const spec = tallySpecOf(
      report({
        groupBy: [
          { column: "t", part: "weekday" },
          { column: "t", part: "hour" },
          { column: "t", part: "date" },
        ],
      }),
    );
    const ours = scan(`t\n${cells.join("\n")}\n`, [spec]).tallies[0]!.map((r) => r.slice(0, 3));
    expect(sorted(ours)).toEqual(sorted(pandas));
  });

  test("several specs in one pass equal each spec scanned alone", () => {
    const all = Object.values(SPECS);
    const together = scan(CSV, all);
    all.forEach((spec, i) => expect(together.tallies[i]).toEqual(scan(CSV, [spec]).tallies[0]));
    expect(together.kinds).toEqual({ case_age_days: "number" });
  });

  test("the same tallies on worker threads", async () => {
    const pool = scanPoolFor(Number.MAX_SAFE_INTEGER);
    try {
      const options = { requiredColumns: [], specs: Object.values(SPECS), missingValues: PANDAS_MISSING_VALUES };
      const threaded = await pool.scan(Buffer.from(CSV), KEY, options);
      expect(threaded.tallies).toEqual(scan(CSV, Object.values(SPECS)).tallies);
    } finally {
      await pool.close();
    }
  });

  test("a signature is the same for equal specs, whatever their key order, and differs for another filter", () => {
    const reordered = { filter: SPECS.closed!.filter, keys: SPECS.closed!.keys } as TallySpec;
    expect(tallySignature(reordered)).toBe(tallySignature(SPECS.closed!));
    expect(tallySignature(SPECS.notDuplicate!)).not.toBe(tallySignature(SPECS.closed!));
  });
});

describe("cells a report cannot read: SourceError naming file, line, column and value", () => {
  const median = tallySpecOf(report({ measure: { kind: "median", column: "days" } }));
  const mean = tallySpecOf(report({ measure: { kind: "mean", column: "days" } }));
  const distinct = tallySpecOf(report({ measure: { kind: "distinct", column: "days" } }));
  const hour = tallySpecOf(report({ groupBy: [{ column: "days", part: "hour" }] }));
  const cases = [
    {
      what: "a text cell in a median's column (in a row no filter keeps too)",
      spec: median,
      csv: "service_name,days\nA,1\nA,\nB,two\n",
      message: /line 4: column "days": the value "two" is not a number/,
      line: 4,
    },
    {
      what: "numbers then a boolean: the column turns text",
      spec: median,
      csv: "service_name,days\nA,1\n\nB,True\n",
      message: /line 4: column "days": the value "True" is not a number/,
      line: 4,
    },
    {
      what: "a number too long to read exactly (any measure)",
      spec: distinct,
      csv: "service_name,days\nA,123456789012345678\n",
      message: /line 2: column "days": the value "123456789012345678" has more digits than a number can hold exactly/,
      line: 2,
    },
    {
      what: "an infinite value in a mean's column",
      spec: mean,
      csv: "service_name,days\nA,1\r\nA,-Infinity\n",
      message: /line 3: column "days": the value "-Infinity" is infinite/,
      line: 3,
    },
    {
      what: "a timestamp that is not ISO 8601",
      spec: hour,
      csv: 'service_name,days\nA,2019-01-05T10:00\n"B\nC",01/05/2019 10:00\n',
      message: /line 3: column "days": the value "01\/05\/2019 10:00" is not an ISO 8601 timestamp/,
      line: 3,
    },
    {
      what: "a timestamp with a day the month does not have",
      spec: hour,
      csv: "service_name,days\nA,2019-02-29T10:00\n",
      message: /line 2: column "days": the value "2019-02-29T10:00" is not an ISO 8601 timestamp/,
      line: 2,
    },
  ];
  test.each(cases)("$what", async ({ spec, csv, message, line }) => {
    const error = await expectReportsiteError(() => scan(csv, [spec]), { name: "SourceError", message });
    expect(error.message.startsWith(`${KEY}: line ${line}: `)).toBe(true);
    expect((error as unknown as { key: string; line: number }).line).toBe(line);
    expect((error as unknown as { key: string }).key).toBe(KEY);
  });

  test("infinity is a number to a median and to distinct: no error", () => {
    expect(scan("service_name,days\nA,inf\n", [median, distinct]).kinds).toEqual({ days: "number" });
  });
});

describe("maxGroups per report", () => {
  test("the report past its limit is named by id and key; another report with a higher limit is not", async () => {
    const csv = `service_name,status\n${["A", "B", "C", "D"].map((s) => `${s},Open`).join("\n")}\n`;
    const specs = [SPECS.byService!, tallySpecOf(report({ groupBy: [{ column: "status" }] }))];
    const limits = [
      { maxGroups: 10, groupColumns: 1, report: "by-service" },
      { maxGroups: 1, groupColumns: 1, report: "by-status" },
    ];
    expect(() =>
      scanCsv(Buffer.from(csv), KEY, { requiredColumns: [], specs, missingValues: [], limits }),
    ).not.toThrow();
    const tight = [
      { ...limits[0]!, maxGroups: 1 },
      { ...limits[1]!, maxGroups: 10 },
    ];
    await expectReportsiteError(
      () => scanCsv(Buffer.from(csv), KEY, { requiredColumns: [], specs, missingValues: [], limits: tight }),
      {
        name: "TooManyGroupsError",
        message: `the report "by-service"'s groupBy "service_name" has more than 1 distinct values in ${KEY} alone (by line 3): did you pick an ID column? A report with that many groups is a table no one reads, and its pages and chart would not fit in memory; nothing was built.`,
        hint: /set maxGroups of the report "by-service" in site-config\.json/,
      },
    );
  });
});
