// The `reports` key of site-config.json: the four reports of the README load into the
// ReportDefinitions every stage reads, a config with only `report` keeps today's one report, and
// every mistake in a report is one problem line naming the report's index, id and key.
import { describe, expect, test } from "vitest";
import { configFromSpec, type ReportDefinition } from "../../src/config/index.js";
import { MAX_GROUPS_DEFAULT } from "../../src/config/schema.js";
import type { ConfigError } from "../../src/errors.js";
import { expectReportsiteError } from "../support/errors.js";

const minimal = { raw: { bucket: "gid-raw" }, site: { bucket: "gid-reports" } };

const fourReports = [
  {
    id: "requests-by-service",
    title: "Requests by service",
    groupBy: ["service_name"],
    chartField: "case_record_type",
  },
  { id: "requests-by-district", title: "Requests by council district", groupBy: ["council_district"] },
  {
    id: "days-to-close",
    title: "Median days to close (closed cases)",
    unit: "days",
    groupBy: ["service_name"],
    measure: { median: "case_age_days" },
    filter: { status: "Closed" },
  },
  {
    id: "when-requests-arrive",
    title: "Requests by weekday and hour",
    chart: "heatmap",
    groupBy: [
      { column: "requested_datetime", part: "weekday" },
      { column: "requested_datetime", part: "hour" },
    ],
  },
];

const filesOf = (id: string) => ({ csv: `${id}.csv`, table: `${id}.html`, chart: `${id}_chart.html` });

describe("reports", () => {
  test("the four reports load into their definitions, with the shared keys of report", () => {
    const config = configFromSpec({
      ...minimal,
      report: { labels: { council_district: "Council district" }, missingValues: ["-"], maxGroups: 300 },
      reports: fourReports,
    });
    expect(config.reportsFrom).toBe("reports");
    expect(config.report.labels).toEqual({ council_district: "Council district" });
    expect(config.report.missingValues).toEqual(["-"]);
    const expected: ReportDefinition[] = [
      {
        id: "requests-by-service",
        title: "Requests by service",
        groupBy: [{ column: "service_name" }],
        chartField: "case_record_type",
        measure: { kind: "count" },
        filter: [],
        chart: "bar",
        files: filesOf("requests-by-service"),
        maxGroups: 300,
      },
      {
        id: "requests-by-district",
        title: "Requests by council district",
        groupBy: [{ column: "council_district" }],
        measure: { kind: "count" },
        filter: [],
        chart: "bar",
        files: filesOf("requests-by-district"),
        maxGroups: 300,
      },
      {
        id: "days-to-close",
        title: "Median days to close (closed cases)",
        unit: "days",
        groupBy: [{ column: "service_name" }],
        measure: { kind: "median", column: "case_age_days" },
        filter: [{ column: "status", values: ["Closed"], keep: "listed" }],
        chart: "bar",
        files: filesOf("days-to-close"),
        maxGroups: 300,
      },
      {
        id: "when-requests-arrive",
        title: "Requests by weekday and hour",
        groupBy: [
          { column: "requested_datetime", part: "weekday" },
          { column: "requested_datetime", part: "hour" },
        ],
        measure: { kind: "count" },
        filter: [],
        chart: "heatmap",
        files: filesOf("when-requests-arrive"),
        maxGroups: 300,
      },
    ];
    // toStrictEqual: no key the user left out appears as undefined
    expect(config.reports).toStrictEqual(expected);
    expect(Object.isFrozen(config.reports[3]!.groupBy[0])).toBe(true);
  });

  test("every measure and filter form, explicit files, a line chart and a report's own maxGroups", () => {
    const report = (extra: object) => ({ id: "r", title: "R", groupBy: ["service_name"], ...extra });
    const config = configFromSpec({
      ...minimal,
      reports: [
        report({ measure: { p90: "case_age_days" }, maxGroups: 12, description: "Slowest tenth" }),
        { ...report({ measure: { distinct: "address" } }), id: "d", files: { csv: "d-data.csv" } },
        { ...report({ measure: { share: { column: "status", values: ["Closed", 3] } } }), id: "s" },
        {
          id: "per-day",
          title: "Per day",
          chart: "line",
          groupBy: [{ column: "requested_datetime", part: "date" }],
          chartField: "case_record_type",
          filter: { status: ["Closed", "Referred"], source: { not: ["Duplicate"] } },
        },
      ],
    });
    const [p90, distinct, share, line] = config.reports;
    expect(p90).toMatchObject({ measure: { kind: "p90", column: "case_age_days" }, maxGroups: 12 });
    expect(p90!.description).toBe("Slowest tenth");
    expect(distinct!.measure).toEqual({ kind: "distinct", column: "address" });
    expect(distinct!.files).toEqual({ csv: "d-data.csv", table: "d.html", chart: "d_chart.html" });
    expect(distinct!.maxGroups).toBe(MAX_GROUPS_DEFAULT);
    expect(share!.measure).toEqual({ kind: "share", column: "status", values: ["Closed", 3] });
    expect(line!.chart).toBe("line");
    expect(line!.filter).toEqual([
      { column: "status", values: ["Closed", "Referred"], keep: "listed" },
      { column: "source", values: ["Duplicate"], keep: "others" },
    ]);
  });

  test("a config with only report has today's one report, from the shorthand", () => {
    const config = configFromSpec({
      ...minimal,
      site: { bucket: "gid-reports", title: "Gainesville 311", files: { csv: "data.csv" } },
      report: { groupBy: ["service_name", "status"], chartField: "source", maxGroups: 40, linkColumns: ["status"] },
    });
    expect(config.reportsFrom).toBe("report");
    expect(config.reports).toStrictEqual([
      {
        id: "final_report",
        title: "Gainesville 311",
        groupBy: [{ column: "service_name" }, { column: "status" }],
        chartField: "source",
        measure: { kind: "count" },
        filter: [],
        chart: "bar",
        files: { csv: "data.csv", table: "final_report.html", chart: "final_chart.html" },
        maxGroups: 40,
      },
    ]);
    expect(config.report.columns).toEqual(["service_name", "status", "count"]);
  });

  test("linkColumns name groupBy columns of any report", () => {
    const config = configFromSpec({
      ...minimal,
      report: { linkColumns: ["council_district"] },
      reports: fourReports,
    });
    expect(config.report.linkColumns).toEqual(["council_district"]);
  });
});

