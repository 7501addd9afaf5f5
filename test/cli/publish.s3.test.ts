// `reportsite publish`: build, then deploy, in one process, as the generated workflow runs it. The
// workflow's own jq lines (the step summary and the failure report) run on its --json output.
import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, test } from "vitest";
import { acquireDeployLock } from "../../src/deploy/lock.js";
import { renderWorkflow } from "../../src/init/index.js";
import { runCli } from "../support/cli.js";
import { createBucket, putObjects, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));

/** The workflow's `jq -r '…' publish.json` programs: the two summary lines, then the failure report. */
function workflowJqPrograms(): string[] {
  const programs = [...renderWorkflow({ region: "us-east-1" }).matchAll(/jq -r '([^']+)' publish\.json/g)].map(
    (m) => m[1]!,
  );
  const find = (marker: string) => programs.find((p) => p.includes(marker))!;
  return [find("## Published"), find(".build.months[]"), find("select(.error)")];
}

function jq(program: string, json: string, dir: string): string {
  const file = join(dir, "publish.json");
  writeFileSync(file, json);
  return execFileSync("jq", ["-r", program, file], { encoding: "utf8" });
}

describe.sequential("reportsite publish", () => {
  const s3 = testServer();
  const raw = uniqueBucket("cli-pub-raw");
  const site = uniqueBucket("cli-pub-site");
  const dir = tempDir("cli-publish-");
  const env = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
  const day = (n: number) => `2019_feb_${String(n).padStart(2, "0")}_gid_requests.csv`;
  const [summaryLine, monthsLine, failureReport] = workflowJqPrograms();

  beforeAll(async () => {
    // February without its last day
    const days = Object.fromEntries(
      Array.from({ length: 27 }, (_, i) => [day(i + 1), "service_name,case_record_type\nPothole,Request\n"]),
    );
    await createBucket(testClient(), raw, days);
    writeFileSync(
      join(dir, "site-config.json"),
      JSON.stringify({
        endpoint: s3.endpoint,
        websiteEndpoint: s3.websiteEndpoint,
        raw: { bucket: raw },
        site: { bucket: site },
      }),
    );
  });

  test("--require-complete stops before the deploy: nothing is published, and the workflow's failure report says why", async () => {
    const run = await runCli(["publish", "--require-complete", "--json"], { cwd: dir, env });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /--require-complete: 1 month\(s\) are incomplete:\n\s+- 2019-02: no raw file for day 28/,
    );
    await expect(testClient().send(new HeadBucketCommand({ Bucket: site }))).rejects.toThrow();
    expect(jq(failureReport!, run.stdout, dir)).toMatch(/^--require-complete: 1 month\(s\) are incomplete/);
  });

  test("with every day there, it builds and deploys in one run", async () => {
    await putObjects(testClient(), raw, { [day(28)]: "service_name,case_record_type\nGraffiti,Request\n" });
    const run = await runCli(["publish", "--require-complete", "--json"], { cwd: dir, env });
    expect(run.stderr).not.toMatch(/^warning/m); // under --json, progress goes to stderr
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.build.months.map((m: { month: string; rows: number }) => [m.month, m.rows])).toEqual([
      ["2019-02", 28],
    ]);
    expect(result.deploy.report.uploaded.map((u: { key: string }) => u.key)).toContain("2019/feb/final_report.csv");
    const csv = await fetch(`${s3.websiteEndpoint}/${site}/2019/feb/final_report.csv`).then((r) => r.text());
    expect(csv).toBe("service_name,count\nPothole,27\nGraffiti,1\n");
  });

  test("again with nothing new: the month is reused, dist/ left alone, nothing uploaded; the workflow's summary reads it", async () => {
    const run = await runCli(["publish", "--json"], { cwd: dir, env });
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.build.written).toBe(false);
    expect(result.build.months.map((m: { status: string; filesRead: number }) => [m.status, m.filesRead])).toEqual([
      ["reused", 0],
    ]);
    expect(result.deploy.report.uploaded).toEqual([]);
    expect(jq(summaryLine!, run.stdout, dir)).toBe(
      `## Published ${s3.websiteEndpoint}/${site}/\n\n0 files uploaded, 0 deleted, ${result.deploy.report.skipped} unchanged.\n\n`,
    );
    expect(jq(monthsLine!, run.stdout, dir)).toBe("- 2019-02: 28 rows from 28 files, reused\n");
  });

  test("publish takes the deploy lock too: while another deploy holds it, publish stops naming it; --wait-for-lock waits", async () => {
    const logger = { info: () => undefined, warn: () => undefined };
    const lock = { command: "deploy", waitSeconds: 0, breakLock: false, ttlSeconds: 300, logger };
    const other = await acquireDeployLock({ client: testClient(), bucket: site, prefix: "" }, lock);
    // nothing new: publish has nothing to write, so it needs no lock and is not stopped by one
    const noop = await runCli(["publish"], { cwd: dir, env });
    expect(noop.exitCode).toBe(0);
    expect(noop.stdout).toMatch(/^Site: /m);
    // a day exported again: now publish has files to upload, and stops before the first, naming the holder
    await putObjects(testClient(), raw, { [day(1)]: "service_name,case_record_type\nNoise,Request\n" });
    const refused = await runCli(["publish"], { cwd: dir, env });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^another deploy holds the deploy lock of ${site}: deploy on \\S+ \\(pid ${process.pid}\\)`, "m"),
    );
    // the holder lets go once publish says it waits (its build done): publish then deploys
    const child = spawn(process.execPath, [BIN, "publish", "--wait-for-lock", "60"], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOME: dir, AWS_EC2_METADATA_DISABLED: "true", ...env },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (/^waiting for the deploy lock, held by deploy on /m.test(stdout)) void other.release();
    });
    child.stderr.resume();
    expect(await new Promise((resolve) => child.on("close", resolve))).toBe(0);
    expect(stdout).toMatch(/^Site: /m);
  });

  test("--wait-for-lock takes a whole number of seconds", async () => {
    const run = await runCli(["publish", "--wait-for-lock", "soon"], { cwd: dir, env });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^--wait-for-lock soon: expected a whole number of seconds/);
  });
});
