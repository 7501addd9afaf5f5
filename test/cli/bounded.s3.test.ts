/**
 * Bounded by design: one huge cell in the groupBy column, or an ID column
 * grouped by mistake, gives a warning or a clear early error within a small heap, never a site of
 * hundreds of megabytes or an out-of-memory crash.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { generateMonth } from "../../scripts/sample/generate.js";
import { runCli } from "../support/cli.js";
import { createBucket, tempDir, testClient, testServer, uniqueBucket } from "../support/s3.js";

/**
 * The heap the CLI gets (V8's --max-old-space-size, in MB), the bound README "Memory" states for these
 * months: it holds Vega, the month's counts and a few copies of the huge value.
 */
const HEAP_MB = 256;
const HUGE_CELL_CHARS = 10 * 1024 * 1024;

/** A project whose raw bucket holds `objects`, with site-config.json pointing at the test server. */
async function project(objects: Record<string, string>, report: Record<string, unknown> = {}) {
  const s3 = testServer();
  const raw = uniqueBucket("bounded-raw");
  await createBucket(testClient(), raw, objects);
  const dir = tempDir("bounded-");
  const config = {
    endpoint: s3.endpoint,
    websiteEndpoint: s3.websiteEndpoint,
    raw: { bucket: raw, concurrency: 2 },
    site: { bucket: uniqueBucket("bounded-site") },
    report,
  };
  writeFileSync(join(dir, "site-config.json"), JSON.stringify(config));
  return dir;
}

/** `reportsite build --verbose` (a line per raw file read) with a heap of HEAP_MB. */
function buildWithSmallHeap(dir: string) {
  const s3 = testServer();
  return runCli(["build", "--verbose"], {
    cwd: dir,
    env: {
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_REGION: s3.region,
      NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
    },
  });
}

/** Every file below `dir`, by path relative to it, with its size. */
function sizes(dir: string, prefix = ""): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(out, sizes(dir, path));
    else out[path] = statSync(join(dir, path)).size;
  }
  return out;
}

const NO_STACK = /^\s+at /m;

describe("one huge cell in the groupBy column", () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  const huge = `Pothole ${"x".repeat(HUGE_CELL_CHARS - 8)}`;
  beforeAll(async () => {
    const days = generateMonth(2019, 1, { rows: [20, 30] }).slice(0, 3);
    // the third row of day 2 gets the huge service_name (column 5): line 4 of its file
    const lines = days[1]!.body.split("\n");
    const cells = lines[3]!.split(",");
    cells[4] = huge;
    lines[3] = cells.join(",");
    days[1]!.body = lines.join("\n");
    dir = await project(Object.fromEntries(days.map((d) => [d.key, d.body])));
    result = await buildWithSmallHeap(dir);
  }, 180_000);

  test("the build succeeds within the small heap and warns, naming the file and line", () => {
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      "2019-01: 2019_jan_02_gid_requests.csv: line 4: a service_name value of 10,485,760 characters; pages and charts show it shortened to 200 characters, the month's CSV keeps it whole",
    );
  });

  test("pages and charts show it shortened; the month's CSV keeps the exact value", () => {
    const dist = join(dir, "dist");
    const files = sizes(dist);
    const csv = readFileSync(join(dist, "2019/jan/final_report.csv"), "utf8");
    expect(csv).toContain(`\n${huge},1\n`);
    // every page is small: only the data files (the month's CSV, summary.json and summary.csv) hold the value
    for (const [path, size] of Object.entries(files)) {
      if (/\.html$/.test(path)) expect.soft(size, path).toBeLessThan(1_000_000);
    }
    const total = Object.values(files).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(4 * HUGE_CELL_CHARS);
    const table = readFileSync(join(dist, "2019/jan/final_report.html"), "utf8");
    expect(table).toContain(`title="Shortened from 10,485,760 characters; the CSV file has the whole value."`);
    expect(table).toMatch(/>Pothole x{190}x*…</);
    const chart = readFileSync(join(dist, "2019/jan/final_chart.html"), "utf8");
    expect(chart).toContain(`Pothole ${"x".repeat(191)}…`);
  });
});

describe("an ID column as groupBy", () => {
  test("stops early with a message naming the column, the limit and the file, within the small heap", async () => {
    const month = generateMonth(2019, 1, { rows: [1500, 1500] });
    const dir = await project(Object.fromEntries(month.map((d) => [d.key, d.body])), {
      groupBy: ["service_request_id"],
    });
    const result = await buildWithSmallHeap(dir);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /report\.groupBy "service_request_id" has more than 5,000 distinct values in 2019-01 \(passed in file 2019_jan_\d\d_gid_requests\.csv\): did you pick an ID column\?/,
    );
    expect(result.stderr).toMatch(/hint: .*set report\.maxGroups in site-config\.json to raise the limit of 5,000/);
    // in the scan, as soon as the count passes the limit: the 4th file of 1,500 IDs counted passes
    // 5,000 (and stops before its line); 2 reads at a time, so at most one more was under way
    const read = result.stdout.match(/^read 2019_jan_\d\d_gid_requests\.csv/gm) ?? [];
    expect(read.length).toBeGreaterThanOrEqual(3);
    expect(read.length).toBeLessThanOrEqual(4);
  }, 180_000);
});
