import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { configFromSpec, loadConfig } from "../../src/config/index.js";
import { siteUrl } from "../../src/s3/index.js";
import { expectReportsiteError } from "../support/errors.js";

const minimal = { raw: { bucket: "gid-raw" }, site: { bucket: "gid-reports" } };

describe("configFromSpec", () => {
  test("fills every default and freezes the result", () => {
    const config = configFromSpec(minimal, { baseDir: "/project" });
    expect(config.site.catalog).toBeUndefined(); // no data.json unless the publisher is named
    expect(config.output).toBe("/project/dist");
    expect(config.report.groupBy).toEqual(["service_name"]);
    expect(config.report.columns).toEqual(["service_name", "count"]);
    // counted columns are not required: a file without one is read as empty there
    expect(config.report.requiredColumns).toEqual([]);
    expect(config.report.missingValues).toContain("NA");
    expect(config.site.files).toEqual({
      csv: "final_report.csv",
      table: "final_report.html",
      chart: "final_chart.html",
    });
    expect(config.forcePathStyle).toBe(false);
    expect(config.raw.keyPattern.match("2019_jan_10_gid_requests.csv")).toEqual({ year: 2019, month: 1, day: 10 });
    expect(config.raw.keyPattern.match("2019_JAN_10_gid_requests.csv")).toEqual({ year: 2019, month: 1, day: 10 });
    expect(config.raw.keyPattern.match("notes.txt")).toBeUndefined();
    expect(config.raw.encoding).toBe("utf-8");
    expect(Object.isFrozen(config.report.groupBy)).toBe(true);
  });

  test("prefixes get a trailing slash; an endpoint turns on path style", () => {
    const config = configFromSpec({
      ...minimal,
      endpoint: "http://127.0.0.1:7480",
      raw: { bucket: "gid-raw", prefix: "exports/311" },
    });
    expect(config.raw.prefix).toBe("exports/311/");
    expect(config.forcePathStyle).toBe(true);
  });

  test("site.url is the site's public address: it ends in a slash and is what siteUrl gives; only http(s)", async () => {
    const config = configFromSpec({ ...minimal, site: { bucket: "gid-reports", url: "https://reports.city.gov" } });
    expect(config.site.url).toBe("https://reports.city.gov/");
    expect(siteUrl(config)).toBe("https://reports.city.gov/");
    expect(siteUrl(configFromSpec(minimal))).toBe("http://gid-reports.s3-website-us-east-1.amazonaws.com/");
    const error = await expectReportsiteError(
      () => configFromSpec({ ...minimal, site: { bucket: "gid-reports", url: "javascript:alert(1)" } }),
      { name: "ConfigError", exitCode: 1 },
    );
    expect(error.message).toMatch(/site\.url: must be the site's public http\(s\) address/);
  });

  test("site.files may not take the name of the month's index or preview image", async () => {
    const error = await expectReportsiteError(
      () => configFromSpec({ ...minimal, site: { bucket: "gid-reports", files: { csv: "preview.png" } } }),
      { name: "ConfigError", exitCode: 1 },
    );
    expect(error.message).toMatch(
      /site\.files\.csv: "preview\.png" must be a plain file name other than index\.html, preview\.png and error\.html/,
    );
  });

  test("lists every problem with its key path", async () => {
    const error = await expectReportsiteError(
      () =>
        configFromSpec({
          raw: { bucket: "Bad_Bucket", keyPattern: "{year}_{week}.csv", extra: 1 },
          site: { bucket: "ok-site", publicAccess: "everyone" },
          endpoint: "ftp://example.org",
        }),
      { name: "ConfigError", exitCode: 1 },
    );
    expect(error.message).toMatch(/raw\.bucket: must be an S3 bucket name/);
    expect(error.message).toMatch(/raw\.extra: unknown key$/m);
    expect(error.message).toMatch(/site\.publicAccess: Invalid option: expected one of "auto"\|"acl"\|"policy"/);
    expect(error.message).toMatch(/endpoint: must be an http\(s\) URL/);
  });

  test("a mistyped key gets the closest known key at its place", async () => {
    const error = await expectReportsiteError(
      () =>
        configFromSpec({
          ...minimal,
          raw: { bucket: "gid-raw", keyPatern: "{year}_{mon}_{day}.csv" },
          site: { bucket: "gid-site", titel: "Reports" },
          reprot: {},
          s3: { maxAtempts: 2 },
        }),
      { name: "ConfigError", exitCode: 1 },
    );
    expect(error.message).toMatch(/^ {2}- raw\.keyPatern: unknown key; did you mean "keyPattern"\?$/m);
    expect(error.message).toMatch(/^ {2}- site\.titel: unknown key; did you mean "title"\?$/m);
    expect(error.message).toMatch(/^ {2}- reprot: unknown key; did you mean "report"\?$/m);
    expect(error.message).toMatch(/^ {2}- s3\.maxAtempts: unknown key; did you mean "maxAttempts"\?$/m);
  });

  test("--output . is blamed on the flag, not on site-config.json", async () => {
    const error = await expectReportsiteError(
      () =>
        configFromSpec(minimal, {
          file: "/project/site-config.json",
          baseDir: "/project",
          overrides: { output: "/project" },
        }),
      { name: "ConfigError", exitCode: 2 },
    );
    expect(error.message).toBe(
      "--output /project: /project would replace the project folder or one above it; use a subfolder such as dist",
    );
  });

  test.each([
    {
      description: "unknown placeholder",
      spec: { ...minimal, raw: { bucket: "gid-raw", keyPattern: "{year}_{mon}_{week}.csv" } },
      message: /raw\.keyPattern: unknown placeholder \{week\}/,
    },
    {
      description: "an encoding reportsite does not read",
      spec: { ...minimal, raw: { bucket: "gid-raw", encoding: "ebcdic" } },
      message: /raw\.encoding: Invalid option: expected one of "utf-8"\|"utf-16"\|"latin1"\|"windows-1252"/,
    },
    {
      description: "no month in pattern",
      spec: { ...minimal, raw: { bucket: "gid-raw", keyPattern: "{year}_{day}.csv" } },
      message: /raw\.keyPattern: needs exactly one of \{mon\}/,
    },
    {
      description: "output is the project folder",
      spec: { ...minimal, output: "." },
      message: /output: "\." would replace the project folder/,
    },
    {
      description: "output above the project",
      spec: { ...minimal, output: ".." },
      message: /output: "\.\." would replace/,
    },
    {
      description: "site bucket is the raw bucket",
      spec: { raw: { bucket: "same-b" }, site: { bucket: "same-b" } },
      message: /site\.bucket: "same-b" is also raw\.bucket; publish to a bucket of its own/,
    },
    {
      description: "site bucket is the raw bucket, even with a site prefix",
      spec: { raw: { bucket: "same-b", prefix: "raw" }, site: { bucket: "same-b", prefix: "site" } },
      message: /site\.bucket: "same-b" is also raw\.bucket/,
    },
    {
      description: "a month path without the month",
      spec: { ...minimal, site: { bucket: "gid-reports", monthPath: "{year}" } },
      message: /site\.monthPath: needs \{mon\} \(jan\) or \{month\} \(01\)/,
    },
    {
      description: "an unknown month path placeholder",
      spec: { ...minimal, site: { bucket: "gid-reports", monthPath: "{year}/{mon}/{day}" } },
      message: /site\.monthPath: unknown placeholder \{day\}/,
    },
    {
      description: "a month path leaving the site",
      spec: { ...minimal, site: { bucket: "gid-reports", monthPath: "{year}/../{mon}" } },
      message: /site\.monthPath: "\{year\}\/\.\.\/\{mon\}" must be a folder path inside the site/,
    },
    {
      description: "two site files with one name",
      spec: { ...minimal, site: { bucket: "gid-reports", files: { table: "report.html", chart: "report.html" } } },
      message: /site\.files\.table: "report\.html" is also the name of another/,
    },
    {
      description: "a site file named ..",
      spec: { ...minimal, site: { bucket: "gid-reports", files: { csv: ".." } } },
      message: /site\.files\.csv: "\.\." must be a plain file name/,
    },
    {
      description: "grouping by count",
      spec: { ...minimal, report: { groupBy: ["count"] } },
      message: /report\.groupBy\[0\]: "count" is the report's own column/,
    },
    {
      description: "charting a grouped column",
      spec: { ...minimal, report: { chartField: "service_name" } },
      message: /report\.chartField: "service_name" is also in report\.groupBy/,
    },
    {
      description: "a wildcard in the site prefix",
      spec: { ...minimal, site: { bucket: "gid-reports", prefix: "reports*" } },
      message: /site\.prefix: must not contain '\*' or '\?'/,
    },
    {
      description: "table column that is not in the report",
      spec: { ...minimal, report: { columns: ["service_name", "status"] } },
      message: /report\.columns\[1\]: "status" is not a report column/,
    },
    {
      description: "link column not shown",
      spec: { ...minimal, report: { linkColumns: ["media_url"] } },
      message: /report\.linkColumns\[0\]: "media_url" is not one of report\.columns/,
    },
    {
      description: "an accepted gap on a day that does not exist",
      spec: { ...minimal, raw: { bucket: "gid-raw", acceptedGaps: [{ days: ["2019-02-30"] }] } },
      message: /raw\.acceptedGaps\[0\]\.days\[0\]: must be a day as YYYY-MM-DD that exists/,
    },
    {
      description: "a catalog contact whose e-mail is not one",
      spec: {
        ...minimal,
        site: { bucket: "gid-site", catalog: { publisher: "City", contact: { name: "Data", email: "data at city" } } },
      },
      message: /site\.catalog\.contact\.email: must be an e-mail address/,
    },
    {
      description: "a catalog's bureau code in the wrong form",
      spec: {
        ...minimal,
        site: {
          bucket: "gid-site",
          catalog: { publisher: "City", contact: { name: "Data", email: "data@city.gov" }, bureauCode: ["15:1"] },
        },
      },
      message: /site\.catalog\.bureauCode\[0\]: must be an OMB bureau code such as 015:11/,
    },
    {
      description: "an accepted gap with neither days nor months",
      spec: { ...minimal, raw: { bucket: "gid-raw", acceptedGaps: [{ reason: "outage" }] } },
      message: /raw\.acceptedGaps\[0\]: needs at least one day in `days` or month in `months`/,
    },
  ])("refuses $description", async ({ spec, message }) => {
    await expectReportsiteError(() => configFromSpec(spec, { baseDir: "/project" }), { name: "ConfigError", message });
  });
});

describe("loadConfig", () => {
  test("names a missing file and broken JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    await expectReportsiteError(() => loadConfig(join(dir, "site-config.json")), {
      name: "ConfigError",
      message: /site-config\.json: file not found/,
    });
    writeFileSync(join(dir, "site-config.json"), '{\n  "raw": {"bucket": "x"},\n}');
    await expectReportsiteError(() => loadConfig(join(dir, "site-config.json")), {
      name: "ConfigError",
      message: /not valid JSON \(line 3, column 1\)/,
    });
  });

  test("resolves output against the config's folder; --output wins, relative to the current folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    writeFileSync(join(dir, "site-config.json"), JSON.stringify({ ...minimal, output: "public" }));
    expect((await loadConfig(join(dir, "site-config.json"))).output).toBe(join(dir, "public"));
    expect((await loadConfig(join(dir, "site-config.json"), { output: "/tmp/elsewhere" })).output).toBe(
      "/tmp/elsewhere",
    );
    // a relative --output is relative to where the command runs, not to the config
    expect((await loadConfig(join(dir, "site-config.json"), { output: "out" })).output).toBe(
      join(process.cwd(), "out"),
    );
  });
});

test("site-config.schema.json is the one generated from the schema (run `npm run schema` after changing it)", async () => {
  const { configJsonSchema } = await import("../../scripts/write-config-schema.js");
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(new URL("../../site-config.schema.json", import.meta.url), "utf8")).toBe(configJsonSchema());
});
