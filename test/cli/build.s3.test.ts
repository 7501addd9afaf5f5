import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

/** A project folder with a site-config.json pointing at the test server. */
function project(overrides: Record<string, unknown> = {}): string {
  const s3 = testServer();
  const dir = tempDir("cli-");
  const config = {
    endpoint: s3.endpoint,
    websiteEndpoint: s3.websiteEndpoint,
    raw: { bucket: "cli-raw-missing" },
    site: { bucket: "cli-site" },
    ...overrides,
  };
  writeFileSync(join(dir, "site-config.json"), JSON.stringify(config));
  return dir;
}

function credentials(overrides: Record<string, string> = {}): Record<string, string> {
  const s3 = testServer();
  return {
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: s3.region,
    ...overrides,
  };
}

const NO_STACK = /^\s+at /m;

describe("reportsite CLI: usage", () => {
  test("--help lists the commands; a command's --help lists its flags", async () => {
    const dir = tempDir();
    const main = await runCli(["--help"], { cwd: dir });
    expect(main.exitCode).toBe(0);
    expect(main.stdout).toMatch(/Commands:\n\s+init\s+write site-config\.json/);
    expect(main.stdout).toMatch(/^\s+build\s+read the raw CSVs/m);
    expect(main.stdout).toMatch(/\s+deploy\s+/);
    const build = await runCli(["build", "--help"], { cwd: dir });
    expect(build.exitCode).toBe(0);
    expect(build.stdout).toContain("--skip-bad-files");
    expect(build.stderr).toBe("");
  });

  test.each([
    { args: ["frobnicate"], message: /unknown command "frobnicate"/ },
    { args: ["build", "--frob"], message: /Unknown option '--frob'/ },
    { args: ["build", "--month", "2019-13"], message: /--month 2019-13: expected a month as YYYY-MM/ },
  ])("$args -> exit code 2", async ({ args, message }) => {
    const result = await runCli(args, { cwd: tempDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/hint: Run `reportsite --help`/);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  test("no arguments -> the usage on stdout, exit code 0", async () => {
    const result = await runCli([], { cwd: tempDir() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Usage: reportsite <command>/);
    expect(result.stderr).toBe("");
  });

  test("an invalid site-config.json names the key and the reason", async () => {
    const dir = project({ raw: { bucket: "Not_A_Bucket" }, output: "/" });
    const result = await runCli(["build"], { cwd: dir, env: credentials() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/site-config\.json is invalid:\n\s+- raw\.bucket: must be an S3 bucket name/);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.stdout).toBe("");
  });
});

describe("reportsite build against the local server", () => {
  let dir: string;
  let raw: string;
  beforeAll(async () => {
    raw = uniqueBucket("cli-raw");
    // a whole month (one row a day, two on the 1st), so the build has nothing to warn about
    const days = Object.fromEntries(
      Array.from({ length: 31 }, (_, i) => [
        `2019_jan_${String(i + 1).padStart(2, "0")}_gid_requests.csv`,
        "service_name,case_record_type\nPothole,Request\n",
      ]),
    );
    await createBucket(testClient(), raw, {
      ...days,
      "2019_jan_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\nGraffiti,Request\n",
    });
    dir = project({ raw: { bucket: raw } });
  });

  test("builds and prints one summary line; stderr stays empty", async () => {
    const result = await runCli(["build"], { cwd: dir, env: credentials() });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^listed s3:\/\/cli-raw-[0-9a-f]+\/: 31 objects in 1 page, 31 match \{year\}_\{mon\}_\{day\}_gid_requests\.csv$/m,
    );
    // one counting line for the month's files (not a TTY: no per-file lines unless --verbose)
    expect(result.stdout).toMatch(/^2019-01: read 31 of 31 files, 1\.\d kB, 32 rows$/m);
    expect(result.stdout).not.toMatch(/^read 2019_jan_01/m);
    expect(result.stdout.trim().split("\n").at(-1)).toMatch(
      new RegExp(
        `^Built 1 month \\(32 rows; 1 rebuilt, 0 reused from the cache\\) into ${dir}/dist: 17 files, \\d+ bytes in \\d+\\.\\ds$`,
      ),
    );
  });

  test("--verbose prints each file read; --quiet only the result", async () => {
    const verbose = await runCli(["build", "--verbose", "--force", "--output", "out-v"], {
      cwd: dir,
      env: credentials(),
    });
    expect(verbose.exitCode).toBe(0);
    expect(verbose.stdout).toMatch(/^read 2019_jan_01_gid_requests\.csv: 2 rows, \d+ bytes$/m);
    const quiet = await runCli(["build", "-q", "--output", "out-q"], { cwd: dir, env: credentials() });
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stdout).toMatch(/^Built 1 month \(32 rows; /);
    expect(quiet.stdout.trim().split("\n")).toHaveLength(1);
  });

  test("--json prints the build report only", async () => {
    const result = await runCli(["build", "--json", "--output", "out"], { cwd: dir, env: credentials() });
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    // the earlier builds of this folder filled the cache, so the month is reused
    expect(report.months).toMatchObject([{ month: "2019-01", rows: 32, files: 31, skipped: [], missingDays: [] }]);
    expect(report.output).toBe(join(dir, "out"));
  });

  test.each<{ description: string; env: Record<string, string>; message: RegExp }>([
    {
      description: "a wrong secret key",
      env: { AWS_SECRET_ACCESS_KEY: "wrong-secret-wrong-secret-wrong-secret00" },
      message:
        /cannot list s3:\/\/cli-raw-[0-9a-f]+: the request signature does not match\nhint: Check AWS_SECRET_ACCESS_KEY/,
    },
    {
      description: "an unknown access key",
      env: { AWS_ACCESS_KEY_ID: "AKIAUNKNOWNKEY000000" },
      message: /the access key id is not known to the server\nhint: Check AWS_ACCESS_KEY_ID/,
    },
  ])("$description: one line that says which and what to check", async ({ env, message }) => {
    const result = await runCli(["build"], { cwd: dir, env: credentials(env) });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(2);
  });

  test("no credentials at all", async () => {
    const result = await runCli(["build"], { cwd: dir, env: { AWS_REGION: "us-east-1" } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/no AWS credentials found\nhint: Set AWS_ACCESS_KEY_ID/);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  test("a missing bucket", async () => {
    const result = await runCli(["build"], { cwd: project(), env: credentials() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^cannot list s3:\/\/cli-raw-missing: the bucket does not exist\nhint: Check the bucket name/,
    );
  });

  test("an unreachable endpoint", async () => {
    const result = await runCli(["build"], { cwd: project({ endpoint: "http://127.0.0.1:9" }), env: credentials() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /the S3 endpoint cannot be reached \(ECONNREFUSED\)\nhint: Check the endpoint \(now http:\/\/127\.0\.0\.1:9; set with --endpoint-url or "endpoint" in site-config\.json\)/,
    );
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  test("--require-complete: a month with missing days fails and names them", async () => {
    const partial = uniqueBucket("cli-partial");
    await createBucket(testClient(), partial, {
      "2019_feb_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
      "2019_feb_02_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
    });
    const partialDir = project({ raw: { bucket: partial } });
    const strict = await runCli(["build", "--require-complete"], { cwd: partialDir, env: credentials() });
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toMatch(
      /^--require-complete: 1 month\(s\) are incomplete:\n {2}- 2019-02: no raw file for day 3-28\nhint: .*do not deploy it/m,
    );
    const allowed = await runCli(["build"], { cwd: partialDir, env: credentials() });
    expect(allowed.exitCode).toBe(0);
  });

  test("ignored keys are listed under --verbose only; ones like the month's data are warned about", async () => {
    const parted = uniqueBucket("cli-parts");
    await createBucket(testClient(), parted, {
      "2019_feb_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
      "2019_feb_02_gid_requests_part0001.csv": "service_name,case_record_type\nPothole,Request\n",
      "2019_feb_02_gid_requests_part0002.csv": "service_name,case_record_type\nPothole,Request\n",
      "README.txt": "not data",
    });
    const partedDir = project({ raw: { bucket: parted } });
    const plain = await runCli(["build"], { cwd: partedDir, env: credentials() });
    expect(plain.exitCode).toBe(0);
    expect(plain.stderr).toMatch(
      /^warning: 2019-02: 2 keys that look like this month's data do not match raw\.keyPattern \{year\}_\{mon\}_\{day\}_gid_requests\.csv and were not read, e\.g\. 2019_feb_02_gid_requests_part0001\.csv; for a day exported in parts \(…_part0001\.csv\), add \{part\} or \* to raw\.keyPattern \(--verbose lists every ignored key\)$/m,
    );
    expect(plain.stdout).not.toContain("README.txt");
    const verbose = await runCli(["build", "--verbose", "--output", "out-v"], { cwd: partedDir, env: credentials() });
    expect(verbose.exitCode).toBe(0);
    expect(verbose.stdout).toContain(
      "3 keys ignored (not {year}_{mon}_{day}_gid_requests.csv):\n  2019_feb_02_gid_requests_part0001.csv\n  2019_feb_02_gid_requests_part0002.csv\n  README.txt\n",
    );
  });

  test("a bad raw file: exit 1, the key and line, and no dist/", async () => {
    const bad = uniqueBucket("cli-bad");
    await createBucket(testClient(), bad, {
      "2019_feb_01_gid_requests.csv": 'service_name,case_record_type\n"Pothole,Request\n',
    });
    const badDir = project({ raw: { bucket: bad } });
    const result = await runCli(["build"], { cwd: badDir, env: credentials() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /2019-02: 1 of 1 raw file cannot be read; no report was written for this month:\n\s+- 2019_feb_01_gid_requests\.csv: line 2: a quoted field opened in this row is never closed/,
    );
    const { existsSync } = await import("node:fs");
    expect(existsSync(join(badDir, "dist"))).toBe(false);
  });

  test("--skip-bad-files: a month with no readable file is left out and named, the others are built", async () => {
    const bucket = uniqueBucket("cli-skipmonth");
    await createBucket(testClient(), bucket, {
      "2019_jan_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
      "2019_feb_01_gid_requests.csv": 'service_name,case_record_type\n"Pothole,Request\n',
    });
    const dir = project({ raw: { bucket } });
    const result = await runCli(["build", "--skip-bad-files"], { cwd: dir, env: credentials() });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("2019-02: none of its 1 raw file can be read, so the month is left out");
    expect(result.stdout).toMatch(
      /^Built 1 month \(1 rows; 1 rebuilt, 0 reused from the cache; 1 left out, no file could be read: 2019-02\) into /m,
    );
    const strict = await runCli(["build", "--skip-bad-files", "--require-complete"], { cwd: dir, env: credentials() });
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toMatch(/^ {2}- 2019-02: .*1 file\(s\) skipped as unreadable/m);
  });
});
