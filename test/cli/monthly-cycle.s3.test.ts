// The monthly cycle as it happens, end to end against the real S3 server, through the
// generated workflow's own "Build and deploy" script (bash, with `npx reportsite` the real CLI):
// a scheduled publish of a complete month, a manual allow-incomplete publish of the month so far,
// a scheduled run that waits for a late export, one that publishes with the gap named, and the late
// file picked up by the next scheduled run with --require-complete, which a partial month from the
// cache does not fail. After each step the live site is read back.
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { renderWorkflow } from "../../src/init/index.js";
import { createBucket, putObjects, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

const BIN = fileURLToPath(new URL("../../bin/reportsite.mjs", import.meta.url));

/** The workflow's "Build and deploy" script, as the runner gets it (the YAML block's indentation removed). */
function publishScript(): string {
  const workflow = renderWorkflow({ region: "us-east-1" });
  const block = /- name: Build and deploy\n(?:\s+id: \w+\n)?\s+run: \|\n((?: {10}.*\n)+)/.exec(workflow);
  if (!block) throw new Error("no Build and deploy step in the workflow");
  return block[1]!.replace(/^ {10}/gm, "");
}

/** The workflow's `jq -r '…' publish.json` program whose text contains `marker`. */
function jqProgram(marker: string): string {
  const programs = [...renderWorkflow({ region: "us-east-1" }).matchAll(/jq -r '([^']+)' publish\.json/g)];
  return programs.map((m) => m[1]!).find((p) => p.includes(marker))!;
}

interface StepResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** What the step wrote to $GITHUB_OUTPUT, e.g. `waiting=yes`. */
  output: string;
  /** publish.json as the step left it. */
  json: string;
}

