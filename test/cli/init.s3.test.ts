/**
 * `reportsite init` as a user runs it: flags and prompts (on a real terminal, through `script`),
 * against real keys in the local S3 server; what it writes must pass build's validation and build.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runCli, type CliResult } from "../support/cli.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));
const FILES = ["site-config.json", ".github/workflows/monthly-reports.yml", "iam-policy.json", "trust-policy.json"];

function credentials() {
  const s3 = testServer();
  return { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
}

function readJson(dir: string, file: string) {
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

/** 75 daily exports `exports/2024-01-01.csv`…: a date column first, an ID, a category, a few-valued type. */
function dailyExports(): Record<string, string> {
  const objects: Record<string, string> = {};
  for (let i = 0; i < 75; i++) {
    const date = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    const rows = Array.from(
      { length: 12 },
      (_, r) =>
        `${date} 0${r % 10}:15:00,${i * 100 + r},Service ${(i + r) % 15},${["Request", "Complaint", "Question"][r % 3]}`,
    );
    objects[`exports/${date}.csv`] = `opened_at,request_id,service,record_type\n${rows.join("\n")}\n`;
  }
  return { ...objects, "exports/README.txt": "daily exports" };
}

describe("init refuses what build would refuse, and writes nothing", () => {
  test.each([
    {
      args: ["--raw-bucket", "Bad_Bucket", "--site-bucket", "ok-site"],
      message: /--raw-bucket "Bad_Bucket" must be an S3 bucket name/,
    },
    {
      args: ["--raw-bucket", "s3://rs-raw", "--site-bucket", "s3://rs-raw/"],
      message: /--site-bucket "rs-raw" is also the raw bucket/,
    },
    {
      args: ["--raw-bucket", "rs-raw", "--site-bucket", "rs-site", "--aws-account", "abc"],
      message: /--aws-account "abc" is not an AWS account id \(12 digits\)/,
    },
    {
      args: ["--raw-bucket", "rs-raw", "--site-bucket", "rs-site", "--github-repo", "justname"],
      message: /--github-repo "justname" is not a GitHub repository; expected owner\/name/,
    },
    {
      args: ["--raw-bucket", "rs-raw", "--site-bucket", "rs-site", "--key-pattern", "{year}.csv"],
      message: /--key-pattern \(raw\.keyPattern\): needs exactly one of \{mon\}/,
    },
    {
      args: ["--raw-bucket", "rs-raw", "--site-bucket", "rs-site", "--group-by", "svc", "--chart-field", "svc"],
      message: /--chart-field \(report\.chartField\): "svc" is also in report\.groupBy/,
    },
  ])("$message", async ({ args, message }) => {
    const dir = tempDir("init-refused-");
    const result = await runCli(["init", ...args, "--offline"], { cwd: dir });
    expect(result.stderr).toMatch(message);
    expect(result.exitCode).toBe(2);
    for (const file of FILES) expect(existsSync(join(dir, file)), file).toBe(false);
  });

  test("a column the raw files do not have is refused, naming the flag and the columns there are", async () => {
    const raw = uniqueBucket("init-cols");
    await createBucket(testClient(), raw, dailyExports());
    const dir = tempDir("init-cols-");
    const s3 = testServer();
    const args = ["init", "--raw-bucket", raw, "--site-bucket", `${raw}-site`, "--endpoint-url", s3.endpoint];
    const result = await runCli([...args, "--group-by", "nosuchcol"], { cwd: dir, env: credentials() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /--group-by nosuchcol: no such column in exports\/2024-03-15\.csv; its columns are opened_at, request_id, service, record_type/,
    );
    expect(existsSync(join(dir, "site-config.json"))).toBe(false);
  });
});

describe("init proposes from the real keys and rows, and what it writes builds", () => {
  test("keys in a folder with ISO dates: prefix, pattern and columns proposed, said with why, and build reads them", async () => {
    const raw = uniqueBucket("init-iso");
    await createBucket(testClient(), raw, dailyExports());
    const dir = tempDir("init-iso-");
    const s3 = testServer();
    const init = await runCli(
      ["init", "--raw-bucket", `s3://${raw}/`, "--site-bucket", `${raw}-site`, "--endpoint-url", s3.endpoint],
      { cwd: dir, env: credentials() },
    );
    expect(init.exitCode, init.stderr).toBe(0);
    const config = readJson(dir, "site-config.json");
    expect(config.raw).toEqual({ bucket: raw, prefix: "exports/", keyPattern: "{year}-{month}-{day}.csv" });
    // opened_at holds ISO 8601 timestamps: the count comes with a weekday x hour heatmap, under reports
    expect(config).not.toHaveProperty("report");
    expect(config.reports).toEqual([
      { id: "requests-by-service", title: "Requests by service", groupBy: ["service"], chartField: "record_type" },
      {
        id: "requests-by-weekday-and-hour",
        title: "Requests by weekday and hour of opened at",
        chart: "heatmap",
        groupBy: [
          { column: "opened_at", part: "weekday" },
          { column: "opened_at", part: "hour" },
        ],
      },
    ]);
    expect(config.endpoint).toBe(s3.endpoint);
    expect(init.stdout).toMatch(
      /raw prefix "exports\/" and key pattern \{year\}-\{month\}-\{day\}\.csv select 75 of the 76 keys/,
    );
    expect(init.stdout).toMatch(/opened_at: a date or time, not a category/);
    expect(init.stdout).toMatch(/request_id: an ID/);
    expect(init.stdout).toMatch(/record_type: text, 3 distinct values in \d+ rows: a category with at most 12 values/);
    expect(init.stdout).toMatch(/^groupBy: service$/m);
    expect(init.stdout).toMatch(/^chartField: record_type$/m);
    expect(init.stdout).toMatch(/opened_at: ISO 8601 timestamps: requests by weekday and hour, as a heatmap/);
    expect(JSON.stringify(readJson(dir, "iam-policy.json"))).toContain(`"arn:aws:s3:::${raw}/exports/*"`);

    const build = await runCli(["build", "--month", "2024-02", "--require-complete"], { cwd: dir, env: credentials() });
    expect(build.exitCode, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/Built 1 month \(348 rows/);
  });

  test("AWS_ENDPOINT_URL is where init looks, and is written to site-config.json", async () => {
    const raw = uniqueBucket("init-env");
    await createBucket(testClient(), raw, dailyExports());
    const dir = tempDir("init-env-");
    const s3 = testServer();
    const init = await runCli(["init", "--raw-bucket", raw, "--site-bucket", `${raw}-site`], {
      cwd: dir,
      env: { ...credentials(), AWS_ENDPOINT_URL: s3.endpoint },
    });
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stderr).not.toMatch(/cannot look at the raw bucket/);
    const config = readJson(dir, "site-config.json");
    expect(config.endpoint).toBe(s3.endpoint);
    expect(config.raw.keyPattern).toBe("{year}-{month}-{day}.csv");
  });
});

describe("where init writes and what it keeps", () => {
  test("in a subfolder of a git repository the workflow goes to the root's .github/workflows/ and runs in the subfolder", async () => {
    const root = tempDir("init-repo-");
    execFileSync("git", ["init", "-q", root]);
    // a clone from GitHub records the origin and its default branch
    execFileSync("git", ["-C", root, "remote", "add", "origin", "git@github.com:city/reports.git"]);
    mkdirSync(join(root, ".git/refs/remotes/origin"), { recursive: true });
    writeFileSync(join(root, ".git/refs/remotes/origin/HEAD"), "ref: refs/remotes/origin/trunk\n");
    const dir = join(root, "infra", "reports");
    mkdirSync(dir, { recursive: true });
    const init = await runCli(["init", "--raw-bucket", "city-raw", "--site-bucket", "city-site", "--offline"], {
      cwd: dir,
    });
    expect(init.exitCode, init.stderr).toBe(0);
    expect(existsSync(join(dir, ".github"))).toBe(false);
    const workflow = readFileSync(join(root, ".github/workflows/monthly-reports.yml"), "utf8");
    expect(workflow).toMatch(/working-directory: "infra\/reports"/);
    expect(init.stdout).toMatch(/^wrote \.\.\/\.\.\/\.github\/workflows\/monthly-reports\.yml$/m);
    expect(
      JSON.parse(readFileSync(join(dir, "trust-policy.json"), "utf8")).Statement[0].Condition.StringEquals,
    ).toEqual({
      "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
      "token.actions.githubusercontent.com:sub": "repo:city/reports:ref:refs/heads/trunk",
    });
    expect(init.stdout).toMatch(
      /the workflow goes to the root's \.github\/workflows\/monthly-reports\.yml and runs its steps in infra\/reports\//,
    );
  });

  test("a re-run with other buckets shows what differs and keeps the files; --force replaces them", async () => {
    const dir = tempDir("init-again-");
    const first = await runCli(["init", "--raw-bucket", "first-raw", "--site-bucket", "first-site", "--offline"], {
      cwd: dir,
    });
    expect(first.exitCode, first.stderr).toBe(0);
    const before = readFileSync(join(dir, "site-config.json"), "utf8");

    const args = ["init", "--raw-bucket", "second-raw", "--site-bucket", "first-site", "--offline"];
    const again = await runCli(args, { cwd: dir });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /^kept site-config\.json \(exists; --force replaces it\)\n {4}raw\.bucket: "first-raw" -> "second-raw"$/m,
    );
    expect(again.stdout).toMatch(
      /^kept iam-policy\.json .*\n {4}Statement\[0\]\.Resource: "arn:aws:s3:::first-raw" -> "arn:aws:s3:::second-raw"$/m,
    );
    expect(again.stdout).toMatch(/^unchanged \.github\/workflows\/monthly-reports\.yml$/m);
    expect(again.stderr).toMatch(
      /site-config\.json, iam-policy\.json differ from what init would write now \(above\) and were kept; pass --force/,
    );
    expect(readFileSync(join(dir, "site-config.json"), "utf8")).toBe(before);

    const forced = await runCli([...args, "--force"], { cwd: dir });
    expect(forced.stdout).toMatch(/^overwrote site-config\.json$/m);
    expect(readJson(dir, "site-config.json").raw.bucket).toBe("second-raw");
  });

  test("the trust policy names the default branch unless --any-branch", async () => {
    const dir = tempDir("init-trust-");
    const base = [
      "init",
      "--raw-bucket",
      "t-raw",
      "--site-bucket",
      "t-site",
      "--offline",
      "--github-repo",
      "city/reports",
    ];
    await runCli(base, { cwd: dir });
    const condition = () => readJson(dir, "trust-policy.json").Statement[0].Condition;
    expect(condition().StringEquals["token.actions.githubusercontent.com:sub"]).toBe(
      "repo:city/reports:ref:refs/heads/main",
    );
    await runCli([...base, "--any-branch", "--force"], { cwd: dir });
    expect(condition().StringLike["token.actions.githubusercontent.com:sub"]).toBe("repo:city/reports:*");
  });
});

