/**
 * A site with a `reports` list: every raw file is read once for all its reports, the cache keeps one
 * tally per report's spec, a new title reads nothing, a new report reads each file once more, and a
 * cell a report cannot read names its file, line, column and value.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, test } from "vitest";
import { buildSite, type BuildOptions } from "../../src/build/index.js";
import type { ReportDefinition, SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { tallySignature, tallySpecOf } from "../../src/source/index.js";
import { countingClient, createBucket, putObjects, testConfig, tempDir, uniqueBucket } from "../support/s3.js";
import { expectReportsiteError } from "../support/errors.js";
import { definitionWith as definition } from "../support/report-tally.js";

const HEADER = "service_request_id,service_name,case_record_type,status,case_age_days,requested_datetime\n";
const DAYS = {
  "2019_jan_01_gid_requests.csv": `${HEADER}1,Pothole,Request,Closed,3,2019-01-01T08:00:00\n2,Graffiti,Request,Open,,2019-01-01T09:30:00\n`,
  "2019_jan_02_gid_requests.csv": `${HEADER}3,Pothole,Complaint,Closed,5,2019-01-02 08:10\n`,
  "2019_feb_01_gid_requests.csv": `${HEADER}4,Graffiti,Request,Closed,1.5,2019-02-01T23:00Z\n`,
};

const REPORTS = [
  definition({ id: "requests-by-service", chartField: "case_record_type" }),
  definition({
    id: "days-to-close",
    measure: { kind: "median", column: "case_age_days" },
    filter: [{ column: "status", values: ["Closed"], keep: "listed" }],
  }),
  definition({
    id: "when-requests-arrive",
    chart: "heatmap",
    groupBy: [
      { column: "requested_datetime", part: "weekday" },
      { column: "requested_datetime", part: "hour" },
    ],
  }),
];

/** The cached files of a month, as the build cache stored them. */
function cachedMonth(config: SiteConfig, id: string): { key: string; tallies: Record<string, unknown[][]> }[] {
  const text = readFileSync(join(config.cache, "months", `${id}.json`), "utf8");
  return (JSON.parse(text) as { data: { files: { key: string; tallies: Record<string, unknown[][]> }[] } }).data.files;
}