describe.sequential("the monthly cycle, through the workflow's script", () => {
  const s3 = testServer();
  const raw = uniqueBucket("cycle-raw");
  const site = uniqueBucket("cycle-site");
  const dir = tempDir("cycle-");
  const bin = join(dir, ".bin");
  const live = (path: string) => fetch(`${s3.websiteEndpoint}/${site}/${path}`).then((r) => r.text());
  const file = (month: string, day: number) => `${month}_${String(day).padStart(2, "0")}_gid_requests.csv`;
  const days = (month: string, from: number, to: number, row: string) =>
    Object.fromEntries(
      Array.from({ length: to - from + 1 }, (_, i) => [
        file(month, from + i),
        `service_name,case_record_type\n${row}\n`,
      ]),
    );

  /** One run of the workflow's step, in a fresh checkout: dist/ is gone, the build cache is restored. */
  async function runStep(env: Record<string, string>): Promise<StepResult> {
    rmSync(join(dir, "dist"), { recursive: true, force: true });
    rmSync(join(dir, "publish.json"), { force: true });
    const output = join(dir, "github-output");
    writeFileSync(output, "");
    const result = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        "bash",
        ["-e", "-c", publishScript()],
        {
          cwd: dir,
          env: {
            PATH: `${bin}:${process.env.PATH}`,
            HOME: dir,
            AWS_ACCESS_KEY_ID: s3.accessKeyId,
            AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
            AWS_REGION: s3.region,
            AWS_EC2_METADATA_DISABLED: "true",
            GITHUB_OUTPUT: output,
            ALLOW_INCOMPLETE: "no",
            SCHEDULED: "yes",
            ...env,
          },
        },
        (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    const json = (() => {
      try {
        return readFileSync(join(dir, "publish.json"), "utf8");
      } catch {
        return "";
      }
    })();
    return { ...result, output: readFileSync(output, "utf8"), json };
  }

  /** The card of `id` on the live home page (the newest month's card comes first, so the one with its anchor). */
  async function card(id: string): Promise<string> {
    const home = await live("index.html");
    const at = home.indexOf(`id="m${id}"`);
    return home.slice(at, home.indexOf('class="links"', at));
  }

  beforeAll(async () => {
    // `npx reportsite` on the runner is the package's bin: here, the real CLI of this checkout
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "npx"), `#!/bin/sh\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, "npx"), 0o755);
    await createBucket(testClient(), raw, {
      // October: every day but the 14th, which never came (accepted in the config)
      ...days("2026_oct", 1, 13, "Pothole,Request"),
      ...days("2026_oct", 15, 31, "Pothole,Request"),
      // November: the 30th is late
      ...days("2026_nov", 1, 29, "Pothole,Request"),
      // December so far: the 1st to the 5th
      ...days("2026_dec", 1, 5, "Pothole,Request"),
    });
    writeFileSync(
      join(dir, "site-config.json"),
      JSON.stringify({
        endpoint: s3.endpoint,
        websiteEndpoint: s3.websiteEndpoint,
        raw: {
          bucket: raw,
          keyPattern: "{year}_{mon}_{day}_gid_requests.csv",
          acceptedGaps: [{ days: ["2026-10-14"], reason: "the export system was down" }],
        },
        site: { bucket: site },
      }),
    );
  });

  test("1. the scheduled run publishes October, complete but for an accepted gap, named on its page", async () => {
    const run = await runStep({ MONTH: "2026-10", COMPLETE_BY_DAY: "32" });
    expect(run.exitCode).toBe(0);
    expect(run.output).toBe("");
    expect(JSON.parse(run.json).build.months.map((m: { month: string }) => m.month)).toEqual(["2026-10"]);
    expect(await live("2026/oct/final_report.html")).toContain(
      "No export for 14 October 2026: accepted, the export system was down.",
    );
    expect(await card("2026-10")).toContain("Complete: 30 daily files; no export for day 14: accepted");
  });

  test("2. a manual allow-incomplete publish of December so far: labelled so far, not compared with a distant month", async () => {
    const run = await runStep({ MONTH: "2026-12", ALLOW_INCOMPLETE: "yes", SCHEDULED: "no", COMPLETE_BY_DAY: "32" });
    expect(run.exitCode).toBe(0);
    const dec = await live("2026/dec/final_report.html");
    expect(dec).toContain("So far: 5 of 31 days.");
    expect(dec).not.toContain("Change since October"); // October is not the month before
    const card_ = await card("2026-12");
    expect(card_).toContain("So far: 5 of 31 days");
    expect(card_).toContain("No change shown: there is no data for the month before to compare with.");
    expect(await live("2026/oct/final_report.html")).toContain("October 2026"); // still published
  });

  test("3. the scheduled run for November waits for its late export: green, nothing published, and it says so", async () => {
    const before = await live("index.html");
    const run = await runStep({ MONTH: "2026-11", COMPLETE_BY_DAY: "32" });
    expect(run.exitCode).toBe(0);
    expect(run.output).toBe("waiting=yes\n");
    expect(run.stdout).toContain("::notice title=Waiting for late exports::2026-11 is not complete yet");
    const error = JSON.parse(run.json).error;
    expect(error.name).toBe("IncompleteMonthError");
    expect(error.message).toBe("--require-complete: 1 month(s) are incomplete:\n  - 2026-11: no raw file for day 30");
    // December (partial, from the cache) is not judged: only the month this run built
    expect(error.message).not.toContain("2026-12");
    expect(await live("index.html")).toBe(before);
    expect(await live("2026/nov/final_report.html")).toMatch(/NoSuchKey|Not Found|404/i);
    const summary = execJq(jqProgram("Waiting for late exports"), run.json, { COMPLETE_BY_DAY: "6" });
    expect(summary).toContain("## Waiting for late exports: nothing was published");
    expect(summary).toContain("from day 6 of the month the month is published with its gaps named");
  });

  test("3b. a month with no export at all yet waits too before the configured day, and fails from it on", async () => {
    const waiting = await runStep({ MONTH: "2027-01", COMPLETE_BY_DAY: "32" });
    expect(waiting.exitCode).toBe(0);
    expect(waiting.output).toBe("waiting=yes\n");
    expect(JSON.parse(waiting.json).error.name).toBe("MissingMonthError");
    const late = await runStep({ MONTH: "2027-01", COMPLETE_BY_DAY: "1" });
    expect(late.exitCode).not.toBe(0);
    expect(late.output).toBe("");
    expect(JSON.parse(late.json).error.message).toMatch(/^2027-01: no raw files for this month/);
  });

  test("4. from the configured day on, the scheduled run publishes November with its gap named", async () => {
    const run = await runStep({ MONTH: "2026-11", COMPLETE_BY_DAY: "1" });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("::notice title=Published with gaps named::");
    expect(await live("2026/nov/final_report.html")).toContain("So far: 29 of 30 days.");
    // December is now compared with November, per day (1 a day against 1 a day), not by total ("−83%")
    const dec = await live("2026/dec/final_report.html");
    expect(dec).toContain("Change since November 2026");
    expect(dec).toMatch(/Total<\/td><td class="num">5<\/td><td class="num">0\.0% per day</);
    expect(await live("index.html")).not.toMatch(/−8\d\.\d%/);
  });

  test("5. the late file arrives: the next scheduled run with --require-complete picks it up, December from the cache notwithstanding", async () => {
    await putObjects(testClient(), raw, days("2026_nov", 30, 30, "Graffiti,Request"));
    const run = await runStep({ MONTH: "2026-11", COMPLETE_BY_DAY: "32" });
    expect(run.stderr).not.toMatch(/require-complete/);
    // a fresh checkout (no dist/) whose restored cache supplies October and December, and says so
    expect(run.stderr).not.toMatch(/only the months built now/);
    expect(run.stderr).toMatch(/the 2 months in the build cache \(2026-10, 2026-12\)/);
    expect(run.exitCode).toBe(0);
    expect(run.output).toBe("");
    const result = JSON.parse(run.json);
    const nov = result.build.months.find((m: { month: string }) => m.month === "2026-11");
    expect([nov.rows, nov.filesRead]).toEqual([30, 1]); // only the late file was read
    const page = await live("2026/nov/final_report.html");
    expect(page).not.toContain("So far");
    expect(page).not.toContain("Incomplete month");
    expect(page).toContain("Graffiti");
    expect(await card("2026-11")).toContain("Complete: 30 daily files");
    // November against October: both whole (October's gap is accepted, but it has no data): per day
    expect(await card("2026-11")).toMatch(/Change since October 2026: [+−]?\d+\.\d% per day/);
    expect(await card("2026-12")).toContain("So far: 5 of 31 days");
  });

  test("6. the next day's run finds the month published as it is: nothing uploaded", async () => {
    const run = await runStep({ MONTH: "2026-11", COMPLETE_BY_DAY: "32" });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.json).deploy.report.uploaded).toEqual([]);
  });

  test("7. a manual backfill of a range requires every month in it complete, and reads them all", async () => {
    const run = await runStep({ MONTH: "2026-10..2026-11", SCHEDULED: "no", COMPLETE_BY_DAY: "32" });
    expect(run.exitCode).toBe(0);
    const months = JSON.parse(run.json).build.months as { month: string; requested: boolean }[];
    expect(months.map((m) => [m.month, m.requested])).toEqual([
      ["2026-10", true],
      ["2026-11", true],
      ["2026-12", false],
    ]);
    // `all`: every month with raw data, December so far among them, so a manual run without
    // allow_incomplete is refused (red), naming December only
    const all = await runStep({ MONTH: "all", SCHEDULED: "no", COMPLETE_BY_DAY: "32" });
    expect(all.exitCode).toBe(1);
    expect(all.output).toBe("");
    expect(JSON.parse(all.json).error.message).toBe(
      "--require-complete: 1 month(s) are incomplete:\n  - 2026-12: no raw file for day 6-31",
    );
  });
});

function execJq(program: string, json: string, env: Record<string, string>): string {
  const dir = tempDir("cycle-jq-");
  const path = join(dir, "publish.json");
  writeFileSync(path, json);
  return execFileSync("jq", ["-r", program, path], { encoding: "utf8", env: { ...process.env, ...env } });
}