/** A config whose `reports` is the four reports with `change` applied to the report at `index`. */
function withReport(index: number, change: object, report: object = {}) {
  const reports = fourReports.map((r, i) => (i === index ? { ...r, ...change } : r));
  return { ...minimal, report, reports };
}

async function problemsOf(spec: object): Promise<string[]> {
  const error = await expectReportsiteError(() => configFromSpec(spec), { name: "ConfigError", exitCode: 1 });
  return (error as ConfigError).problems;
}

describe("a bad report is one problem naming its index, id and key", () => {
  test.each([
    {
      description: "two reports with one id",
      spec: withReport(2, { id: "requests-by-service" }),
      problems: [
        'reports[2] ("requests-by-service").id: "requests-by-service" is also the id of reports[0] ("requests-by-service"); each report needs its own id',
      ],
    },
    {
      description: "an id that is not a slug",
      spec: withReport(1, { id: "By District" }),
      problems: [
        `reports[1] ("By District").id: must be a slug: lowercase letters, digits, '-' and '_', starting with a letter or digit`,
      ],
    },
    {
      description: "two files with one name",
      spec: withReport(1, { files: { csv: "days-to-close.csv" } }),
      problems: [
        'reports[2] ("days-to-close").files.csv: "days-to-close.csv" is also reports[1] ("requests-by-district").files.csv; give each file its own name in files',
      ],
    },
    {
      description: "a report file named after the month's overview",
      spec: withReport(0, { files: { table: "index.html" } }),
      problems: [
        'reports[0] ("requests-by-service").files.table: "index.html" must be a plain file name other than index.html, preview.png, error.html, trend.html, summary.json, summary.csv, feed.xml, sitemap.xml, robots.txt, data.json, .reportsite-deploy.lock',
      ],
    },
    {
      description: "a report file named after the month's preview image",
      spec: withReport(0, { files: { csv: "preview.png" } }),
      problems: [
        'reports[0] ("requests-by-service").files.csv: "preview.png" must be a plain file name other than index.html, preview.png, error.html, trend.html, summary.json, summary.csv, feed.xml, sitemap.xml, robots.txt, data.json, .reportsite-deploy.lock',
      ],
    },
    {
      description: "a report whose id makes its table the error page",
      spec: withReport(1, { id: "error" }),
      problems: [
        'reports[1] ("error").files.table: "error.html" must be a plain file name other than index.html, preview.png, error.html, trend.html, summary.json, summary.csv, feed.xml, sitemap.xml, robots.txt, data.json, .reportsite-deploy.lock',
      ],
    },
    {
      description: "a report file in a folder",
      spec: withReport(0, { files: { chart: "charts/by-service.html" } }),
      problems: [
        'reports[0] ("requests-by-service").files.chart: "charts/by-service.html" must be a plain file name other than index.html, preview.png, error.html, trend.html, summary.json, summary.csv, feed.xml, sitemap.xml, robots.txt, data.json, .reportsite-deploy.lock',
      ],
    },
    {
      description: "a heatmap with one key",
      spec: withReport(2, { chart: "heatmap" }),
      problems: ['reports[2] ("days-to-close").chart: "heatmap" needs exactly two groupBy keys, found 1'],
    },
    {
      description: "a heatmap with a chartField",
      spec: withReport(3, { chartField: "case_record_type" }),
      problems: [
        'reports[3] ("when-requests-arrive").chartField: a "heatmap" has no chartField (its colour is the value); leave it out',
      ],
    },
    {
      description: "a line whose first key is not a date",
      spec: withReport(3, { chart: "line" }),
      problems: [
        'reports[3] ("when-requests-arrive").chart: "line" needs a date part as the first groupBy key, e.g. {"column": "requested_datetime", "part": "date"}',
      ],
    },
    {
      description: "measuring a grouped column",
      spec: withReport(2, { measure: { distinct: "service_name" } }),
      problems: ['reports[2] ("days-to-close").measure: "service_name" is also in groupBy; measure another column'],
    },
    {
      description: "measuring the chartField",
      spec: withReport(0, { measure: { max: "case_record_type" } }),
      problems: [
        'reports[0] ("requests-by-service").measure: "case_record_type" is also the chartField; measure another column',
      ],
    },
    {
      description: "charting a grouped column",
      spec: withReport(1, { chartField: "council_district" }),
      problems: [
        'reports[1] ("requests-by-district").chartField: "council_district" is also in groupBy; chart another column (e.g. case_record_type)',
      ],
    },
    {
      description: "a median grouped by a column named like its value column",
      spec: withReport(2, { groupBy: ["service_name", "median_case_age_days"] }),
      problems: [
        'reports[2] ("days-to-close").groupBy[1]: "median_case_age_days" is the name of the report\'s value column; group by another column',
      ],
    },
    {
      description: "a sum charting a column named like its value column",
      spec: withReport(0, { measure: { sum: "case_age_days" }, chartField: "sum_case_age_days" }),
      problems: [
        'reports[0] ("requests-by-service").chartField: "sum_case_age_days" is the name of the report\'s value column; chart another column',
      ],
    },
    {
      description: "a median grouped by a timestamp part named like its value column",
      spec: withReport(3, {
        measure: { median: "opened_date" },
        groupBy: [{ column: "median_opened", part: "date" }, "service_name"],
      }),
      problems: [
        'reports[3] ("when-requests-arrive").groupBy[0]: "median_opened_date" is the name of the report\'s value column; group by another column',
      ],
    },
    {
      description: "grouping by one key twice",
      spec: withReport(1, { groupBy: ["council_district", "council_district"] }),
      problems: [
        'reports[1] ("requests-by-district").groupBy[1]: "council_district" is also groupBy[0]; group by each key once',
      ],
    },
    {
      description: "a share with no values",
      spec: withReport(2, { measure: { share: { column: "status", values: [] } } }),
      problems: ['reports[2] ("days-to-close").measure.share.values: needs at least one value'],
    },
    {
      description: "an empty groupBy",
      spec: withReport(1, { groupBy: [] }),
      problems: ['reports[1] ("requests-by-district").groupBy: needs at least one column or timestamp part'],
    },
    {
      description: "a filter with no values",
      spec: withReport(2, { filter: { status: [] } }),
      problems: ['reports[2] ("days-to-close").filter.status: needs at least one value'],
    },
    {
      description: "a filter excluding no values",
      spec: withReport(2, { filter: { status: { not: [] } } }),
      problems: ['reports[2] ("days-to-close").filter.status.not: needs at least one value'],
    },
    {
      description: "a mistyped timestamp part",
      spec: withReport(3, { groupBy: [{ column: "requested_datetime", part: "weekdy" }, "service_name"] }),
      problems: [
        'reports[3] ("when-requests-arrive").groupBy[0].part: "weekdy" is not a timestamp part; choose from weekday, hour, date; did you mean "weekday"?',
      ],
    },
    {
      description: "a timestamp part far from any",
      spec: withReport(3, { groupBy: [{ column: "requested_datetime", part: "month" }, "service_name"] }),
      problems: [
        'reports[3] ("when-requests-arrive").groupBy[0].part: "month" is not a timestamp part; choose from weekday, hour, date',
      ],
    },
    {
      description: "a group key object without a part",
      spec: withReport(1, { groupBy: [{ column: "requested_datetime", prt: "hour" }] }),
      problems: [
        'reports[1] ("requests-by-district").groupBy[0].part: needs a part: weekday, hour, date',
        'reports[1] ("requests-by-district").groupBy[0].prt: unknown key; did you mean "part"?',
      ],
    },
    {
      description: "a group key that is neither a column nor a part",
      spec: withReport(1, { groupBy: [7] }),
      problems: [
        'reports[1] ("requests-by-district").groupBy[0]: must be a column name or {"column": …, "part": "weekday" | "hour" | "date"}',
      ],
    },
    {
      description: "a mistyped key in a report",
      spec: withReport(2, { unti: "days" }),
      problems: ['reports[2] ("days-to-close").unti: unknown key; did you mean "unit"?'],
    },
    {
      description: "a mistyped filter key",
      spec: withReport(2, { filter: { status: { nto: ["Duplicate"] } } }),
      problems: [
        'reports[2] ("days-to-close").filter.status.not: must be a list of values, e.g. {"not": ["Duplicate"]}',
        'reports[2] ("days-to-close").filter.status.nto: unknown key; did you mean "not"?',
      ],
    },
    {
      description: "a mistyped measure",
      spec: withReport(2, { measure: { medain: "case_age_days" } }),
      problems: ['reports[2] ("days-to-close").measure.medain: unknown key; did you mean "median"?'],
    },
    {
      description: "a measure with two keys",
      spec: withReport(2, { measure: { median: "case_age_days", mean: "case_age_days" } }),
      problems: [
        'reports[2] ("days-to-close").measure: needs exactly one of sum, mean, median, min, max, p90, distinct, share',
      ],
    },
    {
      description: "a measure that is neither count nor an object",
      spec: withReport(2, { measure: "average" }),
      problems: [
        'reports[2] ("days-to-close").measure: must be "count" or an object with one of sum, mean, median, min, max, p90, distinct, share, e.g. {"median": "case_age_days"}',
      ],
    },
    {
      description: "report.groupBy beside reports",
      spec: withReport(0, {}, { groupBy: ["service_name"] }),
      problems: [
        'report.groupBy: with "reports", each report has its own groupBy; move it into the reports that group by it',
      ],
    },
    {
      description: "report.chartField beside reports",
      spec: withReport(0, {}, { chartField: "case_record_type" }),
      problems: [
        'report.chartField: with "reports", each report has its own chartField; move it into the reports whose chart it splits',
      ],
    },
    {
      description: "report.columns beside reports",
      spec: withReport(0, {}, { columns: ["service_name", "count"] }),
      problems: [
        `report.columns: with "reports", a report's table shows its groupBy keys and its value; leave report.columns out`,
      ],
    },
    {
      description: "a link column no report groups by",
      spec: withReport(0, {}, { linkColumns: ["media_url", "requested_datetime_hour"] }),
      problems: [
        'report.linkColumns[0]: "media_url" is not a groupBy column of any report (service_name, council_district)',
        'report.linkColumns[1]: "requested_datetime_hour" is not a groupBy column of any report (service_name, council_district)',
      ],
    },
    {
      description: "an empty reports list",
      spec: { ...minimal, reports: [] },
      problems: ["reports: needs at least one report; leave it out to use report alone"],
    },
  ])("$description", async ({ spec, problems }) => {
    expect(await problemsOf(spec)).toEqual(problems);
  });

  test("a report without a string id is named by its index alone", async () => {
    expect(await problemsOf({ ...minimal, reports: [{ title: "T", groupBy: ["service_name"] }] })).toEqual([
      "reports[0].id: Invalid input: expected string, received undefined",
    ]);
  });
});
