// On-demand benchmark: reportsite against the yardsticks its users would otherwise use, side by side
// in one run on one local S3 server (Ceph RGW). Prints its figures (medians of several runs, peak
// memory, ratios); asserts nothing.
//   npm run bench
//   BENCH_RUNS=5 BENCH_ROWS=30000 BENCH_SCALE=1,12,60 npm run bench
// Jobs, each run as a user runs it (a new process every time):
//   1. full build of a big month (31 daily files) vs the pandas + boto3 pipeline, and the GET-only floor;
//      the same month with the four reports of the demo's site-config.json vs the one report and vs
//      the pandas + boto3 script of the same four tables
//   2. a second `build && deploy` (and `publish`) with nothing new (12 months) vs a no-op
//      `aws s3 sync --acl public-read`, and the floor of two Node processes on the AWS SDK
//   3. how a no-op and a one-month change grow with history (1, 12, 60 months)
//   4. start-up: `reportsite build` until it reports a missing config, vs `node -e 0`
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { build as esbuild } from "esbuild";
import { generateDay, generateMonth, sampleKey } from "../scripts/sample/generate.ts";
import { parseCsvSample } from "../src/init/csv-sample.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);
const SCALE = (process.env.BENCH_SCALE ?? "1,12,60").split(",").map(Number);
// what an installed package runs: the compiled JavaScript (built below), not the sources through tsx
const BIN = join(ROOT, process.env.BENCH_BIN ?? "lib/cli/main.js");
const PORT = 7680;
const STATE = join(tmpdir(), `reportsite-bench-${PORT}`);
const DATA = join(ROOT, "bench/.data");
const MEASURE = join(ROOT, "bench/measure.py");
const BLANK = "(blank)";

interface Sample {
  seconds: number;
  maxrss_kb: number;
}