/** Run `reportsite ...args` on a terminal (util-linux `script`), answering each prompt as it appears. */
function runOnTerminal(args: string[], cwd: string, answers: { after: RegExp; type: string }[]): Promise<CliResult> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd, TERM: "dumb", AWS_EC2_METADATA_DISABLED: "true" },
    });
    let stdout = "";
    let seen = 0; // answers typed so far; each waits for its prompt after the previous answer's echo
    child.stdout.on("data", (d) => {
      stdout += d;
      const next = answers[seen];
      if (next && next.after.test(stdout)) {
        seen++;
        stdout += "\u241E"; // a mark: the next answer waits for its prompt after this point
        child.stdin.write(next.type);
      }
    });
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout: stdout.replaceAll("\u241E", ""), stderr: "" }));
  });
}

describe("init's prompts on a terminal", () => {
  test("a wrong answer is asked again with what was wrong; the raw bucket is refused as the site bucket", async () => {
    const dir = tempDir("init-prompt-");
    const result = await runOnTerminal(["init", "--offline"], dir, [
      { after: /Raw bucket[^\u241E]*: /, type: "Bad_Bucket\r" },
      { after: /must be an S3 bucket name[^\u241E]*Raw bucket[^\u241E]*: /, type: "s3://good-raw/\r" },
      { after: /Site bucket[^\u241E]*: /, type: "good-raw\r" },
      { after: /is also the raw bucket[^\u241E]*Site bucket[^\u241E]*: /, type: "good-site\r" },
    ]);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/"Bad_Bucket" must be an S3 bucket name/);
    expect(result.stdout).toMatch(/"good-raw" is also the raw bucket/);
    expect(readJson(dir, "site-config.json").raw.bucket).toBe("good-raw");
    expect(readJson(dir, "site-config.json").site.bucket).toBe("good-site");
  });

  test("Ctrl-C at a prompt: exit 130, 'interrupted', nothing written", async () => {
    const dir = tempDir("init-ctrl-c-");
    const result = await runOnTerminal(["init", "--offline"], dir, [{ after: /Raw bucket[^\u241E]*: /, type: "\x03" }]);
    expect(result.exitCode).toBe(130);
    expect(result.stdout).toMatch(/^interrupted\r?$/m);
    expect(result.stdout).not.toMatch(/Unexpected error/);
    expect(existsSync(join(dir, "site-config.json"))).toBe(false);
  });
});
