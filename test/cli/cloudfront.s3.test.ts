// `reportsite deploy` with a CloudFront distribution, as a spawned CLI: the SDK in the child finds the
// local CloudFront API through AWS_ENDPOINT_URL_CLOUDFRONT alone, a refused invalidation ends with exit
// code 3 and says the site is updated at the origin, and the next deploy sends what was left pending.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { startCloudFrontServer, type CloudFrontServer } from "../support/cloudfront-server.js";
import { tempDir, testConfig, testServer, uniqueBucket } from "../support/s3.js";
import { writeDist } from "../deploy/support.js";

const DISTRIBUTION = "E3CLITESTDIST";

describe.sequential("reportsite deploy with site.cloudfront", () => {
  const s3 = testServer();
  const dir = tempDir("cli-cdn-");
  const site = { bucket: uniqueBucket("cli-cdn-site"), cloudfront: { distributionId: DISTRIBUTION } };
  const raw = { bucket: uniqueBucket("cli-cdn-raw") };
  const config = testConfig({ raw, site }, dir);
  let server: CloudFrontServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startCloudFrontServer({ distributions: [DISTRIBUTION] });
    env = {
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_REGION: s3.region,
      AWS_ENDPOINT_URL_CLOUDFRONT: server.endpoint,
    };
    const spec = { endpoint: s3.endpoint, websiteEndpoint: s3.websiteEndpoint, raw, site, output: "dist" };
    writeFileSync(join(dir, "site-config.json"), JSON.stringify(spec));
    writeDist(config, { "index.html": "<p>home</p>", "2019/jan/index.html": "<p>jan</p>" });
  });
  afterAll(() => server.close());

  test("an invalidation CloudFront refuses after the upload: exit code 3, and what the live site is like", async () => {
    server.failNext("TooManyInvalidationsInProgress");
    const result = await runCli(["deploy"], { cwd: dir, env });
    expect(result.exitCode).toBe(3);
    const [first, ...rest] = result.stderr.trim().split("\n");
    expect(first).toMatch(
      /^site updated at the origin, caches stale until the invalidation runs: CloudFront did not invalidate the changed paths: distribution E3CLITESTDIST has too many invalidations in progress \(TooManyInvalidationsInProgress\)\. Every file is published; the 4 paths are remembered in .*invalidation-[0-9a-f]{16}\.json\.$/,
    );
    expect(rest.join("\n")).toMatch(
      /^hint: CloudFront runs at most 3,000 file paths and 15 wildcard paths at once on a distribution: wait a few minutes for them to finish\.\nRe-run deploy when the cause is fixed/,
    );
    expect(server.requests.at(-1)?.error).toBe("TooManyInvalidationsInProgress");
    expect((await fetch(`${s3.websiteEndpoint}/${site.bucket}/2019/jan/index.html`)).status).toBe(200);
  });

  test("the next deploy, with nothing new, sends the pending paths (--json shows them)", async () => {
    const result = await runCli(["deploy", "--json"], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    const { report, invalidation } = JSON.parse(result.stdout);
    expect(report.uploaded).toEqual([]);
    const paths = ["/", "/2019/jan/", "/2019/jan/index.html", "/index.html"];
    expect(invalidation).toMatchObject({ distributionId: DISTRIBUTION, paths, pendingBefore: 4, status: "InProgress" });
    expect(server.created().at(-1)).toEqual(paths);
  });

  test("a deploy with nothing new and nothing pending sends nothing, and --dry-run says so", async () => {
    const before = server.requests.length;
    const again = await runCli(["deploy"], { cwd: dir, env });
    expect(again.exitCode).toBe(0);
    const dry = await runCli(["deploy", "--dry-run"], { cwd: dir, env });
    expect(dry.stdout).toContain(`Invalidation: none (nothing changes on CloudFront distribution ${DISTRIBUTION}).`);
    expect(server.requests.length).toBe(before);
  });

  test("bad CloudFront flags are usage errors (exit 2)", async () => {
    const badId = await runCli(["deploy", "--distribution-id", "e-lower"], { cwd: dir, env });
    expect(badId.exitCode).toBe(2);
    expect(badId.stderr).toContain("--distribution-id e-lower: expected a CloudFront distribution id");
    const noWait = await runCli(["deploy", "--wait-timeout", "30"], { cwd: dir, env });
    expect(noWait.exitCode).toBe(2);
    expect(noWait.stderr).toContain("--wait-timeout needs --wait");
    // publish deploys the same way, with the same flags
    const help = await runCli(["publish", "--help"], { cwd: dir, env });
    expect(help.stdout).toMatch(/--distribution-id ID +after the upload, invalidate the changed paths/);
    expect(help.stdout).toMatch(/--wait-timeout SECONDS +how long --wait waits before it fails \(default 600\)/);
  });
});