execFileSync("bash", [join(ROOT, "scripts/bench-setup.sh")], { stdio: ["ignore", "ignore", "inherit"] });
execFileSync("npm", ["run", "build:lib"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
const LIST_FLOOR = join(DATA, "list-floor.mjs");
await esbuild({
  entryPoints: [join(ROOT, "bench/list-floor.mjs")],
  outfile: LIST_FLOOR,
  bundle: true,
  platform: "node",
  format: "esm",
  mainFields: ["module", "main"],
  banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
  logLevel: "warning",
});
const exports = execFileSync("bash", [join(ROOT, "scripts/s3-local/start-rgw.sh"), String(PORT), STATE], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
for (const [, name, value] of exports.matchAll(/^export (\w+)=(.*)$/gm)) process.env[name!] = value;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const client = new S3Client({
  forcePathStyle: true,
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
});

try {
  console.log(`reportsite benchmark: ${RUNS} runs per figure (median), local Ceph RGW on 127.0.0.1:${PORT}\n`);
  await bigMonth();
  await noOp();
  await scaling();
  startup();
} finally {
  execFileSync("bash", [join(ROOT, "scripts/s3-local/stop-rgw.sh"), STATE, "--kill", "--purge"], { stdio: "ignore" });
}

/** 1. A big month, built from nothing, against pandas and the GET floor; then with four reports. */
async function bigMonth(): Promise<void> {
  const files = bigMonthFiles();
  await upload("bench-big", files);
  const mb = files.reduce((n, f) => n + f.body.length, 0) / 1e6;
  const project = projectDir("big", "bench-big");
  const ours = repeat(RUNS, () => coldBuild(project));
  const pandas = repeat(RUNS, () => pandasScript("bench/pandas_pipeline.py", project));
  const floor = repeat(RUNS, () => measure(["node", join(ROOT, "bench/get-floor.mjs"), "bench-big", "2019_jan_"]));
  checkSameCounts(project);
  console.log(
    `1. Full build of one month: ${files.length} daily files x ${ROWS} rows, 18 columns, ${mb.toFixed(0)} MB`,
  );
  table(
    ["job", "median s", "peak RSS MB", "vs pandas", "vs GET floor"],
    [
      row("reportsite build (cold: no cache)", ours, pandas, floor),
      row("pandas + boto3 pipeline", pandas, pandas, floor),
      row("GET floor (16 GETs at once, bytes discarded)", floor, pandas, floor),
    ],
  );
  fourReports(ours, floor);
}

/** 1b. The same month with the demo's four reports: against the one report and pandas' four tables. */
function fourReports(one: Sample, floor: Sample): void {
  const project = projectDir("big-four", "bench-big", { reports: demoReports() });
  const ours = repeat(RUNS, () => coldBuild(project));
  const pandas = repeat(RUNS, () => pandasScript("bench/pandas_reports.py", project));
  checkSameReports(project);
  console.log("\n1b. The same month, four reports (the demo's site-config.json), one pass");
  table(
    ["job", "median s", "peak RSS MB", "vs one report", "vs pandas 4 tables", "vs GET floor"],
    [
      [
        "reportsite build, four reports (cold)",
        s(ours),
        mb(ours),
        ratio(ours, one),
        ratio(ours, pandas),
        ratio(ours, floor),
      ],
      ["reportsite build, one report (cold)", s(one), mb(one), "1.00x", ratio(one, pandas), ratio(one, floor)],
      ["pandas + boto3, the four tables", s(pandas), mb(pandas), ratio(pandas, one), "1.00x", ratio(pandas, floor)],
    ],
  );
  console.log(
    [
      `four reports / one report:        ${ratio(ours, one)} (goal: at most 1.30x)`,
      `four reports / pandas four tables: ${ratio(ours, pandas)} (goal: at most 0.50x)`,
      `one report / GET floor:            ${ratio(one, floor)} (goal: at most 1.50x)`,
    ].join("\n"),
  );
}

/** A build from nothing: no output folder, no cache. */
function coldBuild(project: string): Sample {
  rmSync(join(project, "dist"), { recursive: true, force: true });
  rmSync(join(project, ".reportsite"), { recursive: true, force: true });
  return measure(["node", BIN, "build", "--config", join(project, "site-config.json")]);
}

/** One of the pandas + boto3 scripts over the big month, writing into the project's pandas/. */
function pandasScript(script: string, project: string): Sample {
  return measure(["/usr/bin/python3", join(ROOT, script), "bench-big", "2019_jan_", join(project, "pandas")]);
}

/**
 * The demo's reports: the four the performance goal names (and pandas_reports.py computes), without
 * its map report, which reads the demo's shapes file and a district column the bench's data lacks.
 */
function demoReports(): unknown[] {
  const config = JSON.parse(readFileSync(join(ROOT, "site-config.json"), "utf8")) as {
    reports?: { map?: unknown }[];
  };
  const reports = (config.reports ?? []).filter((r) => r.map === undefined);
  if (reports.length !== 4) throw new Error("site-config.json should have four reports without a map for the bench");
  return reports;
}

/** 2. A second build && deploy with nothing new, 12 months, against a no-op aws s3 sync. */
async function noOp(): Promise<void> {
  const project = await history(12);
  const config = join(project, "site-config.json");
  const ours = repeat(RUNS, () => buildAndDeploy(project));
  const publish = repeat(RUNS, () => measure(["node", BIN, "publish", "--config", config]));
  const build = repeat(RUNS, () => measure(["node", BIN, "build", "--config", config]));
  const deploy = repeat(RUNS, () => measure(["node", BIN, "deploy", "--config", config]));
  // what any Node process on the SDK pays before doing anything of its own, and any two
  const floor1 = repeat(RUNS, () => measure(["node", LIST_FLOOR, "bench-h12"]));
  const floor = repeat(RUNS, () =>
    measure(["bash", "-c", `node "${LIST_FLOOR}" bench-h12 && node "${LIST_FLOOR}" bench-h12-site`]),
  );
  const aws = [
    "aws",
    "s3",
    "sync",
    "--acl",
    "public-read",
    "--only-show-errors",
    join(project, "dist"),
    "s3://bench-aws-12/",
  ];
  execFileSync("aws", ["s3", "mb", "s3://bench-aws-12"], { stdio: "ignore" });
  execFileSync(aws[0]!, aws.slice(1), { stdio: "ignore" });
  const sync = repeat(RUNS, () => measure(aws));
  console.log("\n2. Nothing new since the last run: 12 months, second build && deploy");
  table(
    ["job", "median s", "peak RSS MB", "vs aws s3 sync"],
    [
      ["reportsite build && reportsite deploy (two processes)", s(ours), mb(ours), ratio(ours, sync)],
      ["reportsite publish (build, then deploy, one process)", s(publish), mb(publish), ratio(publish, sync)],
      ["floor: 2 x (node + AWS SDK v3 + one listing), bundled", s(floor), mb(floor), ratio(floor, sync)],
      ["reportsite build alone", s(build), mb(build), ratio(build, sync)],
      ["reportsite deploy alone", s(deploy), mb(deploy), ratio(deploy, sync)],
      ["floor: node + AWS SDK v3 + one listing, bundled", s(floor1), mb(floor1), ratio(floor1, sync)],
      ["aws s3 sync --acl public-read dist/ (no-op)", s(sync), mb(sync), "1.00x"],
    ],
  );
}

/** 3. How a no-op and a one-month change cost as history grows. */
async function scaling(): Promise<void> {
  const rows: string[][] = [];
  for (const months of SCALE) {
    const project = await history(months);
    const noop = repeat(RUNS, () => buildAndDeploy(project));
    const publish = repeat(RUNS, () =>
      measure(["node", BIN, "publish", "--config", join(project, "site-config.json")]),
    );
    let edit = 0;
    const change = repeat(RUNS, () => {
      // one day of the newest month changes (a re-export): one file read, one month rendered and uploaded
      const last = monthOf(months - 1);
      const date = new Date(Date.UTC(last.year, last.month - 1, 1));
      const body = generateDay(date, { rows: [200, 200], seed: 1000 + edit++ });
      execFileSync("aws", ["s3", "cp", "-", `s3://bench-h${months}/${sampleKey(date)}`, "--only-show-errors"], {
        input: body,
      });
      return buildAndDeploy(project);
    });
    rows.push([String(months), String(months * 31), s(noop), s(publish), s(change), mb(change)]);
  }
  console.log("\n3. Cost as history grows (31 daily files x 200 rows a month): build && deploy, and publish");
  table(["months", "raw files", "no-op s", "no-op publish s", "one month changed s", "peak RSS MB"], rows);
}

/** 4. Start-up: everything loaded before the first useful output. */
function startup(): void {
  const missing = join(tmpdir(), "reportsite-bench-no-config", "site-config.json");
  const ours = repeat(RUNS * 2, () => measure(["node", BIN, "build", "--config", missing], true));
  const bare = repeat(RUNS * 2, () => measure(["node", "-e", "0"]));
  console.log("\n4. Start-up: `reportsite build` until it reports a missing config");
  table(
    ["job", "median s", "vs node -e 0"],
    [
      ["reportsite build (missing config)", s(ours), ratio(ours, bare)],
      ["node -e 0", s(bare), "1.00x"],
    ],
  );
}

/** A project whose raw bucket holds `months` months (small files), built and deployed once. */
async function history(months: number): Promise<string> {
  const bucket = `bench-h${months}`;
  const project = projectDir(`h${months}`, bucket);
  if (!existsSync(join(project, "dist"))) {
    const files = Array.from({ length: months }, (_, i) => monthOf(i)).flatMap((m) =>
      generateMonth(m.year, m.month, { rows: [200, 200] }),
    );
    await upload(bucket, files);
    buildAndDeploy(project);
  }
  return project;
}

function monthOf(index: number): { year: number; month: number } {
  return { year: 2015 + Math.floor(index / 12), month: (index % 12) + 1 };
}

function buildAndDeploy(project: string): Sample {
  const config = join(project, "site-config.json");
  return measure([
    "bash",
    "-c",
    `node "${BIN}" build --config "${config}" && node "${BIN}" deploy --config "${config}"`,
  ]);
}

function projectDir(name: string, bucket: string, extra: Record<string, unknown> = {}): string {
  const dir = join(tmpdir(), `reportsite-bench-project-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = {
    region: "us-east-1",
    endpoint: process.env.S3_ENDPOINT,
    websiteEndpoint: process.env.S3_WEBSITE_ENDPOINT,
    raw: { bucket },
    site: { bucket: `${bucket}-site` },
    ...extra,
  };
  writeFileSync(join(dir, "site-config.json"), JSON.stringify(config, null, 2));
  return dir;
}

/**
 * The big month's files, generated once and kept in bench/.data/: wide, with the case_age_days column
 * and the "Closed" status the four reports read (the folder's name says so: older folders lack them).
 */
function bigMonthFiles(): { key: string; body: Buffer }[] {
  const dir = join(DATA, `big-case-age-${ROWS}`);
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: 31 }, (_, i) => {
    const date = new Date(Date.UTC(2019, 0, i + 1));
    const key = sampleKey(date);
    const path = join(dir, key);
    if (!existsSync(path)) writeFileSync(path, generateDay(date, { rows: [ROWS, ROWS], wide: true, caseAge: true }));
    return { key, body: readFileSync(path) };
  });
}

async function upload(bucket: string, files: { key: string; body: string | Buffer }[]): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < files.length) {
        const f = files[next++]!;
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: f.key, Body: f.body }));
      }
    }),
  );
}

/** The benchmark compares like with like: our CSV must hold pandas' numbers. */
function checkSameCounts(project: string): void {
  const read = (path: string) =>
    Object.fromEntries(
      readFileSync(path, "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => [
          line.slice(0, line.lastIndexOf(",")).replace(/^"|"$/g, ""),
          line.slice(line.lastIndexOf(",") + 1),
        ]),
    );
  const ours = read(join(project, "dist/2019/jan/final_report.csv"));
  const pandas = read(join(project, "pandas/final_report.csv"));
  delete ours["(blank)"]; // pandas drops blank groups; we count them under (blank)
  if (JSON.stringify(Object.entries(ours).sort()) !== JSON.stringify(Object.entries(pandas).sort())) {
    throw new Error(`the counts differ from pandas':\n${JSON.stringify(ours)}\n${JSON.stringify(pandas)}`);
  }
}

/**
 * The four-report build holds pandas' four tables: the same groups with the same numbers, blank
 * groups aside (pandas drops them; we count them under (blank)). pandas' service x type counts (what
 * the stacked chart draws) are summed to our CSV's groups when our CSV leaves the split out.
 */
function checkSameReports(project: string): void {
  for (const id of ["requests-by-service", "requests-by-district", "days-to-close", "when-requests-arrive"]) {
    const ours = reportCsv(join(project, `dist/2019/jan/${id}.csv`));
    const pandas = reportCsv(join(project, `pandas/${id}.csv`), ours.keys);
    for (const key of [...ours.values.keys()]) if (key.includes(BLANK)) ours.values.delete(key);
    const keys = new Set([...ours.values.keys(), ...pandas.values.keys()]);
    const differ = [...keys].filter((key) => !sameValue(ours.values.get(key), pandas.values.get(key)));
    if (differ.length > 0)
      throw new Error(
        `${id}: ${differ.length} groups differ from pandas', e.g. ${differ[0]}: ${ours.values.get(differ[0]!)} vs ${pandas.values.get(differ[0]!)}`,
      );
  }
}

function sameValue(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9;
}

/**
 * A report CSV: its number of key columns, and the first `keys` cells (tab-joined) -> the value
 * (NaN when blank: no value), summed over the key columns beyond `keys`.
 */
function reportCsv(path: string, keys?: number): { keys: number; values: Map<string, number> } {
  const { header, rows } = parseCsvSample(readFileSync(path, "utf8"));
  const n = keys ?? header.length - 1;
  const values = new Map<string, number>();
  for (const cells of rows) {
    const key = cells.slice(0, n).join("\t");
    const value = cells.at(-1) ? Number(cells.at(-1)) : NaN;
    values.set(key, values.has(key) ? values.get(key)! + value : value);
  }
  return { keys: n, values };
}

function measure(command: string[], allowFailure = false): Sample {
  const args = [MEASURE, ...(allowFailure ? ["--allow-fail"] : []), ...command];
  return JSON.parse(execFileSync("/usr/bin/python3", args, { encoding: "utf8" })) as Sample;
}

function repeat(runs: number, job: () => Sample): Sample {
  const samples = Array.from({ length: runs }, job);
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { seconds: median(samples.map((x) => x.seconds)), maxrss_kb: Math.max(...samples.map((x) => x.maxrss_kb)) };
}

function row(name: string, sample: Sample, pandas: Sample, floor: Sample): string[] {
  return [name, s(sample), mb(sample), ratio(sample, pandas), ratio(sample, floor)];
}
function s(x: Sample): string {
  return x.seconds.toFixed(2);
}
function mb(x: Sample): string {
  return (x.maxrss_kb / 1024).toFixed(0);
}
function ratio(a: Sample, b: Sample): string {
  return `${(a.seconds / b.seconds).toFixed(2)}x`;
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
}
