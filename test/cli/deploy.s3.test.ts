// build, then deploy --dry-run, deploy, deploy again, each a spawned CLI on a real bucket. One step per
// test (each with the suite's timeout) rather than four processes in one test, which timed out under
// load.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

describe.sequential("reportsite build + deploy from the command line", () => {
  const s3 = testServer();
  const site = uniqueBucket("cli-dep-site");
  const dir = tempDir("cli-deploy-");
  const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };

  beforeAll(async () => {
    const raw = uniqueBucket("cli-dep-raw");
    const days = Object.fromEntries(
      Array.from({ length: 28 }, (_, i) => [
        `2019_feb_${String(i + 1).padStart(2, "0")}_gid_requests.csv`,
        "service_name,case_record_type\nPothole,Request\n",
      ]),
    );
    await createBucket(testClient(), raw, days);
    writeFileSync(
      join(dir, "site-config.json"),
      JSON.stringify({
        endpoint: s3.endpoint,
        websiteEndpoint: s3.websiteEndpoint,
        raw: { bucket: raw },
        site: { bucket: site, title: "CLI" },
      }),
    );
    const build = await runCli(["build"], { cwd: dir, env });
    expect(build.stderr).toBe("");
    expect(build.exitCode).toBe(0);
  });

  test("deploy --dry-run prints the plan and the site URL, and changes nothing", async () => {
    const dry = await runCli(["deploy", "--dry-run"], { cwd: dir, env });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain(`setup: would create the bucket ${site}`);
    expect(dry.stdout).toMatch(
      /^upload 2019\/feb\/final_report\.html \([\d.]+ kB, Content-Type: "text\/html; charset=utf-8"\): new$/m,
    );
    // the month's five files and its preview image, the year page, trend, summaries, error page, feed, sitemap, robots.txt, scripts
    expect(dry.stdout).toContain("Plan: 16 to upload, 0 unchanged, 0 to delete.");
    expect(dry.stdout.trim().split("\n").at(-1)).toBe(
      `Dry run: nothing was changed. Site: ${s3.websiteEndpoint}/${site}/`,
    );
    expect((await fetch(`${s3.websiteEndpoint}/${site}/2019/feb/final_report.html`)).status).toBeGreaterThanOrEqual(
      400,
    );
  });

  test("deploy publishes and prints the summary and the site URL", async () => {
    const real = await runCli(["deploy"], { cwd: dir, env });
    expect(real.stderr).toBe("");
    expect(real.exitCode).toBe(0);
    const lines = real.stdout.trim().split("\n");
    expect(lines.at(-2)).toMatch(/^Uploaded 17, skipped 0, deleted 0 \([\d.]+ kB in \d+\.\ds\)\.$/);
    expect(lines.at(-1)).toBe(`Site: ${s3.websiteEndpoint}/${site}/`);
    const page = await fetch(`${s3.websiteEndpoint}/${site}/2019/feb/final_report.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Pothole");
  });

  test("deploy --json again: nothing to upload", async () => {
    const again = await runCli(["deploy", "--json"], { cwd: dir, env });
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout).report.uploaded).toEqual([]);
  });
});

test("--max-deletes must be a number", async () => {
  const result = await runCli(["deploy", "--max-deletes", "lots"], { cwd: tempDir() });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toMatch(/--max-deletes lots: expected a whole number/);
});
