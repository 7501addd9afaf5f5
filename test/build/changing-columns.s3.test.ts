/**
 * Exports whose columns change over the years: a counted column that only some files
 * have is read as empty in the others, as pandas.concat reads it, and the month's page says so.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import { parseMonth } from "../../src/source/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { pandasCounts } from "../support/pandas.js";
import { createBucket, tempDir, testClient, testConfig, uniqueBucket } from "../support/s3.js";

// the export gained a `district` column on January 3rd; February's exports are all of the old kind
const WITHOUT = (rows: string[]) => ["service_request_id,service_name,case_record_type", ...rows, ""].join("\n");
const WITH = (rows: string[]) => ["service_request_id,district,service_name,case_record_type", ...rows, ""].join("\n");
const FILES: Record<string, string> = {
  "2019_jan_01_gid_requests.csv": WITHOUT(["1,Pothole,Request", "2,Graffiti,Request", "3,None,Request"]),
  "2019_jan_02_gid_requests.csv": WITHOUT(["4,Pothole,Inquiry"]),
  "2019_jan_03_gid_requests.csv": WITH(["5,D1,Pothole,Request", "6,D2,Pothole,Request", "7,None,Graffiti,Request"]),
  "2019_jan_04_gid_requests.csv": WITH(["8,D1,Pothole,Request", "9,,Noise,Inquiry"]),
  "2019_feb_01_gid_requests.csv": WITHOUT(["10,Pothole,Request"]),
  "2019_feb_02_gid_requests.csv": WITHOUT(["11,Pothole,Request", "12,Noise,Request"]),
};
const JANUARY = Object.keys(FILES).filter((k) => k.includes("_jan_"));

describe("a counted column only some files have", () => {
  let rawBucket: string;
  beforeAll(async () => {
    rawBucket = uniqueBucket("columns-raw");
    await createBucket(testClient(), rawBucket, FILES);
  });

  const configFor = (groupBy: string[], chartField = "case_record_type", missingValues?: string[]) =>
    testConfig({
      raw: { bucket: rawBucket },
      site: { bucket: uniqueBucket("columns-site") },
      report: { groupBy, chartField, missingValues },
    });

  /** pandas on January's files (the reference), and its own missing markers. */
  function pandasJanuary(groupBy: string[], chartField: string) {
    const dir = tempDir("columns-pandas-");
    for (const key of JANUARY) writeFileSync(join(dir, key), FILES[key]!);
    return pandasCounts(
      JANUARY.map((k) => join(dir, k)),
      groupBy,
      chartField,
    );
  }

  test("is read as empty where it is missing, as pandas.concat reads it: the counts equal pandas'", async () => {
    const pandas = pandasJanuary(["district"], "case_record_type");
    // configured with the installed pandas' own missing markers, the numbers must match exactly
    const config = configFor(["district"], "case_record_type", pandas.naValues);
    const report = await buildSite(config, { logger: memoryLogger() });
    const csv = readFileSync(join(config.output, "2019/jan/final_report.csv"), "utf8").trim().split("\n").slice(1);
    const ours: Record<string, number> = Object.fromEntries(
      csv.map((line) => line.split(",")).map(([d, n]) => [d, Number(n)]),
    );
    const { "(blank)": blank, ...named } = ours;
    expect(named).toEqual(Object.fromEntries(pandas.counts));
    expect(blank).toBe(pandas.rows - Object.values(named).reduce((a, b) => a + b, 0));
    expect(report.months[0]).toMatchObject({
      month: "2019-01",
      rows: pandas.rows,
      absentColumns: [{ column: "district", keys: JANUARY.slice(0, 2) }],
    });
  });

  test("the page and the log name the files without the column, and the (blank) note how blanks were marked", async () => {
    const config = configFor(["district"]); // the default markers: pandas 2's, with "None"
    const logger = memoryLogger();
    await buildSite(config, { logger });

    expect(logger.warnings).toContain(
      '2019-01: column "district" is not in 2 of 4 raw files, so their rows are counted as blank there (as pandas.concat reads them): 2019_jan_01_gid_requests.csv, 2019_jan_02_gid_requests.csv',
    );
    const page = readFileSync(join(config.output, "2019/jan/final_report.html"), "utf8");
    expect(page).toContain(
      "2 of the 4 daily files (day 1-2) have no District column: their requests are counted under (blank).",
    );
    // the (blank) note says how this month's blanks were marked: "None", an empty cell, a missing column
    expect(page).toContain(
      "(blank) counts 6 requests whose District was left empty (1) or &quot;None&quot; (1) in the raw data, or is not there at all because their daily file has no such column (4).",
    );
    expect(page).not.toContain("gid_requests"); // raw keys stay out of the site

    // February has no file with the column: published, all (blank), and said so
    const february = readFileSync(join(config.output, "2019/feb/final_report.html"), "utf8");
    expect(february).toContain("2 of the 2 daily files (day 1-2) have no District column");
    expect(february).toContain(
      "(blank) counts 3 requests whose District is not in the raw data: their daily file has no such column.",
    );

    // a build with nothing new still says it (the warning is true on every run)
    const again = memoryLogger();
    const next = await buildSite(config, { logger: again });
    expect(next.written).toBe(false);
    expect(again.warnings.filter((w) => w.includes('column "district"'))).toHaveLength(2);
  });

  test("a column only some files have may be the chart field: the chart's breakdown equals pandas'", async () => {
    const pandas = pandasJanuary(["service_name"], "district");
    const config = configFor(["service_name"], "district", pandas.naValues);
    await buildSite(config, { logger: memoryLogger() });
    const chart = readFileSync(join(config.output, "2019/jan/final_chart.html"), "utf8");
    const spec = JSON.parse(/<script type="application\/json" class="chart-spec">(.*?)<\/script>/s.exec(chart)![1]!);
    const values = spec.data.find((d: { values?: unknown[] }) => d.values).values as {
      group: string;
      type: string;
      count: number;
    }[];
    const pairs = values
      .filter((v) => v.group !== "(blank)" && v.type !== "(blank)")
      .map((v) => [v.group, v.type, v.count]);
    expect(pairs.sort()).toEqual([...pandas.breakdown].sort());
    expect(values.reduce((n, v) => n + v.count, 0)).toBe(pandas.rows);
  });

  test("a column no file of the build has is a typo: the error names it and the columns the files have", async () => {
    const config = configFor(["service"]);
    await expectReportsiteError(() => buildSite(config, { logger: memoryLogger() }), {
      name: "SourceError",
      message:
        'no raw file has the column "service" (report.groupBy); nothing was built. The files have: service_request_id, service_name, case_record_type, district',
      hint: /report\.groupBy and report\.chartField/,
    });
  });

  test("under --month (a backfill of the years before the column was added) it is a warning, and the months build", async () => {
    const config = configFor(["district"]);
    const logger = memoryLogger();
    const report = await buildSite(config, { logger, months: [parseMonth("2019-02")!] });
    expect(report.months.map((m) => [m.month, m.rows])).toEqual([["2019-02", 3]]);
    expect(logger.warnings.filter((l) => l.startsWith("no raw file of the months built"))).toEqual([
      'no raw file of the months built has the column "district" (report.groupBy): their requests are counted as (blank). The files have: service_request_id, service_name, case_record_type. Check report.groupBy and report.chartField in site-config.json against the exports\' header (names are case-sensitive).',
    ]);
    const csv = readFileSync(join(config.output, "2019/feb/final_report.csv"), "utf8");
    expect(csv).toContain("(blank)");
  });
});
