import { describe, expect, test } from "vitest";
import { guessKeyPattern, parseHeader, planInit, proposeColumns } from "../../src/init/index.js";

describe("guessKeyPattern", () => {
  test.each([
    {
      names: ["2019_jan_01_gid_requests.csv", "2019_jan_02_gid_requests.csv"],
      pattern: "{year}_{mon}_{day}_gid_requests.csv",
    },
    { names: ["requests-2020-03-15.csv"], pattern: "requests-{year}-{month}-{day}.csv" },
    { names: ["311_2021_12.csv"], pattern: "311_{year}_{month}.csv" },
    { names: ["2019_jan_01_a.csv", "2019_jan_02_a.csv", "2019_feb_01_b.csv"], pattern: "{year}_{mon}_{day}_a.csv" },
    { names: ["README.md", "notes.txt"], pattern: undefined },
  ])("$names -> $pattern", ({ names, pattern }) => {
    expect(guessKeyPattern(names)).toBe(pattern);
  });
});

describe("columns from a header", () => {
  test("quotes, a BOM and CRLF are handled", () => {
    expect(parseHeader('\uFEFFcase_id,"service, name",status\r\n1,2,3')).toEqual([
      "case_id",
      "service, name",
      "status",
    ]);
  });
  test.each([
    {
      header: ["case_enquiry_id", "service_name", "case_record_type", "status"],
      groupBy: "service_name",
      chartField: "case_record_type",
    },
    { header: ["id", "opened_date", "request_type", "department"], groupBy: "request_type", chartField: "department" },
  ])("$header -> $groupBy / $chartField", ({ header, groupBy, chartField }) => {
    expect(proposeColumns(header)).toEqual({ groupBy, chartField });
  });
});

describe("planInit", () => {
  const answers = {
    rawBucket: "city-raw",
    rawPrefix: "exports/311",
    keyPattern: "{year}_{mon}_{day}_gid_requests.csv",
    siteBucket: "city-site",
    sitePrefix: "",
    region: "us-east-2",
    publicAccess: "policy" as const,
    groupBy: ["service_name"],
    chartField: "case_record_type",
    account: "123456789012",
    repository: "city/reports",
  };

  test("existing files are kept unless --force", () => {
    const existing = new Set(["site-config.json"]);
    expect(planInit(answers, existing, false).map((f) => [f.path, f.action])).toEqual([
      ["site-config.json", "keep (exists; --force replaces it)"],
      [".github/workflows/monthly-reports.yml", "create"],
      ["iam-policy.json", "create"],
      ["trust-policy.json", "create"],
    ]);
    expect(planInit(answers, existing, true)[0]!.action).toBe("overwrite");
  });

  test("the policies name the buckets, the prefix with its slash, the account and the repository", () => {
    const files = Object.fromEntries(
      planInit(answers, new Set(), false).map((f) => [f.path, JSON.parse(f.path.endsWith(".json") ? f.body : "{}")]),
    );
    expect(JSON.stringify(files["iam-policy.json"])).toContain('"arn:aws:s3:::city-raw/exports/311/*"');
    expect(
      files["trust-policy.json"].Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"],
    ).toBe("repo:city/reports:*");
    expect(files["site-config.json"].raw).toEqual({
      bucket: "city-raw",
      prefix: "exports/311",
      keyPattern: answers.keyPattern,
    });
  });
});
