/**
 * The package as a team installs it: `npm pack` -> install the tarball into an empty folder (from the
 * local npm cache) -> `npx reportsite init`, `build`, `deploy` there against the local S3 server.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { createBucket, putObjects, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, npm_config_update_notifier: "false", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

describe("the packed package installed into an empty folder", () => {
  let project: string;
  let env: Record<string, string>;
  const raw = uniqueBucket("pkg-raw");
  const site = uniqueBucket("pkg-site");

  beforeAll(async () => {
    const s3 = testServer();
    env = {
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_REGION: s3.region,
      AWS_EC2_METADATA_DISABLED: "true",
    };
    const packs = tempDir("pkg-tgz-");
    const packed = await run("npm", ["pack", "--silent", "--pack-destination", packs], ROOT);
    expect(packed.exitCode, packed.stderr).toBe(0);
    const tarball = join(
      packs,
      readdirSync(packs).find((f) => f.endsWith(".tgz"))!,
    );
    project = tempDir("pkg-project-");
    const installed = await run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-save", tarball],
      project,
    );
    expect(installed.exitCode, installed.stderr).toBe(0);
    // a month of exports under a prefix, with more columns than the report needs
    const header = "case_enquiry_id,opened,service_name,case_record_type,status\n";
    await createBucket(
      testClient(),
      raw,
      Object.fromEntries(
        Array.from({ length: 28 }, (_, i) => [
          `exports/311/2019_feb_${String(i + 1).padStart(2, "0")}_gid_requests.csv`,
          `${header}${i},2019-02-01,Pothole,Request,Open\n${i}b,2019-02-01,Graffiti,Request,Closed\n`,
        ]),
      ),
    );
  }, 300_000);

  test("ships compiled JavaScript with types, and no TypeScript sources", () => {
    const installed = join(project, "node_modules/reportsite");
    expect(existsSync(join(installed, "lib/cli/main.js"))).toBe(true);
    expect(existsSync(join(installed, "lib/index.d.ts"))).toBe(true);
    expect(existsSync(join(installed, "src"))).toBe(false);
    expect(existsSync(join(installed, "templates/report.eta"))).toBe(true);
  });

  test("npx reportsite init -> build -> deploy publishes the site", async () => {
    const s3 = testServer();
    const npx = (args: string[]) => run("npx", ["--no-install", "reportsite", ...args], project, env);
    const init = await npx([
      "init",
      "--raw-bucket",
      raw,
      "--raw-prefix",
      "exports/311/",
      "--site-bucket",
      site,
      "--endpoint-url",
      s3.endpoint,
      ...(s3.websiteEndpoint ? ["--website-endpoint", s3.websiteEndpoint] : []),
    ]);
    expect(init.exitCode, init.stderr).toBe(0);
    const config = JSON.parse(readFileSync(join(project, "site-config.json"), "utf8"));
    // proposed from the bucket: the key pattern from the names, the columns from a file's header
    expect(config.raw).toEqual({
      bucket: raw,
      prefix: "exports/311/",
      keyPattern: "{year}_{mon}_{day}_gid_requests.csv",
    });
    expect(config.report).toEqual({ groupBy: ["service_name"], chartField: "case_record_type" });
    for (const file of [".github/workflows/monthly-reports.yml", "iam-policy.json", "trust-policy.json"])
      expect(existsSync(join(project, file)), file).toBe(true);

    const build = await npx(["build", "--require-complete"]);
    expect(build.exitCode, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^Built 1 month \(56 rows; 1 rebuilt/m);
    const deploy = await npx(["deploy", "--json"]);
    expect(deploy.exitCode, deploy.stderr).toBe(0);
    const result = JSON.parse(deploy.stdout);
    expect(result.report.uploaded.map((u: { key: string }) => u.key)).toContain("2019/feb/final_report.csv");
    const csv = await testClient()
      .send(
        new (await import("@aws-sdk/client-s3")).GetObjectCommand({ Bucket: site, Key: "2019/feb/final_report.csv" }),
      )
      .then((r) => r.Body!.transformToString());
    expect(csv).toMatch(/Pothole/);
    expect(csv).toMatch(/Graffiti/);
  });

  test("a second init keeps every file unless --force", async () => {
    const before = readFileSync(join(project, "site-config.json"), "utf8");
    const again = await run(
      "npx",
      ["--no-install", "reportsite", "init", "--raw-bucket", "other-raw", "--site-bucket", "other-site", "--offline"],
      project,
      env,
    );
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^kept site-config\.json \(exists; --force replaces it\)$/m);
    expect(readFileSync(join(project, "site-config.json"), "utf8")).toBe(before);
  });
  test("a month large enough for worker threads builds, run from another folder", async () => {
    // March: a little over the worker threshold, so the bundle's scan workers do the reading
    const line = `1,2019-03-01,Pothole,Request,Open,${"x".repeat(80)}\n`;
    const day = `case_enquiry_id,opened,service_name,case_record_type,status,notes\n${line.repeat(Math.ceil((17 * 1024 * 1024) / 31 / line.length))}`;
    await putObjects(
      testClient(),
      raw,
      Object.fromEntries(
        Array.from({ length: 31 }, (_, i) => [
          `exports/311/2019_mar_${String(i + 1).padStart(2, "0")}_gid_requests.csv`,
          day,
        ]),
      ),
    );
    const elsewhere = tempDir("pkg-elsewhere-");
    const bin = join(project, "node_modules/.bin/reportsite");
    const build = await run(bin, ["build", "--config", join(project, "site-config.json"), "--json"], elsewhere, env);
    expect(build.exitCode, build.stderr).toBe(0);
    const report = JSON.parse(build.stdout);
    expect(report.months.map((m: { month: string; status: string }) => `${m.month} ${m.status}`)).toEqual([
      "2019-02 reused",
      "2019-03 rebuilt",
    ]);
  });
});
