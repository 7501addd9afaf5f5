// `reportsite init --https` from the command line, offline (no bucket is looked at): the files it
// writes, the next step it prints, and the flags it refuses.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/s3.js";
import { parseTemplate, specProblems } from "../support/cfn-spec.js";

const BUCKETS = ["--raw-bucket", "city-raw", "--site-bucket", "city-site", "--offline", "--region", "eu-west-2"];

describe("init --https", () => {
  test("writes hosting.cfn.yml, site.url and the invalidation permission, and says how to create the stack", async () => {
    const dir = tempDir("init-https-");
    const args = [
      "init",
      ...BUCKETS,
      "--https",
      "--domain",
      "Reports.City.gov",
      "--hosted-zone-id",
      "/hostedzone/Z12AB",
    ];
    const run = await runCli(args, { cwd: dir });
    expect(run.exitCode).toBe(0);
    const template = parseTemplate(readFileSync(join(dir, "hosting.cfn.yml"), "utf8"));
    expect(specProblems(template)).toEqual([]);
    expect(JSON.stringify(template)).toContain('"DomainName":"city-site.s3-website.eu-west-2.amazonaws.com"');
    expect(JSON.stringify(template)).toContain('"HostedZoneId":"Z12AB"');
    expect(JSON.parse(readFileSync(join(dir, "site-config.json"), "utf8")).site.url).toBe("https://reports.city.gov/");
    expect(readFileSync(join(dir, "iam-policy.json"), "utf8")).toContain(
      '"Resource": "arn:aws:cloudfront::ACCOUNT_ID:distribution/DISTRIBUTION_ID"',
    );
    expect(run.stdout).toContain(
      "aws cloudformation deploy --region us-east-1 --stack-name reportsite-hosting --template-file hosting.cfn.yml",
    );
    expect(run.stdout).toContain("site.cloudfront.distributionId");
  });

  test.each([
    [["--https"], /--https needs --domain/],
    [["--domain", "reports.city.gov"], /--domain is for the HTTPS front: pass --https with it/],
    [["--https", "--domain", "*.city.gov"], /--domain "\*\.city\.gov" is not a domain name/],
    [
      ["--https", "--domain", "a.city.gov", "--hosted-zone-id", "zone 1"],
      /--hosted-zone-id "zone 1" is not a Route 53/,
    ],
  ])("%j is refused with exit 2, writing nothing", async (flags, message) => {
    const dir = tempDir("init-https-bad-");
    const run = await runCli(["init", ...BUCKETS, ...flags], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(dir, "site-config.json"))).toBe(false);
  });
});
