import { describe, expect, test } from "vitest";
import {
  describeChanges,
  parseAccount,
  parseBucket,
  parseRepository,
  parseSiteBucket,
  planInit,
  renderWorkflow,
  workflowDeletes,
} from "../../src/init/index.js";

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
  branch: "main",
};

/** The planned files' JSON bodies by path. */
function planned(a: Parameters<typeof planInit>[0]) {
  return Object.fromEntries(
    planInit(a, new Map(), false).map((f) => [f.path, f.path.endsWith(".json") ? JSON.parse(f.body) : f.body]),
  );
}

describe("planInit", () => {
  test("existing files that differ are kept unless --force, with what differs; the same ones are unchanged", () => {
    const fresh = planInit(answers, new Map(), false);
    const existing = new Map([
      ["site-config.json", fresh[0]!.body.replace('"city-raw"', '"old-raw"')],
      ["iam-policy.json", fresh[2]!.body],
    ]);
    const plan = planInit(answers, existing, false);
    expect(plan.map((f) => [f.path, f.action])).toEqual([
      ["site-config.json", "keep (exists; --force replaces it)"],
      [".github/workflows/monthly-reports.yml", "create"],
      ["iam-policy.json", "unchanged"],
      ["trust-policy.json", "create"],
    ]);
    expect(plan[0]!.changes).toEqual(['raw.bucket: "old-raw" -> "city-raw"']);
    expect(planInit(answers, existing, true)[0]!.action).toBe("overwrite");
  });

  test("the policies name the buckets, the prefix with its slash, the account and the repository", () => {
    const files = planned(answers);
    expect(JSON.stringify(files["iam-policy.json"])).toContain('"arn:aws:s3:::city-raw/exports/311/*"');
    expect(files["site-config.json"].raw).toEqual({
      bucket: "city-raw",
      prefix: "exports/311",
      keyPattern: answers.keyPattern,
    });
  });

  test("the role may be assumed by runs of the default branch only, unless widened", () => {
    const narrow = planned(answers)["trust-policy.json"].Statement[0].Condition;
    expect(narrow).toEqual({
      StringEquals: {
        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
        "token.actions.githubusercontent.com:sub": "repo:city/reports:ref:refs/heads/main",
      },
    });
    const wide = planned({ ...answers, branch: undefined })["trust-policy.json"].Statement[0].Condition;
    expect(wide.StringLike).toEqual({ "token.actions.githubusercontent.com:sub": "repo:city/reports:*" });
  });

  test("DeleteObject only when the workflow deletes, and never on the raw bucket", () => {
    const workflow = renderWorkflow({ region: "us-east-1" });
    expect(workflowDeletes(workflow)).toBe(false);
    expect(workflowDeletes(workflow.replace("--json > publish.json", "--delete --json > publish.json"))).toBe(true);
    const policy = JSON.stringify(planned(answers)["iam-policy.json"]);
    expect(policy).not.toContain("s3:DeleteObject");
  });

  test("from a subfolder of the repository, the workflow goes to the root and runs in the subfolder", () => {
    const files = planned({
      ...answers,
      workflowPath: "../../.github/workflows/monthly-reports.yml",
      workingDirectory: "infra/reports",
    });
    const workflow = files["../../.github/workflows/monthly-reports.yml"];
    expect(workflow).toMatch(/defaults:\n\s+run:\n\s+working-directory: "infra\/reports"/);
    expect(workflow).toMatch(/path: "infra\/reports\/\.reportsite\/cache"/);
    expect(workflow).toMatch(/cache-dependency-path: "infra\/reports\/package-lock\.json"/);
  });
});

describe("what differs from an existing file", () => {
  test("JSON: the changed keys; text: the changed lines", () => {
    expect(describeChanges("a.json", '{"raw":{"bucket":"a"},"x":[1]}', '{"raw":{"bucket":"b"},"x":[1,2]}')).toEqual([
      'raw.bucket: "a" -> "b"',
      "x[1]: (none) -> 2",
    ]);
    expect(describeChanges("w.yml", "a\nb\n", "a\nc\n")).toEqual(["- b", "+ c"]);
    expect(describeChanges("w.yml", "same", "same")).toEqual([]);
  });
});

describe("answers as people type them", () => {
  test.each([
    { text: "s3://rs-raw", value: { bucket: "rs-raw" } },
    { text: "s3://rs-raw/", value: { bucket: "rs-raw" } },
    { text: "s3://rs-raw/exports/311/", value: { bucket: "rs-raw", prefix: "exports/311/" } },
    { text: "arn:aws:s3:::rs-raw", value: { bucket: "rs-raw" } },
  ])("bucket $text", ({ text, value }) => {
    expect(parseBucket(text)).toEqual({ value });
  });

  test.each([
    { checked: parseBucket("Bad_Bucket"), problem: /"Bad_Bucket" must be an S3 bucket name/ },
    { checked: parseSiteBucket("s3://rs-raw/", "rs-raw"), problem: /"rs-raw" is also the raw bucket/ },
    { checked: parseAccount("abc"), problem: /"abc" is not an AWS account id \(12 digits\)/ },
    { checked: parseRepository("justname"), problem: /"justname" is not a GitHub repository; expected owner\/name/ },
  ])("refused: $problem", ({ checked, problem }) => {
    expect("problem" in checked && checked.problem).toMatch(problem);
  });

  test("a repository URL and a dashed account id are accepted", () => {
    expect(parseRepository("https://github.com/city/reports.git")).toEqual({ value: "city/reports" });
    expect(parseAccount("1234-5678-9012")).toEqual({ value: "123456789012" });
  });
});
