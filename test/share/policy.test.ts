import { describe, expect, test } from "vitest";
import { parsePolicy } from "../../src/share/policy.js";

const policy = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const publicSite = {
  Sid: "ReportsitePublicRead",
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: "arn:aws:s3:::gid/reports/*",
};

describe("reading a bucket policy for anonymous GETs", () => {
  test("reportsite's own statement opens the site prefix and nothing else", () => {
    expect(parsePolicy(policy(publicSite), "gid", "reports/2019/jan/final_report.csv")).toEqual({
      publicRead: true,
      conditional: false,
    });
    expect(parsePolicy(policy(publicSite), "gid", "raw/a.csv").publicRead).toBe(false);
    expect(parsePolicy(policy(publicSite), "other", "reports/a.csv").publicRead).toBe(false);
  });

  test.each([
    { case: "Principal {AWS: *}", statement: { ...publicSite, Principal: { AWS: "*" } }, open: true },
    { case: "Principal {AWS: [*]}", statement: { ...publicSite, Principal: { AWS: ["*"] } }, open: true },
    {
      case: "an account principal",
      statement: { ...publicSite, Principal: { AWS: "arn:aws:iam::123456789012:root" } },
      open: false,
    },
    { case: "s3:* action", statement: { ...publicSite, Action: "s3:*" }, open: true },
    { case: "S3:Get* action, any case", statement: { ...publicSite, Action: ["S3:Get*"] }, open: true },
    { case: "only s3:ListBucket", statement: { ...publicSite, Action: "s3:ListBucket" }, open: false },
    {
      case: "a resource list with ?",
      statement: { ...publicSite, Resource: ["arn:aws:s3:::gid/x", "arn:aws:s3:::gid/report?/*"] },
      open: true,
    },
    { case: "the bucket ARN only", statement: { ...publicSite, Resource: "arn:aws:s3:::gid" }, open: false },
  ])("$case", ({ statement, open }) => {
    expect(parsePolicy(policy(statement), "gid", "reports/a.csv").publicRead).toBe(open);
  });

  test("an unconditional Deny for everyone wins; conditional Allows are flagged, not counted", () => {
    const deny = { ...publicSite, Effect: "Deny", Resource: "arn:aws:s3:::gid/reports/private/*" };
    expect(parsePolicy(policy(publicSite, deny), "gid", "reports/private/a.csv").publicRead).toBe(false);
    expect(parsePolicy(policy(publicSite, deny), "gid", "reports/a.csv").publicRead).toBe(true);
    const fromOffice = { ...publicSite, Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } };
    expect(parsePolicy(policy(fromOffice), "gid", "reports/a.csv")).toEqual({ publicRead: false, conditional: true });
  });

  test("no policy, broken JSON and a single statement object", () => {
    expect(parsePolicy(undefined, "gid", "k")).toEqual({ publicRead: false, conditional: false });
    expect(parsePolicy("{not json", "gid", "k").publicRead).toBe(false);
    expect(parsePolicy(JSON.stringify({ Statement: publicSite }), "gid", "reports/k").publicRead).toBe(true);
  });
});
