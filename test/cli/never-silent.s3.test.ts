// Every run ends with a message (and under --json one JSON object), never in
// silence and never with a stack trace for something that is not a bug.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { WORKER_THRESHOLD_BYTES } from "../../src/source/scan-pool.js";
import { runCli, type CliResult } from "../support/cli.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));
const STACK = /^\s+at /m;
const day = (n: number) => `2019_feb_${String(n).padStart(2, "0")}_gid_requests.csv`;

function credentials(): Record<string, string> {
  const s3 = testServer();
  return { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, AWS_REGION: s3.region };
}

/** A project folder (in the temp folder: outside the checkout) whose raw bucket holds a February of `perDay` bytes a day. */
async function project(label: string, perDay: number): Promise<string> {
  const s3 = testServer();
  const raw = uniqueBucket(`${label}-raw`);
  const line = `Pothole,Request,${"x".repeat(80)}\n`;
  const body = `service_name,case_record_type,notes\n${line.repeat(Math.ceil(perDay / line.length))}`;
  await createBucket(testClient(), raw, Object.fromEntries(Array.from({ length: 28 }, (_, i) => [day(i + 1), body])));
  const dir = tempDir(`cli-${label}-`);
  const config = { endpoint: s3.endpoint, raw: { bucket: raw }, site: { bucket: uniqueBucket(`${label}-site`) } };
  writeFileSync(join(dir, "site-config.json"), JSON.stringify(config));
  return dir;
}

describe("a month large enough for worker threads, run from a folder outside the checkout", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await project("big", Math.ceil((WORKER_THRESHOLD_BYTES * 1.05) / 28));
  }, 120_000);

  test("publish --json prints one JSON object with the build and the deploy (the month scanned on workers)", async () => {
    const result = await runCli(["publish", "--json"], { cwd: dir, env: credentials() });
    expect(result.exitCode, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as { build: { months: { rows: number }[] }; deploy: { url: string } };
    expect(printed.build.months[0]!.rows).toBeGreaterThan(100_000);
    expect(printed.deploy.url).toMatch(/^http/);
  });

  test("the checkout's workers find their TypeScript loader: build --force reads the month again and succeeds", async () => {
    expect(dir.startsWith(fileURLToPath(new URL("../..", import.meta.url)))).toBe(false);
    const result = await runCli(["build", "--force"], { cwd: dir, env: credentials() });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Built 1 month \(\d+ rows; 1 rebuilt/m);
    expect(result.exitCode).toBe(0);
  });
});

/** Run the CLI and close its stdout after the first line, as `reportsite … | head -1` does. */
function runHeadOne(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd, AWS_EC2_METADATA_DISABLED: "true", ...credentials() },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      child.stdout.destroy();
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

test("`reportsite build | head -1`: the closed pipe ends the run quietly, no EPIPE stack trace", async () => {
  const dir = await project("epipe", 2_000);
  const result = await runHeadOne(["build", "--verbose", "--force"], dir);
  expect(result.stdout).toMatch(/^listed s3:\/\//);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stderr).not.toMatch(/EPIPE/);
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(141);
});

test("an error no stage caught still ends with a message and, under --json, one JSON object", async () => {
  const dir = await project("crash", 100);
  // once the CLI has started, an error thrown outside any command (as a library's timer might)
  const crash =
    'import {isMainThread} from "node:worker_threads"; if (isMainThread) { const t = setInterval(() => { if (process.listenerCount("uncaughtException")) { clearInterval(t); setTimeout(() => { throw new Error("a library broke"); }); } }, 5); t.unref(); }';
  const result = await runCli(["build", "--json"], {
    cwd: dir,
    env: { ...credentials(), NODE_OPTIONS: `--import "data:text/javascript,${encodeURIComponent(crash)}"` },
  });
  expect(JSON.parse(result.stdout)).toEqual({
    error: { name: "UnexpectedError", message: "a library broke", exitCode: 1 },
  });
  expect(result.stderr).toBe("Unexpected error: a library broke\nRun with --debug for the stack trace.\n");
  expect(result.exitCode).toBe(1);
});
