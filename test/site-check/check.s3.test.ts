// `reportsite check` against the suite's real S3 website endpoint: a deployed site, then the same
// site broken in the ways a reader would notice (a private page, a wrong Content-Type, a public raw file).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PutObjectAclCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { checkSite, formatCheckMarkdown, formatCheckTable, newestMonthFolder } from "../../src/site-check/index.js";
import { runCli } from "../support/cli.js";
import { createBucket, tempDir, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";
import { deploy, rewriteHeaders, writeDist } from "../deploy/support.js";

const PAGE = (t: string) => `<!doctype html><title>${t}</title>`;
const RAW_KEY = "exports/2019_feb_01_gid_requests.csv";

describe.sequential("reportsite check on a published site", () => {
  const dir = tempDir("site-check-");
  let config: SiteConfig;

  beforeAll(async () => {
    const raw = uniqueBucket("chk-raw");
    await createBucket(testClient(), raw, { [RAW_KEY]: "service_name\nPothole\n" });
    config = testConfig(
      { raw: { bucket: raw, prefix: "exports/" }, site: { bucket: uniqueBucket("chk-site"), publicAccess: "acl" } },
      dir,
    );
    writeDist(config, {
      "index.html": "x",
      "error.html": PAGE("Not found"),
      "2019/jan/final_report.html": PAGE("jan"),
      "2019/feb/final_report.html": `${PAGE("feb")}<a href="final_chart.html">chart</a>`,
      "2019/feb/final_chart.html": PAGE("feb chart"),
      "2019/feb/final_report.csv": "a\n1\n",
    });
    await deploy(config);
  });

  test("a healthy site: home, the newest month's files with their types, the error document, the raw file refused", async () => {
    const report = await checkSite(config, { client: testClient() });
    const site = `${testServer().websiteEndpoint}/${config.site.bucket}/`;
    expect(report.url).toBe(site);
    const rows = report.checks.map((c) => [c.check, c.expected, c.got, c.result]);
    expect(rows.sort()).toEqual(
      [
        ["home page", "200 text/html; charset=utf-8", "200 text/html; charset=utf-8", "ok"],
        ...["final_chart.html", "final_report.csv", "final_report.html"].map((file) => {
          const type = file.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";
          return [`newest month: 2019/feb/${file}`, `200 ${type}`, `200 ${type}`, "ok"];
        }),
        // S3 says 403 for a missing key when the public may not list the bucket
        ["missing page", "404 or 403 the error.html", "403 the error.html", "ok"],
        ["raw file", "403", "403", "ok"],
        ["HTTPS", "an https:// address", "http only", "skipped"],
      ].sort(),
    );
    expect(report.checks.find((c) => c.check === "raw file")!.url).toBe(
      `${testServer().endpoint}/${config.raw.bucket}/exports/2019_feb_01_gid_requests.csv`,
    );
    const table = formatCheckTable(report);
    expect(table[0]).toMatch(/^result\s+check\s+expected\s+got\s+url$/);
    expect(table.at(-1)).toBe("All good: 7 checks, 0 failed, 1 skipped.");
    expect(formatCheckMarkdown(report)).toContain("| ok | home page | 200 text/html; charset=utf-8 |");
  });

  test("a private page, a wrong Content-Type and a public raw file each fail, and the command exits 1", async () => {
    const client = testClient();
    await client.send(
      new PutObjectAclCommand({ Bucket: config.site.bucket, Key: "2019/feb/final_chart.html", ACL: "private" }),
    );
    await rewriteHeaders(client, config.site.bucket, "2019/feb/final_report.csv");
    // the copy that rewrote its headers dropped its public-read grant: given back, so only the type is wrong
    await client.send(
      new PutObjectAclCommand({ Bucket: config.site.bucket, Key: "2019/feb/final_report.csv", ACL: "public-read" }),
    );
    await client.send(new PutObjectAclCommand({ Bucket: config.raw.bucket, Key: RAW_KEY, ACL: "public-read" }));
    const failed = (await checkSite(config, { client })).checks.filter((c) => c.result === "failed");
    expect(failed.map((c) => [c.check, c.got.replace(/;.*/, "")]).sort()).toEqual([
      ["newest month: 2019/feb/final_chart.html", "403 text/html"],
      ["newest month: 2019/feb/final_report.csv", "200 text/plain"],
      ["raw file", "200"],
    ]);

    const summary = join(dir, "step-summary.md");
    writeFileSync(summary, "earlier step\n");
    writeFileSync(join(dir, "site-config.json"), JSON.stringify(specOf(config)));
    const s3 = testServer();
    const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
    const run = await runCli(["check"], { cwd: dir, env: { ...env, GITHUB_STEP_SUMMARY: summary } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^FAILED\s+raw file\s+403\s+200\s+http/m);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("FAILED: 7 checks, 3 failed, 1 skipped.");
    expect(run.stderr).toContain("3 of 7 checks of");
    const markdown = readFileSync(summary, "utf8");
    expect(markdown).toMatch(/^earlier step\n## What the public sees at /);
    expect(markdown).toContain("| FAILED | raw file | 403 | 200 |");
  });

  test("site.url is the address checked when set", async () => {
    writeFileSync(
      join(dir, "site-config.json"),
      JSON.stringify({ ...specOf(config), site: { ...specOf(config).site, url: "http://127.0.0.1:9/reports/" } }),
    );
    const s3 = testServer();
    const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
    const run = await runCli(["check", "--json"], { cwd: dir, env });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as {
      url: string;
      checks: { url: string; got: string }[];
    };
    expect(report.url).toBe("http://127.0.0.1:9/reports/");
    expect(report.checks[0]).toMatchObject({
      url: "http://127.0.0.1:9/reports/",
      got: expect.stringMatching(/^no answer/),
    });
  });
});

/** The config file of a test config. */
function specOf(config: SiteConfig) {
  return {
    region: config.region,
    endpoint: config.endpoint,
    websiteEndpoint: config.websiteEndpoint,
    raw: { bucket: config.raw.bucket, prefix: config.raw.prefix },
    site: { bucket: config.site.bucket, publicAccess: config.site.publicAccess } as Record<string, unknown>,
  };
}

describe("newestMonthFolder", () => {
  test.each([
    [["2019/jan/final_report.html", "2019/feb/", "2018/dec/x.csv", "trend.html"], "{year}/{mon}", "2019/feb/"],
    [["2019-12/a.html", "2020-01/b.html", "2019-02/"], "{year}-{month}", "2020-01/"],
    [["trend.html", "assets/vega.min.js", "2019/"], "{year}/{mon}", undefined],
  ])("%j by %s -> %s", (keys, monthPath, folder) => {
    expect(newestMonthFolder(keys, monthPath)).toBe(folder);
  });
});