const signature = (r: ReportDefinition) => tallySignature(tallySpecOf(r));
const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe("a site with several reports", () => {
  let config: SiteConfig;
  let client: S3Client & { gets: string[] };
  const withReports = (reports: readonly ReportDefinition[]): SiteConfig => ({
    ...config,
    reports,
    reportsFrom: "reports",
  });
  const build = (c: SiteConfig, options: Partial<BuildOptions> = {}) =>
    buildSite(c, { logger: memoryLogger(), client, ...options });

  beforeEach(async () => {
    config = testConfig(
      { raw: { bucket: uniqueBucket("rep-raw") }, site: { bucket: uniqueBucket("rep-site") } },
      tempDir(),
    );
    client = countingClient();
    await createBucket(client, config.raw.bucket, DAYS);
  });

  test("each raw file is read once for every report, and the cache keeps each report's tally", async () => {
    const report = await build(withReports(REPORTS));
    expect(client.gets.sort()).toEqual(Object.keys(DAYS).sort());
    expect(report.months.map((m) => [m.month, m.status, m.filesRead])).toEqual([
      ["2019-01", "rebuilt", 2],
      ["2019-02", "rebuilt", 1],
    ]);
    const jan = cachedMonth(config, "2019-01");
    const first = jan.find((f) => f.key === "2019_jan_01_gid_requests.csv")!;
    expect(Object.keys(first.tallies).sort()).toEqual(REPORTS.map(signature).sort());
    expect(sorted(first.tallies[signature(REPORTS[0]!)]!)).toEqual(
      sorted([
        ["Pothole", "Request", 1],
        ["Graffiti", "Request", 1],
      ]),
    );
    expect(first.tallies[signature(REPORTS[1]!)]).toEqual([["Pothole", "3", 1]]);
    expect(sorted(first.tallies[signature(REPORTS[2]!)]!)).toEqual(
      sorted([
        ["Tuesday", "08", 1],
        ["Tuesday", "09", 1],
      ]),
    );
  });

  test("another title reads no raw file; a new report reads each file once more, then never again", async () => {
    await build(withReports(REPORTS));
    client.gets.length = 0;
    const retitled = REPORTS.map((r) => ({ ...r, title: `${r.title} (renamed)`, description: "Now with words." }));
    const again = await build(withReports(retitled));
    expect(client.gets).toEqual([]);
    expect(again.months.every((m) => m.status === "reused")).toBe(true);

    const byDistrict = definition({ id: "by-type", groupBy: [{ column: "case_record_type" }] });
    const added = await build(withReports([...retitled, byDistrict]));
    expect(client.gets.sort()).toEqual(Object.keys(DAYS).sort());
    expect(added.months.map((m) => [m.month, m.status, m.reason])).toEqual([
      ["2019-01", "rebuilt", "2 files read for a new report"],
      ["2019-02", "rebuilt", "1 file read for a new report"],
    ]);
    expect(cachedMonth(config, "2019-02")[0]!.tallies[signature(byDistrict)]).toEqual([["Request", 1]]);

    client.gets.length = 0;
    await build(withReports([...retitled, byDistrict]));
    expect(client.gets).toEqual([]);
  });

  test("a text cell in a median's column names file, line, column and value; --skip-bad-files leaves the file out", async () => {
    await putObjects(client, config.raw.bucket, {
      "2019_feb_02_gid_requests.csv": `${HEADER}5,Pothole,Request,Open,soon,2019-02-02T10:00\n`,
    });
    await expectReportsiteError(() => build(withReports(REPORTS)), {
      name: "SourceError",
      message: /2019_feb_02_gid_requests\.csv: line 2: column "case_age_days": the value "soon" is not a number/,
    });
    const skipped = await build(withReports(REPORTS), { skipBadFiles: true });
    expect(skipped.months.find((m) => m.month === "2019-02")!.skipped).toEqual(["2019_feb_02_gid_requests.csv"]);
  });

  test("a p90 over a column of only True/False names the month, the report and the files", async () => {
    await putObjects(client, config.raw.bucket, {
      "2019_jan_03_gid_requests.csv": `${HEADER.trimEnd()},urgent\n5,Pothole,Request,Open,,2019-01-03T10:00:00,True\n`,
    });
    const p90 = definition({ id: "urgent-p90", measure: { kind: "p90", column: "urgent" } });
    await expectReportsiteError(() => build(withReports([REPORTS[0]!, p90])), {
      name: "ReportMeasureError",
      message:
        /^2019-01: reports\[1\] \("urgent-p90"\)\.measure: the p90 of "urgent" cannot be computed: .*\(2019_jan_03_gid_requests\.csv\)$/,
      hint: /mean/,
    });
  });

  test("a report past its maxGroups is named by its id", async () => {
    const tight = definition({ id: "tight", groupBy: [{ column: "service_request_id" }], maxGroups: 1 });
    await expectReportsiteError(() => build(withReports([REPORTS[0]!, tight])), {
      name: "TooManyGroupsError",
      message: /^the report "tight"'s groupBy "service_request_id" has more than 1 distinct values/,
    });
  });

  test("a column no raw file has is named with the report and key that read it", async () => {
    const typo = definition({ id: "closed", filter: [{ column: "stauts", values: ["Closed"], keep: "listed" }] });
    await expectReportsiteError(() => build(withReports([REPORTS[0]!, typo])), {
      name: "SourceError",
      message: /^no raw file has the column "stauts" \(the report "closed"'s filter\); nothing was built/,
    });
  });

  test("a --month build with a new report is refused while a cached month it leaves out lacks that report's tally", async () => {
    await build(withReports(REPORTS));
    client.gets.length = 0;
    const byType = definition({ id: "by-type", groupBy: [{ column: "case_record_type" }] });
    const february = [{ year: 2019, month: 2 }];
    await expectReportsiteError(() => build(withReports([...REPORTS, byType]), { months: february }), {
      name: "SourceError",
      message:
        /^2019-01: the build cache holds 2 of its raw files without the tally of a report added since they were read/,
      hint: /--month 2019-01/,
    });
    expect(client.gets).toEqual([]); // January comes first: refused before February is read
    await build(withReports([...REPORTS, byType]));
    expect(client.gets.sort()).toEqual(Object.keys(DAYS).sort());
  });

  test("a --month build without the cache carries the other months over only while their reports are the same", async () => {
    const february = [{ year: 2019, month: 2 }];
    await build(withReports(REPORTS));
    const january = readFileSync(join(config.output, "2019/jan/index.html"), "utf8");
    rmSync(config.cache, { recursive: true, force: true });
    await build(withReports(REPORTS), { months: february });
    expect(readFileSync(join(config.output, "2019/jan/index.html"), "utf8")).toBe(january);
    const trend = readFileSync(join(config.output, "trend.html"), "utf8");
    expect(trend).toContain("January 2019");

    rmSync(config.cache, { recursive: true, force: true });
    const refiltered = REPORTS.map((r) =>
      r.id === "days-to-close"
        ? { ...r, filter: [{ column: "status", values: ["Open"], keep: "listed" as const }] }
        : r,
    );
    await expectReportsiteError(() => build(withReports(refiltered), { months: february }), {
      name: "RenderError",
      message:
        /2019-01 was built with its reports "requests-by-service", "days-to-close", "when-requests-arrive", but .* computed another way/,
      hint: /without --month/,
    });
    const added = [...REPORTS, definition({ id: "by-type", groupBy: [{ column: "case_record_type" }] })];
    await expectReportsiteError(() => build(withReports(added), { months: february }), {
      name: "RenderError",
      message: /2019-01 was built with its reports .* now has reports .*"by-type"/,
    });
    await expectReportsiteError(() => build(config, { months: february }), {
      name: "RenderError",
      message: /2019-01 was built with its reports .* now has the report shorthand/,
    });
  });
});
